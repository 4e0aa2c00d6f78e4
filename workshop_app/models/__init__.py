"""The ORM: every table of the app (SQLAlchemy 2.0 typed mappings). No Qt here."""

from workshop_app.models.attendee import Attendee, AttendeeRole
from workshop_app.models.base import Base, SyncedRow
from workshop_app.models.idea import Idea, IdeaKind, IdeaMergeEvent, MergeAction
from workshop_app.models.meeting import (
    BodyRole,
    BreakoutGroup,
    CheckIn,
    MeetingDay,
    Motion,
    MotionChoice,
    MotionVote,
)
from workshop_app.models.project import (
    BudgetList,
    Project,
    ProjectActivity,
    ProjectBudget,
    ProjectIdea,
    ReferenceItem,
    ReferenceListName,
)
from workshop_app.models.sync import SyncConflict, sync_devices, sync_log, sync_outbox, sync_servers
from workshop_app.models.vote import (
    Ballot,
    BallotMark,
    CastBy,
    PaperTally,
    RoundState,
    VoteCriterion,
    VoteMethod,
    VoteRound,
    VoteRoundEvent,
    VoteRoundIdea,
)
from workshop_app.models.workshop import (
    AgendaItem,
    Sector,
    StrategicIssue,
    Workshop,
    WorkshopKind,
)

__all__ = [
    "AgendaItem",
    "Attendee",
    "AttendeeRole",
    "Ballot",
    "BallotMark",
    "Base",
    "BodyRole",
    "BreakoutGroup",
    "BudgetList",
    "CastBy",
    "CheckIn",
    "Idea",
    "IdeaKind",
    "IdeaMergeEvent",
    "MeetingDay",
    "MergeAction",
    "Motion",
    "MotionChoice",
    "MotionVote",
    "PaperTally",
    "Project",
    "ProjectActivity",
    "ProjectBudget",
    "ProjectIdea",
    "ReferenceItem",
    "ReferenceListName",
    "RoundState",
    "Sector",
    "StrategicIssue",
    "SyncConflict",
    "SyncedRow",
    "VoteCriterion",
    "VoteMethod",
    "VoteRound",
    "VoteRoundEvent",
    "VoteRoundIdea",
    "Workshop",
    "WorkshopKind",
    "sync_devices",
    "sync_log",
    "sync_outbox",
    "sync_servers",
]
