"""The file readers: what Excel shows is what is read (a stale <dimension>, hidden
sheets, merged cells, numbers, dates, text that starts with "="), and text files in the
encodings, separators and line ends offices use."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from workshop_app.errors import UserError
from workshop_app.readers.tables import Cell, cell_date, guess_separator, read_file


def _texts(path: Path, sheet: int = 0) -> list[list[str]]:
    return [[c.text for c in row] for row in read_file(path).sheets[sheet].rows]


def test_stale_dimension_does_not_cut_the_sheet(tmp_path: Path) -> None:
    path = tmp_path / "stale.xlsx"
    book = openpyxl.Workbook()
    for n in range(1, 101):
        book.active.append([n, f"ผู้เข้าร่วมคนที่ {n}"])
    book.save(path)
    data = {}
    with zipfile.ZipFile(path) as archive:
        data = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    data[sheet] = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B4"/>', data[sheet])
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in data.items():
            archive.writestr(name, content)
    rows = _texts(path)
    assert len(rows) == 100 and rows[-1] == ["100", "ผู้เข้าร่วมคนที่ 100"]


def test_cells_keep_what_they_were(tmp_path: Path) -> None:
    path = tmp_path / "kinds.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([74123456, "0812345678", dt.date(2026, 3, 12), 2.5, "=SUM(A1:A2)"])
    sheet["F1"] = "= ข้อความที่ขึ้นต้นด้วยเครื่องหมายเท่ากับ"
    sheet["F1"].data_type = "s"
    sheet.merge_cells("G1:G3")
    sheet["G1"] = "ส่วนราชการ"
    hidden = book.create_sheet("ซ่อน")
    hidden.append(["ไม่ควรอ่าน"])
    hidden.sheet_state = "hidden"
    book.save(path)
    source = read_file(path)
    assert source.hidden == ["ซ่อน"] and len(source.sheets) == 1
    first = source.sheets[0].rows[0]
    assert first[0] == Cell("74123456", number=True)
    assert first[1] == Cell("0812345678")
    assert first[2] == Cell("2026-03-12", date=True)
    assert first[3] == Cell("2.5", number=True)
    assert first[4].is_formula and first[4].text == "=SUM(A1:A2)"
    assert not first[5].is_formula and first[5].text.startswith("= ข้อความ")
    assert [r[6].text for r in source.sheets[0].rows] == ["ส่วนราชการ"] * 3


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (Cell("2026-03-12", date=True), dt.date(2026, 3, 12)),
        (Cell("46093", number=True), dt.date(2026, 3, 12)),
        (Cell("12/3/2569"), dt.date(2026, 3, 12)),
        (Cell("๑๒/๐๓/๒๕๖๙"), dt.date(2026, 3, 12)),
        (Cell("12/03/2026"), dt.date(2026, 3, 12)),
        (Cell("31/2/2569"), None),
        (Cell("2.5", number=True), None),
        (Cell("พรุ่งนี้"), None),
    ],
)
def test_dates_in_a_date_column(cell: Cell, expected: dt.date | None) -> None:
    assert cell_date(cell) == expected


@pytest.mark.parametrize(
    ("encoding", "separator", "line_end"),
    [
        ("utf-8", ",", "\r\n"),
        ("utf-8-sig", ";", "\n"),
        ("utf-16", "\t", "\r\n"),
        ("cp874", ",", "\r"),
    ],
)
def test_text_files(tmp_path: Path, encoding: str, separator: str, line_end: str) -> None:
    rows = [["ชื่อ-สกุล", "หน่วยงาน"], ["นายสมบัติ ทองคำ", "สำนักงานจังหวัดกระบี่, ฝ่ายแผน"]]
    quoted = [[f'"{v}"' if separator in v or "," in v else v for v in r] for r in rows]
    path = tmp_path / "list.csv"
    path.write_bytes(line_end.join(separator.join(r) for r in quoted).encode(encoding))
    assert _texts(path) == rows


def test_separator_guess_ignores_a_title_line() -> None:
    text = "รายชื่อผู้เข้าร่วม, จังหวัดกระบี่\nชื่อ;หน่วยงาน;โทร\nก;ข;ค\nง;จ;ฉ\n"
    assert guess_separator(text) == ";"


def test_binary_file_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)))
    with pytest.raises(UserError) as caught:
        read_file(path)
    assert "cannot read the text" in caught.value.english
