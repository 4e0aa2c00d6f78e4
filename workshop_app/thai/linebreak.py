"""Where Thai text may break between lines, and greedy wrapping by a width test.

Thai has no spaces between words, so a line may break only between the words the
segmenter finds (never inside a word), or at a space. Used for the headers of narrow
table columns in the GUI and for paragraphs in the PDF documents.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from workshop_app.thai.segment import Segmenter, dictionary, segmenter

_RUNS = re.compile(r"\S+\s*|\s+")
# Never at the start of a line: closing marks, and ๆ (written after a space, "ต่าง ๆ").
_NO_LINE_START = re.compile(r"^[)\]}.,:;!?%ๆฯ”’»]")
# Never at the end of a line: opening marks.
_NO_LINE_END = re.compile(r"[(\[{“‘«]$")


@functools.lru_cache(maxsize=16)
def _segmenter(extra_words: tuple[str, ...]) -> Segmenter:
    """One segmenter per word list: a document passes its hundreds of names with every
    paragraph, and normalizing them each time was most of the layout time."""
    return segmenter(extra_words)


def break_pieces(text: str, extra_words: tuple[str, ...] = ()) -> list[str]:
    """``text`` cut at every place a line may break; the pieces join back to ``text``.

    White space stays at the end of the piece before it, so a line that ends there can
    drop it and the next line starts with a word.
    """
    return list(_break_pieces(text, extra_words))


@functools.lru_cache(maxsize=50_000)
def _break_pieces(text: str, extra_words: tuple[str, ...]) -> tuple[str, ...]:
    """Cached: a document prints the same names and ideas many times (lists, tables,
    appendix), and segmenting is the slowest step of laying out a line."""
    words = _segmenter(extra_words)
    pieces: list[str] = []
    for run in _RUNS.findall(text):
        stripped = run.rstrip()
        if not stripped:  # leading white space
            pieces.append(run)
            continue
        parts = words.words(stripped) or [stripped]
        if "".join(parts) != stripped:  # the segmenter changed the text: keep the run whole
            parts = [stripped]
        parts[-1] += run[len(stripped) :]
        for part in parts:
            if pieces and (_NO_LINE_START.match(part) or _NO_LINE_END.search(pieces[-1])):
                pieces[-1] += part
            else:
                pieces.append(part)
    return tuple(pieces)


def split_compound(word: str) -> list[str]:
    """``word`` as two or more dictionary words if it is a compound ("องค์กรปกครอง
    ส่วนท้องถิ่น" → องค์กร|ปกครอง|ส่วนท้องถิ่น), else ``[word]``.

    For a word too long for its line: breaking between the words of a compound reads
    far better than breaking inside a word.
    """
    known = dictionary()

    def parts(rest: str, depth: int) -> list[str] | None:
        if rest in known and depth:
            return [rest]
        for end in range(len(rest) - 1, 1, -1):  # longest first part first
            if rest[:end] in known:
                tail = parts(rest[end:], depth + 1)
                if tail is not None:
                    return [rest[:end], *tail]
        return None

    return parts(word, 0) or [word]


@dataclass(frozen=True)
class Line:
    pieces: tuple[str, ...]  # break pieces; they join back to the source text
    last: bool  # the last line of its paragraph (a new line in the text, or the end)

    @property
    def text(self) -> str:
        return "".join(self.pieces).rstrip()


def fill_lines(
    text: str,
    measure: Callable[[str], float],
    room: Callable[[int], float],
    extra_words: tuple[str, ...] = (),
    cut: Callable[[str, float], list[str]] | None = None,
) -> list[Line]:
    """``text`` filled greedily into lines, broken only between pieces.

    ``measure`` gives a piece's width and ``room(n)`` the width of line ``n``
    (counting from 0 over the whole text). A piece wider than its line goes by the words
    of its compound, else by ``cut(piece, room)`` when given, else alone on its line.
    New lines in ``text`` start new lines.
    """
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        pieces = break_pieces(paragraph, extra_words)
        current: list[str] = []
        used = 0.0
        while pieces:
            width = room(len(lines))
            piece = pieces.pop(0)
            body = piece.rstrip()
            body_width = measure(body)
            if body_width > width:
                parts = split_compound(body)
                if len(parts) == 1 and cut is not None:
                    parts = cut(body, width)
                if len(parts) > 1:  # try again with the smaller parts
                    parts[-1] += piece[len(body) :]
                    pieces[:0] = parts
                    continue
            if current and used + body_width > width:
                lines.append(Line(tuple(current), last=False))
                current, used = [], 0.0
            current.append(piece)
            used += measure(piece)
        lines.append(Line(tuple(current), last=True))
    return lines


def wrap(
    text: str, measure: Callable[[str], float], width: float, extra_words: tuple[str, ...] = ()
) -> list[str]:
    """Lines of ``text`` at most ``width`` wide by ``measure``, broken only between pieces.

    A piece too long for a line on its own gets a line of its own (callers that must
    never overflow cut it further). Trailing spaces are dropped from each line.
    """
    return [line.text for line in fill_lines(text, measure, lambda _n: width, extra_words)]
