"""Faults of the disk and the file on the command line: one clear line, exit 2, nothing
changed, and no personal data in what is printed (issue 21: a full disk, an immutable
file and "database is locked" printed tracebacks carrying names, phones and e-mails)."""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop_app.cli import EXIT_USER_ERROR, main
from workshop_app.db.database import open_database
from workshop_app.services.workshops import create_workshop

ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "WORKSHOP_APP_LANG": "en"}
PHONE = "0819990001"


def _workshop(path: Path) -> str:
    database = open_database(path)
    with database.transaction() as session:
        workshop_id = create_workshop(session, "เวทีประชาคมแผนพัฒนาจังหวัดยโสธร")
    database.close()
    return workshop_id


def _invitees(path: Path, count: int) -> Path:
    rows = ["คำนำหน้า,ชื่อ,นามสกุล,หน่วยงาน,ภาคส่วน,โทรศัพท์"]
    rows += [
        f"นาย,บุญส่ง{n},ศรีจันทร์,องค์การบริหารส่วนตำบลทุ่งแต้ {n},องค์กรปกครองส่วนท้องถิ่น,{PHONE[:-4]}{n:04d}"
        for n in range(count)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _count(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM attendees").fetchone()[0])


def test_database_is_locked_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Another program (here a plain SQLite connection) holds the write lock longer than
    the app waits for it."""
    path = tmp_path / "ยโสธร.sqlite"
    workshop_id = _workshop(path)
    invitees = _invitees(tmp_path / "รายชื่อ.csv", 3)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        code = main(
            [
                "import-attendees",
                "--db",
                str(path),
                "--workshop",
                workshop_id,
                "--lang",
                "en",
                str(invitees),
            ]
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    printed = capsys.readouterr()
    assert code == EXIT_USER_ERROR
    lines = printed.err.splitlines()
    assert len(lines) == 1 and "busy in another program" in lines[0], printed.err
    assert "บุญส่ง" not in printed.err and PHONE[:6] not in printed.err
    assert _count(path) == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a filesystem with little room: a 2 MB tmpfs when running as root; else
    (no mount allowed) the file-size limit of the child process makes writes fail."""
    folder = tmp_path / "แฟลชไดรฟ์"
    folder.mkdir()
    if os.geteuid() != 0:
        yield folder
        return
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def _limit_file_size() -> None:
    if os.geteuid() != 0:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (1_500_000, 1_500_000))


def test_a_full_disk_during_an_import_is_one_line_and_changes_nothing(
    small_disk: Path, tmp_path: Path
) -> None:
    path = small_disk / "ทะเบียน.sqlite"
    workshop_id = _workshop(path)
    before = _count(path)
    invitees = _invitees(tmp_path / "รายชื่อผู้ได้รับเชิญ.csv", 6000)
    done = subprocess.run(
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
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
        check=False,
        preexec_fn=_limit_file_size,
    )
    assert done.returncode == EXIT_USER_ERROR, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    if os.geteuid() == 0:
        assert "the disk is full" in lines[0]
    assert "บุญส่ง" not in done.stderr and PHONE[:6] not in done.stderr
    assert _count(path) == before


def test_an_immutable_database_is_called_read_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ห้ามแก้.sqlite"
    workshop_id = _workshop(path)
    invitees = _invitees(tmp_path / "รายชื่อ.csv", 2)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        path.chmod(0o444)
    try:
        code = main(
            [
                "import-attendees",
                "--db",
                str(path),
                "--workshop",
                workshop_id,
                "--lang",
                "en",
                str(invitees),
            ]
        )
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o644)
    printed = capsys.readouterr()
    assert code == EXIT_USER_ERROR
    assert len(printed.err.splitlines()) == 1 and "read-only" in printed.err
    assert "damaged" not in printed.err


def test_a_bug_is_one_line_without_the_data_in_its_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ยโสธร.sqlite"
    _workshop(path)

    def broken(_session: object) -> None:
        raise ValueError(f"row ('บุญส่ง', '{PHONE}') could not be listed")

    monkeypatch.setattr("workshop_app.services.workshops.list_workshops", broken)
    assert main(["list", "--db", str(path), "--lang", "en"]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    [line] = err.splitlines()
    assert line.startswith(f"internal error (ValueError at {Path(__file__).name}:")
    assert line.endswith("please report it")
    assert PHONE not in err and "บุญส่ง" not in err
