"""The domain layers never import Qt (DESIGN.md: the domain is free of Qt)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "workshop_app"
QT_FREE = ("models", "services", "thai", "export", "sync", "db")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", QT_FREE)
def test_layer_does_not_import_qt(layer: str) -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / layer).rglob("*.py")
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(path))
    ]
    assert not offenders, f"{layer}/ must not import Qt: {offenders}"


def test_domain_layers_do_not_import_ui() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for layer in QT_FREE
        for path in (PACKAGE / layer).rglob("*.py")
        if any(name.startswith("workshop_app.ui") for name in _imports(path))
    ]
    assert not offenders
