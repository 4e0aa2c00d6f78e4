"""Voting benchmark: a dot-vote round of 300 ballots over 30 ideas, through the real GUI.

Run: ``python bench/voting.py`` (or ``make bench``); offscreen unless QT_QPA_PLATFORM is
set. Builds the large demo (300 invitees) in a temporary SQLite file, checks everyone in,
and makes a dot round (5 dots, at most 2 per idea) over 30 project ideas with 240
ballots and a few sticker tallies. It then measures, the way the facilitator meets them:

* recompute: all results of the round (scores, ties, by sector, the sector-balanced
  ranking, turnout) read fresh from the database, as the voting page does after every
  change; measured again once the round holds all 300 ballots;
* ballot to projector: the last 60 voters' ballots cast from the voting page until the
  committed ballot is counted in the results on the projector and both windows have
  repainted.

Prints a table with the targets and PASS/FAIL; ``--strict`` exits 1 when a target fails.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import CpuClock, Figure, percentile, profiled, report, save_profile
from PySide6.QtWidgets import QApplication

from workshop_app.db.database import Database, open_database
from workshop_app.models.vote import CastBy, VoteMethod
from workshop_app.services import voting
from workshop_app.services.attendees import check_in, list_attendees
from workshop_app.services.demo import create_demo_workshop
from workshop_app.services.vote_counting import Mark
from workshop_app.services.workshops import list_issues
from workshop_app.ui.app import make_application
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.vote_commands import cast_ballot_command

RECOMPUTE_TARGET_MS = 50.0
BALLOT_TARGET_MS = 100.0
IDEAS = 30
VOTERS = 300
MEASURED_VOTERS = 60  # cast through the GUI while timing
DOTS, CAP = 5, 2


def random_dots(rng: random.Random, ideas: list[str]) -> list[Mark]:
    """One voter's five dots, at most two per idea, favouring the first third."""
    given: dict[str, int] = {}
    left = DOTS
    while left:
        idea = rng.choice(ideas[:10] if rng.random() < 0.6 else ideas)
        if given.get(idea, 0) < CAP:
            given[idea] = given.get(idea, 0) + 1
            left -= 1
    return [Mark(idea, value) for idea, value in given.items()]


def build_round(database: Database, rng: random.Random) -> tuple[str, str, list[str], list[str]]:
    """(workshop, round, ideas, voters not yet voted): the round with 240 ballots."""
    with database.transaction() as session:
        workshop_id = create_demo_workshop(session, "large")
    with database.transaction() as session:
        for attendee in list_attendees(session, workshop_id):
            if attendee.checked_in_at is None:
                check_in(session, attendee.id)
        voters = [a.id for a in list_attendees(session, workshop_id)][:VOTERS]
        ideas: list[str] = []
        for issue in list_issues(session, workshop_id):
            ideas += voting.ideas_of_issue(session, workshop_id, issue.id)
        ideas = ideas[:IDEAS]
        round_id = voting.create_round(
            session,
            workshop_id,
            voting.RoundDraft(
                "Benchmark dot round",
                VoteMethod.DOTS.value,
                tuple(ideas),
                dots_per_voter=DOTS,
                cap_per_idea=CAP,
            ),
        )
        voting.open_round(session, round_id)
        voting.set_revealed(session, round_id, True)
    with database.transaction() as session:
        for number, voter in enumerate(voters[: VOTERS - MEASURED_VOTERS]):
            cast_by = CastBy.KIOSK.value if number % 2 else CastBy.STAFF.value
            voting.cast_ballot(session, round_id, voter, random_dots(rng, ideas), cast_by)
    return workshop_id, round_id, ideas, voters[VOTERS - MEASURED_VOTERS :]


def time_recompute(database: Database, round_id: str, times: int) -> list[float]:
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        with database.session() as session:
            results = voting.round_results(session, round_id)
        ranked = sorted(results.count.ideas, key=lambda r: r.balanced_rank)
        spent.append((time.perf_counter() - start) * 1000)
        assert len(ranked) == IDEAS
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--profile", metavar="FILE", help="cProfile the ballots cast into FILE")
    args = parser.parse_args()
    app = make_application("th")
    rng = random.Random(4)
    results: list[Figure] = []
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite")
        workshop_id, round_id, ideas, last_voters = build_round(database, rng)

        recompute = time_recompute(database, round_id, 50)
        results.append(
            (
                f"recompute a round, {VOTERS - MEASURED_VOTERS} ballots, p95",
                percentile(recompute, 0.95),
                RECOMPUTE_TARGET_MS,
                "ms",
            )
        )

        context = WorkshopContext(database, workshop_id, "th")
        window = MainWindow(context)
        window.show_page(3)
        window.show()
        page = window.voting_page
        page.select_round(round_id)
        window.open_projector()
        projector = window.projector
        assert projector is not None
        QApplication.processEvents()
        assert projector.results is not None, "the round is revealed"

        casts: list[float] = []
        cpu = CpuClock()
        profile = profiled(args.profile)
        for voter in last_voters:
            before = projector.results.count.ballots
            command = cast_ballot_command(
                context, round_id, voter, random_dots(rng, ideas), CastBy.STAFF.value
            )
            start = time.perf_counter()
            cpu.start()
            context.undo_stack.push(command)
            QApplication.processEvents()
            cpu.stop()
            casts.append((time.perf_counter() - start) * 1000)
            assert command.succeeded
            assert projector.results.count.ballots == before + 1
        name = "a ballot committed until the projector shows it"
        results.append((f"{name}, median", percentile(casts, 0.5), BALLOT_TARGET_MS, "ms"))
        results.append((f"{name}, p95", percentile(casts, 0.95), BALLOT_TARGET_MS, "ms"))
        results.append((f"{name}, CPU p95", percentile(cpu.spent, 0.95), BALLOT_TARGET_MS, "ms"))
        save_profile(profile, args.profile)

        recompute = time_recompute(database, round_id, 50)
        results.append(
            (
                f"recompute a round, {VOTERS} ballots, p95",
                percentile(recompute, 0.95),
                RECOMPUTE_TARGET_MS,
                "ms",
            )
        )
        projector.close()
        window.close()
        database.close()

    met = report(f"Dot round of {IDEAS} ideas on {os.cpu_count()} cores ({sys.platform})", results)
    del app
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
