"""Find the bundled resources (fonts, translations) the same way everywhere.

Three layouts are supported, tried in this order:
- a PyInstaller build: ``sys._MEIPASS/workshop_app/resources``;
- an installed wheel: ``workshop_app/resources`` (force-included by pyproject.toml);
- a source checkout or editable install: ``<repo>/resources``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    found: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / "workshop_app" / "resources")
    found.append(_PACKAGE_DIR / "resources")
    found.append(_PACKAGE_DIR.parent / "resources")
    return found


@cache
def resources_dir() -> Path:
    for candidate in _candidates():
        if (candidate / "fonts").is_dir():
            return candidate
    searched = ", ".join(str(c) for c in _candidates())
    raise FileNotFoundError(f"bundled resources not found (looked in {searched})")


def font_files() -> list[Path]:
    """The Sarabun TTF files shipped with the app."""
    return sorted((resources_dir() / "fonts").glob("*.ttf"))


def translation_file(language: str) -> Path:
    return resources_dir() / "translations" / f"workshop_app_{language}.qm"
