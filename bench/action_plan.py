"""Action-plan benchmark: the workbook and the template of the large demo.

Run: ``python bench/action_plan.py`` (or ``make bench``). Builds the large demo (150
projects, 2,000 ideas, three vote rounds) in a temporary SQLite file, then times, five
times each (median and worst reported):

* writing the action-plan workbook (project list with subtotal formulas, one brief sheet
  per project, votes, every idea, attendance), from the database;
* importing a filled template of the 150 projects: the template written with the
  projects (``--with-projects``) and every project's name edited, so every row is an
  update, in one transaction that is rolled back so each run imports the same file into
  the same database;
* importing the same 150 rows as new projects (the id column emptied, as an agency sends
  them), rolled back likewise.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

import openpyxl
from figures import report, timed_runs

from workshop_app.db.database import Database, open_database
from workshop_app.export.xlsx_action_plan import write_action_plan
from workshop_app.export.xlsx_template import write_plan_template
from workshop_app.services import plan_import
from workshop_app.services.action_plan import gather_action_plan
from workshop_app.services.demo import create_demo_workshop
from workshop_app.services.plan_template import gather_plan_template

RUNS = 5


def import_rolled_back(database: Database, workshop_id: str, path: Path) -> None:
    with database.session() as session:
        result = plan_import.import_plan(session, workshop_id, path)
        assert result.created + result.updated == 150, result  # none unchanged
        session.rollback()


def edited(template: Path, target: Path, *, keep_ids: bool) -> None:
    """The filled template as an agency returns it: every project's name edited, and
    (``keep_ids=False``) the id column emptied, so that every row is a new project."""
    workbook = openpyxl.load_workbook(template)
    sheet = workbook["โครงการ"]
    header_row = next(r for r in sheet.iter_rows() if any(c.value == "ชื่อโครงการ" for c in r))
    columns = {str(c.value): c.column for c in header_row if c.value}
    name_column = columns["ชื่อโครงการ"]
    id_column = next(c for h, c in columns.items() if h.startswith("รหัสโครงการ"))
    for row in sheet.iter_rows(min_row=header_row[0].row + 1):
        name = row[name_column - 1]
        if name.value:
            name.value = f"{name.value} (ปรับปรุง)"
            if not keep_ids:
                row[id_column - 1].value = None
    workbook.save(target)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        database = open_database(root / "bench.sqlite")
        with database.transaction() as session:
            workshop_id = create_demo_workshop(session, "large")
        plan = root / "plan.xlsx"
        template = root / "template.xlsx"
        updates = root / "template-updates.xlsx"
        fresh = root / "template-new.xlsx"

        def export() -> None:
            with database.session() as session:
                write_action_plan(gather_action_plan(session, workshop_id), plan)

        export_times = timed_runs(export, RUNS)
        with database.session() as session:
            content = gather_plan_template(session, workshop_id, with_projects=True)
            write_plan_template(content, template)
        edited(template, updates, keep_ids=True)
        edited(template, fresh, keep_ids=False)
        update_times = timed_runs(lambda: import_rolled_back(database, workshop_id, updates), RUNS)
        create_times = timed_runs(lambda: import_rolled_back(database, workshop_id, fresh), RUNS)
        database.close()
        sheets = len(openpyxl.load_workbook(plan, read_only=True).sheetnames)
        print(f"workbook: {sheets} sheets, {plan.stat().st_size / 1024:.0f} KB")

    def line(label: str, times: list[float], target: float) -> list[tuple[str, float, float, str]]:
        return [
            (f"{label}, median", statistics.median(times), target, "s"),
            (f"{label}, worst of {RUNS}", max(times), target, "s"),
        ]

    figures = (
        line("export action plan (150 projects, 2,000 ideas)", export_times, 2.0)
        + line("import filled template, 150 updates", update_times, 1.0)
        + line("import filled template, 150 new projects", create_times, 1.0)
    )
    return 0 if report("Action plan (large demo)", figures) else 1


if __name__ == "__main__":
    sys.exit(main())
