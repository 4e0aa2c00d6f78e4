"""The sign-in sheet (แบบลงทะเบียน): printed before the event from the invitation list,
signed at the door, kept as evidence of attendance.

Optionally each person's row also holds the QR code of their personal phone link (the
same link as their phone card, export/phone_cards.py), in a narrow last column: a
meeting with phones needs no separate cards. The links are gathered by the caller
(services.phones issues the tokens still missing, a write), the writer only prints them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from workshop_app.export.pdf.document import BODY, build, workshop_words
from workshop_app.export.pdf.fonts import BOLD
from workshop_app.export.pdf.qr import QRCode
from workshop_app.export.pdf.thai_text import TextStyle, ThaiParagraph
from workshop_app.services.attendees import AttendeeRow, list_attendees
from workshop_app.services.meetings import list_days
from workshop_app.services.workshops import get_workshop, list_sectors
from workshop_app.thai.dates import format_thai_date
from workshop_app.thai.normalize import to_thai_digits

Order = Literal["sector", "name"]
COLUMNS = ("ลำดับ", "ชื่อ–สกุล", "ตำแหน่ง", "หน่วยงาน", "ลายมือชื่อ")
WIDTHS = (1.4 * cm, 4.3 * cm, 3.6 * cm, 4.2 * cm, 2.5 * cm)  # 16 cm: A4 less the margins
# With the phone links, a last column of codes, its width taken from the three text
# columns (the signature keeps its own). 1.5 cm: zbarimg still reads every code of a
# sheet scanned at 200 dpi (tests/export/test_signin.py); a phone held close reads it.
QR_SIZE = 1.5 * cm
QR_PADDING = 3  # points each side of the code: with its two white modules, a quiet zone
QR_COLUMN = QR_SIZE + 2 * QR_PADDING
PHONE_WIDTHS = (1.4 * cm, 3.9 * cm, 3.2 * cm, 16 * cm - 11 * cm - QR_COLUMN, 2.5 * cm, QR_COLUMN)
PHONE_COLUMN = "คิวอาร์"  # one word: the column is too narrow for "คิวอาร์โค้ด"
CELL = TextStyle(size=14, leading=18)
HEADER = CELL.but(font=BOLD, size=13, alignment="centre")
TITLE = BODY.but(font=BOLD, size=18, leading=26, alignment="centre")
SUBTITLE = BODY.but(alignment="centre")


def signin_story(
    session: Session,
    workshop_id: str,
    order: Order = "sector",
    thai_digits: bool = False,
    day: dt.date | None = None,
    phone_links: Mapping[str, str] | None = None,
) -> list[Flowable]:
    """The sheet for the whole meeting, or for one ``day`` of it; with ``phone_links``
    (attendee id -> their personal link) each row's QR code of the link."""
    details = get_workshop(session, workshop_id)
    words = workshop_words(session, workshop_id)
    people = list_attendees(session, workshop_id)  # Thai dictionary order of names

    def digits(text: str) -> str:
        return to_thai_digits(text) if thai_digits else text

    def cell(text: str, style: TextStyle = CELL) -> ThaiParagraph:
        return ThaiParagraph(text, style, words, one_span=True)

    story: list[Flowable] = [cell("แบบลงทะเบียน", TITLE), cell(details.title, SUBTITLE)]
    when = []
    if day is not None:
        when.append("วันที่ " + format_thai_date(day, thai_digits=thai_digits))
    elif details.start_date:
        when.append("วันที่ " + format_thai_date(details.start_date, thai_digits=thai_digits))
    if details.venue:
        when.append("ณ " + details.venue)
    if when:
        story.append(cell(" ".join(when), SUBTITLE))
    story.append(Spacer(1, 0.4 * cm))

    titles = COLUMNS if phone_links is None else (*COLUMNS, PHONE_COLUMN)
    rows: list[list[object]] = [[cell(title, HEADER) for title in titles]]
    group_rows: list[int] = []

    def add(person: AttendeeRow, number: int) -> None:
        row: list[object] = [
            cell(digits(str(number)), CELL.but(alignment="centre")),
            cell(person.full_name),
            cell(person.position),
            cell(person.organisation),
            "",
        ]
        if phone_links is not None:
            link = phone_links.get(person.id)
            row.append(QRCode(link, QR_SIZE) if link else "")
        rows.append(row)

    if order == "name":
        for number, person in enumerate(people, start=1):
            add(person, number)
    else:
        number = 0
        for sector in list_sectors(session, workshop_id):
            members = [p for p in people if p.sector_id == sector.id]
            if not members:
                continue
            group_rows.append(len(rows))
            rows.append([cell(sector.name, CELL.but(font=BOLD))] + [""] * (len(titles) - 1))
            for person in members:
                number += 1
                add(person, number)
    table = Table(rows, colWidths=WIDTHS if phone_links is None else PHONE_WIDTHS, repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 1), (-1, -1), 7),  # room to sign
        ("BOTTOMPADDING", (0, 1), (-1, -1), 7),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
    ]
    if phone_links is not None:
        style += [
            ("LEFTPADDING", (-1, 1), (-1, -1), QR_PADDING),
            ("RIGHTPADDING", (-1, 1), (-1, -1), QR_PADDING),
            ("TOPPADDING", (-1, 1), (-1, -1), QR_PADDING),
            ("BOTTOMPADDING", (-1, 1), (-1, -1), QR_PADDING),
        ]
    for row in group_rows:
        style += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), colors.HexColor("#f4f4f4")),
        ]
    table.setStyle(TableStyle(style))
    story.append(table)
    return story


def write_signin_sheet(
    session: Session,
    workshop_id: str,
    path: Path,
    *,
    order: Order = "sector",
    thai_digits: bool = False,
    phone_links: Mapping[str, str] | None = None,
) -> None:
    """One sheet per day of the meeting (each signed that day), each from a new page;
    ``phone_links`` as for ``signin_story``."""
    days: list[dt.date | None] = [d.date for d in list_days(session, workshop_id)] or [None]
    story: list[Flowable] = []
    for day in days:
        if story:
            story.append(PageBreak())
        story += signin_story(session, workshop_id, order, thai_digits, day, phone_links)
    build(path, "แบบลงทะเบียน", story, thai_digits=thai_digits)
