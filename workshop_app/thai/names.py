"""Thai personal names: split an honorific prefix off a name as people type it."""

from __future__ import annotations

from workshop_app.thai.normalize import normalize_thai

# Longest first, so that "ผศ.ดร." wins over "ผศ." and "นางสาว" over "นาง".
_PREFIXES = sorted(
    [
        "นาย",
        "นาง",
        "นางสาว",
        "น.ส.",
        "ด.ช.",
        "ด.ญ.",
        "เด็กชาย",
        "เด็กหญิง",
        "ดร.",
        "ศ.",
        "รศ.",
        "ผศ.",
        "ศ.ดร.",
        "รศ.ดร.",
        "ผศ.ดร.",
        "ศาสตราจารย์",
        "รองศาสตราจารย์",
        "ผู้ช่วยศาสตราจารย์",
        "นพ.",
        "พญ.",
        "ทพ.",
        "ทพญ.",
        "ภก.",
        "ภญ.",
        "ว่าที่ร้อยตรี",
        "ว่าที่ ร.ต.",
        "ว่าที่ร.ต.",
        "ว่าที่ ร.ต.หญิง",
        "ร.ต.",
        "ร.ท.",
        "ร.อ.",
        "พ.ต.",
        "พ.ท.",
        "พ.อ.",
        "พล.ต.",
        "ร.ต.ต.",
        "ร.ต.ท.",
        "ร.ต.อ.",
        "พ.ต.ต.",
        "พ.ต.ท.",
        "พ.ต.อ.",
        "พล.ต.ต.",
        "พล.ต.ท.",
        "จ.ส.อ.",
        "ส.อ.",
        "ด.ต.",
        "จ.ส.ต.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Prof.",
    ],
    key=len,
    reverse=True,
)

KNOWN_PREFIXES: tuple[str, ...] = tuple(_PREFIXES)
_FOLDED_PREFIXES = tuple((prefix, prefix.casefold()) for prefix in _PREFIXES)


def _can_start_a_name(char: str) -> bool:
    """A Thai word starts with a consonant or a leading vowel, never with a vowel sign
    or tone mark written above, below or after a consonant."""
    if "\u0e01" <= char <= "\u0e2e" or char in "เแโใไ":
        return True
    return not ("\u0e00" <= char <= "\u0e7f")


def split_prefix(name: str) -> tuple[str, str]:
    """Return (prefix, rest) for a name such as "ผศ.ดร.สมชาย ใจดี" or "นายสมชาย".

    A prefix is split off only when what follows it can start a name (at least two
    characters, beginning with a consonant or leading vowel), so that "นายิกา" keeps its
    letters and "นางสาวิตรี" is read as นาง + สาวิตรี.
    """
    text = normalize_thai(name)
    folded = text.casefold()  # once: an imported list splits thousands of names
    for prefix, folded_prefix in _FOLDED_PREFIXES:
        if folded.startswith(folded_prefix):
            rest = text[len(prefix) :].strip()
            if len(rest) >= 2 and _can_start_a_name(rest[0]):
                return prefix, rest
    return "", text


def split_full_name(full_name: str) -> tuple[str, str, str]:
    """Split "นางสาวสุดา  ใจงาม" into ("นางสาว", "สุดา", "ใจงาม")."""
    prefix, rest = split_prefix(full_name)
    first, _, last = rest.partition(" ")
    return prefix, first.strip(), last.strip()


def full_name(prefix: str | None, first_name: str | None, last_name: str | None) -> str:
    """A name as Thai documents write it: the prefix joined to the first name ("นายสมชาย
    ใจดี"), one space before the last name."""
    return f"{prefix or ''}{first_name or ''} {last_name or ''}".strip()
