"""CSV that is safe to open in a spreadsheet (OWASP, "CSV Injection").

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula,
and a leading tab or carriage return can hide such a start. OWASP's advice: put a single
quote before such a cell, so the spreadsheet shows the text as typed; wrap every cell in
quotes, and double any quote inside. Numbers the app writes itself (scores, negative
numbers never occur) are left as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: object) -> str:
    """The cell's text, with a leading quote if a spreadsheet would read it as a formula."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        text = "" if value is None else str(value)
        return "'" + text if text.startswith(FORMULA_STARTS) else text
    return str(value)


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """Rows as CSV text, every text cell neutralised and quoted."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
    for row in rows:
        writer.writerow(
            [
                v if isinstance(v, (int, float)) and not isinstance(v, bool) else neutralised(v)
                for v in row
            ]
        )
    return out.getvalue()
