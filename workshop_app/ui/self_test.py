"""``workshop-app --self-test``: does this installation work, on this machine?

Run after installing (by the installer's test, or by a user asked to by support). It
starts the real GUI offscreen and goes through what a workshop needs: the bundled
resources, a Thai font that really covers Thai (without one Qt draws boxes and still
exits 0), the database, the main window in Thai and each of its pages (the minutes
preview rendered), the minutes PDF and the action-plan workbook, each read back. One
line per check; the exit status is non-zero if any fails.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Thai consonants, vowels above and below, tone marks, Thai digits: all must be drawn.
THAI_SAMPLE = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮะัาำิีึืุู่้๊๋็์เแโใไๆ๐๑๒๓๔๕๖๗๘๙"


@dataclass
class Check:
    name: str
    passed: bool
    detail: str


class SelfTest:
    def __init__(self, screenshot: Path | None) -> None:
        self.screenshot = screenshot
        self.checks: list[Check] = []

    def run(self, name: str, action: Callable[[], str]) -> bool:
        """Run one check; its line is printed at once (a hang shows where it stopped)."""
        try:
            detail = action()
            check = Check(name, True, detail)
        except Exception as exc:  # a failed check is reported, never raised
            last = traceback.extract_tb(exc.__traceback__)[-1:]
            where = f" at {Path(last[0].filename).name}:{last[0].lineno}" if last else ""
            check = Check(name, False, f"{type(exc).__name__}: {exc}{where}")
        self.checks.append(check)
        status = "ok  " if check.passed else "FAIL"
        print(f"{status} {check.name}: {check.detail}", flush=True)
        return check.passed


def run_self_test(screenshot: Path | None = None) -> int:
    # Offscreen unless told otherwise: the test must run on a machine without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    test = SelfTest(screenshot)
    with tempfile.TemporaryDirectory(prefix="workshop-app-self-test-") as folder:
        _run_checks(test, Path(folder), started)
    failed = [c for c in test.checks if not c.passed]
    print(
        f"self-test: {len(test.checks) - len(failed)} of {len(test.checks)} checks passed "
        f"in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return 1 if failed else 0


def _run_checks(test: SelfTest, folder: Path, started: float) -> None:
    import workshop_app
    from workshop_app import resources

    test.run(
        "version",
        lambda: f"workshop-app {workshop_app.__version__}, Python {sys.version.split()[0]}",
    )

    def bundled_resources() -> str:
        fonts = resources.font_files()
        if not fonts:
            raise FileNotFoundError(f"no fonts in {resources.resources_dir() / 'fonts'}")
        translation = resources.translation_file("th")
        if not translation.is_file():
            raise FileNotFoundError(translation)
        references = list((resources.resources_dir() / "reference").glob("*.txt"))
        if not references:
            raise FileNotFoundError("reference lists")
        return f"{len(fonts)} fonts, Thai translation, {len(references)} reference lists"

    test.run("resources", bundled_resources)

    def thai_dictionary() -> str:
        if os.environ.get("PYTHAINLP_OFFLINE") != "1":
            raise RuntimeError("PYTHAINLP_OFFLINE is not set: PyThaiNLP could go online")
        from pythainlp.corpus import thai_words

        from workshop_app.thai.segment import segmenter

        words = len(thai_words())
        # Words, and a subdistrict's name kept whole: the place names (geothai's data,
        # bundled) are in the dictionary.
        sentence = "การพัฒนาการค้าชายแดนตำบลปาดังเบซาร์"
        cut = segmenter().words(sentence)
        if words < 10_000 or len(cut) < 3 or not any("ปาดังเบซาร์" in w for w in cut):
            raise RuntimeError(f"{words} words; segmented as {cut}")
        return f"{words:,} words; {sentence} → {'|'.join(cut)}"

    test.run("Thai dictionary (offline)", thai_dictionary)

    from PySide6.QtGui import QFontInfo, QFontMetrics
    from PySide6.QtWidgets import QApplication

    from workshop_app.ui import settings
    from workshop_app.ui.app import UI_FONT_FAMILY, GuiController, make_application

    settings.use_settings_file(str(folder / "settings.ini"))
    app = make_application("th")

    def thai_font() -> str:
        font = QApplication.font()
        family = QFontInfo(font).family()
        metrics = QFontMetrics(font)
        missing = [c for c in THAI_SAMPLE if not metrics.inFontUcs4(ord(c))]
        if missing or family != UI_FONT_FAMILY:
            raise RuntimeError(f"font {family!r} lacks {''.join(missing)!r}")
        return f"{family} draws all {len(THAI_SAMPLE)} Thai sample characters"

    test.run("Thai font", thai_font)

    from workshop_app.db.database import head_revision, open_database
    from workshop_app.services.demo import create_demo_workshop

    database_path = folder / "self-test.sqlite"
    holder: dict[str, str] = {}

    def database_and_demo() -> str:
        database = open_database(database_path)
        try:
            with database.transaction() as session:
                holder["workshop"] = create_demo_workshop(session, "small")
        finally:
            database.close()
        return f"schema {head_revision()}, small demo workshop in {database_path.name}"

    if not test.run("database", database_and_demo):
        return

    controller = GuiController(app, "th")

    def main_window() -> str:
        opening = time.perf_counter()
        if not controller.open(database_path, holder["workshop"]):
            raise RuntimeError("the main window did not open")
        window = controller.window
        assert window is not None
        for _ in range(5):
            app.processEvents()
        seconds = time.perf_counter() - started
        title = window.windowTitle()
        if "ประชุม" not in title:
            raise RuntimeError(f"the window title is not in Thai: {title!r}")
        if test.screenshot is not None:
            window.resize(1280, 800)
            app.processEvents()
            if not window.grab().save(str(test.screenshot)):
                raise OSError(f"cannot save {test.screenshot}")
        saved = f"; screenshot {test.screenshot}" if test.screenshot else ""
        return (
            f"{title!r} shown {seconds:.1f} s after start "
            f"(opening it {time.perf_counter() - opening:.1f} s){saved}"
        )

    if not test.run("main window", main_window):
        return

    def every_page() -> str:
        # Each page is opened as a user would; the minutes page renders its preview with
        # Qt PDF, the part of Qt that is easiest to lose in a trimmed build.
        from workshop_app.ui.pages.minutes_page import MinutesPage

        window = controller.window
        assert window is not None
        preview_pages = 0
        for index in range(window.stack.count()):
            window.show_page(index)
            app.processEvents()
            page = window.stack.currentWidget()
            if isinstance(page, MinutesPage):
                deadline = time.perf_counter() + 30
                while page.preview_document.pageCount() == 0 and time.perf_counter() < deadline:
                    app.processEvents()
                    time.sleep(0.02)
                preview_pages = page.preview_document.pageCount()
                if preview_pages == 0:
                    raise RuntimeError("the minutes preview shows no page")
        window.show_page(1)
        return f"{window.stack.count()} pages opened; minutes preview of {preview_pages} pages"

    test.run("every page", every_page)

    def minutes_pdf() -> str:
        from workshop_app.export.pdf.minutes import write_minutes_pdf

        assert controller.database is not None
        out = folder / "minutes.pdf"
        with controller.database.session() as session:
            write_minutes_pdf(session, holder["workshop"], out)
        data = out.read_bytes()
        pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
        if not data.startswith(b"%PDF") or pages < 1 or b"Sarabun" not in data:
            raise RuntimeError(f"not a PDF with Sarabun embedded ({len(data)} bytes)")
        return f"{pages} pages, {len(data) // 1024} KB, Sarabun embedded"

    test.run("minutes PDF", minutes_pdf)

    def action_plan_workbook() -> str:
        import openpyxl

        from workshop_app.export.xlsx_action_plan import write_action_plan
        from workshop_app.services.action_plan import gather_action_plan

        assert controller.database is not None
        out = folder / "action-plan.xlsx"
        with controller.database.session() as session:
            write_action_plan(gather_action_plan(session, holder["workshop"]), out)
        with zipfile.ZipFile(out) as archive:
            if archive.testzip() is not None:
                raise RuntimeError("damaged workbook")
        workbook = openpyxl.load_workbook(out, read_only=True)
        try:
            sheets = workbook.sheetnames
            first = workbook.worksheets[0]
            title = next(
                (str(c) for row in first.iter_rows(max_row=3, values_only=True) for c in row if c),
                "",
            )
        finally:
            workbook.close()
        if "แผน" not in title:
            raise RuntimeError(f"unexpected title {title!r}")
        return f"{len(sheets)} sheets; {title[:40]}…"

    test.run("action-plan workbook", action_plan_workbook)

    def participant_server() -> str:
        from workshop_app.participation import self_check

        assert controller.database is not None
        problem = self_check(controller.database.session, holder["workshop"])
        if problem is not None:
            raise RuntimeError(problem)
        return "serves its page and /api/info on a loopback port"

    test.run("participant server", participant_server)
    if controller.window is not None:
        controller.window.close()
    if controller.database is not None:
        controller.database.close()
