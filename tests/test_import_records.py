"""Imported lists reach the records: an appointing order's committee becomes the body
with its roles in the order of the order, printed so in the minutes; a hearing
transcript's commenters, answers and plan changes reach the hearing summary."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pdf_reading import pdf_text
from tests.test_api_stories import flat, read_back
from workshop_app import api
from workshop_app.cli import main

CORPUS = Path(__file__).resolve().parent / "data" / "import_corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@pytest.fixture
def db_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "meeting.sqlite"
    yield path
    api.close(path)


def _positions(text: str, parts: list[str]) -> list[int]:
    """Where each part is in the text (spaces and digit forms aside), each after the
    one before it; -1 for a part not found there."""
    plain = flat(text).translate(TO_ARABIC)
    found, start = [], 0
    for part in parts:
        at = plain.find(flat(part).translate(TO_ARABIC), start)
        found.append(at)
        start = max(start, at + 1)
    return found


def test_appointing_order_makes_the_body_in_its_order(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    w = api.create_workshop(
        db_file, "ประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการจังหวัดสตูล", "committee_meeting"
    )
    api.update_workshop(
        db_file,
        w,
        body_name="คณะกรรมการบริหารงานจังหวัดแบบบูรณาการจังหวัดสตูล (ก.บ.จ.สตูล)",
        meeting_number=3,
        meeting_year=2566,
        venue="ห้องประชุมศาลากลางจังหวัดสตูล ชั้น 3",
    )
    day = api.add_day(db_file, w, dt.date(2023, 8, 22), "09.30", "12.00")
    file = CORPUS / "committee_order_lo.xlsx"  # written by openpyxl, re-saved by LibreOffice
    capsys.readouterr()
    assert main(["import-attendees", "--db", str(db_file), "--workshop", w, str(file)]) == 0
    summary = capsys.readouterr().out
    assert "กรรมการ 13 คน ตามลำดับในแฟ้ม" in summary
    assert "เพิ่มตำแหน่งในคณะ: กรรมการและเลขานุการร่วม" in summary

    people = EXPECTED["committee_order.xlsx"]["good"]["people"]
    members = api.members(db_file, w)
    assert [(m.attendee.first_name, m.role) for m in members] == [
        (p["first"], p["body_role"]) for p in people
    ]
    # The advisor comes first as in the order, although the default list puts advisors
    # after the members; the joint secretary's role joined the workshop's list.
    assert members[0].role == "ที่ปรึกษา"
    assert "กรรมการและเลขานุการร่วม" in [r.name for r in api.roles(db_file, w)]

    for member in members[:-1]:
        api.check_in(db_file, member.attendee.id, day_id=day)
    text, document = read_back(db_file, w, tmp_path)
    present = [
        " ".join(
            (p["prefix"] + p["first"], p["last"], p["position"], p["organisation"], p["body_role"])
        )
        for p in people
    ]
    for record in (text, document):
        positions = _positions(record, ["ผู้มาประชุม", *present[:-1], "ผู้ไม่มาประชุม", present[-1]])
        assert -1 not in positions, [
            p for p, i in zip(present, positions[1:], strict=False) if i < 0
        ]
        assert positions == sorted(positions)


def test_hearing_transcript_reaches_the_hearing_summary(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    w = api.create_workshop(
        db_file, "ประชุมรับฟังความคิดเห็นต่อร่างแผนพัฒนาจังหวัดตรัง (พ.ศ. 2566 - 2570)", "public_hearing"
    )
    file = CORPUS / "hearing_transcript_lo.xlsx"
    capsys.readouterr()
    assert main(["import-ideas", "--db", str(db_file), "--workshop", w, str(file)]) == 0
    assert capsys.readouterr().out.startswith("นำเข้า 5 ความคิดเห็นจาก hearing_transcript_lo.xlsx")
    out = tmp_path / "hearing.pdf"
    capsys.readouterr()
    assert (
        main(["export", "hearing", "--db", str(db_file), "--workshop", w, "--out", str(out)]) == 0
    )
    text = flat(pdf_text(out)).translate(TO_ARABIC)
    for card in EXPECTED["hearing_transcript.xlsx"]["good"]["cards"]:
        commenter = (
            "ไม่ประสงค์ออกนาม"
            if card["anonymous"]
            else " ".join(p for p in (card["commenter"], card["organisation"]) if p)
        )
        for field in (card["text"], commenter, card["answer"], card["plan_change"]):
            assert flat(field).translate(TO_ARABIC) in text, field
        if card["anonymous"] and card["commenter"]:
            assert flat(card["commenter"]) not in text  # asked not to be named
