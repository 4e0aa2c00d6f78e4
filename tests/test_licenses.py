"""The bundled components and their licenses, read without Qt for the About dialog."""

from __future__ import annotations

from email.message import Message
from importlib.metadata import Distribution, PackageMetadata, PackageNotFoundError, distribution

import pytest

from workshop_app import licenses
from workshop_app.licenses import Component, bundled_components, ofl_text

REQUIRED = (
    "Sarabun",
    "Python",
    "Qt",
    "PySide6",
    "shiboken6",
    "SQLAlchemy",
    "alembic",
    "reportlab",
    "rl_accel",
    "uharfbuzz",
    "openpyxl",
    "defusedxml",
    "pythainlp",
    "geothai",
    "python-docx",
    "psycopg",
    "platformdirs",
)


@pytest.fixture(scope="module")
def components() -> dict[str, Component]:
    return {c.name: c for c in bundled_components()}


def test_every_required_component_is_listed(components: dict[str, Component]) -> None:
    assert set(REQUIRED) <= set(components)
    assert list(components)[:3] == ["Sarabun", "Python", "Qt"]


def test_sarabun_is_under_the_ofl(components: dict[str, Component]) -> None:
    sarabun = components["Sarabun"]
    assert sarabun.installed
    assert sarabun.license == "SIL Open Font License 1.1"
    assert sarabun.version  # read from the bundled TTF's name table
    assert sarabun.url.startswith("https://")


def test_qt_and_pyside6_are_under_the_lgpl(components: dict[str, Component]) -> None:
    assert "LGPL" in components["Qt"].license
    assert "LGPL" in components["PySide6"].license
    assert "LGPL" in components["shiboken6"].license


def test_installed_packages_have_a_version_and_a_short_license(
    components: dict[str, Component],
) -> None:
    for component in components.values():
        assert component.installed, component  # the dev environment has them all
        assert component.version, component
        assert component.license, component
        assert len(component.license) <= 60 and "\n" not in component.license, component


def test_licenses_as_the_packages_declare_them(components: dict[str, Component]) -> None:
    assert components["SQLAlchemy"].license == "MIT"
    assert components["pythainlp"].license == "Apache-2.0"
    # The place names: code MIT, data from the Department of Provincial Administration.
    assert components["geothai"].license == "MIT AND CC-BY-4.0"
    assert components["psycopg"].license.startswith("LGPL-3.0")
    # reportlab's License field is prose ("BSD license (see license.txt ...)"): the
    # classifier gives the short name.
    assert components["reportlab"].license == "BSD"


def test_runtime_dependencies_are_listed_too(components: dict[str, Component]) -> None:
    # openpyxl needs et_xmlfile; python-docx needs lxml; reportlab needs pillow.
    assert {"et_xmlfile", "lxml", "pillow"} <= set(components)
    # Development tools are not bundled.
    assert not {"pytest", "mypy", "ruff", "hypothesis"} & set(components)


def test_a_missing_package_is_listed_as_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing_openpyxl(name: str) -> Distribution:
        if name.lower() == "openpyxl":
            raise PackageNotFoundError(name)
        return distribution(name)

    monkeypatch.setattr("workshop_app.licenses.distribution", missing_openpyxl)
    openpyxl = {c.name: c for c in bundled_components()}["openpyxl"]
    assert openpyxl == Component("openpyxl", "", "", "", installed=False)
    assert licenses.package_component("no-such-package-here").installed is False


def test_ofl_text_is_the_full_license() -> None:
    text = ofl_text()
    assert "SIL OPEN FONT LICENSE" in text
    assert "Sarabun" in text
    assert len(text) > 3000


def _metadata(**fields: str | list[str]) -> PackageMetadata:
    message = Message()
    for key, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            message[key.replace("_", "-")] = one
    return message  # type: ignore[return-value]  # an email Message is what importlib gives


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"License_Expression": "MIT", "License": "anything"}, "MIT"),
        ({"License": "Apache 2.0"}, "Apache 2.0"),
        (
            {
                "License": "BSD license (see license.txt for details), Copyright (c) 2000-2024",
                "Classifier": ["License :: OSI Approved :: BSD License"],
            },
            "BSD",
        ),
        (
            {
                "Classifier": [
                    "License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)",
                    "License :: OSI Approved",
                    "Programming Language :: Python",
                ]
            },
            "MPL 2.0",
        ),
        ({"License": "GNU GPL v2 (see COPYING), with the linking exception " * 3}, "GNU GPL v2"),
        ({}, ""),
    ],
)
def test_short_license(fields: dict[str, str | list[str]], expected: str) -> None:
    assert licenses.short_license(_metadata(**fields)) == expected
