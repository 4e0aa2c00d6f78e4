"""The minutes as DOCX: the headings of form 11 in order, everything the content holds and
nothing private, the page layout Word needs for Thai, and a file LibreOffice turns into a
PDF that reads back."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import docx
import docx.document
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from tests.libreoffice import LibreOffice
from workshop_app.cli import main
from workshop_app.db.database import Database
from workshop_app.errors import UserError
from workshop_app.export.docx_minutes import write_minutes_docx
from workshop_app.services.attendees import list_attendees
from workshop_app.services.minutes import MinutesContent, gather_minutes

THAI_DIGIT = re.compile("[\u0e50-\u0e59]")


def write(db: Database, workshop_id: str, path: Path, **options: bool) -> MinutesContent:
    """Write the minutes; return the content they were written from."""
    with db.session() as session:
        write_minutes_docx(session, workshop_id, path, **options)
        return gather_minutes(session, workshop_id, **options)


def paragraphs(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def cells(document: docx.document.Document) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


def first(texts: list[str], start: str, after: int = -1) -> int:
    """The index of the first paragraph after ``after`` that starts with ``start``."""
    return next(i for i, text in enumerate(texts) if i > after and text.startswith(start))


def test_headings_follow_form_11_and_every_text_is_there(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    path = tmp_path / "minutes.docx"
    content = write(db, demo_workshop, path)
    document = docx.Document(str(path))
    texts = paragraphs(document)
    order = [
        "รายงานการประชุม",
        "ครั้งที่ ๑/",
        "เมื่อวันที่ ",
        "ณ ",
        "ผู้มาประชุม",
        "ผู้ไม่มาประชุม",
        "ผู้เข้าร่วมประชุม",
        "เริ่มประชุมเวลา ๐",
        "ระเบียบวาระที่ ๑ ",
        "มติที่ประชุม",
        "ระเบียบวาระที่ ๒ ",
        "เลิกประชุมเวลา ๑",
        "ลงชื่อ ",
    ]
    found = [first(texts, order[0])]
    for start in order[1:]:
        found.append(first(texts, start, found[-1]))
    assert texts[found[0]] == content.title
    assert texts[found[-1]].endswith("ผู้จดรายงานการประชุม")
    assert texts.count("มติที่ประชุม") == len(content.sections) == 5
    assert texts[1 : found[4]] == [content.number_line, content.date_line, content.venue_line]
    assert texts[found[4] + 1].startswith("๑.\t")  # numbered, the number hanging

    # The results sit under the agenda item that reports them, before its resolution.
    item = next(s for s in content.sections if s.shows_results)
    heading = texts.index(item.heading)
    assert heading < texts.index(content.issues[0].heading) < first(texts, "มติที่ประชุม", heading)
    assert "ผลการระดมความคิดเห็นและการลงคะแนน" not in texts

    # A vote table and a table of its chart's data per round, the action plan in brief,
    # then one table per issue.
    tables = cells(document)
    assert len(tables) == 2 * len(content.votes) + bool(content.plan) + len(content.issues)
    for vote, table, chart in zip(content.votes, tables[::2], tables[1::2], strict=False):
        assert table[0] == ["อันดับ", "ข้อเสนอ", "คะแนน", "ผู้ลงคะแนน"]
        assert table[1:] == [[r.rank, r.text, r.score, r.voters] for r in vote.rows]
        assert chart[0] == ["ภาคส่วน", *(bar.label for bar in vote.chart)]
        assert {row[0] for row in chart[1:]} <= {name for name, _colour in vote.sectors}

    # Everything people typed that the minutes print, a line at a time.
    everything = "\n".join(texts + [c for t in tables for row in t for c in row])
    for text in content.texts():
        for line in text.splitlines():
            assert line.strip() in everything


def test_page_fonts_and_page_numbers_are_set_for_thai(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    path = tmp_path / "minutes.docx"
    write(db, demo_workshop, path)
    document = docx.Document(str(path))
    section = document.sections[0]
    sizes = [section.page_width, section.page_height, section.left_margin, section.right_margin]
    sizes += [section.top_margin, section.bottom_margin]
    assert [round((size or 0) / Cm(1), 2) for size in sizes] == [21, 29.7, 3, 2, 2.5, 2]  # A4

    # Sarabun 16 pt for Latin and for the complex script (Thai), with no theme font.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts")).attrib
    assert {fonts[qn(f"w:{s}")] for s in ("ascii", "hAnsi", "cs")} == {"Sarabun"}
    assert not any("Theme" in name or "theme" in name for name in fonts)
    assert rpr.find(qn("w:sz")).get(qn("w:val")) == rpr.find(qn("w:szCs")).get(qn("w:val")) == "32"
    heading = next(p for p in document.paragraphs if p.text == "ผู้มาประชุม")
    bold = heading.runs[0]._r.rPr
    assert bold is not None and bold.find(qn("w:bCs")) is not None  # bold for Thai too

    # "- ๒ -" from page 2: a PAGE field in the header, Thai digits from the section's
    # page number format; page 1 has its own empty header.
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""
    header = section.header.paragraphs[0]._p.xml
    assert "<w:instrText" in header and " PAGE " in header
    assert section.header.paragraphs[0].text == "- ๒ -"  # the field's shown value
    number_format = section._sectPr.find(qn("w:pgNumType"))
    assert number_format is not None and number_format.get(qn("w:fmt")) == "thaiNumbers"


def test_no_phone_numbers_or_email_addresses(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    path = tmp_path / "minutes.docx"
    write(db, demo_workshop, path)
    with zipfile.ZipFile(path) as archive:
        xml = "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        )
    with db.session() as session:
        people = list_attendees(session, demo_workshop)
    assert sum(1 for p in people if p.phone) > 10 and sum(1 for p in people if p.email) > 10
    for person in people:
        # PDPA: the minutes name people, never their phone or e-mail.
        assert not person.phone or person.phone not in xml
        assert not person.email or person.email not in xml
    assert "@" not in xml


def test_arabic_digits_and_no_appendix(db: Database, demo_workshop: str, tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    content = write(db, demo_workshop, path, thai_digits=False, with_appendix=False)
    document = docx.Document(str(path))
    texts = paragraphs(document)
    typed = "\n".join(content.texts())
    assert not THAI_DIGIT.search(typed)  # so any Thai digit would be the writer's
    everything = "\n".join(texts + [c for t in cells(document) for row in t for c in row])
    assert not THAI_DIGIT.search(everything)
    assert re.fullmatch(r"ครั้งที่ 1/\d{4}", content.number_line) and content.number_line in texts
    assert re.fullmatch(r"เริ่มประชุมเวลา \d\d\.\d\d น\.", content.start_line)
    assert content.start_line in texts
    assert first(texts, "1.\t") < first(texts, "2.\t")
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "- 2 -"
    assert section._sectPr.find(qn("w:pgNumType")) is None  # plain digits
    # No appendix: the body's ten best ideas per issue, one table per vote round.
    assert not any("ภาคผนวก" in text for text in texts)
    assert len(document.tables) == 2 * len(content.votes) + bool(content.plan)


def test_appendix_lists_every_idea_on_a_new_page(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    path = tmp_path / "minutes.docx"
    content = write(db, demo_workshop, path)
    document = docx.Document(str(path))
    appendix = next(p for p in document.paragraphs if p.text == "ภาคผนวก")
    assert appendix.paragraph_format.page_break_before
    tables = cells(document)[2 * len(content.votes) + bool(content.plan) :]
    for issue, table in zip(content.issues, tables, strict=True):
        assert table[0] == ["ลำดับ", "ความคิดเห็น", "ประเภท", "ภาคส่วน"]
        assert [row[0] for row in table[1:]] == [
            content.digits(str(n)) for n in range(1, len(issue.ideas) + 1)
        ]
        assert [row[3] for row in table[1:]] == [idea.sector for idea in issue.ideas]
    assert any(len(issue.ideas) > 10 for issue in content.issues)  # more than the body lists


def test_a_failed_write_leaves_no_file(
    db: Database, demo_workshop: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "no-such-folder" / "minutes.docx"
    with pytest.raises(UserError):
        write(db, demo_workshop, missing)
    assert not missing.parent.exists()

    # A save that fails half way leaves yesterday's file and no part file.
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "minutes.docx"
    target.write_bytes(b"the minutes written yesterday")

    def fail(self: docx.document.Document, path: str) -> None:
        Path(path).write_bytes(b"PK half a file")
        raise OSError("the disk filled up")

    monkeypatch.setattr(docx.document.Document, "save", fail)
    with pytest.raises(UserError, match="disk filled up"):
        write(db, demo_workshop, target)
    assert target.read_bytes() == b"the minutes written yesterday"
    assert [p.name for p in folder.iterdir()] == ["minutes.docx"]


def test_export_command_writes_docx(db: Database, demo_workshop: str, db_path: Path) -> None:
    out = db_path.parent / "minutes.docx"
    common = ["--db", str(db_path), "--workshop", demo_workshop, "--lang", "en"]
    assert main(["export", "minutes", *common, "--out", str(out), "--no-appendix"]) == 0
    assert "ภาคผนวก" not in paragraphs(docx.Document(str(out)))


def test_libreoffice_turns_it_into_a_pdf_that_reads_back(
    db: Database, demo_workshop: str, tmp_path: Path
) -> None:
    path = tmp_path / "minutes.docx"
    write(db, demo_workshop, path)
    pdf = LibreOffice(tmp_path).convert(path, "pdf")

    def text(*pages: str) -> str:
        # -raw: in reading order pdftotext splits the marks of LibreOffice's bold Thai
        # from their letters ("มติทป ี่ ระชุม"); the content stream keeps them together.
        command = ["pdftotext", "-raw", "-enc", "UTF-8", *pages, str(pdf), "-"]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout

    whole = text()
    assert "รายงานการประชุม" in whole and "มติที่ประชุม" in whole
    assert "เลิกประชุมเวลา" in whole and "ผู้จดรายงานการประชุม" in whole
    assert not text("-l", "1").startswith("-")  # no number on page 1
    # LibreOffice ignores Word's Thai page number format and writes Arabic digits.
    assert text("-f", "2", "-l", "2").split("\n")[0] in ("- 2 -", "- ๒ -")
    fonts_used = subprocess.run(
        ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    assert "Sarabun-Regular" in fonts_used and "Sarabun-Bold" in fonts_used


def test_sarabun_travels_inside_the_docx(db: Database, demo_workshop: str, tmp_path: Path) -> None:
    """Word's embedded-font parts: on a machine without Sarabun (this LibreOffice has no
    font folder of the app's) the document is still set in Sarabun, not in boxes; and
    TH Sarabun New is named as the alternative."""
    path = tmp_path / "minutes.docx"
    write(db, demo_workshop, path)
    with zipfile.ZipFile(path) as package:
        fonts = package.read("word/fontTable.xml").decode("utf-8")
        assert {n for n in package.namelist() if n.startswith("word/fonts/")} == {
            "word/fonts/font1.odttf",
            "word/fonts/font2.odttf",
        }
        assert "<w:embedTrueTypeFonts/>" in package.read("word/settings.xml").decode("utf-8")
    sarabun = re.search(r'<w:font w:name="Sarabun">.*?</w:font>', fonts)
    assert sarabun is not None
    assert '<w:altName w:val="TH Sarabun New"/>' in sarabun.group()
    assert "w:embedRegular" in sarabun.group() and "w:embedBold" in sarabun.group()
    office = LibreOffice(tmp_path)
    office.env = {k: v for k, v in office.env.items() if k != "FONTCONFIG_FILE"}
    installed = subprocess.run(["fc-list"], capture_output=True, text=True, check=True).stdout
    pdf = office.convert(path, "pdf")
    used = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    if "Sarabun" not in installed:  # else the system's font would pass for the embedded one
        assert "Sarabun-Regular" in used.stdout and "Sarabun-Bold" in used.stdout
