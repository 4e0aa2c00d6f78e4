"""Edit a spreadsheet in LibreOffice, the real client, as a person would, and save it.

``edit_in_libreoffice`` (run by the tests, in the venv) starts a private headless
LibreOffice listening on a pipe, runs this file with the system Python (which has the
``uno`` bridge, python3-uno; the venv cannot import it) to open the workbook hidden,
set cells and store it as .xlsx, and always stops LibreOffice afterwards.

The edits and reads travel as JSON: ``{"sheet": "โครงการ", "cell": "B4", "text": "..."}``
(or ``"number": 1250000``, ``"formula": "=1+2"``, or ``"typed": "=1+2"``: entered as a
person types it, so the cell's number format decides what it becomes) and
``{"sheet": ..., "cell": ...}`` for a read, which returns the cell's type as LibreOffice
sees it (TEXT, VALUE, FORMULA, EMPTY) and its string.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SYSTEM_PYTHON = "/usr/bin/python3"
CONNECT_SECONDS = 60
EXCEL_FILTER = "Calc MS Excel 2007 XML"


def edit_in_libreoffice(
    folder: Path,
    path: Path,
    edits: list[dict[str, Any]],
    reads: Sequence[dict[str, Any]] = (),
    *,
    saved_as: Path | None = None,
) -> list[dict[str, Any]]:
    """Open ``path`` in LibreOffice, apply ``edits``, store it as .xlsx (to ``saved_as``,
    else over ``path``) and return what ``reads`` found after the edits."""
    import pytest

    from tests.libreoffice import LibreOffice

    check = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, text=True, check=False
    )
    if check.returncode != 0:
        pytest.fail(
            f"{SYSTEM_PYTHON} cannot import uno (python3-uno), needed to drive LibreOffice in "
            f"this test. Run scripts/install-system-packages.sh.\n{check.stderr}"
        )
    office = LibreOffice(folder)
    pipe = f"workshop-test-{uuid.uuid4().hex}"
    log = folder / f"{pipe}.log"
    with log.open("wb") as output:
        # A session of its own, so stopping it also stops soffice.bin, the wrapper's child.
        process = subprocess.Popen(
            office.command(
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nodefault",
                f"--accept=pipe,name={pipe};urp;",
            ),
            env=office.env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        job = {
            "pipe": pipe,
            "path": str(path),
            "target": str(saved_as or path),
            "edits": edits,
            "reads": list(reads),
        }
        done = subprocess.run(
            [SYSTEM_PYTHON, str(Path(__file__).resolve())],
            input=json.dumps(job),
            capture_output=True,
            text=True,
            timeout=CONNECT_SECONDS + 120,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(
                f"editing {path.name} in LibreOffice failed (exit {done.returncode}):\n"
                f"{done.stdout}\n{done.stderr}\n"
                f"soffice said: {log.read_text(errors='replace')}"
            )
        result: list[dict[str, Any]] = json.loads(done.stdout)
        return result
    finally:
        _stop(process)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the LibreOffice this helper started (its process group: the soffice wrapper
    and soffice.bin, its child), also when the test failed."""
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)  # the UNO client asked it to quit
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if process.poll() is not None and not _group_alive(process.pid):
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if process.poll() is not None and not _group_alive(process.pid):
                return
            time.sleep(0.2)


# --- the UNO client, run by the system Python ---------------------------------------------


def _run_job(job: dict[str, Any]) -> list[dict[str, Any]]:  # pragma: no cover
    import uno  # type: ignore[import-not-found]
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
    from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]
    from com.sun.star.lang import DisposedException  # type: ignore[import-not-found]

    def prop(name: str, value: Any) -> Any:
        item = PropertyValue()
        item.Name, item.Value = name, value
        return item

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            context = resolver.resolve(
                f"uno:pipe,name={job['pipe']};urp;StarOffice.ComponentContext"
            )
            break
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    document = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(job["path"]), "_blank", 0, (prop("Hidden", True),)
    )
    if document is None:
        raise RuntimeError(f"LibreOffice could not open {job['path']}")
    stored = False
    try:
        controller = document.getCurrentController()
        dispatcher = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", context
        )
        for edit in job["edits"]:
            sheet = document.Sheets.getByName(edit["sheet"])
            cell = sheet.getCellRangeByName(edit["cell"])
            if "text" in edit:
                cell.setString(edit["text"])
            elif "number" in edit:
                cell.setValue(edit["number"])
            elif "formula" in edit:
                cell.setFormula(edit["formula"])
            else:  # what typing into the cell and pressing Enter does
                controller.setActiveSheet(sheet)
                controller.select(cell)
                dispatcher.executeDispatch(
                    controller.getFrame(),
                    ".uno:EnterString",
                    "",
                    0,
                    (prop("StringName", edit["typed"]),),
                )
        found = []
        for read in job["reads"]:
            cell = document.Sheets.getByName(read["sheet"]).getCellRangeByName(read["cell"])
            found.append({**read, "type": cell.getType().value, "string": cell.getString()})
        document.storeToURL(
            uno.systemPathToFileUrl(job["target"]), (prop("FilterName", EXCEL_FILTER),)
        )
        stored = True
    finally:
        try:
            document.close(True)
        except DisposedException:
            # LibreOffice 7.4 now and then aborts (signal 6, in an idle task that typing
            # into a cell leaves queued) once the file is stored. Everything the tests
            # check was read and stored before that; a crash earlier still fails.
            if not stored:
                raise
        with contextlib.suppress(Exception):  # the bridge drops as LibreOffice quits
            desktop.terminate()
    return found


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(json.dumps(_run_job(json.load(sys.stdin))))
    sys.stdout.flush()
    # The work is done and reported. Python's own shutdown may crash tearing down the UNO
    # bridge to a LibreOffice that has just quit (seen as a random non-zero exit).
    os._exit(0)
