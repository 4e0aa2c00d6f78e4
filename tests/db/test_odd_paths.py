"""Any legal file name works for a database: "?", "#", "%", spaces, Thai and long names
(issue 21: a "?" put the data in another file, a "#" skipped the newer-schema refusal and
the before-upgrade backup, "%20" was called damaged)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from workshop_app.db.database import DatabaseError, _alembic_config, open_database
from workshop_app.services.workshops import create_workshop, list_workshops

ODD_NAMES = [
    "แผนปี?งบ=2568.sqlite",
    "ประชุม#3 ห้องย่อย.sqlite",
    "เวที%20ประชาคม%2F.sqlite",
    "  ช่องว่าง   หลายช่อง .sqlite",
    "ทบทวนแผนพัฒนาจังหวัดเชียงรายและแผนปฏิบัติราชการประจำปีงบประมาณ" * 1 + "ก" * 8 + ".sqlite",
]


def _folder_files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.mark.parametrize("name", ODD_NAMES)
def test_an_odd_name_keeps_its_data_in_that_file(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "ข้อมูล #1?"
    path = folder / name
    database = open_database(path)
    with database.transaction() as session:
        create_workshop(session, "เวทีรับฟังความคิดเห็นแผนพัฒนาจังหวัด")
    database.close()
    # The data is in the very file named, and no other file was made beside it.
    assert _folder_files(folder) == {name}
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT title FROM workshops").fetchall() == [
            ("เวทีรับฟังความคิดเห็นแผนพัฒนาจังหวัด",)
        ]
    conn.close()
    database = open_database(path)
    with database.session() as session:
        assert [w.title for w in list_workshops(session)] == ["เวทีรับฟังความคิดเห็นแผนพัฒนาจังหวัด"]
    database.close()


@pytest.mark.parametrize("name", ODD_NAMES)
def test_an_odd_name_is_backed_up_before_an_upgrade(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    database = open_database(path)
    with database.transaction() as session:
        create_workshop(session, "ประชุมกลุ่มจังหวัดภาคเหนือตอนบน")
    database.close()
    # One revision back, on a connection without foreign keys enforced (SQLite cannot drop
    # a table or column that a foreign key names otherwise), opened by path, not by URL.
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(path))
    with engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "-1")
    engine.dispose()
    open_database(path).close()
    backups = [p for p in tmp_path.iterdir() if ".before-upgrade-" in p.name]
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT title FROM workshops").fetchall() == [
            ("ประชุมกลุ่มจังหวัดภาคเหนือตอนบน",)
        ]
    conn.close()


@pytest.mark.parametrize("name", ODD_NAMES)
def test_an_odd_name_from_a_newer_app_is_refused_untouched(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_the_command_line_takes_an_odd_name(tmp_path: Path) -> None:
    path = tmp_path / "งาน?ที่=1#ห้อง%20ใหญ่.sqlite"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "WORKSHOP_APP_LANG": "en"}
    command_line = [sys.executable, "-m", "workshop_app", "--db", str(path)]
    made = subprocess.run(
        [*command_line, "demo"], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert made.returncode == 0, made.stderr
    listed = subprocess.run(
        [*command_line, "list"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 1
    assert _folder_files(tmp_path) == {path.name}


def _make_read_only(path: Path, read_only: bool) -> None:
    """Read-only for this process: immutable when running as root (permission bits do
    not stop root), else without write permission."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i" if read_only else "-i", str(path)], check=True)
    else:
        path.chmod((0o555 if path.is_dir() else 0o444) if read_only else 0o755)


@pytest.mark.parametrize("which", ["folder", "file"])
def test_a_read_only_place_is_called_read_only_not_damaged(tmp_path: Path, which: str) -> None:
    folder = tmp_path / "แฟลชไดรฟ์"
    path = folder / "ประชุม อบจ.sqlite"
    open_database(path).close()
    target = folder if which == "folder" else path
    _make_read_only(target, True)
    try:
        with pytest.raises(DatabaseError, match="read-only") as refused:
            open_database(path)
        assert "damaged" not in str(refused.value)
        assert "อ่านได้อย่างเดียว" in refused.value.message("th")
    finally:
        _make_read_only(target, False)
