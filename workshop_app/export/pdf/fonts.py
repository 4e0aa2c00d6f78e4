"""The Sarabun family registered with ReportLab, shaped by HarfBuzz."""

from __future__ import annotations

import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workshop_app.resources import resources_dir

REGULAR, BOLD, ITALIC, BOLD_ITALIC = (
    "Sarabun",
    "Sarabun-Bold",
    "Sarabun-Italic",
    "Sarabun-BoldItalic",
)


@functools.cache
def register_fonts() -> None:
    """Register the four Sarabun faces once per process (shaping on)."""
    folder = resources_dir() / "fonts"
    for name, file in (
        (REGULAR, "Sarabun-Regular.ttf"),
        (BOLD, "Sarabun-Bold.ttf"),
        (ITALIC, "Sarabun-Italic.ttf"),
        (BOLD_ITALIC, "Sarabun-BoldItalic.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(folder / file), shapable=True))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
