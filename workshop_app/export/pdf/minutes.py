"""The minutes (รายงานการประชุม) as a PDF in the layout of form 11 of the correspondence
regulation: the headings in its words and order, the body agenda item by agenda item,
the workshop's results (brainstorm and votes, with a chart) under the agenda item that
reports them, the signature blocks, and an optional appendix of every idea."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy.orm import Session

from workshop_app.export.minutes_outline import MinutesOutline
from workshop_app.export.pdf.document import BODY, build, workshop_words
from workshop_app.export.pdf.fonts import BOLD, register_fonts
from workshop_app.export.pdf.thai_text import TextStyle, ThaiParagraph, draw_line, text_width
from workshop_app.services.minutes import MinutesContent, VoteResults, gather_minutes
from workshop_app.thai.linebreak import Line

# Thai official paragraphs start 2.5 cm in; lists hang their numbers out of the text.
INDENT = 2.5 * cm
TITLE = BODY.but(font=BOLD, size=18, leading=26, alignment="centre")
CENTRED = BODY.but(alignment="centre")
HEADING = BODY.but(font=BOLD, space_before=8)
SUBHEADING = BODY.but(font=BOLD, left_indent=INDENT / 2, space_before=4)
TEXT = BODY.but(alignment="justify", first_indent=INDENT)
CELL = TextStyle(size=14, leading=18)
CELL_HEAD = CELL.but(font=BOLD, alignment="centre")
LIST_NUMBER_ROOM = 1.0 * cm
SIGNATURE = BODY.but(alignment="centre", left_indent=4.5 * cm)
GRID = colors.HexColor("#404040")


class MinutesStory(MinutesOutline):
    """Builds the flowables of the minutes; ``words`` keeps names whole on every line."""

    VOTE_WIDTHS = (1.6, 9.4, 2.2, 2.8)
    APPENDIX_WIDTHS = (1.6, 8.6, 2.6, 3.2)
    SIGNATURE_DOTS = 26  # "ลงชื่อ ... ผู้ตรวจรายงานการประชุม" on one line of 11.5 cm

    def __init__(self, content: MinutesContent, words: Sequence[str]) -> None:
        super().__init__(content)
        self.words = tuple(words)
        self.story: list[Flowable] = []
        # Every text the story prints, in order, one paragraph or cell a line: what a
        # reader of the PDF should get back out of it.
        self.source: list[str] = []

    # --- small pieces ---------------------------------------------------------------

    def paragraph(self, text: str, style: TextStyle, **options: Any) -> ThaiParagraph:
        marker = options.get("marker", "")
        self.source.append(f"{marker} {text}" if marker else text)
        return ThaiParagraph(text, style, self.words, **options)

    def para(self, text: str, style: TextStyle = TEXT) -> None:
        """One paragraph per line of ``text``."""
        for line in text.splitlines():
            if line.strip():
                self.story.append(self.paragraph(line.strip(), style))

    def cell(self, text: str, style: TextStyle = CELL) -> ThaiParagraph:
        return self.paragraph(text, style, one_span=True)

    # --- the parts, as they look in the PDF ------------------------------------------

    def title(self, text: str, *, new_page: bool = False) -> None:
        if new_page:
            self.story.append(PageBreak())
        self.para(text, TITLE)

    def centred(self, text: str) -> None:
        self.para(text, CENTRED)

    def heading(self, text: str) -> None:
        self.para(text, HEADING)

    def subheading(self, text: str) -> None:
        self.para(text, SUBHEADING)

    def text(self, text: str) -> None:
        self.para(text)

    def numbered(self, items: Sequence[str], depth: float) -> None:
        """1. ... 2. ...: the number hangs left of the text, which wraps under itself."""
        markers = [self.content.digits(f"{number}.") for number in range(1, len(items) + 1)]
        # Room for the widest number and a space, so that the space copies out too.
        room = max([LIST_NUMBER_ROOM] + [text_width(m, BODY) + 0.3 * cm for m in markers[-1:]])
        style = BODY.but(left_indent=depth * INDENT + room)
        for marker, text in zip(markers, items, strict=True):
            self.story.append(self.paragraph(text, style, marker=marker, marker_room=room))

    def list_line(self, text: str) -> None:
        self.para(text, BODY.but(left_indent=INDENT / 2))

    def closing_line(self, text: str) -> None:
        self.para(text, HEADING.but(space_before=12))

    def table(
        self,
        head: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        centred: Sequence[int],
    ) -> None:
        centred_cell = CELL.but(alignment="centre")
        cells: list[list[object]] = [[self.cell(t, CELL_HEAD) for t in head]]
        for row in rows:
            cells.append(
                [
                    self.cell(text, centred_cell if index in centred else CELL)
                    for index, text in enumerate(row)
                ]
            )
        table = Table(cells, colWidths=[w * cm for w in widths], repeatRows=1)
        table.setStyle(_grid_style())
        self.story += [Spacer(1, 4), table, Spacer(1, 6)]

    def chart(self, vote: VoteResults) -> None:
        # The caption never parts from its chart: both on one page.
        caption = self.paragraph(vote.caption, CENTRED.but(size=14, leading=20))
        self.story.append(KeepTogether([caption, SectorBarChart(vote, self.words)]))
        self.source += [bar.label for bar in vote.chart]
        self.source += [name for name, _colour in vote.sectors]

    def signature_blocks(self, blocks: list[list[str]]) -> None:
        flowables: list[Flowable] = [Spacer(1, 18)]
        for lines in blocks:
            flowables += [self.paragraph(t, SIGNATURE) for t in lines]
            flowables.append(Spacer(1, 14))
        self.story.append(KeepTogether(flowables))

    def after_header(self) -> None:
        self.story.append(Spacer(1, 6))

    def before_resolution(self) -> None:
        self.story.append(CondPageBreak(2 * BODY.leading))

    def before_vote(self) -> None:
        self.story.append(CondPageBreak(6 * BODY.leading))

    def before_appendix_issue(self) -> None:
        self.story.append(CondPageBreak(5 * BODY.leading))  # no heading alone at the foot


def _grid_style() -> TableStyle:
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ]
    )


class SectorBarChart(Flowable):  # type: ignore[misc]
    """The best ideas of a round as horizontal bars, each split by the sectors whose
    votes make it up, with a legend. Drawn here rather than with reportlab.graphics so
    that its Thai labels are shaped and copy out exactly, like the rest of the text."""

    BAR = 14.0
    GAP = 5.0
    LABEL_ROOM = 1.4 * cm
    LEGEND = TextStyle(size=12, leading=16)

    def __init__(self, vote: VoteResults, words: tuple[str, ...]) -> None:
        super().__init__()
        self.vote = vote
        self.words = words

    def _legend_rows(self, width: float) -> list[list[int]]:
        """The sectors' indices, placed in rows that fit ``width``."""
        rows: list[list[int]] = [[]]
        used = 0.0
        for index, (name, _colour) in enumerate(self.vote.sectors):
            room = 16 + text_width(name, self.LEGEND) + 12
            if rows[-1] and used + room > width:
                rows.append([])
                used = 0.0
            rows[-1].append(index)
            used += room
        return rows

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        bars = len(self.vote.chart) * (self.BAR + self.GAP)
        legend = len(self._legend_rows(availWidth)) * self.LEGEND.leading
        self.height = bars + legend + 10
        return availWidth, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = max(sum(bar.shares) for bar in self.vote.chart) or 1.0
        scale = (self.width - self.LABEL_ROOM - 10) / top
        number_style = self.LEGEND.but(alignment="right")
        y = self.height
        for bar in self.vote.chart:
            y -= self.BAR + self.GAP
            canvas.setFillColor(colors.black)
            draw_line(canvas, 0, y + 3, Line((bar.label,), True), self.LABEL_ROOM - 6, number_style)
            x = self.LABEL_ROOM
            for share, (_name, colour) in zip(bar.shares, self.vote.sectors, strict=True):
                if share <= 0:
                    continue
                canvas.setFillColor(colors.HexColor(colour))
                canvas.rect(x, y, share * scale, self.BAR, stroke=0, fill=1)
                x += share * scale
        canvas.setFillColor(colors.black)
        rows = self._legend_rows(self.width)
        y -= 6
        for row in rows:
            y -= self.LEGEND.leading
            x = self.LABEL_ROOM
            for index in row:
                name, colour = self.vote.sectors[index]
                canvas.setFillColor(colors.HexColor(colour))
                canvas.rect(x, y, 10, 10, stroke=0, fill=1)
                canvas.setFillColor(colors.black)
                draw_line(canvas, x + 14, y + 1, Line((name,), True), self.width, self.LEGEND)
                x += 16 + text_width(name, self.LEGEND) + 12


def minutes_story(
    content: MinutesContent, words: Sequence[str], *, build_all: bool = True
) -> MinutesStory:
    """The minutes' flowables (``build_all`` False: an empty story to fill part by part)."""
    register_fonts()  # the story measures text as it is built
    story = MinutesStory(content, words)
    if build_all:
        story.build()
    return story


def write_minutes_pdf(
    session: Session,
    workshop_id: str,
    path: Path,
    *,
    thai_digits: bool = True,
    with_appendix: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """Write the minutes of a workshop to ``path``, whole or not at all; return their
    text, a paragraph a line (what copying all of the PDF should give back)."""
    content = gather_minutes(
        session, workshop_id, thai_digits=thai_digits, with_appendix=with_appendix
    )
    # "มาประชุมแทน" reads as one phrase in the minutes: never "มา | ประชุมแทน".
    words = (*workshop_words(session, workshop_id), "มาประชุมแทน")
    story = minutes_story(content, words)
    build(path, content.title, story.story, thai_digits=thai_digits, progress=progress)
    return "\n".join(story.source)
