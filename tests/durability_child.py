"""Child process of tests/test_durability.py (run as a script, not collected by pytest).

Usage: python durability_child.py DATABASE IDS_FILE

Checks in the attendees listed in IDS_FILE one by one, as fast as it can, each in its own
transaction as the GUI does, and prints each id on stdout only after its commit has
returned: a printed id is an acknowledged check-in. The parent kills it with SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path

from workshop_app.db.database import open_database
from workshop_app.services.attendees import check_in


def main(argv: list[str]) -> int:
    database = open_database(Path(argv[1]))
    attendee_ids = Path(argv[2]).read_text(encoding="utf-8").split()
    for attendee_id in attendee_ids:
        with database.transaction() as session:
            check_in(session, attendee_id)
        sys.stdout.write(attendee_id + "\n")  # the acknowledgement, after the commit
        sys.stdout.flush()
    database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
