"""Document benchmark: the sign-in sheet and the minutes of the large demo.

Run: ``python bench/documents.py`` (or ``make bench``). Builds the large demo (300
invitees, 2,000 ideas) in a temporary SQLite file and times writing, each from the
database:

* the sign-in sheet PDF, grouped by sector, five times (the first run includes loading
  the Thai dictionary and registering the fonts);
* the minutes PDF with the appendix of every idea, five times;
* for comparison, WeasyPrint laying out the same minutes as HTML with the same font and
  page (bench/minutes_html.py), three times. Only ``write_pdf`` is timed, not reading
  the database nor building the HTML. Needs ``pip install -e .[bench]`` and Pango;
  skipped without them.

* the same minutes as DOCX (our writer, five times), then LibreOffice converting that
  DOCX to PDF (``soffice --headless --convert-to pdf``, the path a secretariat takes
  today), four times with one profile (the first run creates it), and our PDF writer's
  speed as a ratio to it. Skipped without soffice.

Both minutes PDFs then go through ../shared/tools/thai_pdf_check.py (line breaks against
ICU, private-use characters, Thai missing from the copied-out text) when that checkout
is present, with --source the text our writer returns (a paragraph or cell a line): the
checker then accepts a line end where the source has a paragraph end, such as before a
list number "๑." (ICU never breaks before a digit).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from figures import report, timed_runs
from minutes_html import minutes_html
from sqlalchemy.orm import Session

from workshop_app.db.database import Database, open_database
from workshop_app.export.docx_minutes import write_minutes_docx
from workshop_app.export.pdf.minutes import write_minutes_pdf
from workshop_app.export.pdf.signin import write_signin_sheet
from workshop_app.resources import resources_dir
from workshop_app.services.demo import create_demo_workshop
from workshop_app.services.minutes import gather_minutes

SIGNIN_TARGET_S = 1.0
MINUTES_TARGET_S = 3.0
CHECKER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "thai_pdf_check.py"


def timed(write: Callable[[Path], object], out: Path, runs: int) -> list[float]:
    """Seconds each of ``runs`` calls of ``write(out)`` took."""
    return timed_runs(lambda: write(out), runs)


def in_session(
    database: Database, write: Callable[[Session, Path], object]
) -> Callable[[Path], None]:
    def run(out: Path) -> None:
        with database.session() as session:
            write(session, out)

    return run


def middle(values: list[float]) -> float:
    """The median (the upper of the two middle values of an even count)."""
    return sorted(values)[len(values) // 2]


def pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        if found := re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE):
            return int(found[1])
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes()))


def row(label: str, value: float, unit: str = "s") -> None:
    print(f"  {label:58s} {value:8.2f} {unit}")


def thai_check(pdf: Path, source: Path) -> None:
    """The summary line of the shared Thai PDF checker."""
    if not CHECKER.is_file():
        print(f"  Thai check: {CHECKER} not found")
        return
    run = subprocess.run(
        [sys.executable, CHECKER, pdf, "--source", source, "--show", "0"],
        capture_output=True,
        text=True,
    )
    print(f"  Thai check: {(run.stdout.strip().splitlines() or [run.stderr.strip()])[-1]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    missing = ""
    try:
        from weasyprint import HTML
    except ImportError:
        missing = "WeasyPrint not installed: pip install -e .[bench]"
    except OSError as error:  # Pango (or a library it needs) not found
        missing = f"WeasyPrint cannot start: {error}"
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        database = open_database(folder / "bench.sqlite")
        with database.transaction() as session:
            workshop_id = create_demo_workshop(session, "large")

        signin = folder / "signin.pdf"
        runs = timed(
            in_session(database, lambda s, p: write_signin_sheet(s, workshop_id, p)), signin, 5
        )
        title = f"Sign-in sheet, 300 invitees by sector ({pages(signin)} pages)"
        met = report(title, [("median of runs 2-5", middle(runs[1:]), SIGNIN_TARGET_S, "s")])
        row("first run (dictionary and fonts loaded)", runs[0])

        ours = folder / "minutes.pdf"
        runs = timed(
            in_session(database, lambda s, p: write_minutes_pdf(s, workshop_id, p)), ours, 5
        )
        source = folder / "minutes.txt"  # what the minutes say, for the Thai check
        with database.session() as session:
            content = gather_minutes(session, workshop_id)
            source.write_text(write_minutes_pdf(session, workshop_id, ours), encoding="utf-8")
        ideas = sum(len(issue.ideas) for issue in content.issues)
        title = f"Minutes with the appendix of {ideas:,} ideas ({pages(ours)} pages)"
        met &= report(title, [("median of 5 runs", middle(runs), MINUTES_TARGET_S, "s")])
        row("first run", runs[0])
        thai_check(ours, source)

        docx = folder / "minutes.docx"
        docx_runs = timed(
            in_session(database, lambda s, p: write_minutes_docx(s, workshop_id, p)), docx, 5
        )
        print("Minutes as DOCX (our writer)")
        row("median of 5 runs", middle(docx_runs))
        office = shutil.which("soffice")
        if office is None:
            print("LibreOffice (soffice) not found: no DOCX-to-PDF comparison")
        else:
            profile = (folder / "lo-profile").as_uri()
            command = [office, f"-env:UserInstallation={profile}", "--headless"]
            command += ["--convert-to", "pdf", "--outdir", str(folder / "lo"), str(docx)]
            converted = timed_runs(
                lambda: subprocess.run(command, check=True, capture_output=True), 4
            )
            lo_pages = pages(folder / "lo" / "minutes.pdf")
            print(f"LibreOffice converting that DOCX to PDF ({lo_pages} pages)")
            row("first run (profile created)", converted[0])
            row("median of runs 2-4", middle(converted[1:]))
            row("LibreOffice / our PDF writer (medians)", middle(converted[1:]) / middle(runs), "x")
        database.close()

        if missing:
            print(missing)
        else:
            html, base = minutes_html(content), str(resources_dir())
            theirs = folder / "weasyprint.pdf"
            times = timed(lambda p: HTML(string=html, base_url=base).write_pdf(p), theirs, 3)
            print(f"WeasyPrint, the same minutes as HTML, same font ({pages(theirs)} pages)")
            row("first run", times[0])
            row("median of 3 runs", middle(times))
            row("WeasyPrint / ours (medians)", middle(times) / middle(runs), "x")
            thai_check(theirs, source)
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
