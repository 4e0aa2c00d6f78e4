"""Where Thai text may break between lines, and greedy wrapping by a width test.

Thai has no spaces between words, so a line may break only between the words the
segmenter finds (never inside a word), or at a space. The one source of break
opportunities for the PDF documents and for every screen: the GUI lays cards and
headers out with ``fill_lines`` itself, and gives other wrapping text to Qt as
``display_text`` (zero-width spaces between words), so that where a line breaks does
not depend on whether the platform has libthai.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from pythainlp.corpus import thai_icu_words
from pythainlp.tokenize import tcc

from workshop_app.thai.gazetteer import dictionary_words, unsplittable
from workshop_app.thai.segment import Segmenter, dictionary, dictionary_loaded, segmenter

ZERO_WIDTH_SPACE = "\u200b"
_THAI = re.compile("[\u0e00-\u0e7f]")
_RUNS = re.compile(r"\S+\s*|\s+")
# Never at the start of a line: closing marks, and ๆ (written after a space, "ต่าง ๆ").
_NO_LINE_START = re.compile(r"^[)\]}.,:;!?%ๆฯ”’»]")
# Never at the end of a line: opening marks.
_NO_LINE_END = re.compile(r"[(\[{“‘«]$")
# The last letters of an abbreviation written against what comes before ("จชต.").
# Marks before and after the letters of a word.
_MARKS = re.compile(r"([^\w\u0e00-\u0e7f]*)(.*?)([^\w\u0e00-\u0e7f]*|ฯ)", re.DOTALL)
_ABBREVIATION_END = re.compile(r"^[\u0e01-\u0e2e]{1,2}\.")


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
    return tuple(pieces_by(_segmenter(extra_words), text))


def pieces_by(words: Segmenter, text: str) -> list[str]:
    """``text`` cut where a line may break, by the words ``words`` finds (see
    break_pieces)."""
    pieces: list[str] = []
    for run in _RUNS.findall(text):
        stripped = run.rstrip()
        if not stripped:  # leading white space
            pieces.append(run)
            continue
        parts = _longest_first(words.words(stripped)) or [stripped]
        if "".join(parts) != stripped:  # the segmenter changed the text: keep the run whole
            parts = [stripped]
        parts[-1] += run[len(stripped) :]
        for part in parts:
            if pieces and _glued(pieces[-1], part):
                pieces[-1] += part
            else:
                pieces.append(part)
    return pieces


def _longest_first(parts: list[str]) -> list[str]:
    """Where two dictionary words could also be cut later ("โครง|การตาม" or
    "โครงการ|ตาม"), the longer first word, as ICU and the Thai line breakers of browsers
    and office suites choose: a line then breaks where a reader of Thai software
    expects.

    Only a longer word ICU knows (or an official one) is taken: our dictionary also
    holds loose compounds such as "ริมทะเล" and "การแปร", and taking those cut real
    words apart ("ริมทะเล|สาบ" for "ริม|ทะเลสาบ", "การแปร|รูป" for "การ|แปรรูป")."""
    known = dictionary()
    official = dictionary_words()
    icu = thai_icu_words()
    out = list(parts)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if not (_THAI.match(first[-1:]) and _THAI.match(second[:1])):
            continue
        if second in official:  # "ประจำ|ปีงบประมาณ" stays
            continue
        joined = first + second
        # One walk down the trie gives every word ``joined`` starts with.
        longer = [
            w
            for w in known.prefixes(joined)
            if len(first) < len(w) < len(joined) and (w in icu or w in official)
        ]
        for word in sorted(longer, key=len, reverse=True):
            if joined[len(word) :] in known:
                out[i], out[i + 1] = word, joined[len(word) :]
                break
    return out


def _glued(before: str, after: str) -> bool:
    """Whether no line may break between two pieces: before closing marks or after
    opening ones; inside abbreviations ("ก.บ.ก.", "อบจ.สงขลา", "จชต.", "ดร.ทศพร");
    between a number and the Thai word written against it ("1,650เมตร")."""
    if _NO_LINE_START.match(after) or _NO_LINE_END.search(before):
        return True
    if before[-1:].isspace():
        return False
    last, first = before[-1], after[0]
    if last == "." or _ABBREVIATION_END.match(after):
        return True
    return (last.isdigit() and _THAI.match(first) is not None) or (
        first.isdigit() and _THAI.match(last) is not None
    )


def with_break_marks(pieces: list[str] | tuple[str, ...]) -> str:
    """The pieces joined with a zero-width space wherever two of them touch without white
    space: Qt (and any layout that follows Unicode's line breaking) may then break there
    and, without a Thai dictionary of its own, nowhere else inside Thai text. For display
    only: the marks never go into stored or copied text (``without_break_marks``)."""
    out: list[str] = []
    for piece in pieces:
        touching = bool(out) and bool(piece) and not out[-1][-1].isspace()
        if touching and (_THAI.match(out[-1][-1]) or _THAI.match(piece[0])):  # not "COVID-19"
            out.append(ZERO_WIDTH_SPACE)
        out.append(piece)
    return "".join(out)


def without_break_marks(text: str) -> str:
    return text.replace(ZERO_WIDTH_SPACE, "")


@functools.lru_cache(maxsize=20_000)
def display_text(text: str, extra_words: tuple[str, ...] = ()) -> str:
    """``text`` as shown in a Qt widget that wraps it: zero-width spaces between words
    (``with_break_marks``). ``text`` itself while the dictionary is loading."""
    if not text or not _THAI.search(text) or not dictionary_loaded():
        return text
    return with_break_marks(_break_pieces(text, extra_words))


def _inside_unsplittable(word: str, keep: frozenset[str]) -> set[int]:
    """Offsets in ``word`` that fall inside one of the ``keep`` words it contains."""
    inside: set[int] = set()
    for start in range(len(word) - 1):
        for end in range(start + 2, len(word) + 1):
            if word[start:end] in keep:
                inside.update(range(start + 1, end))
    return inside


def split_compound(word: str, extra_words: tuple[str, ...] = ()) -> list[str]:
    """``word`` as two or more dictionary words if it is a compound ("องค์กรปกครอง
    ส่วนท้องถิ่น" → องค์กร|ปกครอง|ส่วนท้องถิ่น), else ``[word]``.

    For a word too long for its line: breaking between the words of a compound reads
    far better than breaking inside a word. Never inside a place name, a short official
    compound (thai.gazetteer) or one of ``extra_words`` (the workshop's own names).
    """
    # Remembered: a narrow column splits the same long words on every layout pass; the
    # dictionary's size in the key forgets them when a glossary adds words.
    return list(_split_compound(word, extra_words, len(dictionary())))


@functools.lru_cache(maxsize=20_000)
def _split_compound(word: str, extra_words: tuple[str, ...], _words: int) -> tuple[str, ...]:
    lead, core, trail = _MARKS.fullmatch(word).groups()  # type: ignore[union-attr]
    if lead or trail:  # "“ระเบียบวาระ", "คณะกรรมการฯ": the marks stay with their word
        inner = split_compound(core, extra_words) if core else [word]
        return (lead + inner[0], *inner[1:-1], inner[-1] + trail) if len(inner) > 1 else (word,)
    known = dictionary()
    keep = _unsplittable_with(extra_words)
    whole = word in keep
    if whole:
        # A name too long for its line ("เมืองเพชรบูรณ์") may go beside a shorter name
        # it holds ("เมือง|เพชรบูรณ์"), never inside one; a compound ("ชายแดน") stays.
        keep = keep - {word}
    inside = _inside_unsplittable(word, keep)

    def parts(start: int) -> list[str] | None:
        rest = word[start:]
        if rest in known and start:
            return [rest]
        for end in range(len(rest) - 1, 1, -1):  # longest first part first
            if start + end not in inside and rest[:end] in known:
                tail = parts(start + end)
                if tail is not None:
                    return [rest[:end], *tail]
        return None

    found = parts(0) or [word]
    if whole and not any(part in keep for part in found):
        return (word,)
    return tuple(found)


@functools.lru_cache(maxsize=16)
def _unsplittable_with(extra_words: tuple[str, ...]) -> frozenset[str]:
    return unsplittable() | frozenset(extra_words)


def cut_clusters(word: str, fits: float, measure: Callable[[str], float]) -> list[str]:
    """``word`` cut into runs of whole Thai character clusters, each at most ``fits``
    wide by ``measure`` (a single cluster wider than that stays whole): the last resort
    for a word wider than a whole line, and every run of Thai text while the dictionary
    loads (ui.thai_layout).

    A run's width is its clusters' widths added up, each cluster measured on its own
    (the GUI's measure remembers each string): measuring the run so far again at every
    cluster, a new string each time, made some 11,000 measurements in a board's opening
    before the dictionary had loaded. Clusters do not change each other's advance; the
    lines keep some slack."""
    runs: list[str] = []
    run = ""
    used = 0.0
    for cluster in tcc.segment(word):
        width = measure(cluster)
        if run and used + width > fits:
            runs.append(run)
            run, used = "", 0.0
        run += cluster
        used += width
    if run:
        runs.append(run)
    return runs


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
                parts = split_compound(body, extra_words)
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
