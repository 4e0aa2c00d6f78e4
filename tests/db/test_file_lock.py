"""One writer per database file: two real processes on one file, and the clock that never
goes backwards between two openings of one file."""

from __future__ import annotations

import datetime as dt
import os
import platform
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from workshop_app.cli import EXIT_USER_ERROR
from workshop_app.db.database import open_database
from workshop_app.db.file_lock import DatabaseInUseError, lock_path
from workshop_app.db.hlc import Stamp
from workshop_app.models import Workshop
from workshop_app.services.workshops import create_workshop, update_workshop

# A second program that opens the file and keeps it open until its stdin closes.
HOLDER = textwrap.dedent(
    """
    import sys
    from workshop_app.db.database import open_database
    database = open_database(sys.argv[1])
    print("open", flush=True)
    sys.stdin.read()
    database.close()
    """
)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    path = tmp_path / "เวทีประชาคม อำเภอเมือง.sqlite"
    database = open_database(path)
    with database.transaction() as session:
        create_workshop(session, "ประชุมทบทวนแผนพัฒนาจังหวัดน่าน")
    database.close()
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "open"
    yield path, process
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)


def test_a_second_process_is_refused_and_told_who_holds_the_file(
    holder: tuple[Path, subprocess.Popen[str]],
) -> None:
    path, process = holder
    with pytest.raises(DatabaseInUseError) as refused:
        open_database(path)
    assert refused.value.holder is not None
    assert refused.value.holder.pid == process.pid
    assert refused.value.holder.computer == platform.node()
    since = dt.datetime.strptime(refused.value.holder.since, "%Y-%m-%d %H:%M:%S")
    assert abs((dt.datetime.now() - since).total_seconds()) < 120
    thai = refused.value.message("th")
    assert f"PID) {process.pid}" in thai and "เปิดใช้งานอยู่ในโปรแกรมอื่น" in thai
    assert "ตั้งแต่" in thai


def test_a_writing_command_beside_the_gui_exits_2_with_one_line(
    holder: tuple[Path, subprocess.Popen[str]], tmp_path: Path
) -> None:
    path, process = holder
    ideas = tmp_path / "ideas.csv"
    ideas.write_text("ประเด็น,ความคิดเห็น\n1,ขยายตลาดผ้าทอเมืองน่าน\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "WORKSHOP_APP_LANG": "en"}
    command = [sys.executable, "-m", "workshop_app", "--db", str(path)]
    refused = subprocess.run(
        [*command, "import-ideas", "--workshop", "", str(ideas)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert refused.returncode == EXIT_USER_ERROR
    lines = refused.stderr.splitlines()
    assert len(lines) == 1 and f"process {process.pid}" in lines[0], refused.stderr
    assert "is open in another program" in lines[0]
    # Reading beside the writer works: SQLite's WAL lets a reader in.
    listed = subprocess.run(
        [*command, "list"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert listed.returncode == 0, listed.stderr
    assert "ประชุมทบทวนแผนพัฒนาจังหวัดน่าน" in listed.stdout


def test_the_lock_dies_with_its_holder(holder: tuple[Path, subprocess.Popen[str]]) -> None:
    """kill -9 leaves no lock behind: the operating system releases it."""
    path, process = holder
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    database = open_database(path)
    database.close()
    assert not lock_path(path).exists()


def test_the_clock_never_goes_backwards_between_two_openings(tmp_path: Path) -> None:
    """Two openings of one file (the GUI reopening it, a command in the same process)
    keep one clock: a write through the one that is behind still stamps later."""
    path = tmp_path / "ประชุม ก.บ.จ. ครั้งที่ 3.sqlite"
    first = open_database(path)
    second = open_database(path)
    try:
        with first.transaction() as session:
            workshop_id = create_workshop(session, "ประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ")
        ahead = Stamp(Stamp.decode(first.clock.now()).wall_ms + 3_600_000, 0, first.device_id)
        first.clock.observe(ahead.encode())  # e.g. it merged a bundle stamped later
        with first.transaction() as session:
            update_workshop(session, workshop_id, venue="ห้องประชุมศาลากลางจังหวัด")
            first_stamp = session.get_one(Workshop, workshop_id).updated_hlc
        with second.transaction() as session:
            update_workshop(session, workshop_id, venue="โรงแรมน่านกรีนเลควิว")
            second_stamp = session.get_one(Workshop, workshop_id).updated_hlc
        assert second_stamp > first_stamp
        with second.engine.connect() as connection:
            stored = connection.execute(text("SELECT last_hlc FROM local_device")).scalar()
        assert stored == second_stamp
    finally:
        first.close()
        second.close()


def test_two_imports_at_once_never_give_one_number_twice(tmp_path: Path) -> None:
    """Two commands started together on one file: the second is refused while the first
    writes (or runs after it); never do both number the same people."""
    path = tmp_path / "ประชุมจังหวัดลำพูน.sqlite"
    database = open_database(path)
    with database.transaction() as session:
        workshop_id = create_workshop(session, "เวทีประชาคมจังหวัดลำพูน")
    database.close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "WORKSHOP_APP_LANG": "en"}
    processes = []
    for batch in ("ก", "ข"):
        invitees = tmp_path / f"รายชื่อ{batch}.csv"
        rows = ["ชื่อ,นามสกุล,หน่วยงาน,ภาคส่วน"] + [
            f"สมหมาย{batch}{n},ใจงาม,เทศบาลเมืองลำพูน,องค์กรปกครองส่วนท้องถิ่น" for n in range(300)
        ]
        invitees.write_text("\n".join(rows) + "\n", encoding="utf-8")
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "workshop_app",
                    "import-attendees",
                    "--db",
                    str(path),
                    "--workshop",
                    workshop_id,
                    str(invitees),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
        )
    outcomes = [(p.wait(timeout=300), p.communicate()[1]) for p in processes]
    assert all(code in (0, EXIT_USER_ERROR) for code, _err in outcomes)
    for code, err in outcomes:
        if code == EXIT_USER_ERROR:
            assert "is open in another program" in err and len(err.splitlines()) == 1
    database = open_database(path)
    with database.engine.connect() as connection:
        codes = [row[0] for row in connection.execute(text("SELECT code FROM attendees"))]
    database.close()
    assert len(codes) == 300 * sum(1 for code, _err in outcomes if code == 0)
    assert len(set(codes)) == len(codes)
