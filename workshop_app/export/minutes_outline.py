"""The outline of the minutes (รายงานการประชุม), written once for every format: the
headings of form 11 of the correspondence regulation in its words and order, where the
workshop's results go, what a signature block and the appendix say. The PDF and DOCX
writers subclass ``MinutesOutline`` and say only how each kind of part looks."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from workshop_app.services.minutes import (
    APPENDIX_NOTE,
    RESULTS_HEADING,
    MinutesContent,
    SectorGroup,
    VoteResults,
)

VOTE_HEAD = ("อันดับ", "ข้อเสนอ", "คะแนน", "ผู้ลงคะแนน")
COUNT_HEAD = ("ภาคส่วน", "จำนวน")
COMMENT_HEAD = ("ที่", "ความคิดเห็น", "ผู้เสนอ", "คำชี้แจงของจังหวัด", "การปรับปรุงแผน")
PLAN_HEAD = ("ประเด็นการพัฒนา", "จำนวนโครงการ", "งบประมาณ (บาท)")
PARTICIPANT_APPENDIX = "รายชื่อผู้เข้าร่วมประชุม (แนบท้ายรายงานการประชุม)"
HEARING_HEADING = "สรุปผลการรับฟังความคิดเห็น"
APPENDIX_HEAD = ("ลำดับ", "ความคิดเห็น", "ประเภท", "ภาคส่วน")
PEOPLE, IDEAS = 0.5, 1.0  # how far in a numbered list starts, in paragraph indents


class MinutesOutline(ABC):
    # Format-specific: column widths (cm) and the dots of a signature line, sized to
    # each format's measure of the page.
    VOTE_WIDTHS: tuple[float, ...]
    APPENDIX_WIDTHS: tuple[float, ...]
    COUNT_WIDTHS = (8.0, 3.0)
    COMMENT_WIDTHS = (1.2, 4.4, 3.0, 4.4, 3.0)
    PLAN_WIDTHS = (9.0, 2.8, 4.2)
    SIGNATURE_DOTS: int

    def __init__(self, content: MinutesContent) -> None:
        self.content = content

    # --- how each kind of part looks (the format's own) -----------------------------

    @abstractmethod
    def title(self, text: str, *, new_page: bool = False) -> None: ...

    @abstractmethod
    def centred(self, text: str) -> None: ...

    @abstractmethod
    def heading(self, text: str) -> None: ...

    @abstractmethod
    def subheading(self, text: str) -> None: ...

    @abstractmethod
    def text(self, text: str) -> None:
        """Body text, a paragraph per line."""

    @abstractmethod
    def numbered(self, items: Sequence[str], depth: float) -> None:
        """1. ... 2. ..., starting ``depth`` paragraph indents in."""

    @abstractmethod
    def list_line(self, text: str) -> None:
        """A line where a list of people would stand (the "-" of an empty list)."""

    @abstractmethod
    def closing_line(self, text: str) -> None:
        """เลิกประชุมเวลา ..."""

    @abstractmethod
    def table(
        self,
        head: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        centred: Sequence[int],
    ) -> None: ...

    @abstractmethod
    def chart(self, vote: VoteResults) -> None:
        """The vote's best ideas by sector, with ``vote.caption``."""

    @abstractmethod
    def signature_blocks(self, blocks: list[list[str]]) -> None:
        """The blocks' lines, kept together on one page."""

    # Hooks for a format that lays pages out itself (the PDF): keep what belongs
    # together off the foot of a page.
    def after_header(self) -> None:
        return None

    def before_resolution(self) -> None:
        return None

    def before_vote(self) -> None:
        return None

    def before_appendix_issue(self) -> None:
        return None

    # --- the outline -----------------------------------------------------------------

    def build(self) -> None:
        self.header()
        self.attendance()
        self.body()
        self.signatures()
        self.participant_appendix()
        self.appendix()

    def header(self) -> None:
        c = self.content
        self.title(c.title)
        for line in (c.number_line, c.date_line, c.venue_line):
            if line:
                self.centred(line)
        self.after_header()

    def groups(self, groups: Sequence[SectorGroup]) -> None:
        for group in groups:
            if group.name:
                self.subheading(group.name)
            self.numbered([person.text for person in group.people], PEOPLE)

    def attendance(self) -> None:
        c = self.content
        self.heading("ผู้มาประชุม")
        if c.present:
            self.groups(c.present)
        elif not c.participant_counts:  # else the counts below are who came
            self.list_line("-")
        if c.absent:
            self.heading("ผู้ไม่มาประชุม")
            self.numbered([person.text for person in c.absent], PEOPLE)
        if c.participants:
            self.heading("ผู้เข้าร่วมประชุม")
            self.groups(c.participants)
        if c.participant_counts:
            if c.present or c.absent:
                self.heading("ผู้เข้าร่วมประชุม")
            rows = [(name, count) for name, count in c.participant_counts]
            self.table(COUNT_HEAD, rows, self.COUNT_WIDTHS, centred=(1,))
            self.text(f"{c.participant_total} (รายชื่อแนบท้ายรายงานการประชุม)")

    def body(self) -> None:
        c = self.content
        reported = False
        for index, day in enumerate(c.days):
            if day.heading:
                self.heading(day.heading)
            if day.attendance:
                self.text(day.attendance)
            self.heading(day.start_line)
            if index == 0:
                self.opening()
            for section in day.sections:
                if section.level:
                    self.subheading(section.heading)
                else:
                    self.heading(section.heading)
                self.text(section.text)
                if section.shows_results and not reported:
                    self.results()
                    reported = True
                if section.has_subitems and not (section.resolution or section.votes):
                    continue
                self.before_resolution()
                self.subheading("มติที่ประชุม")
                self.text(section.resolution or ("-" if not section.votes else ""))
                for vote in section.votes:
                    self.text(vote)
            if index < len(c.days) - 1:
                self.closing_line(day.end_line)
        if not reported and c.has_results:
            self.heading(RESULTS_HEADING)
            self.results()
        self.closing_line(c.end_line)

    def opening(self) -> None:
        """Who chaired, the quorum and the opening sentence, then the goals discussed."""
        c = self.content
        for line in (c.chair_line, c.opening):
            if line:
                self.text(line)
        if c.goals:
            self.subheading("เป้าหมายการพัฒนาที่ที่ประชุมพิจารณา")
            for label, goal in c.goals:
                self.text(f"{label}: “{goal}”")

    def results(self) -> None:
        c = self.content
        for group in c.groups:
            self.subheading(group.heading)
            for line in group.lines:
                self.text(line)
            self.text(group.report)
        if c.comments:
            self.subheading(HEARING_HEADING)
            for comment_group in c.comments:
                self.subheading(comment_group.heading)
                rows = [
                    (c.digits(str(n)), x.text, x.commenter, x.answer or "-", x.change or "-")
                    for n, x in enumerate(comment_group.comments, start=1)
                ]
                self.table(COMMENT_HEAD, rows, self.COMMENT_WIDTHS, centred=(0,))
        for issue in c.issues:
            self.subheading(issue.heading)
            self.text(c.issue_summary(issue))
            self.numbered([c.idea_text(i) for i in issue.most_supported()], IDEAS)
            if c.points_to_appendix(issue):
                self.text(APPENDIX_NOTE)
        for vote in c.votes:
            self.vote(vote)
        if c.plan:
            self.subheading("สรุปแผนปฏิบัติราชการประจำปี")
            plan_rows = [(line.issue, line.projects, line.budget) for line in c.plan]
            self.table(PLAN_HEAD, plan_rows, self.PLAN_WIDTHS, centred=(1,))
            self.text(c.plan_total)

    def vote(self, vote: VoteResults) -> None:
        self.before_vote()
        self.subheading(vote.heading)
        self.text(vote.summary)
        rows = [(r.rank, r.text, r.score, r.voters) for r in vote.rows]
        self.table(VOTE_HEAD, rows, self.VOTE_WIDTHS, centred=(0, 2, 3))
        if vote.chart and any(sum(bar.shares) for bar in vote.chart):
            self.chart(vote)

    def signatures(self) -> None:
        dots = "." * self.SIGNATURE_DOTS
        blocks = []
        for signature in self.content.signatures:
            name = f"({signature.name})" if signature.name else f"({dots})"
            lines = [f"ลงชื่อ {dots} {signature.role}", name]
            if signature.position:
                lines.append(signature.position)
            blocks.append(lines)
        self.signature_blocks(blocks)

    def participant_appendix(self) -> None:
        c = self.content
        if not c.participant_appendix:
            return
        self.title(PARTICIPANT_APPENDIX, new_page=True)
        self.groups(c.participant_appendix)

    def appendix(self) -> None:
        c = self.content
        if not (c.with_appendix and c.issues):
            return
        self.title("ภาคผนวก", new_page=True)
        self.centred("ความคิดเห็นทั้งหมดจากการระดมความคิดเห็น")
        for issue in c.issues:
            self.before_appendix_issue()
            self.heading(issue.heading)
            rows = [
                (c.digits(str(n)), c.idea_text(idea), idea.kind, idea.sector)
                for n, idea in enumerate(issue.ideas, start=1)
            ]
            self.table(APPENDIX_HEAD, rows, self.APPENDIX_WIDTHS, centred=(0,))
