"""Reading back the QR codes of a PDF the app wrote (phone cards, the sign-in sheet):
pages rendered with pdftoppm, codes read with zbarimg, as a phone's camera would."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path


def zbar_codes(image: Path) -> list[str]:
    """The texts of the QR codes zbarimg reads in one image."""
    done = subprocess.run(
        ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
        capture_output=True,
        text=True,
        check=False,  # zbarimg exits 4 when it finds no code
    )
    return [line for line in done.stdout.splitlines() if line]


def pdf_codes(
    pdf: Path, folder: Path, resolutions: Sequence[int], expected: int | None = None
) -> set[str]:
    """The codes read on every page rendered at each resolution in turn, stopping once
    ``expected`` were read (zbar misses about one code in two hundred at any single
    resolution, and reads it at another); None: at every resolution."""
    found: set[str] = set()
    for dpi in resolutions:
        pages = folder / f"{dpi}dpi"
        pages.mkdir(parents=True)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(pages / "p")], check=True)
        for page in sorted(pages.glob("p-*.png")):
            found.update(zbar_codes(page))
        if expected is not None and len(found) >= expected:
            break
    return found
