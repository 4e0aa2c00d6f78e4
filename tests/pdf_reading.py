"""Read a PDF back the way its readers will, for the tests of every PDF we write.

The same two measures as ``../shared/tools/thai_pdf_check.py`` (which the tests also
run when that checkout is present), kept here so that CI checks them on a clean clone:

* the text ``pdftotext`` extracts has no private-use characters and no U+FFFD, and
  every Thai run of the source text is in it once spaces and line ends are removed;
* wherever a line ends in Thai and the next starts in Thai, ICU's Thai line breaker
  (independent of our segmenter) agrees that the two may be split there, unless the
  source had a space at that place.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import icu

THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")
PRIVATE_USE = re.compile(r"[\uE000-\uF8FF]")
SHARED_CHECK = Path(__file__).resolve().parents[2] / "shared" / "tools" / "thai_pdf_check.py"


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@dataclass
class PdfReading:
    text: str
    thai_breaks: int
    bad_breaks: list[str]
    private_use: int
    replacement: int
    missing: list[str]

    @property
    def clean(self) -> bool:
        return not (self.bad_breaks or self.private_use or self.replacement or self.missing)


def _icu_breaks(text: str) -> set[int]:
    breaker = icu.BreakIterator.createLineInstance(icu.Locale("th"))
    breaker.setText(text)
    return set(breaker)


def read_pdf(path: Path, source: str) -> PdfReading:
    text = pdf_text(path).replace("\u200b", "")
    lines = [line.rstrip() for line in text.splitlines()]
    joins = 0
    bad: list[str] = []
    for above, below in itertools.pairwise(lines):
        tail = re.search(r"\S+$", above)
        head = re.match(r"^\S+", below)
        if not (
            tail and head and THAI_RUN.match(tail.group()[-1]) and THAI_RUN.match(head.group()[0])
        ):
            continue
        joins += 1
        left, right = tail.group(), head.group()
        if re.search(re.escape(left[-8:]) + r"\s+" + re.escape(right[:8]), source):
            continue
        if len(left) not in _icu_breaks(left + right):
            bad.append(f"{left[-12:]}|{right[:12]}")
    # Without the page numbers ("- ๒ -"), so that a paragraph running on to the next
    # page reads as one.
    flat = re.sub(r"\s+", "", re.sub(r"(?m)^\s*[-\u2010] [0-9๐-๙]+ [-\u2010]\s*$", "", text))
    missing = [run for run in THAI_RUN.findall(source) if run not in flat]
    return PdfReading(
        text, joins, bad, len(PRIVATE_USE.findall(text)), text.count("\ufffd"), missing
    )


def shared_check(path: Path, source_file: Path) -> tuple[int, str] | None:
    """Exit status and summary of the shared checker, or None without that checkout."""
    if not SHARED_CHECK.exists():
        return None
    done = subprocess.run(
        [sys.executable, str(SHARED_CHECK), str(path), "--source", str(source_file)],
        capture_output=True,
        text=True,
    )
    return done.returncode, done.stdout.strip().splitlines()[-1]
