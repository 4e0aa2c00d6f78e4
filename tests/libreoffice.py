"""LibreOffice (headless) as the real client of the files the app writes.

Each test gets a private LibreOffice profile (never the user's) that recalculates every
formula when a file is loaded, and a font configuration with the bundled Sarabun, as on a
user's machine (the build machine may have no Thai font).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from workshop_app.resources import resources_dir

# 0 = always recalculate on load (Tools > Options > Calc > Formula), for xlsx and ods:
# openpyxl writes formulas without cached results.
_RECALCULATE_ON_LOAD = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        pytest.fail(
            "LibreOffice (soffice) is not installed; it is needed to check the files the "
            "app writes. Run scripts/install-system-packages.sh."
        )
    return found


class LibreOffice:
    """A private LibreOffice set-up in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.profile = folder / "lo-profile"
        (self.profile / "user").mkdir(parents=True, exist_ok=True)
        (self.profile / "user" / "registrymodifications.xcu").write_text(
            _RECALCULATE_ON_LOAD, encoding="utf-8"
        )
        fonts = folder / "fonts.conf"
        fonts.write_text(
            '<?xml version="1.0"?><fontconfig>'
            '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
            f"<dir>{resources_dir() / 'fonts'}</dir><cachedir>{folder / 'fc'}</cachedir>"
            "</fontconfig>",
            encoding="utf-8",
        )
        self.env = {**os.environ, "FONTCONFIG_FILE": str(fonts)}

    def command(self, *arguments: str) -> list[str]:
        return [soffice(), f"-env:UserInstallation={self.profile.as_uri()}", *arguments]

    def convert(self, source: Path, to: str, outdir: Path | None = None) -> Path:
        """``soffice --convert-to`` (``to`` as LibreOffice takes it: "pdf", "xlsx",
        'csv:Text - txt - csv (StarCalc):44,34,76,1'); the converted file's path."""
        outdir = outdir or self.folder / "converted"
        outdir.mkdir(parents=True, exist_ok=True)
        command = self.command(
            "--headless", "--convert-to", to, "--outdir", str(outdir), str(source)
        )
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=240, env=self.env, check=False
        )
        extension = to.split(":")[0]
        result = outdir / f"{source.stem}.{extension}"
        if done.returncode != 0 or not result.is_file():
            raise AssertionError(
                f"LibreOffice could not convert {source.name} to {to}:\n"
                f"{done.stdout}\n{done.stderr}"
            )
        return result
