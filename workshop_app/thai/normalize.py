"""Repair the common ways typed Thai goes wrong, so equal words compare equal.

Typed Thai is often malformed: a tone mark typed before the vowel it should follow,
a vowel or tone mark typed twice, แ typed as two เ, สระอำ typed as นิคหิต + สระอา,
zero-width spaces pasted from the web. Two strings that look the same on screen should
have the same normalized form.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
# Vowels written above or below the consonant; a tone mark comes after them.
_ABOVE_BELOW_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
_COMBINING = _TONE_MARKS + _ABOVE_BELOW_VOWELS + "\u0e47\u0e4c\u0e4d\u0e4e"  # ็ ์ ํ ๎
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

_TONE_BEFORE_VOWEL = re.compile(f"([{_TONE_MARKS}])([{_ABOVE_BELOW_VOWELS}])")
_DOUBLED_MARK = re.compile(f"([{_COMBINING}])\\1+")
_SPACES = re.compile(r"\s+")
# สระอำ typed (or extracted from a PDF) as นิคหิต + สระอา, with any tone mark between.
_NIKHAHIT_TONE_AA = re.compile(f"\u0e4d([{_TONE_MARKS}]?)\u0e32")

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)


def _tone_then_am(match: re.Match[str]) -> str:
    return match.group(1) + "\u0e33"


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


def _swapped_groups(match: re.Match[str]) -> str:
    return match.group(2) + match.group(1)


# Cached: an imported list repeats its organisations and sectors, and each name is
# normalised again when it is checked, keyed and stored.
@functools.lru_cache(maxsize=1 << 16)
def normalize_thai(text: str) -> str:
    """Return ``text`` with typing errors repaired and white space folded."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\u0e40\u0e40", "\u0e41")  # เ + เ -> แ
    # Repairs can uncover one another (a doubled tone mark typed before a vowel), so
    # repeat them until nothing changes; this makes normalizing twice a no-op.
    while True:
        # Replacements are functions, not templates such as r"\1": Python's re module
        # expands a template by importing re through ``__import__``, which PySide
        # replaces with a hook of its own, so each call here went through the import
        # machinery. A worker normalising 10,000 names that way starved the GUI thread.
        repaired = _NIKHAHIT_TONE_AA.sub(_tone_then_am, text)  # ํ (+ tone) + า -> (tone +) ำ
        repaired = _DOUBLED_MARK.sub(_first_group, repaired)
        repaired = _TONE_BEFORE_VOWEL.sub(_swapped_groups, repaired)
        if repaired == text:
            break
        text = repaired
    return _SPACES.sub(" ", text).strip()


_CONTROL = re.compile("[\u0000-\u001f\u007f-\u009f]")


def without_control(text: str) -> str:
    """``text`` with control characters (pasted from PDFs and old systems) as spaces:
    they mean nothing to a reader and a spreadsheet refuses them."""
    return _CONTROL.sub(" ", text)


def search_key(text: str) -> str:
    """Key for matching what a user typed: normalized, case-folded, Arabic digits."""
    return normalize_thai(text).casefold().translate(_TO_ARABIC)


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)
