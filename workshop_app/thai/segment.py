"""Thai word segmentation with the workshop's own words added to the dictionary.

Thai is written without spaces between words. PyThaiNLP's dictionary segmenter (newmm)
finds the words; a workshop adds its own place names, agencies and products (its
glossary) so that "ภูชี้ฟ้า" stays one word instead of three. Building the dictionary
takes about half a second, so one segmenter is built per glossary and kept.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable

from pythainlp.corpus import thai_words
from pythainlp.tokenize import Trie, word_tokenize

from workshop_app.thai.normalize import normalize_thai


class Segmenter:
    """Splits Thai text into words; ``extra_words`` extend the standard dictionary."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self.extra_words = frozenset(normalize_thai(w) for w in extra_words if w.strip())
        self._trie = Trie(set(thai_words()) | self.extra_words)
        self._lock = threading.Lock()  # the tokenizer is not documented as thread safe

    def words(self, text: str) -> list[str]:
        """The words of ``text`` in order; white space is dropped."""
        with self._lock:
            pieces = word_tokenize(
                text, custom_dict=self._trie, engine="newmm", keep_whitespace=False
            )
        return [p for p in pieces if p.strip()]


@functools.lru_cache(maxsize=8)
def _segmenter_for(extra_words: frozenset[str]) -> Segmenter:
    return Segmenter(extra_words)


def segmenter(extra_words: Iterable[str] = ()) -> Segmenter:
    """A shared segmenter for this set of extra words (built once, then reused)."""
    return _segmenter_for(frozenset(normalize_thai(w) for w in extra_words if w.strip()))
