"""What the app bundles, with versions and licenses, for the About dialog and the self-test.

No Qt here: the list comes from the installed packages' metadata (``importlib.metadata``)
and from the bundled Sarabun font files. A package without metadata is listed as not
installed, never an error. (A PyInstaller build keeps a package's metadata only when the
spec asks for it with ``copy_metadata``; without it the package shows as not installed.)
"""

from __future__ import annotations

import platform
import re
import struct
from dataclasses import dataclass
from importlib.metadata import PackageMetadata, PackageNotFoundError, distribution

from workshop_app import resources

SARABUN_URL = "https://github.com/cadsondemak/Sarabun"
OFL_NAME = "SIL Open Font License 1.1"
QT_LICENSE = "LGPL-3.0-only"
QT_URL = "https://doc.qt.io/qt-6/lgpl.html"  # the LGPL v3 text as Qt publishes it

# The packages the app is built on, in the order the About dialog lists them. Each entry:
# the name shown, then the distribution names to try (PySide6 is installed as
# PySide6-Essentials + PySide6-Addons; no "PySide6" distribution exists then).
MAIN_PACKAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("PySide6", ("PySide6", "PySide6-Essentials")),
    ("PySide6-Addons", ("PySide6-Addons",)),
    ("shiboken6", ("shiboken6",)),
    ("SQLAlchemy", ("SQLAlchemy",)),
    ("alembic", ("alembic",)),
    ("reportlab", ("reportlab",)),
    ("rl_accel", ("rl_accel",)),
    ("uharfbuzz", ("uharfbuzz",)),
    ("openpyxl", ("openpyxl",)),
    ("defusedxml", ("defusedxml",)),
    ("pythainlp", ("pythainlp",)),
    ("geothai", ("geothai",)),
    ("python-docx", ("python-docx",)),
    ("segno", ("segno",)),
    ("psycopg", ("psycopg",)),
    ("aiohttp", ("aiohttp",)),
    ("platformdirs", ("platformdirs",)),
)
APP_DISTRIBUTION = "workshop-app"

# Longer than this, a License field is prose (or the whole license text), not a name.
_SHORT_LICENSE = 60
_URL_LABELS = ("homepage", "home", "home-page", "source", "source code", "repository", "code")


@dataclass(frozen=True)
class Component:
    name: str
    version: str  # "" when not installed
    license: str  # a short name: an SPDX expression, or what the metadata declares
    url: str = ""  # home page, "" when unknown
    installed: bool = True


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _field(metadata: PackageMetadata, key: str) -> str:
    """One metadata field, "" when absent (get_all: indexing a missing key may raise)."""
    values = metadata.get_all(key) or []
    return str(values[0]).strip() if values else ""


def short_license(metadata: PackageMetadata) -> str:
    """License-Expression, else a short License field, else the "License ::" classifiers."""
    expression = _field(metadata, "License-Expression")
    if expression:
        return expression
    field = _field(metadata, "License")
    if field and "\n" not in field and len(field) <= _SHORT_LICENSE:
        return field
    names: list[str] = []
    for classifier in metadata.get_all("Classifier") or []:
        parts = [p.strip() for p in classifier.split("::")]
        if parts[0] != "License" or len(parts) < 3:  # "License :: OSI Approved" says nothing
            continue
        names.append(_classifier_name(parts[-1]))
    if names:
        return " / ".join(dict.fromkeys(names))
    if field:  # prose: keep its first clause, e.g. "BSD license (see license.txt ...)"
        first = re.split(r"[(\n,;]", field, maxsplit=1)[0].strip()
        return first[:_SHORT_LICENSE] or field[:_SHORT_LICENSE]
    return ""


def _classifier_name(text: str) -> str:
    """ "Mozilla Public License 2.0 (MPL 2.0)" -> "MPL 2.0"; "MIT License" -> "MIT"."""
    abbreviation = re.search(r"\(([^)]+)\)\s*$", text)
    if abbreviation:
        return abbreviation.group(1)
    return re.sub(r"\s+License$", "", text)


def _home_page(metadata: PackageMetadata) -> str:
    home = _field(metadata, "Home-page")
    if home and home.upper() != "UNKNOWN":
        return home
    urls: dict[str, str] = {}
    for entry in metadata.get_all("Project-URL") or []:
        label, _sep, url = entry.partition(",")
        urls.setdefault(label.strip().lower(), url.strip())
    for label in _URL_LABELS:
        if urls.get(label):
            return urls[label]
    return ""


def package_component(name: str, distribution_names: tuple[str, ...] = ()) -> Component:
    """One installed distribution (the first of the names found), or a "not installed" row."""
    for candidate in distribution_names or (name,):
        try:
            dist = distribution(candidate)
        except PackageNotFoundError:
            continue
        metadata = dist.metadata
        if not metadata:  # a broken install: a folder without its METADATA file
            continue
        return Component(name, dist.version, short_license(metadata), _home_page(metadata))
    return Component(name, "", "", "", installed=False)


def _installed_name(name: str) -> str:
    """The distribution's own spelling of its name ("typing_extensions"), "" if absent."""
    try:
        metadata = distribution(name).metadata
    except PackageNotFoundError:
        return ""
    return _field(metadata, "Name") if metadata else ""


def _requirement_names(dist_name: str, extras: frozenset[str]) -> list[tuple[str, frozenset[str]]]:
    """The runtime requirements of a distribution: name and requested extras.

    Kept without the `packaging` library (not bundled): a requirement whose marker names an
    extra is followed only for the extras asked for; other markers (python_version,
    platform) are left to the caller, which lists only what is installed.
    """
    try:
        requirements = distribution(dist_name).requires or []
    except PackageNotFoundError:
        return []
    found: list[tuple[str, frozenset[str]]] = []
    for requirement in requirements:
        spec, _sep, marker = requirement.partition(";")
        wanted_extras = set(re.findall(r"""extra\s*==\s*["']([^"']+)["']""", marker))
        if wanted_extras and not wanted_extras & extras:
            continue
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?", spec)
        if match:
            requested = frozenset(e.strip() for e in (match.group(2) or "").split(",") if e)
            found.append((match.group(1), requested))
    return found


def _dependencies(roots: list[str]) -> list[str]:
    """Every installed distribution the roots need at run time (the roots excluded)."""
    seen: dict[str, str] = {}
    queue: list[tuple[str, frozenset[str]]] = [
        (APP_DISTRIBUTION, frozenset()),
        *((root, frozenset()) for root in roots),
    ]
    root_keys = {_canonical(r) for r in roots} | {_canonical(APP_DISTRIBUTION)}
    expanded: set[tuple[str, frozenset[str]]] = set()
    while queue:
        name, extras = queue.pop()
        key = (_canonical(name), extras)
        if key in expanded:
            continue
        expanded.add(key)
        for requirement, requested in _requirement_names(name, extras):
            installed_name = _installed_name(requirement)
            if not installed_name:
                continue
            if _canonical(requirement) not in root_keys:
                seen.setdefault(_canonical(requirement), installed_name)
            queue.append((requirement, requested))
    return sorted(seen.values(), key=str.lower)


def sarabun_version() -> str:
    """The version in the bundled Sarabun-Regular.ttf (name ID 5), "" if unreadable."""
    fonts = [p for p in resources.font_files() if p.stem.endswith("Regular")]
    fonts = fonts or resources.font_files()
    if not fonts:
        return ""
    try:
        text = _font_version_string(fonts[0].read_bytes())
    except (OSError, struct.error, UnicodeDecodeError):
        return ""
    match = re.search(r"\d+(?:\.\d+)+", text)
    return match.group(0) if match else text


def _font_version_string(data: bytes) -> str:
    """The "Version 1.000; ..." record of a TrueType font's name table."""
    num_tables = struct.unpack_from(">H", data, 4)[0]
    for index in range(num_tables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        if tag != b"name":
            continue
        _format, count, strings = struct.unpack_from(">HHH", data, offset)
        for record in range(count):
            platform_id, _enc, _lang, name_id, length, start = struct.unpack_from(
                ">HHHHHH", data, offset + 6 + 12 * record
            )
            if name_id != 5:
                continue
            raw = data[offset + strings + start : offset + strings + start + length]
            return raw.decode("utf-16-be") if platform_id in (0, 3) else raw.decode("latin-1")
    return ""


def bundled_components(qt_version: str = "") -> list[Component]:
    """Sarabun, Python, Qt, then the main packages, then what they need at run time.

    ``qt_version`` is ``qVersion()`` when a caller has Qt at hand; otherwise the PySide6
    version stands for it (the PySide6 wheels ship the Qt of the same version).
    """
    sarabun_found = bool(resources.font_files())
    components = [
        Component("Sarabun", sarabun_version(), OFL_NAME, SARABUN_URL, installed=sarabun_found),
        Component("Python", platform.python_version(), "PSF-2.0", "https://www.python.org"),
    ]
    main = [package_component(name, dists) for name, dists in MAIN_PACKAGES]
    pyside = main[0]
    components.append(
        Component(
            "Qt",
            qt_version or pyside.version,
            QT_LICENSE,
            QT_URL,
            installed=bool(qt_version) or pyside.installed,
        )
    )
    components.extend(main)
    main_distributions = [d for _name, dists in MAIN_PACKAGES for d in dists]
    components.extend(package_component(name) for name in _dependencies(main_distributions))
    return components


def ofl_text() -> str:
    """The full SIL Open Font License text shipped with Sarabun."""
    return (resources.resources_dir() / "fonts" / "OFL.txt").read_text(encoding="utf-8")
