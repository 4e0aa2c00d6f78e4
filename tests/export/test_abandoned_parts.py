"""A killed export leaves its hidden .part file only until the app's next start
(issue 21: a kill -9 during an export left .part files of up to 560 KB for ever)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workshop_app.export import files

# An export that writes half its file and then hangs, as one killed mid-way would.
EXPORTER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from workshop_app.export.files import written_whole
    with written_whole(Path(sys.argv[1])) as temporary:
        temporary.write_bytes(b"%PDF-1.4 half of the minutes" * 20000)
        print(temporary, flush=True)
        time.sleep(600)
    """
)


def test_the_part_of_a_killed_export_is_removed_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "WORKSHOP_APP_LANG": "en"}
    target = tmp_path / "เอกสาร" / "รายงานการประชุม ครั้งที่ 2.pdf"
    target.parent.mkdir()
    exporter = subprocess.Popen(
        [sys.executable, "-c", EXPORTER, str(target)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert exporter.stdout is not None
        part = Path(exporter.stdout.readline().strip())
        assert part.parent == target.parent and part.name.endswith(".part")
        # A start while the export runs leaves it alone.
        assert files.remove_abandoned_parts() == []
        assert part.is_file()
        exporter.send_signal(signal.SIGKILL)
        exporter.wait(timeout=30)
        assert part.is_file()  # the killed process could not clean up
        # The next start of the command line removes it (any command, even a failing one).
        started = subprocess.run(
            [sys.executable, "-m", "workshop_app", "--db", str(tmp_path / "none.sqlite"), "list"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert started.returncode == 2
        assert not part.exists()
        assert sorted(p.name for p in target.parent.iterdir()) == []
        assert list((state / "workshop-app" / "exports").iterdir()) == []
    finally:
        if exporter.poll() is None:
            exporter.kill()
            exporter.wait(timeout=30)


def test_a_finished_export_leaves_no_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    target = tmp_path / "ผลการลงคะแนน.txt"
    with files.written_whole(target) as temporary:
        temporary.write_text("อันดับ 1", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "อันดับ 1"
    assert list(files.notes_folder().iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state", target.name]
