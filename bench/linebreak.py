"""Where the app breaks Thai lines, judged against ICU, on real official prose.

Run: ``python bench/linebreak.py`` (or ``make bench``). Reads the corpus of real Thai
official prose in tests/data/thai_official_prose.txt (news of provincial meetings,
minutes, plans; each excerpt with its source) and lays every paragraph out as the PDF
documents do (``export.pdf.thai_text.layout_lines``, Sarabun 16 pt) at several column
widths, from a narrow table cell to a full page. Then, for the line breaks that layout
makes:

* the share that ICU's line-break iterator (PyICU, Thai dictionary) also allows there;
* the number that fall inside a place name (every province, district and subdistrict,
  as the segmenter knows them) or a name of the workshop (its glossary).

The screens use the same break points (``thai.linebreak``: Qt is given our lines, or
zero-width spaces between our words), so the figures hold for cards and headers too.
tests/thai/test_linebreak_corpus.py holds the thresholds. Prints the figures and the
breaks ICU refuses, with their context; ``--strict`` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import icu

from workshop_app.export.pdf.fonts import register_fonts
from workshop_app.export.pdf.thai_text import TextStyle, layout_lines
from workshop_app.thai.gazetteer import place_names

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "thai_official_prose.txt"
# Column widths in points, at the documents' 16 pt: a table column of the action plan,
# a wide one, half a page, a full page. In a narrower column, names longer than a line
# ("มหาวิทยาลัยราชภัฏราชนครินทร์", 190 pt) must be cut somewhere: NARROW shows how.
WIDTHS = (200.0, 260.0, 330.0, 450.0)
NARROW = (90.0, 150.0)
ICU_TARGET = 99.5  # per cent of breaks ICU also allows
# Names of a workshop in the corpus's provinces (its glossary): places, agencies and
# products it writes often.
WORKSHOP_NAMES = (
    "ปาดังเบซาร์",
    "เทศบาลนครหาดใหญ่",
    "ลุ่มน้ำทะเลสาบสงขลา",
    "ศาลากลางจังหวัดสงขลา",
    "มหาวิทยาลัยราชภัฏราชนครินทร์",
    "สำนักงานโยธาธิการและผังเมืองจังหวัด",
    "กลุ่มจังหวัดภาคใต้ฝั่งอันดามัน",
    "ทำเนียบรัฐบาล",
)
_THAI = re.compile("[\u0e00-\u0e7f]")


@dataclass
class Measure:
    breaks: int = 0  # line breaks the layout made inside paragraphs
    refused: list[tuple[str, str]] = field(default_factory=list)  # (before, after) ICU refused
    inside_names: list[tuple[str, str]] = field(default_factory=list)  # (name, line end)

    @property
    def accepted_share(self) -> float:
        return 100.0 * (self.breaks - len(self.refused)) / max(1, self.breaks)


def corpus_paragraphs(path: Path = CORPUS) -> list[str]:
    """The corpus's paragraphs (one a line), without its comments and source lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def icu_breaks(text: str) -> set[int]:
    """Offsets (in characters) where ICU's Thai line-break iterator allows a break."""
    iterator = icu.BreakIterator.createLineInstance(icu.Locale("th_TH"))
    units = icu.UnicodeString(text)
    iterator.setText(units)
    # ICU counts UTF-16 units; map them back to Python characters.
    to_char: dict[int, int] = {}
    unit = 0
    for index, char in enumerate(text):
        to_char[unit] = index
        unit += 2 if ord(char) > 0xFFFF else 1
    to_char[unit] = len(text)
    return {to_char[b] for b in iterator if b in to_char}


def name_spans(text: str, names: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """Each occurrence of a Thai name in ``text``: (start, end, name)."""
    for name in names:
        start = text.find(name)
        while start >= 0:
            yield start, start + len(name), name
            start = text.find(name, start + 1)


def names_to_check(workshop_names: Iterable[str] = WORKSHOP_NAMES) -> list[str]:
    """Place names and the workshop's names whose cutting the measure counts: those of
    four characters or more (shorter ones, "ยาง", "ดู่", are everyday syllables too).
    A break between an administrative prefix and its name ("อำเภอ|จะนะ") is not inside
    the name; nor is one between "เมือง" and the province a capital district is named
    after ("เมือง|เพชรบูรณ์")."""
    names, _prefixed = place_names()
    provinces = {n for n in names if "เมือง" + n in names}
    capitals = {"เมือง" + n for n in provinces}
    return sorted({n for n in (names - capitals) | set(workshop_names) if len(n) >= 4})


def measure(
    paragraphs: list[str],
    widths: Iterable[float] = WIDTHS,
    workshop_names: tuple[str, ...] = WORKSHOP_NAMES,
) -> Measure:
    register_fonts()
    result = Measure()
    checked = names_to_check(workshop_names)
    widths = tuple(widths)
    for paragraph in paragraphs:
        allowed = icu_breaks(paragraph)
        # A name counts where it stands as a word: ICU may break before and after it
        # (not "จำปี", a subdistrict, inside "ประจำปี").
        edges = allowed | {0, len(paragraph)}
        spans = [
            (start, end, name)
            for start, end, name in name_spans(paragraph, (n for n in checked if n in paragraph))
            if start in edges and end in edges
        ]
        for width in widths:
            lines = layout_lines(paragraph, width, TextStyle(), workshop_names)
            offset = 0
            for line in lines[:-1]:
                offset += sum(len(piece) for piece in line.pieces)
                before = paragraph[:offset].rstrip()
                if not (_THAI.search(before[-1:]) or _THAI.search(paragraph[offset : offset + 1])):
                    continue  # a break at a space between Latin words or numbers
                result.breaks += 1
                if offset not in allowed:
                    result.refused.append(
                        (paragraph[max(0, offset - 12) : offset], paragraph[offset : offset + 12])
                    )
                for start, end, name in spans:
                    if start < offset < end:
                        result.inside_names.append(
                            (name, f"{paragraph[start:offset]}|{paragraph[offset:end]}")
                        )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    paragraphs = corpus_paragraphs()
    result = measure(paragraphs)
    words = sum(len(p) for p in paragraphs)
    print(
        f"Thai line breaks on {len(paragraphs)} paragraphs ({words} characters) of "
        f"official prose, at widths {', '.join(f'{w:g}' for w in WIDTHS)} pt"
    )
    print(f"  breaks made inside paragraphs (next to Thai)   {result.breaks:8d}")
    print(
        f"  accepted by ICU's line-break iterator          {result.accepted_share:8.2f} % "
        f"(target >= {ICU_TARGET} %) {'PASS' if result.accepted_share >= ICU_TARGET else 'FAIL'}"
    )
    print(
        f"  breaks inside a place or workshop name         {len(result.inside_names):8d}    "
        f"(target 0) {'PASS' if not result.inside_names else 'FAIL'}"
    )
    for before, after in result.refused:
        print(f"    ICU refuses: {before}|{after}")
    for name, text in result.inside_names:
        print(f"    inside {name}: {text}")
    narrow = measure(paragraphs, NARROW)
    print(
        f"  narrower columns ({', '.join(f'{w:g}' for w in NARROW)} pt), for information: "
        f"{narrow.accepted_share:.2f} % accepted by ICU, "
        f"{len(narrow.inside_names)} breaks inside names (names wider than the column)"
    )
    met = result.accepted_share >= ICU_TARGET and not result.inside_names
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
