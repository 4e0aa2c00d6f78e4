"""A round's results as text, CSV or JSON (the ``results`` command and the GUI's copy).

Ties are marked "=" after the rank in text and CSV ("3="), and ``"tied": true`` in JSON.
Numbers are written with at most two decimals; the JSON keeps full precision.
"""

from __future__ import annotations

import json

from workshop_app.services.csv_safe import csv_text
from workshop_app.services.vote_counting import IdeaResult, RoundCount
from workshop_app.services.voting import (
    CAST_LABELS,
    METHOD_LABELS,
    STATE_LABELS,
    RoundResults,
    label,
)


def number(value: float) -> str:
    """12, 12.5 or 12.33: no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _cell_number(value: float) -> int | float:
    """A number for a CSV cell, as ``number`` writes it (12, 12.5, 12.33)."""
    text = number(value)
    return float(text) if "." in text else int(text)


def rank_text(rank: int, tied: bool) -> str:
    """ "3=" for a shared third place: after the number, so that a spreadsheet opening a
    report never reads the mark as the start of a formula ("=3" became the number 3)."""
    return f"{rank}=" if tied else str(rank)


def ranked(count: RoundCount, *, balanced: bool = False) -> list[tuple[str, float, IdeaResult]]:
    """The ideas best first, each with its rank as shown ("3=") and its score: plain, or
    with the sectors balanced. The report, the voting page and the chart list them so."""
    ordered = sorted(count.ideas, key=lambda r: r.balanced_rank if balanced else r.rank)
    if balanced:
        return [(rank_text(r.balanced_rank, r.balanced_tied), r.balanced_score, r) for r in ordered]
    return [(rank_text(r.rank, r.tied), r.score, r) for r in ordered]


def cast_summary(count: RoundCount, language: str) -> str:
    """How the ballots came in: "Ballot screen 100, Entered by staff 50"."""
    by_cast = sorted(count.ballots_by_cast.items())
    return ", ".join(f"{label(CAST_LABELS, how, language)} {n}" for how, n in by_cast)


def _sector_names(results: RoundResults, language: str) -> dict[str | None, str]:
    names: dict[str | None, str] = {t.sector_id: t.name for t in results.turnout}
    names[None] = "ไม่ระบุภาคส่วน" if language == "th" else "No sector"
    return names


def as_text(results: RoundResults, language: str = "th", *, balanced: bool = False) -> str:
    th = language == "th"
    row = results.round
    count = results.count
    lines = [
        f"{'รอบที่' if th else 'Round'} {row.number}: {row.title}",
        f"{'วิธี' if th else 'Method'}: {label(METHOD_LABELS, row.method, language)}"
        f" · {'สถานะ' if th else 'State'}: {label(STATE_LABELS, row.state, language)}",
    ]
    cast = cast_summary(count, language)
    lines.append(
        (f"บัตร {count.ballots} ใบ ({cast})" if th else f"Ballots: {count.ballots} ({cast})")
        if count.ballots
        else ("ยังไม่มีบัตร" if th else "No ballots yet")
    )
    if count.paper_votes:
        lines.append(
            f"ยอดนับจากกระดาษ/สติกเกอร์ {count.paper_votes}"
            if th
            else f"Paper tallies: {count.paper_votes}"
        )
    if balanced:
        lines.append("เรียงตามคะแนนถ่วงให้ทุกภาคส่วนมีน้ำหนักเท่ากัน" if th else "Sector-balanced")
    lines.append("")
    header = ("อันดับ", "คะแนน", "ผู้ลงคะแนน", "ความคิด") if th else ("Rank", "Score", "Voters", "Idea")
    lines.append("\t".join(header))
    for rank, score, result in ranked(count, balanced=balanced):
        text = results.idea_texts.get(result.idea_id, "")
        lines.append(f"{rank}\t{number(score)}\t{result.voters}\t{text}")
    lines.append("")
    lines.append(
        "ผู้ลงคะแนนตามภาคส่วน (ลงคะแนน/มาประชุม)" if th else "Turnout by sector (voted/present)"
    )
    for turnout in results.turnout:
        lines.append(f"{turnout.name}\t{turnout.voted}/{turnout.present}")
    return "\n".join(lines) + "\n"


def as_csv(results: RoundResults, language: str = "th") -> str:
    """One row per idea: rank, score, balanced rank and score, voters, text, and one
    column per sector with that sector's share of the score."""
    th = language == "th"
    names = _sector_names(results, language)
    sectors: list[str | None] = [t.sector_id for t in results.turnout]
    if any(None in r.by_sector for r in results.count.ideas):
        sectors.append(None)
    rows: list[list[object]] = [
        [
            "อันดับ" if th else "rank",
            "คะแนน" if th else "score",
            "อันดับถ่วงภาคส่วน" if th else "balanced rank",
            "คะแนนถ่วงภาคส่วน" if th else "balanced score",
            "ผู้ลงคะแนน" if th else "voters",
            "ความคิด" if th else "idea",
            *[names[s] for s in sectors],
        ]
    ]
    for result in results.count.ideas:
        rows.append(
            [
                rank_text(result.rank, result.tied),
                _cell_number(result.score),
                rank_text(result.balanced_rank, result.balanced_tied),
                _cell_number(result.balanced_score),
                result.voters,
                results.idea_texts.get(result.idea_id, ""),
                *[_cell_number(result.by_sector.get(s, 0.0)) for s in sectors],
            ]
        )
    # Idea texts and sector names are typed by people: neutralised against formulas.
    return csv_text(rows)


def as_json(results: RoundResults) -> str:
    row = results.round
    count = results.count
    data = {
        "round": {
            "id": row.id,
            "number": row.number,
            "title": row.title,
            "method": row.method,
            "state": row.state,
            "chosen_by": row.chosen_by,
            "dots_per_voter": row.dots_per_voter,
            "cap_per_idea": row.cap_per_idea,
            "rank_count": row.rank_count,
            "scale_max": row.scale_max,
            "criteria": [{"id": c, "name": n, "weight": w} for c, n, w in row.criteria],
        },
        "ballots": count.ballots,
        "ballots_by_cast": count.ballots_by_cast,
        "paper_votes": count.paper_votes,
        "present": results.present,
        "turnout": [
            {"sector_id": t.sector_id, "sector": t.name, "present": t.present, "voted": t.voted}
            for t in results.turnout
        ],
        "ideas": [
            {
                "id": r.idea_id,
                "text": results.idea_texts.get(r.idea_id, ""),
                "rank": r.rank,
                "tied": r.tied,
                "score": r.score,
                "balanced_rank": r.balanced_rank,
                "balanced_tied": r.balanced_tied,
                "balanced_score": r.balanced_score,
                "voters": r.voters,
                "by_sector": [{"sector_id": s, "score": v} for s, v in r.by_sector.items()],
            }
            for r in count.ideas
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
