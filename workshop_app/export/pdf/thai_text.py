"""Thai text for ReportLab: lines broken between words, shaped glyphs, exact copy-out.

ReportLab alone breaks Thai inside words (its splitter knows only spaces) and, when it
shapes text with HarfBuzz, writes the substituted glyphs (tone marks moved clear of
upper vowels, ญ and ฐ without their tails) under private-use code points, so text
copied out of the PDF loses its tone marks. Here:

* lines are filled by us, breaking only where ``thai.linebreak`` allows (between the
  words the segmenter finds, with the workshop's own words added); a word wider than a
  whole line is cut between Thai character clusters, never between a letter and its
  marks;
* each line is shaped with HarfBuzz (through ReportLab's ``shapeStr``) and wrapped in a
  marked-content span whose ActualText is the line's source text, which is what PDF
  readers copy and search (ISO 32000-1, 14.9.4);
* justified lines spread the spare width over the gaps between words (Thai distributed
  justification); the last line of a paragraph stays left-aligned.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from pythainlp.tokenize import tcc
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import shapeStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from workshop_app.thai.linebreak import Line, cut_clusters, fill_lines

Alignment = Literal["left", "centre", "right", "justify"]


@dataclass(frozen=True)
class TextStyle:
    font: str = "Sarabun"
    size: float = 16.0
    leading: float = 20.0  # baseline to baseline, points
    alignment: Alignment = "left"
    first_indent: float = 0.0  # extra indent of the first line (Thai paragraphs use it)
    left_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0

    def but(self, **changes: object) -> TextStyle:
        return replace(self, **changes)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=200_000)
def _width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


def text_width(text: str, style: TextStyle) -> float:
    return _width(text, style.font, style.size)


@functools.lru_cache(maxsize=50_000)
def _shaped(text: str, font: str, size: float) -> str:
    """The glyphs HarfBuzz places for ``text``: names and ideas recur on many pages."""
    return shapeStr(text, font, size)  # type: ignore[no-any-return]


def layout_lines(
    text: str, width: float, style: TextStyle, extra_words: tuple[str, ...] = ()
) -> list[Line]:
    """``text`` filled into lines no wider than ``width`` (the first line is narrower by
    ``style.first_indent``). New lines in ``text`` start new lines. A word wider than a
    line goes by its compound's words, else by whole character clusters (never a mark
    without its letter)."""
    return fill_lines(
        text,
        lambda piece: text_width(piece, style),
        lambda number: width - (style.first_indent if number == 0 else 0.0),
        extra_words,
        cut=lambda word, room: cut_clusters(word, room, lambda t: text_width(t, style)),
    )


def _actual_text(text: str) -> str:
    """A PDF hex string of ``text`` in UTF-16BE with its byte-order mark."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def draw_line(
    canvas: Canvas,
    x: float,
    y: float,
    line: Line,
    width: float,
    style: TextStyle,
    *,
    span: bool = True,
) -> None:
    """Draw one laid-out line with its left edge at ``x`` and baseline at ``y``; without
    ``span`` the caller encloses it in an ActualText span of its own."""
    text = line.text
    if not text:
        return
    natural = text_width(text, style)
    if style.alignment == "centre":
        x += (width - natural) / 2
    elif style.alignment == "right":
        x += width - natural
    # Thai distributed justification: the spare width goes between character clusters
    # (as Word's "Thai distributed" does), not between words, where a wide gap would
    # read as a space, which in Thai separates phrases.
    clusters = tcc.segment(text) if style.alignment == "justify" and not line.last else []
    canvas.saveState()
    if span:  # copy and search read the span's ActualText: the characters as typed
        canvas._code.append(f"/Span <</ActualText {_actual_text(text)}>> BDC")
    canvas.setFont(style.font, style.size)
    if len(clusters) < 2:
        canvas.drawString(x, y, _shaped(text, style.font, style.size))
    else:
        extra = (width - natural) / (len(clusters) - 1)
        for cluster in clusters:
            if cluster.strip():
                canvas.drawString(x, y, _shaped(cluster, style.font, style.size))
            x += text_width(cluster, style) + extra
    if span:
        canvas._code.append("EMC")
    canvas.restoreState()


class ThaiParagraph(Flowable):  # type: ignore[misc]
    """A paragraph of Thai (and any other) text that splits across pages by lines."""

    def __init__(
        self,
        text: str,
        style: TextStyle,
        extra_words: Sequence[str] = (),
        *,
        lines: list[Line] | None = None,
        continued: bool = False,
        one_span: bool = False,
        marker: str = "",
        marker_room: float = 0.0,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.extra_words = tuple(extra_words)
        self._lines = lines
        self._fixed = lines is not None  # a part of a split paragraph keeps its lines
        self._laid_width: float | None = None
        self.continued = continued  # the rest of a paragraph split across pages
        # One ActualText for all the lines (table cells): text extractors read a cell
        # whole instead of interleaving its lines with the next cell's.
        self.one_span = one_span
        # A list item's number, drawn ``marker_room`` left of the text, which wraps
        # under itself.
        self.marker = marker
        self.marker_room = marker_room

    def _layout(self, width: float) -> list[Line]:
        if self._lines is None or (self._laid_width != width and not self._fixed):
            room = width - self.style.left_indent
            self._lines = layout_lines(self.text, room, self.style, self.extra_words)
            self._laid_width = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = len(self._layout(availWidth)) * self.style.leading
        return availWidth, self.height

    def getSpaceBefore(self) -> float:
        return 0.0 if self.continued else self.style.space_before

    def getSpaceAfter(self) -> float:
        return self.style.space_after

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        lines = self._layout(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(lines):
            return []
        if fit == 1 and len(lines) > 2:
            fit = 0  # no single first line at the foot of a page (a widow)
        if fit == 0:
            return []
        head = ThaiParagraph(
            self.text,
            self.style,
            self.extra_words,
            lines=lines[:fit],
            continued=self.continued,
            one_span=self.one_span,
            marker=self.marker,
            marker_room=self.marker_room,
        )
        tail = ThaiParagraph(
            self.text,
            self.style,
            self.extra_words,
            lines=lines[fit:],
            continued=True,
            one_span=self.one_span,
        )
        return [head, tail]

    def draw(self) -> None:
        lines = self._lines or []
        style = self.style
        y = self.height - style.size  # first baseline: one font size below the top
        whole = "".join(piece for line in lines for piece in line.pieces).rstrip()
        if self.marker and not self.continued and lines:
            x = style.left_indent - self.marker_room
            # The space copies out between the number and the text.
            marker = Line((self.marker + " ",), True)
            draw_line(self.canv, x, y, marker, self.marker_room, style)
        if self.one_span and whole:
            # The line feed ends the cell when it is copied out, so that an extractor
            # that reads a table column-wise never runs one cell into the next.
            actual = _actual_text(whole + "\n")
            self.canv._code.append(f"/Span <</ActualText {actual}>> BDC")
        for number, line in enumerate(lines):
            indent = style.left_indent
            if number == 0 and not self.continued:
                indent += style.first_indent
            width = self.width - indent
            draw_line(self.canv, indent, y, line, width, style, span=not self.one_span)
            y -= style.leading
        if self.one_span and whole:
            self.canv._code.append("EMC")
