"""Registration numbers that two laptops never hand out twice.

The number is what a person reads on the badge and types at the ballot screen, so it
stays a short whole number, printed the same everywhere. Each laptop numbers from its
own range:

- the workshop's home laptop (the device that created the workshop, named by the
  workshop's ``created_hlc``) numbers 1, 2, 3 ... (below ``HOME_CODES``): the
  invitation list and the walk-ins at the main desk;
- any other laptop numbers in a block of 999 of its own, ``block × 1000 + 1`` onwards
  (100001 ... 999999): the block follows from the device id, skipping blocks that
  numbers of other devices already use in this workshop.

Two laptops thus never make the same number, as long as two non-home laptops that never
met do not start in one block: then (and for files from before this rule) the merge
finds people sharing a number and renumbers the one registered later, visibly (the sync
and the import report each change): the home laptop does, and the laptop that
registered that person. A lookup by number refuses a number held by two
people, so it can never pick the wrong one.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from workshop_app.db.database import stamped_session
from workshop_app.db.hlc import HybridLogicalClock
from workshop_app.errors import UserError
from workshop_app.models import Attendee, Workshop
from workshop_app.thai.names import full_name

HOME_CODES = 100_000  # numbers below are the home laptop's
BLOCK = 1_000  # a laptop's block: block × BLOCK + 1 ... block × BLOCK + 999
FIRST_BLOCK, LAST_BLOCK = HOME_CODES // BLOCK, 999


@dataclass(frozen=True)
class Renumbered:
    workshop_id: str
    attendee_id: str
    name: str
    old_code: int
    new_code: int


def _device_of(stamp: str) -> str:
    return stamp.split(".", 2)[2] if stamp.count(".") >= 2 else ""


def _this_device(session: Session) -> str | None:
    clock = session.info.get("clock")
    return clock.device_id if isinstance(clock, HybridLogicalClock) else None


def code_allocator(session: Session, workshop_id: str) -> Iterator[int]:
    """The numbers this device gives next in the workshop, in order (for one
    transaction: the file's writer lock keeps other processes from numbering too)."""
    device = _this_device(session)
    workshop = session.get(Workshop, workshop_id)
    session.flush()  # a workshop made in this transaction gets its stamp
    # Every number ever given, the erased people's too: a number is never given twice.
    given = list(
        session.execute(
            select(Attendee.code, Attendee.created_hlc).where(Attendee.workshop_id == workshop_id)
        )
    )
    if device is None or workshop is None or _device_of(workshop.created_hlc) == device:
        code = max((c for c, _ in given if c < HOME_CODES), default=0)
        while True:
            code += 1
            yield code
    mine = [c for c, stamp in given if c >= HOME_CODES and _device_of(stamp) == device]
    taken = {c // BLOCK for c, _ in given if c >= HOME_CODES}
    used = {c for c, _ in given}  # a block shared by mistake: skip the other's numbers
    code = max(mine, default=0)
    preferred = FIRST_BLOCK + int(device.replace("-", ""), 16) % (LAST_BLOCK - FIRST_BLOCK + 1)
    while True:
        code += 1
        if mine and code % BLOCK != 0:
            if code not in used:
                yield code
            continue
        block = _free_block(preferred, taken)
        taken.add(block)
        mine = [block * BLOCK]
        code = block * BLOCK + 1
        yield code


def _free_block(preferred: int, taken: set[int]) -> int:
    count = LAST_BLOCK - FIRST_BLOCK + 1
    for step in range(count):
        block = FIRST_BLOCK + (preferred - FIRST_BLOCK + step) % count
        if block not in taken:
            return block
    raise UserError(
        "เลขทะเบียนของงานประชุมนี้ถูกใช้หมดแล้ว", "every registration number of this workshop is used"
    )


def next_code(session: Session, workshop_id: str) -> int:
    return next(code_allocator(session, workshop_id))


def renumber_duplicates(session: Session, workshop_ids: Iterable[str]) -> list[Renumbered]:
    """Give a new number to everyone who shares one with a person registered earlier
    (the earlier keeps it: their badge was printed first). The new numbers come from this
    device's range; each change is an ordinary stamped edit that travels on.

    Only the workshop's home laptop, and the laptop that registered the person, renumber
    them: were every laptop to renumber on meeting the pair, each would choose another
    number, and those choices would meet again as conflicts, round after round."""
    device = _this_device(session)
    changes: list[Renumbered] = []
    for workshop_id in sorted(set(workshop_ids)):
        workshop = session.get(Workshop, workshop_id)
        home = workshop is not None and _device_of(workshop.created_hlc) == device
        people = session.scalars(
            select(Attendee)
            .where(Attendee.workshop_id == workshop_id, Attendee.deleted.is_(False))
            .order_by(Attendee.code, Attendee.created_hlc, Attendee.id)
        ).all()
        later: list[Attendee] = [
            person
            for before, person in itertools.pairwise(people)
            if person.code == before.code
            and (device is None or home or _device_of(person.created_hlc) == device)
        ]
        if not later:
            continue
        codes = code_allocator(session, workshop_id)
        for person in later:
            old = person.code
            person.code = next(codes)
            # The search text starts with the number (services.attendees._search_text).
            person.search_text = str(person.code) + person.search_text.removeprefix(str(old))
            name = full_name(person.prefix, person.first_name, person.last_name)
            changes.append(Renumbered(workshop_id, person.id, name, old, person.code))
    session.flush()
    return changes


def renumber_after_merge(
    connection: Connection, clock: HybridLogicalClock, workshop_ids: Iterable[str]
) -> list[Renumbered]:
    """``renumber_duplicates`` inside a merge's transaction on a laptop."""
    with stamped_session(connection, clock) as session:
        return renumber_duplicates(session, workshop_ids)
