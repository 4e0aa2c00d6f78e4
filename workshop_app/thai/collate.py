"""Thai dictionary order (as in the Royal Institute dictionary).

Code point order is almost dictionary order for Thai, except that the leading vowels
เ แ โ ใ ไ are written before the consonant they follow in speech, and dictionaries
sort by that consonant. Tone marks and the thanthakhat only break ties.
"""

from __future__ import annotations

from workshop_app.thai.normalize import normalize_thai

_LEADING_VOWELS = frozenset("เแโใไ")
_TIE_BREAK_MARKS = frozenset("\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e47")  # ่ ้ ๊ ๋ ์ ็


def _is_thai_consonant(char: str) -> bool:
    return "\u0e01" <= char <= "\u0e2e"


def thai_sort_key(text: str) -> tuple[str, str]:
    """Sort key giving Thai dictionary order; use with ``sorted(..., key=thai_sort_key)``."""
    chars = list(normalize_thai(text).casefold())
    # Move each leading vowel after the consonant that follows it.
    i = 0
    while i < len(chars) - 1:
        if chars[i] in _LEADING_VOWELS and _is_thai_consonant(chars[i + 1]):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
            i += 2
        else:
            i += 1
    reordered = "".join(chars)
    primary = "".join(c for c in reordered if c not in _TIE_BREAK_MARKS)
    return primary, reordered


def thai_sorted(items: list[str]) -> list[str]:
    return sorted(items, key=thai_sort_key)
