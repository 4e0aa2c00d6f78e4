"""Suggest cards that say the same thing, so the room can merge them.

Two cards are compared on two views of their text, both taken after the typing slips
are repaired (thai.normalize) and common abbreviations and synonyms are written one way:

- the content words, found by the dictionary segmenter extended with the workshop's
  glossary, with filler words (การ, ให้, ควร ...) left out;
- character trigrams of the text without spaces, which still match when the segmenter
  splits an unknown word differently in the two cards.

Words that appear on many cards of the column (เกษตร in the agriculture column) say
less about sameness than rare ones, so words are weighted by inverse document frequency
over the cards being compared. Only pairs scoring at or above ``THRESHOLD`` are
suggested; the threshold was chosen on the labelled pairs in tests/data/idea_pairs.csv.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from workshop_app.thai.normalize import search_key
from workshop_app.thai.segment import Segmenter

# Chosen on tests/data/idea_pairs.csv (see bench/duplicates.py): the lowest score at
# which at least 9 suggestions in 10 are real duplicates.
THRESHOLD = 0.6
_WEIGHT_MIN_COVER = 0.2
_WEIGHT_MAX_COVER = 0.5
_WEIGHT_TRIGRAMS = 0.3
_NEGATION_PENALTY = 0.3
_SWAP_PENALTY = 0.5
_MIN_PART = 4  # characters a word needs to count as part of a longer word

# Abbreviations and synonyms written one way before comparing (after search_key, so
# lower case, Arabic digits). Longer forms first so that they win over their parts.
_CANONICAL: tuple[tuple[str, str], ...] = (
    # Abbreviations of agencies and programmes.
    ("องค์กรปกครองส่วนท้องถิ่น", "อปท"),
    ("องค์การบริหารส่วนตำบล", "อบต"),
    ("องค์การบริหารส่วนจังหวัด", "อบจ"),
    ("โรงพยาบาลส่งเสริมสุขภาพตำบล", "รพสต"),
    ("อาสาสมัครสาธารณสุขประจำหมู่บ้าน", "อสม"),
    ("อาสาสมัครป้องกันภัยฝ่ายพลเรือน", "อปพร"),
    ("วิสาหกิจขนาดกลางและขนาดย่อม", "sme"),
    ("เอสเอ็มอี", "sme"),
    ("smes", "sme"),
    ("หนึ่งตำบลหนึ่งผลิตภัณฑ์", "otop"),
    ("โอทอป", "otop"),
    ("เขตเศรษฐกิจพิเศษ", "sez"),
    ("เขตพัฒนาเศรษฐกิจพิเศษ", "sez"),
    ("บิ๊กดาต้า", "bigdata"),
    ("big data", "bigdata"),
    ("ข้อมูลขนาดใหญ่", "bigdata"),
    ("pm2.5", "ฝุ่น"),
    ("pm 2.5", "ฝุ่น"),
    # Words that mean the same on a card.
    ("ท่าอากาศยาน", "สนามบิน"),
    ("หน่วยงานภาครัฐ", "ส่วนราชการ"),
    ("หน่วยงานราชการ", "ส่วนราชการ"),
    ("ภาครัฐ", "ส่วนราชการ"),
    ("บุคลากรส่วนราชการ", "ข้าราชการ"),
    ("เจ้าหน้าที่รัฐ", "ข้าราชการ"),
    ("ผู้สูงวัย", "ผู้สูงอายุ"),
    ("คนชรา", "ผู้สูงอายุ"),
    ("คนแก่", "ผู้สูงอายุ"),
    ("คนพิการ", "ผู้พิการ"),
    ("ขยะมูลฝอย", "ขยะ"),
    ("ของเสีย", "ขยะ"),
    ("สร้างมูลค่าเพิ่ม", "เพิ่มมูลค่า"),
    ("ไม่เพียงพอ", "ขาดแคลน"),
    ("ไม่พอ", "ขาดแคลน"),
    ("ไม่มี", "ขาด"),
    ("สารเสพติด", "ยาเสพติด"),
    ("ฝุ่นละออง", "ฝุ่น"),
    ("หมอกควัน", "ฝุ่น"),
    ("หน้าแล้ง", "ฤดูแล้ง"),
    ("หน้าฝน", "ฤดูฝน"),
    ("ตราสินค้า", "แบรนด์"),
    ("ผลิตภัณฑ์", "สินค้า"),
    ("จำหน่าย", "ขาย"),
    ("ก่อสร้าง", "สร้าง"),
    ("ชำรุดเสียหาย", "ชำรุด"),
    ("ทรุดโทรม", "ชำรุด"),
    ("มากขึ้น", "เพิ่มขึ้น"),
    ("สูงขึ้น", "เพิ่มขึ้น"),
    ("ชาวบ้าน", "ประชาชน"),
    ("รถโดยสารประจำทาง", "ขนส่งสาธารณะ"),
    ("รถโดยสารสาธารณะ", "ขนส่งสาธารณะ"),
    ("ระบบขนส่งสาธารณะ", "ขนส่งสาธารณะ"),
    ("สถานศึกษา", "โรงเรียน"),
)
_ABBREVIATION_DOTS = re.compile(r"(?<=[\u0e01-\u0e2e])\.")
_NOT_WORD = re.compile(r"[^\w\u0e00-\u0e7f]+")

# Words that carry little meaning on a card (my own list, not a general stop list: it
# keeps negations such as ไม่ and verbs such as ขาด and เพิ่ม, which change the meaning).
FILLER_WORDS = frozenset(
    (
        "การ",
        "ความ",
        "ให้",
        "ของ",
        "ใน",
        "และ",
        "ที่",
        "เพื่อ",
        "ควร",
        "ควรมี",
        "มี",
        "เป็น",
        "ด้วย",
        "จาก",
        "กับ",
        "แก่",
        "โดย",
        "ต่อ",
        "ทาง",
        "ได้",
        "ซึ่ง",
        "อย่าง",
        "จะ",
        "ต้อง",
        "ๆ",
        "ฯลฯ",
        "เรื่อง",
        "ด้าน",
        "เช่น",
        "ทั้ง",
        "หรือ",
        "นั้น",
        "นี้",
        "อัน",
        "ไป",
        "มา",
        "แล้ว",
        "อยู่",
        "คือ",
        "ยัง",
    )
)
# Words that make a card say something is missing or not so; compared, not matched.
NEGATION_WORDS = frozenset({"ไม่", "ขาด", "ขาดแคลน", "ไร้", "ปราศจาก", "ยังไม่"})


@dataclass(frozen=True)
class TextFeatures:
    words: frozenset[str]  # content words, written one way
    trigrams: frozenset[str]
    negative: bool  # says something is missing or not so (ไม่, ขาด ...)


@dataclass(frozen=True)
class Suggestion:
    idea_id: str
    text: str
    score: float


def canonical_text(text: str) -> str:
    """The text with slips repaired, abbreviation dots dropped, synonyms written one way."""
    key = _ABBREVIATION_DOTS.sub("", search_key(text))
    for variant, canonical in _CANONICAL:
        key = key.replace(variant, canonical)
    return key


def _word_match(word: str, others: frozenset[str]) -> float:
    """1 if ``word`` is among ``others``; 0.8 if one contains the other (การบำบัด and
    บำบัด, ยาเสพติด and ติดยาเสพติด: the segmenter cuts compounds differently); else 0."""
    if word in others:
        return 1.0
    # A short piece (ผู้, ใบ) is part of many words and says nothing about sameness.
    if any(
        (word in o and len(word) >= _MIN_PART) or (o in word and len(o) >= _MIN_PART)
        for o in others
    ):
        return 0.8
    return 0.0


class DuplicateFinder:
    """Compares card texts; remembers each text's features (a board has thousands)."""

    def __init__(self, segmenter: Segmenter) -> None:
        self._segmenter = segmenter
        self._features: dict[str, TextFeatures] = {}

    def features(self, text: str) -> TextFeatures:
        found = self._features.get(text)
        if found is None:
            key = canonical_text(text)
            pieces = [w for p in self._segmenter.words(key) if (w := _NOT_WORD.sub("", p))]
            negative = any(p in NEGATION_WORDS or p.startswith("ขาด") for p in pieces)
            words = frozenset(
                p for p in pieces if p not in FILLER_WORDS and p not in NEGATION_WORDS
            )
            compact = _NOT_WORD.sub("", key)
            trigrams = frozenset(compact[i : i + 3] for i in range(max(1, len(compact) - 2)))
            found = TextFeatures(words, trigrams, negative)
            if len(self._features) > 50_000:  # a long day; keep memory bounded
                self._features.clear()
            self._features[text] = found
        return found

    def score(self, a: str, b: str, weights: WordWeights | None = None) -> float:
        """How likely two cards say the same thing, from 0 (unrelated) to 1 (same text).

        Each card's coverage is the (weighted) share of its words found in the other.
        The smaller coverage catches a card saying more than the other; the larger one
        lets a short card match a long card that says the same and more. Two signals
        lower the score: one card negative and the other not ("มีความปลอดภัย" and
        "ไม่มีความปลอดภัย"), and a card that is the other with one or two words swapped
        ("ส่งเสริมอาชีพให้ผู้สูงอายุ" and "... ผู้พิการ"), the commonest near miss.
        """
        fa, fb = self.features(a), self.features(b)
        weight = (weights or WordWeights.uniform()).weight
        # Each word's match in the other card, found once: the coverages and the swap
        # test below both need it (half of suggesting for a column went to finding it twice).
        match_a = {w: _word_match(w, fb.words) for w in fa.words}
        match_b = {w: _word_match(w, fa.words) for w in fb.words}
        cover_a = _coverage(match_a, weight)
        cover_b = _coverage(match_b, weight)
        gram_total = len(fa.trigrams) + len(fb.trigrams)
        gram_score = 2 * len(fa.trigrams & fb.trigrams) / gram_total if gram_total else 0.0
        score = (
            _WEIGHT_MIN_COVER * min(cover_a, cover_b)
            + _WEIGHT_MAX_COVER * max(cover_a, cover_b)
            + _WEIGHT_TRIGRAMS * gram_score
        )
        if fa.negative != fb.negative:
            score *= _NEGATION_PENALTY
        only_a = [w for w, match in match_a.items() if match == 0.0]
        only_b = [w for w, match in match_b.items() if match == 0.0]
        if only_a and only_b and len(only_a) <= 2 and len(only_b) <= 2:
            score *= _SWAP_PENALTY
        return score

    def weights(self, texts: Iterable[str]) -> WordWeights:
        return WordWeights.from_documents(self.features(t).words for t in texts)

    def suggest(
        self,
        text: str,
        candidates: Sequence[tuple[str, str]],
        limit: int = 5,
        threshold: float = THRESHOLD,
        weights: WordWeights | None = None,
    ) -> list[Suggestion]:
        """The cards among ``candidates`` (id, text) most likely to say what ``text`` says.

        ``weights`` (from ``weights()`` over the column) can be kept between calls.
        """
        if weights is None:
            weights = self.weights([text, *(t for _id, t in candidates)])
        target = self.features(text)
        found = []
        for idea_id, other in candidates:
            # Cards sharing no trigram cannot score above the threshold: skip them cheaply.
            if target.trigrams.isdisjoint(self.features(other).trigrams):
                continue
            score = self.score(text, other, weights)
            if score >= threshold:
                found.append(Suggestion(idea_id, other, score))
        found.sort(key=lambda s: -s.score)
        return found[:limit]

    def pairs(
        self, cards: Sequence[tuple[str, str]], threshold: float = THRESHOLD
    ) -> list[tuple[str, str, float]]:
        """Every pair of cards (id, id, score) likely to be duplicates, best first."""
        weights = self.weights(t for _id, t in cards)
        features = [(idea_id, text, self.features(text)) for idea_id, text in cards]
        by_gram: dict[str, list[int]] = {}
        for index, (_id, _text, f) in enumerate(features):
            for gram in f.trigrams:
                by_gram.setdefault(gram, []).append(index)
        found = []
        for i, (id_a, text_a, fa) in enumerate(features):
            neighbours = {j for g in fa.trigrams for j in by_gram[g] if j > i}
            for j in sorted(neighbours):
                id_b, text_b, _fb = features[j]
                score = self.score(text_a, text_b, weights)
                if score >= threshold:
                    found.append((id_a, id_b, score))
        found.sort(key=lambda p: -p[2])
        return found


def _coverage(matches: dict[str, float], weight: Callable[[str], float]) -> float:
    """The weighted share of a card's words found in the other (``matches``: each
    word's ``_word_match``)."""
    total = sum(weight(w) for w in matches)
    if not total:
        return 0.0
    return sum(weight(w) * match for w, match in matches.items()) / total


@dataclass(frozen=True)
class WordWeights:
    """Inverse document frequency of words over a set of cards (1.0 for unseen words)."""

    idf: dict[str, float]

    @classmethod
    def uniform(cls) -> WordWeights:
        return cls({})

    @classmethod
    def from_documents(cls, documents: Iterable[frozenset[str]]) -> WordWeights:
        counts: Counter[str] = Counter()
        total = 0
        for words in documents:
            counts.update(words)
            total += 1
        if total < 10:  # too few cards to tell common words from rare ones
            return cls.uniform()
        return cls({w: math.log((1 + total) / (1 + n)) + 1.0 for w, n in counts.items()})

    def weight(self, word: str) -> float:
        return self.idf.get(word, 1.0)
