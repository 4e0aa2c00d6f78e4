"""What the minutes (รายงานการประชุม) say, gathered once as plain data.

The PDF and DOCX writers (and the WeasyPrint comparison in bench/) lay out the same
``MinutesContent``; none of them reads the database. The headings and their order follow
form 11 of the correspondence regulation of 2526 (DOMAIN.md). Numbers the app writes
(dates, times, counts, scores) honour the Thai-digits option; text people typed is kept
exactly as typed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from workshop_app.models import RoundState, WorkshopKind
from workshop_app.services.attendees import AttendeeRow, list_attendees, present_on, sector_counts
from workshop_app.services.ideas import IdeaRow, kind_label, list_ideas
from workshop_app.services.meetings import (
    MotionResult,
    has_comment_details,
    list_comments,
    list_days,
    list_groups,
    list_members,
    motion_results,
    quorum,
)
from workshop_app.services.projects import list_projects, plan_totals
from workshop_app.services.vote_report import cast_summary, number, ranked
from workshop_app.services.voting import METHOD_LABELS, label, list_rounds, round_results
from workshop_app.services.workshops import (
    NumberedRow,
    WorkshopDetails,
    get_workshop,
    list_agenda,
    list_issues,
    list_sectors,
)
from workshop_app.thai.dates import be_year, format_thai_date, format_thai_time
from workshop_app.thai.money import format_baht
from workshop_app.thai.normalize import to_thai_digits

# How many ideas of each issue the body lists; the appendix lists them all.
IDEAS_IN_BODY = 10
# How many ideas of a round the chart shows.
IDEAS_IN_CHART = 10
# The heading of the results when no agenda item reports them.
RESULTS_HEADING = "ผลการระดมความคิดเห็นและการลงคะแนน"
WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
APPENDIX_NOTE = "รายการความคิดเห็นทั้งหมดอยู่ในภาคผนวกท้ายรายงานนี้"


@dataclass(frozen=True)
class PersonLine:
    """One person as the minutes name them: never phone, e-mail or ID."""

    name: str
    position: str
    organisation: str
    note: str = ""  # "มาประชุมแทน ..." or the reason for absence

    @property
    def text(self) -> str:
        """ "นายสมชาย ใจดี ผู้อำนวยการ สำนักงาน..." with the note after it."""
        parts = [self.name, self.position, self.organisation]
        text = " ".join(p for p in parts if p)
        return f"{text} {self.note}" if self.note else text


@dataclass(frozen=True)
class SectorGroup:
    name: str
    people: list[PersonLine]


@dataclass(frozen=True)
class IdeaLine:
    text: str
    kind: str  # "ปัญหา", "ข้อเสนอโครงการ", ...
    sector: str
    cards: int  # this card and every card merged into it


@dataclass(frozen=True)
class IssueResults:
    heading: str  # "ประเด็นการพัฒนาที่ 1 ..."
    cards: int  # every card written under the issue, merged ones included
    ideas: list[IdeaLine]  # in board order

    def most_supported(self, limit: int = IDEAS_IN_BODY) -> list[IdeaLine]:
        """The ideas written on the most cards, board order among equals."""
        return sorted(self.ideas, key=lambda idea: -idea.cards)[:limit]


@dataclass(frozen=True)
class ChartBar:
    label: str  # the rank, as in the table
    shares: list[float]  # one per sector of ``VoteResults.sectors``


@dataclass(frozen=True)
class VoteRow:
    rank: str  # "3=" when tied
    text: str
    score: str
    voters: str


@dataclass(frozen=True)
class VoteResults:
    heading: str  # "การลงคะแนนรอบที่ 1 ..."
    summary: str  # method, ballots and how they came in
    rows: list[VoteRow]
    sectors: list[tuple[str, str]]  # (name, "#rrggbb") in the chart's stacking order
    chart: list[ChartBar]  # the best ideas, best first
    caption: str  # what the chart shows


@dataclass(frozen=True)
class MinutesSection:
    """One agenda item (ระเบียบวาระที่ n, or a sub-item n.m) with its record and
    resolution; ``votes`` are the sentences of its counted motions."""

    heading: str
    text: str
    resolution: str
    shows_results: bool
    level: int = 0  # 1: a sub-item
    votes: tuple[str, ...] = ()
    # An item with sub-items: each sub-item has its own มติ, the item none of its own
    # unless one was written.
    has_subitems: bool = False


@dataclass(frozen=True)
class DayPart:
    """One day of the meeting: its heading (empty for a one-day meeting), attendance,
    start and end, and its agenda items."""

    heading: str
    attendance: str  # "ผู้เข้าร่วมประชุม 46 คน ได้แก่ ..." ("" for a one-day meeting)
    start_line: str
    sections: list[MinutesSection]
    end_line: str


@dataclass(frozen=True)
class CommentLine:
    text: str
    commenter: str
    answer: str
    change: str


@dataclass(frozen=True)
class CommentGroup:
    heading: str  # the issue
    comments: list[CommentLine]


@dataclass(frozen=True)
class GroupReport:
    heading: str  # "กลุ่มที่ 1 อำเภอเมืองเชียงราย"
    lines: list[str]  # facilitator, presenter, how many ideas
    report: str


@dataclass(frozen=True)
class PlanIssueLine:
    issue: str
    projects: str
    budget: str


@dataclass(frozen=True)
class Signature:
    role: str  # ผู้จดรายงานการประชุม / ผู้ตรวจรายงานการประชุม
    name: str
    position: str


@dataclass(frozen=True)
class MinutesContent:
    title: str  # "รายงานการประชุม..."
    number_line: str  # "ครั้งที่ 1/2569" ("" when the number is not set)
    date_line: str  # "เมื่อวันที่ 25 พฤษภาคม 2566"
    venue_line: str  # "ณ ห้องประชุม..."
    # ผู้มาประชุม: members and stand-ins (one group without a name); at a workshop with
    # no committee members, everyone present, by sector.
    present: list[SectorGroup]
    absent: list[PersonLine]  # ผู้ไม่มาประชุม
    participants: list[SectorGroup]  # ผู้เข้าร่วมประชุม, by sector
    start_line: str  # "เริ่มประชุมเวลา 09.30 น." (of the first day)
    sections: list[MinutesSection]  # every day's, in order
    issues: list[IssueResults]
    votes: list[VoteResults]
    end_line: str  # "เลิกประชุมเวลา 16.30 น." (of the last day)
    signatures: list[Signature]
    with_appendix: bool
    thai_digits: bool
    chair_line: str = ""  # who chaired, the Thai way
    opening: str = ""  # members, present, quorum, and the opening sentence
    days: list[DayPart] = field(default_factory=list)
    # Participants as counts by sector (large meetings), their names then attached.
    participant_counts: list[tuple[str, str]] = field(default_factory=list)
    participant_total: str = ""
    participant_appendix: list[SectorGroup] = field(default_factory=list)
    goals: list[tuple[str, str]] = field(default_factory=list)  # (label, text)
    comments: list[CommentGroup] = field(default_factory=list)
    groups: list[GroupReport] = field(default_factory=list)
    plan: list[PlanIssueLine] = field(default_factory=list)
    plan_total: str = ""
    hearing: bool = False  # the ideas are a hearing's comments: shown with answers

    @property
    def has_results(self) -> bool:
        return bool(self.issues or self.votes or self.comments or self.groups or self.plan)

    def digits(self, text: str) -> str:
        return _digits(text, self.thai_digits)

    def idea_text(self, idea: IdeaLine) -> str:
        """The idea, with how many cards it gathers when more than its own."""
        return idea.text + (self.digits(f" (รวม {idea.cards} บัตร)") if idea.cards > 1 else "")

    def issue_summary(self, issue: IssueResults) -> str:
        """The sentence before an issue's best ideas: how many cards, how many ideas
        once duplicates were merged, and which ideas follow."""
        shown = len(issue.most_supported())
        merged = any(idea.cards > 1 for idea in issue.ideas)
        summary = f"มีความคิดเห็น {issue.cards} บัตร"
        if merged:
            summary += f" เมื่อรวมความคิดเห็นที่ซ้ำกันแล้วเหลือ {len(issue.ideas)} ความคิดเห็น"
        if shown == len(issue.ideas):
            summary += " ได้แก่"
        elif merged:
            summary += f" ความคิดเห็นที่มีผู้เสนอมากที่สุด {shown} ลำดับแรก ได้แก่"
        else:
            summary += f" {shown} ความคิดเห็นแรก ได้แก่"
        return self.digits(summary)

    def points_to_appendix(self, issue: IssueResults) -> bool:
        """The body lists only some of the issue's ideas; the appendix has them all."""
        return self.with_appendix and len(issue.most_supported()) < len(issue.ideas)

    def texts(self) -> Iterator[str]:
        """Everything people typed that the minutes print, to check a written file."""
        yield from (self.title, self.venue_line)
        yield from (person.text for person in self.absent)
        for group in (*self.present, *self.participants):
            yield group.name
            yield from (person.text for person in group.people)
        yield self.chair_line
        for section in self.sections:
            yield from (section.heading, section.text, section.resolution)
        for _label, goal in self.goals:
            yield goal
        for comment_group in self.comments:
            for comment in comment_group.comments:
                yield from (comment.text, comment.commenter, comment.answer, comment.change)
        for issue in self.issues:
            yield issue.heading
            ideas = issue.ideas if self.with_appendix else issue.most_supported()
            yield from (idea.text for idea in ideas)
        for vote in self.votes:
            yield vote.heading
            yield from (row.text for row in vote.rows)
        for signature in self.signatures:
            yield from (signature.name, signature.position)


def _digits(text: str, thai_digits: bool) -> str:
    """``text`` with Thai digits when the minutes are written with them."""
    return to_thai_digits(text) if thai_digits else text


def minutes_title(workshop_title: str, body_name: str = "") -> str:
    """ "รายงานการประชุม" + the body or the meeting's name, without saying "ประชุม"
    twice ("โครงการประชุมเชิงปฏิบัติการ..." gives "รายงานการประชุมเชิงปฏิบัติการ...")."""
    name = body_name or workshop_title
    for said in ("โครงการการประชุม", "โครงการประชุม", "การประชุม", "ประชุม"):
        if name.startswith(said):
            name = name[len(said) :]
            break
    return f"รายงานการประชุม{name}"


def _person(row: AttendeeRow, note: str = "") -> PersonLine:
    return PersonLine(row.full_name, row.position, row.organisation, note)


def _issue_results(
    session: Session, workshop_id: str, thai_digits: bool, board: list[IdeaRow]
) -> list[IssueResults]:
    by_issue: dict[str, list[IdeaRow]] = {}
    for idea in board:
        by_issue.setdefault(idea.issue_id, []).append(idea)
    results = []
    for issue in list_issues(session, workshop_id):
        ideas = [
            IdeaLine(i.text, kind_label(i.kind), i.sector_name, 1 + i.merged_count)
            for i in by_issue.get(issue.id, [])
        ]
        if ideas:
            cards = sum(i.cards for i in ideas)
            heading = f"ประเด็นการพัฒนาที่ {_digits(str(issue.number), thai_digits)} {issue.title}"
            results.append(IssueResults(heading, cards, ideas))
    return results


def _vote_results(session: Session, workshop_id: str, thai_digits: bool) -> list[VoteResults]:
    def digits(text: str) -> str:
        return _digits(text, thai_digits)

    votes = []
    for vote_round in list_rounds(session, workshop_id):
        if vote_round.state == RoundState.DRAFT.value:
            continue
        results = round_results(session, vote_round.id)
        count = results.count
        if not count.ballots and not count.paper_votes:
            continue
        summary = f"วิธีลงคะแนน: {label(METHOD_LABELS, vote_round.method)}"
        if count.ballots:
            summary += f" บัตร {count.ballots} ใบ ({cast_summary(count, 'th')})"
        if count.paper_votes:
            summary += f" ยอดนับจากกระดาษ/สติกเกอร์ {count.paper_votes}"
        best = ranked(count)
        rows = [
            VoteRow(
                digits(rank),
                results.idea_texts.get(r.idea_id, ""),
                digits(number(score)),
                digits(str(r.voters)),
            )
            for rank, score, r in best
        ]
        sector_ids: list[str | None] = [t.sector_id for t in results.turnout]
        sectors = [(t.name, t.colour) for t in results.turnout]
        if any(None in r.by_sector for r in count.ideas):
            sector_ids.append(None)
            sectors.append(("ไม่ระบุภาคส่วน", "#9e9e9e"))
        shown = best[:IDEAS_IN_CHART]
        # Only the sectors with a share in the chart: the legend names what is drawn.
        used = [i for i, s in enumerate(sector_ids) if any(r.by_sector.get(s) for _, _, r in shown)]
        chart = [
            ChartBar(digits(rank), [r.by_sector.get(sector_ids[i], 0.0) for i in used])
            for rank, _score, r in shown
        ]
        sectors = [sectors[i] for i in used]
        caption = digits(f"คะแนน {len(chart)} ลำดับแรก แยกตามภาคส่วนของผู้ลงคะแนน")
        heading = f"การลงคะแนนรอบที่ {digits(str(vote_round.number))} {vote_round.title}"
        votes.append(VoteResults(heading, digits(summary), rows, sectors, chart, caption))
    return votes


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _thai_digits_everywhere(value: Any) -> Any:
    """Every string in the minutes' data with Thai digits, the numbers people typed into
    fields (ครั้งที่ 4/2566 in an item's title) as well as those the app writes."""
    if isinstance(value, str):  # a chart's colours ("#1f77b4") are no numbers
        return value if _COLOUR.match(value) else to_thai_digits(value)
    if isinstance(value, list):
        return [_thai_digits_everywhere(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_thai_digits_everywhere(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _thai_digits_everywhere(getattr(value, f.name))
            for f in fields(value)
            if f.name != "thai_digits"
        }
        return replace(value, **changes)
    return value


def _chair_line(details: WorkshopDetails) -> str:
    """Who chaired, as Thai minutes write it; on someone's behalf: "ผู้ว่าราชการจังหวัด...
    ติดราชการ มอบหมายให้ นาย... รองผู้ว่าราชการจังหวัด... เป็นประธานในที่ประชุม"."""
    chair = " ".join(p for p in (details.chair, details.chair_position) if p)
    if not chair:
        return ""
    if details.chair_on_behalf_of:
        reason = details.chair_away_reason or "ติดราชการ"
        return f"{details.chair_on_behalf_of} {reason} มอบหมายให้ {chair} เป็นประธานในที่ประชุม"
    return f"{chair} ประธานในที่ประชุม"


def _vote_sentence(result: MotionResult) -> str:
    """ "ที่ประชุมมีมติเห็นชอบ ด้วยคะแนนเสียง 15 เสียง งดออกเสียง 1 เสียง" (no zero counts)."""
    counts = {
        "เห็นชอบ": result.for_votes,
        "ไม่เห็นชอบ": result.against,
        "งดออกเสียง": result.abstain,
    }
    decision = "เห็นชอบ" if result.carried else "ไม่เห็นชอบ"
    sentence = f"ที่ประชุมมีมติ{decision} ด้วยคะแนนเสียง {counts.pop(decision)} เสียง"
    sentence += "".join(f" {label} {n} เสียง" for label, n in counts.items() if n)
    return f"{result.text}: {sentence}" if result.text else sentence


def _sections(
    session: Session, items: list[NumberedRow], results: bool = True
) -> list[MinutesSection]:
    sections = []
    parents = {item.parent_id for item in items if item.parent_id}
    for item in items:
        word = "ระเบียบวาระที่" if item.parent_id is None else ""
        heading = f"{word} {item.label} {item.title}".strip()
        votes = tuple(_vote_sentence(r) for r in motion_results(session, item.id) if r.counted)
        sections.append(
            MinutesSection(
                heading,
                item.record or item.detail,
                item.resolution,
                item.shows_results and results,
                0 if item.parent_id is None else 1,
                votes,
                item.id in parents,
            )
        )
    return sections


def _time_line(word: str, time: dt.time | None) -> str:
    return f"{word}เวลา {format_thai_time(time) if time else '......... น.'}"


def _comments(session: Session, workshop_id: str) -> list[CommentGroup]:
    by_issue: dict[str, list[CommentLine]] = {}
    for comment in list_comments(session, workshop_id):
        line = CommentLine(
            comment.text, comment.commenter or "-", comment.answer, comment.plan_change
        )
        by_issue.setdefault(comment.issue_id, []).append(line)
    heading = "ประเด็นการพัฒนาที่ {number} {title}"
    return [
        CommentGroup(
            # A preset's placeholder title already says "ประเด็นการพัฒนาที่ n".
            issue.title
            if issue.title.startswith("ประเด็น")
            else heading.format(number=issue.number, title=issue.title),
            by_issue[issue.id],
        )
        for issue in list_issues(session, workshop_id)
        if issue.id in by_issue
    ]


def _groups(session: Session, workshop_id: str, cards: list[IdeaRow]) -> list[GroupReport]:
    ideas: dict[str, int] = {}
    for idea in cards:
        ideas[idea.breakout_group] = ideas.get(idea.breakout_group, 0) + 1 + idea.merged_count
    issues = {i.id: i for i in list_issues(session, workshop_id)}
    reports = []
    for group in list_groups(session, workshop_id):
        heading = f"กลุ่มที่ {group.number} {group.name}"
        if group.issue_id in issues:
            issue = issues[group.issue_id]
            heading += f" (ประเด็นการพัฒนาที่ {issue.number} {issue.title})"
        lines = []
        if group.facilitator:
            lines.append(f"วิทยากรประจำกลุ่ม: {group.facilitator}")
        if group.presenter:
            lines.append(f"ผู้นำเสนอผลการประชุมกลุ่ม: {group.presenter}")
        if ideas.get(group.name):
            lines.append(f"ความคิดเห็นของกลุ่ม {ideas[group.name]} บัตร")
        reports.append(GroupReport(heading, lines, group.report))
    return reports


def _plan(session: Session, workshop_id: str) -> tuple[list[PlanIssueLine], str]:
    """The action plan in brief: projects and budget per issue."""
    projects = list_projects(session, workshop_id)
    if not projects:
        return [], ""
    lines = []
    for issue in list_issues(session, workshop_id):
        mine = [p for p in projects if p.draft.issue_id == issue.id]
        if mine:
            budget = plan_totals(p.draft for p in mine).total
            lines.append(
                PlanIssueLine(f"{issue.number}. {issue.title}", str(len(mine)), format_baht(budget))
            )
    total = plan_totals(p.draft for p in projects).total
    return lines, f"รวม {len(projects)} โครงการ งบประมาณ {format_baht(total)} บาท"


def gather_minutes(
    session: Session,
    workshop_id: str,
    *,
    thai_digits: bool = True,
    with_appendix: bool = True,
) -> MinutesContent:
    """Read everything the minutes of a workshop say."""
    details = get_workshop(session, workshop_id)
    people = {p.id: p for p in list_attendees(session, workshop_id)}  # Thai name order
    members = list_members(session, workshop_id)
    member_ids = {m.attendee.id for m in members}
    stand_ins = {p.stand_in_for_id: p for p in people.values() if p.stand_in_for_id in member_ids}
    here = present_on(session, workshop_id, None)
    present: list[PersonLine] = []
    absent: list[PersonLine] = []
    for member in members:
        person, role = member.attendee, member.role
        stand_in = stand_ins.get(person.id)
        if stand_in is not None and stand_in.id in here:
            note = f"มาประชุมแทน {person.full_name} {person.position}".strip()
            present.append(_person(stand_in, " ".join(p for p in (note, role) if p)))
        elif person.id in here:
            present.append(_person(person, role))
        else:
            absent.append(_person(person, " ".join(p for p in (role, person.absence_reason) if p)))
    stand_in_ids = {p.id for p in stand_ins.values()}
    # A stand-in typed as free text (whom they sit for, not linked to a member record):
    # in a body's meeting listed with the members; otherwise among who came, with it.
    for person in people.values():
        if (
            members
            and person.id in here
            and person.stands_in_for
            and person.id not in stand_in_ids
            and person.id not in member_ids
        ):
            present.append(_person(person, f"มาประชุมแทน {person.stands_in_for}"))
            stand_in_ids.add(person.id)
    others = [
        p
        for p in people.values()
        if p.id in here and p.id not in member_ids and p.id not in stand_in_ids
    ]
    by_sector = []
    for sector in list_sectors(session, workshop_id):
        group = [
            _person(p, f"มาประชุมแทน {p.stands_in_for}" if p.stands_in_for else "")
            for p in others
            if p.sector_id == sector.id
        ]
        if group:
            by_sector.append(SectorGroup(sector.name, group))
    listing = details.participant_listing
    as_counts = listing == "appendix" or (
        listing == "auto" and len(others) > details.appendix_threshold
    )
    counts = [(g.name, f"{len(g.people)} คน") for g in by_sector] if as_counts else []
    total = f"รวมผู้เข้าร่วมประชุม {len(others)} คน" if as_counts else ""
    appendix_people = by_sector if as_counts else []
    participants = [] if as_counts else by_sector
    present_groups = [SectorGroup("", present)] if present else []
    if not members:  # no body: the participants are who came
        present_groups, participants = participants, []
        if as_counts:
            total = f"ผู้มาประชุม {len(others)} คน"

    number_line = ""
    if details.meeting_number:
        year = details.meeting_year or (
            be_year(details.start_date.year) if details.start_date else None
        )
        number_line = f"ครั้งที่ {details.meeting_number}" + (f"/{year}" if year else "")
    date_line = ""
    if details.start_date:
        date_line = "เมื่อวันที่ " + format_thai_date(details.start_date)
        if details.end_date and details.end_date != details.start_date:
            date_line += " ถึงวันที่ " + format_thai_date(details.end_date)

    opening = ""
    if members:
        q = quorum(session, workshop_id)
        state = "ครบองค์ประชุม" if q.met else "ไม่ครบองค์ประชุม"
        opening = f"กรรมการทั้งหมด {q.members} คน มาประชุม {q.present} คน {state}"
        if q.met:
            opening += (
                " เมื่อที่ประชุมครบองค์ประชุมแล้ว ประธานกล่าวเปิดประชุมและดำเนินการประชุมตามระเบียบวาระ ดังนี้"
            )
    elif details.chair:
        opening = "ประธานกล่าวเปิดประชุมและดำเนินการประชุมตามระเบียบวาระ ดังนี้"

    agenda = list_agenda(session, workshop_id)
    days = list_days(session, workshop_id)
    parts: list[DayPart] = []
    if len(days) > 1:
        parents = {item.id: item.day_id for item in agenda if item.parent_id is None}
        first_day = days[0].id
        for day in days:
            items = [
                item
                for item in agenda
                if (
                    (item.day_id if item.parent_id is None else parents.get(item.parent_id or ""))
                    or first_day
                )
                == day.id
            ]
            came = sector_counts(session, workshop_id, day_id=day.id)
            total_day = sum(c.present for c in came)
            attendance = f"ผู้เข้าร่วมประชุม {total_day} คน" + (
                " ได้แก่ " + " ".join(f"{c.name} {c.present} คน" for c in came if c.present)
                if total_day
                else ""
            )
            if members:  # the body's attendance and quorum on that day
                q = quorum(session, workshop_id, day.id)
                state = "ครบองค์ประชุม" if q.met else "ไม่ครบองค์ประชุม"
                attendance += f" กรรมการมาประชุม {q.present} คน จาก {q.members} คน {state}"
            parts.append(
                DayPart(
                    f"วัน{WEEKDAYS[day.date.weekday()]}ที่ {format_thai_date(day.date)}",
                    attendance,
                    _time_line("เริ่มประชุม", day.start_time),
                    _sections(session, items),
                    _time_line("เลิกประชุม", day.end_time),
                )
            )
    else:
        start = days[0].start_time if days else details.start_time
        end = days[0].end_time if days else details.end_time
        parts.append(
            DayPart(
                "",
                "",
                _time_line("เริ่มประชุม", start),
                _sections(session, agenda),
                _time_line("เลิกประชุม", end),
            )
        )

    goals = [
        (label, text)
        for label, text in (
            ("วิสัยทัศน์", details.vision),
            ("เป้าหมายการพัฒนาจังหวัด 20 ปี", details.goal_20_year),
            ("เป้าหมายการพัฒนาจังหวัด 5 ปี", details.goal_5_year),
            ("เป้าหมายระยะยาว", details.long_term_targets),
        )
        if text
    ]
    hearing = details.kind == WorkshopKind.PUBLIC_HEARING.value or has_comment_details(
        session, workshop_id
    )
    comments = _comments(session, workshop_id) if hearing else []
    cards = list_ideas(session, workshop_id)
    plan, plan_total = _plan(session, workshop_id)
    signatures = [
        Signature("ผู้จดรายงานการประชุม", details.minutes_taker, details.minutes_taker_position),
        Signature("ผู้ตรวจรายงานการประชุม", details.minutes_checker, details.minutes_checker_position),
    ]
    content = MinutesContent(
        title=minutes_title(details.title, details.body_name),
        number_line=number_line,
        date_line=date_line,
        venue_line=f"ณ {details.venue}" if details.venue else "",
        present=present_groups,
        absent=absent,
        participants=participants,
        start_line=parts[0].start_line,
        sections=[section for part in parts for section in part.sections],
        issues=[] if hearing else _issue_results(session, workshop_id, False, cards),
        votes=_vote_results(session, workshop_id, False),
        end_line=parts[-1].end_line,
        signatures=signatures,
        with_appendix=with_appendix,
        thai_digits=thai_digits,
        chair_line=_chair_line(details),
        opening=opening,
        days=parts,
        participant_counts=counts,
        participant_total=total,
        participant_appendix=appendix_people,
        goals=goals,
        comments=comments,
        groups=_groups(session, workshop_id, cards),
        plan=plan,
        plan_total=plan_total,
        hearing=hearing,
    )
    return _thai_digits_everywhere(content) if thai_digits else content
