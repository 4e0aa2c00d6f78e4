"""What the minutes (รายงานการประชุม) say, gathered once as plain data.

The PDF and DOCX writers (and the WeasyPrint comparison in bench/) lay out the same
``MinutesContent``; none of them reads the database. The headings and their order follow
form 11 of the correspondence regulation of 2526 (DOMAIN.md). Numbers the app writes
(dates, times, counts, scores) honour the Thai-digits option; text people typed is kept
exactly as typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workshop_app.models import AttendeeRole, RoundState
from workshop_app.services.attendees import AttendeeRow, list_attendees
from workshop_app.services.ideas import IdeaRow, kind_label, list_ideas
from workshop_app.services.vote_report import cast_summary, number, ranked
from workshop_app.services.voting import METHOD_LABELS, label, list_rounds, round_results
from workshop_app.services.workshops import get_workshop, list_agenda, list_issues, list_sectors
from workshop_app.thai.dates import be_year, format_thai_date, format_thai_time
from workshop_app.thai.normalize import to_thai_digits

# How many ideas of each issue the body lists; the appendix lists them all.
IDEAS_IN_BODY = 10
# How many ideas of a round the chart shows.
IDEAS_IN_CHART = 10
# The heading of the results when no agenda item reports them.
RESULTS_HEADING = "ผลการระดมความคิดเห็นและการลงคะแนน"
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
    """One agenda item (ระเบียบวาระที่ n) with its text and resolution."""

    heading: str
    text: str
    resolution: str
    shows_results: bool


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
    start_line: str  # "เริ่มประชุมเวลา 09.30 น."
    sections: list[MinutesSection]
    issues: list[IssueResults]
    votes: list[VoteResults]
    end_line: str  # "เลิกประชุมเวลา 16.30 น."
    signatures: list[Signature]
    with_appendix: bool
    thai_digits: bool

    @property
    def has_results(self) -> bool:
        return bool(self.issues or self.votes)

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
        for section in self.sections:
            yield from (section.heading, section.text, section.resolution)
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


def minutes_title(workshop_title: str) -> str:
    """ "รายงานการประชุม" + the meeting's name, without saying "ประชุม" twice."""
    name = workshop_title
    for said in ("การประชุม", "ประชุม"):
        if name.startswith(said):
            name = name[len(said) :]
            break
    return f"รายงานการประชุม{name}"


def _person(row: AttendeeRow, note: str = "") -> PersonLine:
    return PersonLine(row.full_name, row.position, row.organisation, note)


def _issue_results(session: Session, workshop_id: str, thai_digits: bool) -> list[IssueResults]:
    by_issue: dict[str, list[IdeaRow]] = {}
    for idea in list_ideas(session, workshop_id):
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


def gather_minutes(
    session: Session,
    workshop_id: str,
    *,
    thai_digits: bool = True,
    with_appendix: bool = True,
) -> MinutesContent:
    """Read everything the minutes of a workshop say."""
    details = get_workshop(session, workshop_id)

    def digits(text: str) -> str:
        return _digits(text, thai_digits)

    people = list_attendees(session, workshop_id)  # Thai dictionary order
    present: list[PersonLine] = []
    absent: list[PersonLine] = []
    others: list[AttendeeRow] = []
    for person in people:
        here = person.checked_in_at is not None
        if here and person.stands_in_for:
            present.append(_person(person, f"มาประชุมแทน {person.stands_in_for}"))
        elif person.role == AttendeeRole.MEMBER.value:
            if here:
                present.append(_person(person))
            else:
                absent.append(_person(person, person.absence_reason))
        elif here:
            others.append(person)
    participants = []
    for sector in list_sectors(session, workshop_id):
        group = [_person(p) for p in others if p.sector_id == sector.id]
        if group:
            participants.append(SectorGroup(sector.name, group))
    present_groups = [SectorGroup("", present)] if present else []
    if not present and not absent:  # no committee: the participants are who came
        present_groups, participants = participants, []

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
    start = format_thai_time(details.start_time) if details.start_time else "......... น."
    end = format_thai_time(details.end_time) if details.end_time else "......... น."

    sections = [
        MinutesSection(
            f"ระเบียบวาระที่ {digits(str(item.number))} {item.title}",
            item.detail,
            item.resolution,
            item.shows_results,
        )
        for item in list_agenda(session, workshop_id)
    ]
    signatures = [
        Signature("ผู้จดรายงานการประชุม", details.minutes_taker, details.minutes_taker_position),
        Signature("ผู้ตรวจรายงานการประชุม", details.minutes_checker, details.minutes_checker_position),
    ]
    return MinutesContent(
        title=minutes_title(details.title),
        number_line=digits(number_line),
        date_line=digits(date_line),
        venue_line=f"ณ {details.venue}" if details.venue else "",
        present=present_groups,
        absent=absent,
        participants=participants,
        start_line=digits(f"เริ่มประชุมเวลา {start}"),
        sections=sections,
        issues=_issue_results(session, workshop_id, thai_digits),
        votes=_vote_results(session, workshop_id, thai_digits),
        end_line=digits(f"เลิกประชุมเวลา {end}"),
        signatures=signatures,
        with_appendix=with_appendix,
        thai_digits=thai_digits,
    )
