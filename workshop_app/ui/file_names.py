"""Default names of exported files: in Thai, from the document and the workshop's title
and date ("รายงานการประชุม-ก.บ.จ.เชียงใหม่-15-ก.ย.-2566.pdf"), and valid on Windows,
where most of the facilitators' laptops are: no reserved characters or device names, no
trailing dot or space, and short enough for a folder path in front of it."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from sqlalchemy.orm import Session

from workshop_app.services import workshops
from workshop_app.thai.dates import THAI_MONTHS_SHORT, be_year
from workshop_app.ui.context import WorkshopContext

# Characters Windows refuses in a file name, and control characters.
RESERVED_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{n}" for n in range(1, 10)]
    + [f"LPT{n}" for n in range(1, 10)]
)
# Windows paths used to stop at 260 characters: leave room for the folder.
TITLE_LIMIT = 60
NAME_LIMIT = 120


def thai_day(day: dt.date) -> str:
    """15 September 2023 -> "15-ก.ย.-2566"."""
    return f"{day.day}-{THAI_MONTHS_SHORT[day.month - 1]}-{be_year(day.year)}"


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = RESERVED_CHARACTERS.sub(" ", text)
    text = re.sub(r"[()\[\]{}]", " ", text)
    return re.sub(r"[\s\-]+", "-", text).strip("-. ")


def _shortened(title: str) -> str:
    """At most TITLE_LIMIT characters, cut at a dash (between words) when there is one."""
    if len(title) <= TITLE_LIMIT:
        return title
    cut = title[:TITLE_LIMIT]
    if "-" in cut[TITLE_LIMIT // 2 :]:
        cut = cut[: cut.rindex("-")]
    return cut.strip("-. ")


def export_file_name(document: str, title: str, day: dt.date | None, suffix: str) -> str:
    """The default file name for ``document`` (e.g. "รายงานการประชุม") of the workshop
    ``title`` held on ``day``, ending in ``suffix`` (".pdf")."""
    parts = [_clean(document), _shortened(_clean(title))]
    if day is not None:
        parts.append(thai_day(day))
    stem = "-".join(part for part in parts if part)[:NAME_LIMIT].strip("-. ") or "export"
    if stem.split(".")[0].upper() in RESERVED_NAMES:
        stem = "_" + stem
    return stem + suffix


def default_export_name(context: WorkshopContext, document: str, suffix: str) -> str:
    """The default name for ``document`` of the context's workshop."""
    workshop_id = context.workshop_id

    def title_and_day(session: Session) -> tuple[str, dt.date | None]:
        workshop = workshops.get_workshop(session, workshop_id)
        return workshop.title, workshop.start_date

    title, day = context.read(title_and_day)
    return export_file_name(document, title, day, suffix)
