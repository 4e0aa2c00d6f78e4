"""The participant page's files, read as text: every asset comes from the app (no CDN,
no web font service: there is no internet at the venue), text from the server is only
ever inserted as text, and the script keeps to what old Android Chrome and iOS Safari 12
run (ES2017, no flex gap)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "workshop_app" / "participation" / "static"
FILES = ("index.html", "app.js", "app.css")


def _code(name: str) -> str:
    """The file without its comments: what the browser runs."""
    text = (STATIC / name).read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    if name.endswith(".js"):
        text = re.sub(r"(?m)^\s*//.*$", "", text)
        text = re.sub(r"\s//[^\n\"']*$", "", text, flags=re.MULTILINE)
    return text


@pytest.mark.parametrize("name", FILES)
def test_nothing_is_fetched_from_elsewhere(name: str) -> None:
    code = _code(name)
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", code, re.IGNORECASE), name
    assert "@import" not in code
    assert "fonts.googleapis" not in code


def test_the_fonts_are_the_apps_own_sarabun() -> None:
    css = _code("app.css")
    sources = re.findall(r"src:\s*url\(\"([^\"]+)\"\)", css)
    assert sources == ["/fonts/Sarabun-Regular.ttf", "/fonts/Sarabun-Bold.ttf"]
    fonts = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    for source in sources:
        assert (fonts / source.rsplit("/", 1)[1]).is_file()


def test_text_is_inserted_as_text_only() -> None:
    script = _code("app.js")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script, sink
    assert "new Function" not in script
    assert "textContent" in script


@pytest.mark.parametrize(
    "construct",
    [
        "?.",  # optional chaining: Chrome 80, Safari 13.1
        "??",  # nullish coalescing: the same
        "...",  # spread and rest in objects (ES2018), in calls (unsupported by some WebViews)
        ".flat(",  # ES2019
        "Object.fromEntries",  # ES2019
        ".finally(",  # ES2018
        "AbortController",  # Safari 12.1
        "replaceAll",  # ES2021
    ],
)
def test_the_script_keeps_to_es2017(construct: str) -> None:
    assert construct not in _code("app.js")


def test_the_style_needs_no_flex_gap() -> None:
    css = _code("app.css")
    assert not re.search(r"(^|[;{\s])(row-|column-)?gap\s*:", css)


def test_the_page_says_it_is_thai_and_phone_sized() -> None:
    html = _code("index.html")
    assert '<html lang="th">' in html
    assert 'name="viewport" content="width=device-width, initial-scale=1' in html
    assert '<script src="/static/app.js"></script>' in html
    assert 'name="referrer" content="no-referrer"' in html  # the token never leaves in one
