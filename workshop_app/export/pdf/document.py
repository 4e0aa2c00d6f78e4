"""What every PDF we write shares: the official page layout, page numbers, writing the
file whole or not at all, and the words the line breaker must never split."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from sqlalchemy.orm import Session

from workshop_app.export.files import written_whole
from workshop_app.export.pdf.fonts import register_fonts
from workshop_app.export.pdf.thai_text import TextStyle, draw_line
from workshop_app.services.attendees import list_attendees
from workshop_app.services.workshops import get_workshop, glossary_words
from workshop_app.thai.linebreak import Line
from workshop_app.thai.normalize import to_thai_digits

# The correspondence regulation's layout: 3 cm on the left (binding), 2 cm on the right.
LEFT_MARGIN, RIGHT_MARGIN = 3 * cm, 2 * cm
TOP_MARGIN, BOTTOM_MARGIN = 2.5 * cm, 2 * cm
BODY = TextStyle(size=16, leading=22)


def workshop_words(session: Session, workshop_id: str) -> tuple[str, ...]:
    """Names, places and the glossary: words a line may never break inside."""
    details = get_workshop(session, workshop_id)
    words = {details.province, *glossary_words(details.glossary)}
    for attendee in list_attendees(session, workshop_id):
        words.update((attendee.first_name, attendee.last_name))
    return tuple(sorted(w for w in words if w and " " not in w))


def page_number_text(page: int, thai_digits: bool) -> str:
    number = str(page)
    return f"- {to_thai_digits(number) if thai_digits else number} -"


class OfficialDocument(BaseDocTemplate):  # type: ignore[misc]
    """A4 with the regulation's margins; from page 2 the page number "- ๒ -" at the top
    centre."""

    def __init__(self, path: Path, title: str, *, thai_digits: bool = True) -> None:
        register_fonts()
        super().__init__(
            str(path),
            pagesize=A4,
            leftMargin=LEFT_MARGIN,
            rightMargin=RIGHT_MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=title,
            author="workshop-app",
        )
        self.thai_digits = thai_digits
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._number)])

    def _number(self, canvas: Canvas, _document: object) -> None:
        page = canvas.getPageNumber()
        if page < 2:
            return
        text = page_number_text(page, self.thai_digits)
        style = BODY.but(alignment="centre")
        width, height = A4
        # Drawn with U+2010 HYPHEN, which looks the same as "-": after a hyphen-minus at
        # the end of a line, text extractors (pdftotext) take the page number for a
        # hyphenated word and glue the page's first line onto it.
        line = Line((text.replace("-", "\u2010"),), last=True)
        draw_line(canvas, 0, height - 1.5 * cm, line, width, style)


def build(
    path: Path,
    title: str,
    story: list[Flowable],
    *,
    thai_digits: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write ``story`` to ``path`` as an official document, whole or not at all;
    ``progress(done, total)`` is told how many of the story's parts are laid out."""
    with written_whole(path) as temporary:
        document = OfficialDocument(temporary, title, thai_digits=thai_digits)
        if progress is not None:
            total = len(story)

            def report(kind: str, value: int) -> None:
                if kind == "PROGRESS":
                    progress(min(value, total), total)

            document.setProgressCallBack(report)
        document.build(story)
