"""`workshop-app serve` as a subprocess: it prints the URL, serves phones while holding
the database's writer lock, and stops cleanly on Ctrl+C (SIGINT) or SIGTERM."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from workshop_app import api, cli
from workshop_app.cli import EXIT_USER_ERROR


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def hearing(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "phayao.sqlite"
    workshop = api.create_workshop(db, "เวทีรับฟังความคิดเห็นแผนพัฒนาจังหวัดพะเยา", "public_hearing")
    api.add_issue(db, workshop, "ฟื้นฟูกว๊านพะเยา")
    api.close(db)
    return db, workshop


def _start(db: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "WORKSHOP_APP_LANG": "en", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "workshop_app", "serve", "--db", str(db), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_serve_prints_the_url_serves_and_stops(
    hearing: tuple[Path, str], stop_signal: signal.Signals
) -> None:
    db, workshop = hearing
    port = _free_port()
    process = _start(db, "--workshop", workshop[:8], "--host", "127.0.0.1", "--port", str(port))
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        found = re.search(r"(http://127\.0\.0\.1:\d+)\s+\(walk-in code (\d{6})\)", first)
        assert found, first
        url = found.group(1)
        assert url == f"http://127.0.0.1:{port}"
        assert "no issue is open" in process.stdout.readline()
        with urllib.request.urlopen(url + "/api/info", timeout=10) as answer:
            info = json.loads(answer.read())
        assert info["workshop"]["title"] == "เวทีรับฟังความคิดเห็นแผนพัฒนาจังหวัดพะเยา"
        # The server holds the file: a second writer is refused, naming it.
        blocked = subprocess.run(
            [sys.executable, "-m", "workshop_app", "demo", "--db", str(db)],
            capture_output=True,
            text=True,
            env={**os.environ, "WORKSHOP_APP_LANG": "en"},
            timeout=60,
            check=False,
        )
        assert blocked.returncode == EXIT_USER_ERROR
        assert "is open in another program" in blocked.stderr
        process.send_signal(stop_signal)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "stopped serving phones" in out and err == ""
    with pytest.raises(OSError):
        urllib.request.urlopen(url + "/api/info", timeout=2)


def test_serve_opens_an_issue_and_refuses_a_taken_port(hearing: tuple[Path, str]) -> None:
    db, workshop = hearing
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    try:
        process = _start(db, "--workshop", workshop, "--host", "127.0.0.1", "--port", str(port))
        out, err = process.communicate(timeout=60)
    finally:
        holder.close()
    assert process.returncode == EXIT_USER_ERROR
    assert out == "" and len(err.splitlines()) == 1 and str(port) in err
    number = max(i.number for i in api.issues(db, workshop))
    api.close(db)
    port = _free_port()
    process = _start(
        db,
        "--workshop",
        workshop,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--issue",
        str(number),
    )
    try:
        assert process.stdout is not None
        process.stdout.readline()
        assert "Ctrl+C" in process.stdout.readline()
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
    assert process.returncode == 0


def test_ctrl_c_while_the_address_is_printed_stops_cleanly(
    hearing: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C at once, as the facilitator reads the address (before the wait has begun):
    the server stops and the command ends as after any Ctrl+C. Run in this process, the
    Ctrl+C raised where the "press Ctrl+C" line is printed: as a subprocess the moment
    a signal lands cannot be chosen."""
    db, workshop = hearing
    said: list[str] = []

    def say(language: str, thai: str, english: str) -> None:
        said.append(english)
        if english.startswith("press Ctrl+C"):
            raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_say", say)
    sigterm = signal.getsignal(signal.SIGTERM)
    try:
        code = cli.main(
            ["serve", "--db", str(db), "--workshop", workshop, "--host", "127.0.0.1", "--port", "0"]
        )
    finally:
        signal.signal(signal.SIGTERM, sigterm)
    assert code == 0
    assert said[0].startswith("participants' phones open http://")
    assert said[-1] == "stopped serving phones"
    url = said[0].split()[3]
    with pytest.raises(OSError):
        urllib.request.urlopen(url + "/api/info", timeout=2)
    api.close(db)
