"""The one error type a user reads: bad input or a problem in the user's environment.

Every message is written in Thai and in English; the UI and the CLI show the one for
the language in use. Anything that is not a ``UserError`` is a bug.
"""

from __future__ import annotations

import traceback


class UserError(Exception):
    def __init__(self, thai: str, english: str) -> None:
        super().__init__(english)
        self.thai = thai
        self.english = english

    def message(self, language: str = "th") -> str:
        return self.thai if language == "th" else self.english


class FieldError(UserError):
    """Bad input in one named field (e.g. "email"), so a form or an import can point at it."""

    def __init__(self, field: str, thai: str, english: str) -> None:
        super().__init__(thai, english)
        self.field = field


def safe_traceback(error: BaseException) -> str:
    """Where an error happened, for a log or a crash report: each exception's type and
    its frames (file, line, function, the line of code), never its message. Messages
    carry values: SQLAlchemy's repeat the statement's parameters (names, phones,
    e-mails), and a log file must not hold personal data (PDPA)."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    parts: list[str] = []
    for exc in reversed(chain):  # the first cause first, as Python prints them
        parts.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(exc.__traceback__):
            parts.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                parts.append(f"    {frame.line}")
        kind = type(exc)
        parts.append(f"{kind.__module__}.{kind.__qualname__} (message left out: it may hold data)")
    return "\n".join(parts)
