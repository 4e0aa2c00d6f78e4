"""Import benchmark: a 10,000-row invitation list and 10,000 ideas.

Run: ``python bench/imports.py`` (``--strict`` exits 1 when a target fails). Writes the
files with openpyxl into a temporary folder (the invitation list the way provinces send
it: a title row, sector heading rows, one name cell, phones stored as numbers), then
measures, each against a fresh copy of one SQLite workshop (the real store: WAL,
synchronous=FULL):

* preview: reading the file and planning it (what the preview dialog shows), nothing
  written;
* import: what the command line does, reading, planning and writing in one transaction,
  until the commit returns.

Targets (issue 20): preview < 2 s, import < 5 s; 10,000 ideas import < 5 s. Each figure
is the median of three runs.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
from figures import Figure, report

from workshop_app.db.database import open_database
from workshop_app.readers.tables import read_file
from workshop_app.services.idea_import import apply_idea_plan, read_idea_file
from workshop_app.services.invitation_import import (
    DuplicateChoice,
    apply_invitation_plan,
    load_invitation_list,
    read_invitation_list,
)
from workshop_app.services.workshops import create_workshop

ROWS = 10_000
RUNS = 3
FIRST = ("สมชาย", "วิไลวรรณ", "ประยุทธ", "กาญจนา", "อนุชา", "สุนิสา", "ธีระ", "พรทิพย์")
LAST = ("ใจดี", "ศรีสุข", "ทองมา", "แก้วมณี", "บุญเรือง", "ชัยมงคล", "สายทอง", "พรหมมา")
ORGS = {
    "ส่วนราชการ": "สำนักงานเกษตรจังหวัดนครศรีธรรมราช",
    "องค์กรปกครองส่วนท้องถิ่น": "เทศบาลตำบลท่าศาลา",
    "ภาคเอกชน": "หอการค้าจังหวัดนครศรีธรรมราช",
    "สถาบันการศึกษา": "มหาวิทยาลัยวลัยลักษณ์",
}


def write_invitations(path: Path) -> None:
    rng = random.Random(20)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("รายชื่อ")
    sheet.append(["รายชื่อผู้ได้รับเชิญประชุมประชาคมจังหวัด"])
    sheet.append(["ที่", "ชื่อ - สกุล", "ตำแหน่ง", "หน่วยงาน/สังกัด", "โทร"])
    per_group = ROWS // len(ORGS)
    n = 0
    for sector, organisation in ORGS.items():
        sheet.append([sector])
        for _ in range(per_group):
            n += 1
            name = f"นาย{rng.choice(FIRST)}{n} {rng.choice(LAST)}"
            sheet.append([n, name, "ผู้แทน", f"{organisation} {n}", 810000000 + n])
    book.save(path)


def write_ideas(path: Path) -> None:
    rng = random.Random(21)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("ความคิดเห็น")
    sheet.append(["ลำดับ", "ประเด็นยุทธศาสตร์ที่", "ความคิดเห็น/ข้อเสนอ", "ประเภท", "ภาคส่วน"])
    kinds = ("ปัญหา", "ข้อเสนอแนะ", "จุดแข็ง", "ข้อเสนอโครงการ")
    for n in range(1, ROWS + 1):
        text = f"ส่งเสริมการแปรรูปผลผลิตทางการเกษตรของชุมชนแห่งที่ {n}"
        sheet.append([n, rng.randint(1, 5), text, rng.choice(kinds), rng.choice(list(ORGS))])
    book.save(path)


CPU: dict[str, float] = {}


def median_seconds(action: object, runs: int = RUNS) -> float:
    """Median wall time of ``runs`` calls; the median CPU time goes to ``CPU`` (on a
    machine shared with other work the two differ: the CPU time is what the code costs)."""
    assert callable(action)
    seconds, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    CPU[getattr(action, "__name__", "?")] = statistics.median(cpu)
    return statistics.median(seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target fails")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        invitations, ideas = root / "invitations.xlsx", root / "ideas.xlsx"
        write_invitations(invitations)
        write_ideas(ideas)
        template = root / "template.sqlite"
        database = open_database(template)
        with database.transaction() as session:
            workshop_id = create_workshop(session, "ประชุมประชาคมจังหวัดนครศรีธรรมราช")
        database.close()
        copies = iter(range(1_000))

        def fresh() -> Path:
            path = root / f"run{next(copies)}.sqlite"
            shutil.copy(template, path)
            return path

        def preview() -> None:
            db = open_database(template)
            try:
                with db.session() as session:
                    plan = load_invitation_list(session, workshop_id, read_file(invitations))
                    assert len(plan.invitees) == ROWS and not plan.problems
            finally:
                db.close()

        def import_invitations() -> None:
            db = open_database(fresh())
            try:
                with db.transaction() as session:
                    plan = read_invitation_list(session, workshop_id, invitations)
                    added = apply_invitation_plan(
                        session, plan, file_duplicates=DuplicateChoice.KEEP_FIRST
                    )
                    assert added == ROWS
            finally:
                db.close()

        def import_ideas() -> None:
            db = open_database(fresh())
            try:
                with db.transaction() as session:
                    assert apply_idea_plan(session, read_idea_file(session, workshop_id, ideas))
            finally:
                db.close()

        figures: list[Figure] = [
            (f"invitation list of {ROWS:,} rows: preview", median_seconds(preview), 2.0, "s"),
            (
                f"invitation list of {ROWS:,} rows: import",
                median_seconds(import_invitations),
                5.0,
                "s",
            ),
            (f"{ROWS:,} ideas: import", median_seconds(import_ideas), 5.0, "s"),
        ]
    met = report(f"Imports (median of {RUNS} runs, wall time)", figures)
    print("  CPU time: " + ", ".join(f"{name} {value:.2f} s" for name, value in CPU.items()))
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
