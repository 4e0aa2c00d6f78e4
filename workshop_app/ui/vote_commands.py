"""Undo commands for the voting page: each one a service call and the call that takes it
back (see ``commands.ServiceCommand``)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from workshop_app.models import Ballot
from workshop_app.services import voting
from workshop_app.services.vote_counting import Mark
from workshop_app.ui.commands import ServiceCommand
from workshop_app.ui.context import Changes, WorkshopContext


def _tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


def create_round_command(
    context: WorkshopContext, draft: voting.RoundDraft, round_id: str
) -> ServiceCommand:
    return ServiceCommand(
        context,
        _tr("New vote round “{title}”").format(title=draft.title),
        lambda s: voting.create_round(s, context.workshop_id, draft, round_id),
        lambda s: voting.delete_round(s, round_id),
        Changes.VOTES,
    )


def delete_round_command(context: WorkshopContext, vote_round: voting.RoundRow) -> ServiceCommand:
    return ServiceCommand(
        context,
        _tr("Delete vote round “{title}”").format(title=vote_round.title),
        lambda s: voting.delete_round(s, vote_round.id),
        lambda s: voting.restore_round(s, vote_round.id),
        Changes.VOTES,
    )


def open_round_command(context: WorkshopContext, vote_round: voting.RoundRow) -> ServiceCommand:
    was_closed = vote_round.state == "closed"

    def take_back(session: Session) -> None:
        if was_closed:
            voting.close_round(session, vote_round.id)
        else:
            voting.back_to_draft(session, vote_round.id)

    return ServiceCommand(
        context,
        _tr("Open voting in “{title}”").format(title=vote_round.title),
        lambda s: voting.open_round(s, vote_round.id),
        take_back,
        Changes.VOTES,
    )


def close_round_command(context: WorkshopContext, vote_round: voting.RoundRow) -> ServiceCommand:
    return ServiceCommand(
        context,
        _tr("Close voting in “{title}”").format(title=vote_round.title),
        lambda s: voting.close_round(s, vote_round.id),
        lambda s: voting.open_round(s, vote_round.id),
        Changes.VOTES,
    )


def reveal_command(context: WorkshopContext, round_id: str, revealed: bool) -> ServiceCommand:
    return ServiceCommand(
        context,
        _tr("Show results on the projector") if revealed else _tr("Hide results"),
        lambda s: voting.set_revealed(s, round_id, revealed),
        lambda s: voting.set_revealed(s, round_id, not revealed),
        Changes.VOTES,
    )


def tally_command(
    context: WorkshopContext,
    round_id: str,
    idea_id: str,
    sector_id: str | None,
    rank: int | None,
    count: int,
    before: int,
) -> ServiceCommand:
    return ServiceCommand(
        context,
        _tr("Paper count {count}").format(count=count),
        lambda s: voting.set_tally(s, round_id, idea_id, sector_id, count, rank),
        lambda s: voting.set_tally(s, round_id, idea_id, sector_id, before, rank),
        Changes.BALLOTS,
    )


def cast_ballot_command(
    context: WorkshopContext,
    round_id: str,
    attendee_id: str | None,
    marks: Sequence[Mark],
    cast_by: str,
    *,
    replaces: str | None = None,
    name: str = "",
) -> ServiceCommand:
    """Cast a ballot (replacing ``replaces``, the voter's earlier one, if given)."""
    ballot_id = str(uuid.uuid4())

    def take_back(session: Session) -> None:
        voting.withdraw_ballot(session, ballot_id)
        if replaces is not None:
            voting.restore_ballot(session, replaces)

    def cast(session: Session) -> str:
        if replaces is not None:
            voting.withdraw_ballot(session, replaces)
        stored = session.get(Ballot, ballot_id)
        if stored is not None:  # redo after undo: the same ballot comes back
            voting.restore_ballot(session, ballot_id)
            return ballot_id
        return voting.cast_ballot(
            session, round_id, attendee_id, list(marks), cast_by, ballot_id=ballot_id
        )

    return ServiceCommand(
        context,
        _tr("Ballot of {name}").format(name=name) if name else _tr("Paper ballot"),
        cast,
        take_back,
        Changes.BALLOTS,
    )


def withdraw_ballot_command(context: WorkshopContext, ballot: voting.BallotRow) -> ServiceCommand:
    return ServiceCommand(
        context,
        _tr("Withdraw ballot of {name}").format(name=ballot.voter_name or "-"),
        lambda s: voting.withdraw_ballot(s, ballot.id),
        lambda s: voting.restore_ballot(s, ballot.id),
        Changes.BALLOTS,
    )
