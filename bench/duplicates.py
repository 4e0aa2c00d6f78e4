"""Duplicate suggestions: precision and recall on the labelled pairs, and speed.

Run: ``python bench/duplicates.py`` (or ``make bench``). For each labelled set in
tests/data (idea_pairs.csv, used to choose the threshold and weights; and
idea_pairs_holdout.csv, written separately and never tuned on), every pair is scored
with word weights taken from all cards of its strategic issue, as the board does with
a column. Prints precision and recall at the shipped threshold and at other thresholds.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from workshop_app.services.idea_duplicates import THRESHOLD, DuplicateFinder
from workshop_app.thai.segment import segmenter

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SETS = ("idea_pairs.csv", "idea_pairs_holdout.csv")


@dataclass(frozen=True)
class LabelledPair:
    issue: str
    text_a: str
    text_b: str
    duplicate: bool


def read_pairs(path: Path) -> list[LabelledPair]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            LabelledPair(r["issue"], r["text_a"], r["text_b"], r["duplicate"] == "1")
            for r in csv.DictReader(handle)
        ]


def scores(finder: DuplicateFinder, pairs: list[LabelledPair]) -> list[tuple[float, bool]]:
    columns: dict[str, list[str]] = defaultdict(list)
    for pair in pairs:
        columns[pair.issue] += [pair.text_a, pair.text_b]
    weights = {issue: finder.weights(texts) for issue, texts in columns.items()}
    return [(finder.score(p.text_a, p.text_b, weights[p.issue]), p.duplicate) for p in pairs]


def precision_recall(scored: list[tuple[float, bool]], threshold: float) -> tuple[float, float]:
    tp = sum(1 for s, d in scored if s >= threshold and d)
    fp = sum(1 for s, d in scored if s >= threshold and not d)
    fn = sum(1 for s, d in scored if s < threshold and d)
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sweep", action="store_true", help="show every threshold")
    args = parser.parse_args()
    finder = DuplicateFinder(segmenter())
    for name in SETS:
        path = DATA / name
        if not path.exists():
            continue
        pairs = read_pairs(path)
        scored = scores(finder, pairs)
        duplicates = sum(1 for p in pairs if p.duplicate)
        precision, recall = precision_recall(scored, THRESHOLD)
        print(f"{name}: {len(pairs)} pairs, {duplicates} duplicates")
        print(f"  threshold {THRESHOLD:.2f}: precision {precision:.3f}, recall {recall:.3f}")
        if args.sweep:
            for step in range(20, 96, 4):
                p, r = precision_recall(scored, step / 100)
                print(f"    {step / 100:.2f}: precision {p:.3f}, recall {r:.3f}")


if __name__ == "__main__":
    main()
