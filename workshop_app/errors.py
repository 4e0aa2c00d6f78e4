"""The one error type a user reads: bad input or a problem in the user's environment.

Every message is written in Thai and in English; the UI and the CLI show the one for
the language in use. Anything that is not a ``UserError`` is a bug.
"""

from __future__ import annotations


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
