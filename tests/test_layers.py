"""How the house stands (DESIGN.md): a table of which layer may import which, checked on
every module's imports; Qt only in ui/; the writers in export/ lay out what the services
gather and never query the database themselves."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "workshop_app"

# Layer -> the layers it may import (its own modules always). A layer is a package under
# workshop_app/ or a top-level module (errors, resources, licenses, cli, __main__).
MAY_IMPORT: dict[str, frozenset[str]] = {
    "errors": frozenset(),
    "resources": frozenset(),
    # The operating system's lock on an open file: for the database's one-writer lock and
    # the notes of exports in progress alike.
    "os_lock": frozenset(),
    # A thread's priority, lowered below the window's (the phones' server's threads).
    "os_threads": frozenset(),
    "thai": frozenset({"errors", "resources"}),
    "db": frozenset({"errors", "resources", "os_lock"}),
    "models": frozenset({"db", "errors"}),
    # Reading files people bring: formats, not workshops.
    "readers": frozenset({"errors", "thai"}),
    # The use cases: they read files through readers/, never through export/.
    "services": frozenset({"models", "db", "readers", "thai", "errors", "resources"}),
    # The writers: they take what the services gather and lay it out.
    "export": frozenset({"services", "models", "thai", "errors", "resources", "os_lock"}),
    # Above the services: a merge renumbers registration numbers held twice through the
    # service that hands them out (services never import sync).
    "sync": frozenset({"models", "db", "export", "readers", "services", "errors", "resources"}),
    "licenses": frozenset({"resources", "errors"}),
    # The participant server (phones): HTTP/WebSocket over the services, no Qt.
    "participation": frozenset(
        {"services", "models", "db", "thai", "errors", "resources", "os_threads"}
    ),
    "ui": frozenset(
        {
            "services",
            "export",
            "readers",
            "sync",
            "models",
            "db",
            "thai",
            "errors",
            "resources",
            "licenses",
            "participation",
        }
    ),
    # The scripting API (docs/api.md): ids and plain values over the services and writers.
    "api": frozenset(
        {"services", "export", "sync", "db", "models", "thai", "errors", "participation"}
    ),
    # The command line launches the GUI, and nothing else of it.
    "cli": frozenset({"api", "services", "export", "sync", "db", "errors", "ui", "readers"}),
    "__main__": frozenset({"cli"}),
    "__init__": frozenset(),
}
QT_FREE = ("models", "services", "thai", "export", "sync", "db", "readers", "participation")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "workshop_app":  # from workshop_app import __version__
                names.update(f"workshop_app.{alias.name}" for alias in node.names)
    return names


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_layer_is_in_the_table() -> None:
    assert {_layer(p) for p in _modules()} <= MAY_IMPORT.keys()


@pytest.mark.parametrize("layer", sorted(MAY_IMPORT))
def test_layer_imports_only_what_it_may(layer: str) -> None:
    allowed = MAY_IMPORT[layer] | {layer}
    offenders = sorted(
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules()
        if _layer(path) == layer
        for name in _imports(path)
        if name.startswith("workshop_app.")
        and name.split(".")[1] not in allowed
        and name.split(".")[1] != "__version__"
    )
    assert not offenders, f"{layer}/ may import only {sorted(MAY_IMPORT[layer])}: {offenders}"


@pytest.mark.parametrize("layer", QT_FREE)
def test_layer_does_not_import_qt(layer: str) -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / layer).rglob("*.py")
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(path))
    ]
    assert not offenders, f"{layer}/ must not import Qt: {offenders}"


# The writers that are still handed a session and gather their own data through the
# services: the minutes (PDF, DOCX, the public-hearing report), the sign-in sheet, and
# the PDF helper that reads the workshop's words for the line breaker. Every other
# writer (the action plan workbook, the proposal template) takes gathered content only.
SESSION_WRITERS = frozenset(
    {
        "docx_minutes.py",
        "pdf/document.py",
        "pdf/hearing.py",
        "pdf/minutes.py",
        "pdf/signin.py",
    }
)


def test_writers_do_not_query_the_database() -> None:
    """export/ builds no query and touches no table class. Only the writers in
    SESSION_WRITERS may be handed a session (to call the services that gather their
    data); the others import no SQLAlchemy at all and call nothing with a session."""
    export = PACKAGE / "export"
    assert {p for p in SESSION_WRITERS if not (export / p).is_file()} == set()
    offenders = sorted(
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in export.rglob("*.py")
        for name in _imports(path)
        if (
            name.startswith("sqlalchemy")
            and (
                name != "sqlalchemy.orm"
                or path.relative_to(export).as_posix() not in SESSION_WRITERS
            )
        )
        or name.startswith("workshop_app.db")
    )
    assert not offenders
    for path in export.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed = path.relative_to(export).as_posix() in SESSION_WRITERS
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "sqlalchemy.orm":
                assert [a.name for a in node.names] == ["Session"], path
            if isinstance(node, ast.Attribute) and node.attr in ("execute", "scalars", "scalar"):
                pytest.fail(f"{path.relative_to(PACKAGE)} queries the database ({node.attr})")
            if (
                not allowed
                and isinstance(node, ast.Call)
                and node.args
                and isinstance(node.args[0], ast.Name)
                and node.args[0].id == "session"
            ):
                pytest.fail(
                    f"{path.relative_to(PACKAGE)}:{node.lineno} calls a service with a "
                    "session: hand the writer gathered content instead"
                )
