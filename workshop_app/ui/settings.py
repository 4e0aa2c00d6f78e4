"""User settings, each declared once with its type, default and meaning; kept in QSettings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T")

ORGANISATION = "workshop-app"
APPLICATION = "workshop-app"


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    label: str

    def get(self, store: QSettings) -> T:
        raw = store.value(self.key)
        if raw is None:
            return self.default
        try:
            value = json.loads(str(raw))
        except ValueError:
            return self.default
        return value if isinstance(value, type(self.default)) else self.default

    def set(self, store: QSettings, value: T) -> None:
        store.setValue(self.key, json.dumps(value, ensure_ascii=False))


LANGUAGE: Setting[str] = Setting("ui/language", "th", "Language of the interface: th or en")
# Most recent first: [[database path, workshop id, title], ...]
RECENT_WORKSHOPS: Setting[list] = Setting("files/recent", [], "Recently opened workshops")
RECENT_LIMIT = 8
# The provincial server's address, never with its password (the password is typed for
# each sync and kept nowhere).
SYNC_SERVER: Setting[str] = Setting(
    "sync/server", "", "Provincial server address (postgresql+psycopg://user@host/db)"
)
PROVINCE_KEY: Setting[str] = Setting(
    "sync/province_key",
    "",
    "Province key file: exported bundles are signed with it, and imported ones must be",
)
BUNDLE_FOLDER: Setting[str] = Setting(
    "sync/bundle_folder", "", "Folder of the last bundle exported or imported"
)

# What the user said each column of an imported file holds, by the file's set of headers:
# {"invitations:<hash of the headers>": {"<column index>": "<meaning>"}}
IMPORT_COLUMNS: Setting[dict] = Setting(
    "import/columns", {}, "Column meanings chosen in the import preview, per set of headers"
)

# Where the participant server for phones last listened (issue 22).
PHONE_SERVER_HOST: Setting[str] = Setting(
    "phones/host", "", "Network address the phone server last listened on"
)
PHONE_SERVER_PORT: Setting[int] = Setting("phones/port", 8765, "Port of the phone server")

_settings_file: str | None = None


def settings_store() -> QSettings:
    if _settings_file is not None:
        return QSettings(_settings_file, QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def use_settings_file(path: str) -> None:
    """Keep settings in this INI file from now on (the self-test): the user's own
    settings (recent workshops, language, server address) stay untouched."""
    global _settings_file
    _settings_file = path


def remember_workshop(store: QSettings, db_path: str, workshop_id: str, title: str) -> None:
    recent = [r for r in RECENT_WORKSHOPS.get(store) if r[:2] != [db_path, workshop_id]]
    RECENT_WORKSHOPS.set(store, [[db_path, workshop_id, title], *recent][:RECENT_LIMIT])
