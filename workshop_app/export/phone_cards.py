"""Phone cards: one card per attendee with the QR code of their personal link, cut out of
A4 sheets (eight cards a page) and handed out with the name badge.

A card's QR code opens the participant page already signed in as its owner (the token
is in the link's fragment). Under the code the link is printed in full; beside it, the
short address a participant whose camera cannot read the code types to reach the page.

The writer takes plain data (``CardPerson``): the cli and api layers gather the links
through the phone services, which also issue the tokens still missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

from workshop_app.errors import UserError
from workshop_app.export.files import written_whole
from workshop_app.export.pdf.fonts import BOLD, REGULAR, register_fonts
from workshop_app.export.pdf.qr import draw_qr, qr_matrix
from workshop_app.export.pdf.thai_text import TextStyle, draw_line, layout_lines
from workshop_app.thai.linebreak import Line

COLUMNS, ROWS = 2, 4  # eight cards on a page
PAGE_MARGIN = 1.0 * cm
CARD_WIDTH = (A4[0] - 2 * PAGE_MARGIN) / COLUMNS  # 9.5 cm
CARD_HEIGHT = (A4[1] - 2 * PAGE_MARGIN) / ROWS  # 6.9 cm
PADDING = 0.45 * cm
QR_SIZE = 3.3 * cm  # read from arm's length by low-end phone cameras

TITLE = TextStyle(font=REGULAR, size=10, leading=12.5, alignment="centre")
NAME = TextStyle(font=BOLD, size=16, leading=19)
SECTOR = TextStyle(font=REGULAR, size=12, leading=14.5)
NUMBER = TextStyle(font=REGULAR, size=12, leading=14.5)
HINT = TextStyle(font=REGULAR, size=9.5, leading=11.5)
ADDRESS = TextStyle(font=BOLD, size=13, leading=15.5)
LINK = TextStyle(font=REGULAR, size=6.5, leading=8, alignment="centre")


class CardPerson(Protocol):
    """What a card prints of one attendee (services.phones.PhoneLink has it)."""

    @property
    def registration_number(self) -> int | None: ...
    @property
    def name(self) -> str: ...
    @property
    def sector_name(self) -> str: ...
    @property
    def url(self) -> str: ...


@dataclass(frozen=True)
class CardSheet:
    """Everything the cards of one workshop print."""

    workshop_title: str
    people: Sequence[CardPerson]
    # Places and terms a line may never break inside (the people's names are added).
    words: tuple[str, ...] = ()


def short_address(url: str) -> str:
    """What a participant types to reach the page: host and port, without the scheme
    and the personal token ("192.168.1.10:8765")."""
    parts = urlsplit(url)
    return parts.netloc or url.split("#", 1)[0]


def write_phone_cards(sheet: CardSheet, path: Path) -> None:
    """The cards as a PDF at ``path``, whole or not at all."""
    if not sheet.people:
        raise UserError(
            "ยังไม่มีผู้เข้าร่วมในงานประชุมนี้ จึงไม่มีบัตรให้พิมพ์",
            "this workshop has no attendees yet: there are no cards to print",
        )
    register_fonts()
    # A name is never broken inside its first or last name.
    names = {part for person in sheet.people for part in person.name.split()}
    sheet = replace(sheet, words=tuple(sorted(names | set(sheet.words))))
    with written_whole(path) as temporary:
        canvas = Canvas(str(temporary), pagesize=A4)
        canvas.setTitle("บัตรเข้าร่วมทางโทรศัพท์")
        canvas.setAuthor("workshop-app")
        per_page = COLUMNS * ROWS
        for index, person in enumerate(sheet.people):
            if index and index % per_page == 0:
                canvas.showPage()
            place = index % per_page
            column, row = place % COLUMNS, place // COLUMNS
            x = PAGE_MARGIN + column * CARD_WIDTH
            y = A4[1] - PAGE_MARGIN - (row + 1) * CARD_HEIGHT
            _draw_card(canvas, x, y, person, sheet)
        canvas.showPage()
        canvas.save()


def _draw_card(canvas: Canvas, x: float, y: float, person: CardPerson, sheet: CardSheet) -> None:
    """One card with its lower left corner at (x, y)."""
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#9a9a9a"))
    canvas.setDash(3, 3)  # cut here
    canvas.setLineWidth(0.4)
    canvas.rect(x, y, CARD_WIDTH, CARD_HEIGHT, stroke=1, fill=0)
    canvas.restoreState()

    inner_width = CARD_WIDTH - 2 * PADDING
    top = y + CARD_HEIGHT - PADDING
    # The workshop's title across the top, at most two lines.
    top = _draw_text(canvas, x + PADDING, top, sheet.workshop_title, inner_width, TITLE, 2, sheet)
    top -= 0.15 * cm

    # The QR code at the right; the link printed in full under it, across the card.
    link_lines = layout_lines(person.url, inner_width, LINK)
    link_height = len(link_lines) * LINK.leading
    qr_x = x + CARD_WIDTH - PADDING - QR_SIZE
    qr_y = y + PADDING + link_height + 0.1 * cm
    draw_qr(canvas, qr_x, qr_y, QR_SIZE, qr_matrix(person.url))
    _draw_lines(canvas, x + PADDING, y + PADDING + link_height, link_lines, inner_width, LINK)

    # How to open the page, just above the link at the card's foot, left of the code.
    text_width = qr_x - (x + PADDING) - 0.25 * cm
    left = x + PADDING
    hint = "สแกนคิวอาร์โค้ดด้วยกล้องโทรศัพท์ หรือพิมพ์ที่อยู่นี้ในเบราว์เซอร์"
    hint_lines = layout_lines(hint, text_width, HINT, sheet.words)
    address_top = qr_y + ADDRESS.leading
    _draw_lines(
        canvas, left, address_top, [Line((short_address(person.url),), True)], text_width, ADDRESS
    )
    hint_top = address_top + len(hint_lines) * HINT.leading
    _draw_lines(canvas, left, hint_top, hint_lines, text_width, HINT)

    # Who the card is for, between the title and the hint: in smaller type while a long
    # name or sector does not fit.
    room = top - hint_top - 0.2 * cm
    for scale in (1.0, 0.92, 0.84, 0.76, 0.68, 0.6):
        block = _person_block(person, text_width, scale, sheet.words)
        if sum(len(lines) * style.leading for lines, style in block) <= room:
            break
    for lines, style in block:
        top = _draw_lines(canvas, left, top, lines, text_width, style)


def _person_block(
    person: CardPerson, width: float, scale: float, words: tuple[str, ...]
) -> list[tuple[list[Line], TextStyle]]:
    """The name, the sector and the registration number, laid out at ``scale``."""
    parts = [(person.name, NAME), (person.sector_name, SECTOR)]
    if person.registration_number is not None:
        parts.append((f"เลขทะเบียน {person.registration_number}", NUMBER))
    block = []
    for text, style in parts:
        if not text:
            continue
        sized = style.but(size=style.size * scale, leading=style.leading * scale)
        lines = layout_lines(text, width, sized, words)
        # A name reads best on one line, and a break between a titled first name and the
        # surname is one that text extractors cannot tell from a word cut: smaller type
        # first, down to the sector's size.
        smaller = sized
        while len(lines) > 1 and style is NAME and smaller.size > SECTOR.size * scale:
            smaller = smaller.but(size=smaller.size - 0.5, leading=smaller.leading - 0.6)
            fitted = layout_lines(text, width, smaller, words)
            if len(fitted) == 1:
                sized, lines = smaller, fitted
        block.append((lines, sized))
    return block


def _draw_text(
    canvas: Canvas,
    x: float,
    top: float,
    text: str,
    width: float,
    style: TextStyle,
    most_lines: int,
    sheet: CardSheet,
) -> float:
    """``text`` in at most ``most_lines`` lines from ``top`` down, in smaller type while
    it does not fit; the top of what comes next."""
    fitted = style
    lines = layout_lines(text, width, fitted, sheet.words)
    while len(lines) > most_lines and fitted.size > 7:
        fitted = fitted.but(size=fitted.size - 0.5, leading=fitted.leading - 0.6)
        lines = layout_lines(text, width, fitted, sheet.words)
    return _draw_lines(canvas, x, top, lines, width, fitted)


def _draw_lines(
    canvas: Canvas, x: float, top: float, lines: Sequence[Line], width: float, style: TextStyle
) -> float:
    y = top - style.size  # the first baseline one font size below the top
    for line in lines:
        draw_line(canvas, x, y, line, width, style)
        y -= style.leading
    return top - len(lines) * style.leading
