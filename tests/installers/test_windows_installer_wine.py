"""The Windows installer run under Wine (Debian packages wine and wine64): silent installs
for the current user and what they leave on the machine (program folder, uninstaller,
Start-menu and desktop shortcuts, the Add/Remove Programs entry), upgrades, the
installer's language, a running app, and silent uninstalls that keep the workshop data.

Debian 12's Wine runs only 64-bit programs without the i386 architecture (wine32:i386),
and makensis makes a 32-bit installer unless told otherwise, so this test compiles the
same script for the 64-bit target (``Target amd64-unicode``). Pages, sections,
languages, install modes, registry entries and the uninstaller are the script's own
either way; what only the 32-bit installer does (WOW64's registry and Program Files
redirection, the "needs 64-bit Windows" refusal) is left to the Windows runner
(.github/workflows/installers.yml).

The new version's folder has the Windows build's shape (``workshop-app.exe``,
``workshop-app-cli.exe``, ``_internal/``), made of hard links to the Linux build, so the
uninstaller finds the files it removes by name. The old version is a small stand-in.

Each test has its own copy of a new Wine prefix (hard links to its 700 MB of Wine's
files), a home folder under tmp_path and no display. Wine touches nothing in the real
home: the prefix's Desktop and Documents folders, which Wine links to the home folder,
are folders of the prefix, and no Linux menu entries are written (winemenubuilder is
off). Wine's output goes to a file, never a pipe: Wine's background services inherit
the pipes of the program that started them and hold them open until they end, so a pipe
read to its end makes every call seconds longer, and can hang it while another program
keeps them alive.

The installer takes its language from the Wine locale, which follows LC_ALL: Thai on a
Thai system, English on an English one, Thai on any other. The Thai locale is compiled
into tmp_path with localedef (Debian package locales), as the machine need not have it;
in a locale that Linux lacks, Wine cannot write Thai file names and the Thai shortcuts
silently go missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

import pytest

from tests.installers.conftest import MAKENSIS, app_version, makensis

WINE = shutil.which("wine")
WINESERVER = shutil.which("wineserver")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        (WINE is None or MAKENSIS is None) and shutil.which("dpkg") is None,
        reason="wine and makensis are installed by make on Debian systems only",
    ),
]

# makensis for the 64-bit stub, where x64.nsh's ${RunningX64} is known at compile time
# and leaves an unused label behind (warning 6012, an error under -WX).
AMD64 = ("-XTarget amd64-unicode", "-X!pragma warning disable 6012")
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\workshop-app"
THAI_NAME = "โปรแกรมประชุมเชิงปฏิบัติการ"
THAI_SELF_TEST = "ตรวจสอบการติดตั้ง"
THAI_SHORTCUTS = sorted([f"{THAI_NAME}.lnk", f"{THAI_SELF_TEST}.lnk"])
ENGLISH_NAME = "Workshop app"
ENGLISH_SHORTCUTS = sorted([f"{ENGLISH_NAME}.lnk", "Check the installation.lnk"])
ENGLISH = {"LC_ALL": "C.UTF-8"}
LANG_THAI, LANG_ENGLISH = "1054", "1033"
ABORTED = 2  # an NSIS installer's exit code when the script aborts
TIMEOUT = 240


@dataclass(frozen=True)
class Installers:
    old: Path  # version 0.0.1: a small stand-in, with a library the new one has not
    new: Path
    new_version: str


@pytest.fixture(scope="module")
def installers(tmp_path_factory: pytest.TempPathFactory, built_app: Path) -> Installers:
    """The 64-bit installer of the built app, and one of an older version."""
    assert WINE is not None and WINESERVER is not None, (
        "wine is missing: run scripts/install-system-packages.sh"
    )
    work = tmp_path_factory.mktemp("wine-installers")
    new_app = work / "new" / "workshop-app"
    new_app.mkdir(parents=True)
    shutil.copytree(
        built_app / "_internal", new_app / "_internal", symlinks=True, copy_function=_link
    )
    old_app = work / "old" / "workshop-app"
    (old_app / "_internal").mkdir(parents=True)
    (old_app / "_internal" / "old-library.dll").write_bytes(b"MZ")
    for name in ("workshop-app.exe", "workshop-app-cli.exe"):
        _link(built_app / "workshop-app", new_app / name)
        (old_app / name).write_bytes(b"MZ")
    version = app_version(built_app)
    made = []
    for app, made_version in ((old_app, "0.0.1"), (new_app, version)):
        installer = app.parent / f"workshop-app-{made_version}-setup.exe"
        result = makensis(
            *AMD64,
            f"-DDIST={app}",
            f"-DVERSION={made_version}",
            f"-DOUTFILE={installer}",
            "-DNO_COMPRESSION",
        )
        assert result.returncode == 0, result.stdout + result.stderr
        made.append(installer)
    return Installers(old=made[0], new=made[1], new_version=version)


def _link(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


@pytest.fixture(scope="module")
def thai(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The locale of a Thai Linux desktop, which Wine follows."""
    locales = tmp_path_factory.mktemp("locales")
    compiled = subprocess.run(
        ["localedef", "-i", "th_TH", "-f", "UTF-8", str(locales / "th_TH.UTF-8")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert compiled.returncode == 0, "the Thai locale: " + compiled.stdout + compiled.stderr
    return {"LOCPATH": str(locales), "LC_ALL": "th_TH.UTF-8"}


class Wine:
    """A throwaway Wine prefix, whose programs run without a display."""

    def __init__(self, root: Path, blank: Path | None = None) -> None:
        """A copy of the blank prefix, or a new one."""
        self.prefix = root / "prefix"
        self.home = root / "home"
        self.home.mkdir()
        self.log = root / "wine.log"
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DISPLAY", "WAYLAND_DISPLAY", "LANG", "LANGUAGE", "LOCPATH"}
            and not key.startswith(("LC_", "WINE"))
        }
        self.env.update(
            WINEPREFIX=str(self.prefix),
            WINEARCH="win64",
            WINEDEBUG="-all",
            # No Mono or Gecko to offer, no Linux menu entries for the shortcuts.
            WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d",
            HOME=str(self.home),
            **ENGLISH,
        )
        if blank is None:
            assert self.run("wineboot", "--init") == 0, self.log.read_text(errors="replace")
        else:
            shutil.copytree(blank, self.prefix, symlinks=True, copy_function=_copy_of_prefix)
        users = (self.prefix / "drive_c" / "users").iterdir()
        (user,) = [path.name for path in users if path.name != "Public"]
        self.profile = rf"C:\users\{user}"
        self.install_dir = rf"{self.profile}\AppData\Local\Programs\workshop-app"
        self.start_menu_folder = self.path(
            rf"{self.profile}\AppData\Roaming\Microsoft\Windows\Start Menu\Programs\Workshop app"
        )
        self.desktop = self.path(rf"{self.profile}\Desktop")

    def run(self, *command: str, locale: dict[str, str] = ENGLISH) -> int:
        """Runs a program of the prefix; its exit code."""
        assert WINE is not None
        with self.log.open("w") as log:
            return subprocess.run(
                [WINE, *command],
                env={**self.env, **locale},
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=TIMEOUT,
                check=False,
            ).returncode

    def install(
        self,
        installer: Path,
        *options: str,
        mode: str = "/CurrentUser",
        locale: dict[str, str] = ENGLISH,
    ) -> None:
        code = self.run(str(installer), "/S", mode, *options, locale=locale)
        assert code == 0, f"exit code {code}: {self.log.read_text(errors='replace')}"

    def uninstall(self, install_dir: str, mode: str = "/CurrentUser") -> None:
        """The quiet uninstall command of Add/Remove Programs, waited for: it starts a
        copy of itself in the temporary folder and returns at once."""
        assert WINESERVER is not None
        code = self.run(rf"{install_dir}\uninstall.exe", mode, "/S")
        assert code == 0, f"exit code {code}: {self.log.read_text(errors='replace')}"
        # Until every program of the prefix has ended.
        subprocess.run([WINESERVER, "-w"], env=self.env, timeout=TIMEOUT, check=True)

    def stop(self) -> None:
        assert WINESERVER is not None
        subprocess.run([WINESERVER, "-k"], env=self.env, timeout=60, check=False)

    def path(self, windows_path: str) -> Path:
        """Where a C:\\ path of the prefix is on this machine."""
        drive, *parts = PureWindowsPath(windows_path).parts
        assert drive.upper() == "C:\\", windows_path
        return self.prefix.joinpath("drive_c", *parts)

    def registry(self, key: str) -> dict[str, str | int] | None:
        """The values of a registry key (None when there is no such key)."""
        exported = self.path(r"C:\exported.reg")
        if self.run("reg", "export", key, r"C:\exported.reg", "/y") != 0:
            return None
        text = exported.read_text(encoding="utf-16")
        exported.unlink()
        values: dict[str, str | int] = {}
        for line in text.splitlines():
            value = re.fullmatch(r'"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:(\w{8}))', line)
            if value is not None:
                name, string, dword = value.groups()
                values[_unescape(name)] = int(dword, 16) if dword else _unescape(string)
        return values

    @contextmanager
    def running(self, program: Path) -> Iterator[None]:
        """A program of the prefix running from the file `program` (Wine's cmd.exe,
        copied there, waiting for a key) until the end of the block."""
        assert WINE is not None
        shutil.copyfile(self.path(r"C:\windows\system32\cmd.exe"), program)
        started = self.path(r"C:\started.txt")
        process = subprocess.Popen(
            [WINE, str(program), "/c", r"echo started> C:\started.txt& pause"],
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while not started.exists():
                assert process.poll() is None, f"{program.name} ended at once"
                assert time.monotonic() < deadline, f"{program.name} did not start"
                time.sleep(0.05)
            yield
        finally:
            process.communicate(b"\n", timeout=60)
            started.unlink(missing_ok=True)


def _unescape(exported: str) -> str:
    return re.sub(r"\\(.)", r"\1", exported)


@pytest.fixture(scope="module")
def blank_prefix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A new prefix, which each test copies: making one writes 700 MB (Debian's Wine
    puts its whole Windows side in it) and takes seconds."""
    wine = Wine(tmp_path_factory.mktemp("wine-blank"))
    # Until the registry is on disk.
    assert WINESERVER is not None
    subprocess.run([WINESERVER, "-w"], env=wine.env, timeout=TIMEOUT, check=True)
    # The desktop and the other folders that Wine links to the home folder become
    # folders of their own, so that no two copies share one.
    profile = wine.path(wine.profile)
    for link in [path for path in profile.rglob("*") if path.is_symlink()]:
        link.unlink()
        link.mkdir()
    try:
        yield wine.prefix
    finally:
        shutil.rmtree(wine.prefix, ignore_errors=True)


def _copy_of_prefix(source: str, target: str) -> None:
    # Wine's programs and libraries are only read: hard links. The rest: copies.
    if f"{os.sep}drive_c{os.sep}windows{os.sep}system32{os.sep}" in source:
        _link(source, target)
    else:
        shutil.copy2(source, target)


@pytest.fixture
def wine(tmp_path: Path, blank_prefix: Path) -> Iterator[Wine]:
    prefix = Wine(tmp_path, blank_prefix)
    try:
        yield prefix
    finally:
        prefix.stop()
        shutil.rmtree(prefix.prefix, ignore_errors=True)


def _listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def _points_to(shortcut: Path, text: str) -> bool:
    content = shortcut.read_bytes()
    return text.encode() in content or text.encode("utf-16-le") in content


def test_a_silent_install_for_the_user_and_its_uninstall_which_keeps_the_data(
    installers: Installers, wine: Wine, thai: dict[str, str]
) -> None:
    wine.install(installers.new, locale=thai)

    app = wine.path(wine.install_dir)  # %LOCALAPPDATA%\Programs\workshop-app
    assert _listing(app) == [
        "_internal",
        "uninstall.exe",
        "workshop-app-cli.exe",
        "workshop-app.exe",
    ]
    assert (app / "_internal/workshop_app/resources/fonts/Sarabun-Regular.ttf").is_file()

    # A Thai system: the installer spoke Thai, and the shortcuts have Thai names.
    folder = wine.start_menu_folder
    assert _listing(folder) == THAI_SHORTCUTS
    assert _points_to(folder / f"{THAI_NAME}.lnk", rf"{wine.install_dir}\workshop-app.exe")
    assert _points_to(folder / f"{THAI_SELF_TEST}.lnk", "--self-test")
    assert _listing(wine.desktop) == [f"{THAI_NAME}.lnk"]
    assert wine.desktop.resolve().is_relative_to(wine.prefix.resolve())  # not a real one

    entry = wine.registry(UNINSTALL_KEY)
    assert entry is not None, "no Add/Remove Programs entry"
    uninstaller = rf'"{wine.install_dir}\uninstall.exe"'
    assert entry["DisplayName"] == THAI_NAME
    assert entry["DisplayVersion"] == installers.new_version
    assert entry["DisplayIcon"] == rf"{wine.install_dir}\workshop-app.exe"
    assert entry["InstallLocation"] == wine.install_dir
    assert entry["InstallMode"] == "CurrentUser"
    assert entry["InstallerLanguage"] == LANG_THAI
    assert entry["UninstallString"] == f"{uninstaller} /CurrentUser"
    assert entry["QuietUninstallString"] == f"{uninstaller} /CurrentUser /S"
    assert entry["DesktopShortcut"] == rf"{wine.profile}\Desktop\{THAI_NAME}.lnk"
    assert isinstance(entry["EstimatedSize"], int) and entry["EstimatedSize"] > 100_000  # KB

    # The workshop data, in %LOCALAPPDATA%\workshop-app.
    data = wine.path(rf"{wine.profile}\AppData\Local\workshop-app\workshops.sqlite")
    data.parent.mkdir(parents=True)
    data.write_bytes(b"SQLite format 3\x00")

    wine.uninstall(wine.install_dir)
    assert not app.exists(), _listing(app)
    assert not folder.exists(), _listing(folder)
    assert _listing(wine.desktop) == []
    assert wine.registry(UNINSTALL_KEY) is None
    assert data.read_bytes() == b"SQLite format 3\x00"


def test_an_upgrade_in_a_chosen_folder_replaces_the_app_and_keeps_the_users_files(
    installers: Installers, wine: Wine
) -> None:
    chosen = r"C:\SomeFolder\Apps"
    app = wine.path(chosen)
    wine.install(installers.old, f"/D={chosen}")
    assert _listing(app) == [
        "_internal",
        "uninstall.exe",
        "workshop-app-cli.exe",
        "workshop-app.exe",
    ]
    assert (app / "_internal" / "old-library.dll").is_file()
    entry = wine.registry(UNINSTALL_KEY)
    assert entry is not None
    assert entry["InstallLocation"] == chosen
    assert entry["DisplayVersion"] == "0.0.1"
    # An English system: English names.
    assert entry["DisplayName"] == ENGLISH_NAME
    assert entry["InstallerLanguage"] == LANG_ENGLISH
    assert _listing(wine.start_menu_folder) == ENGLISH_SHORTCUTS
    assert _listing(wine.desktop) == [f"{ENGLISH_NAME}.lnk"]
    (app / "notes.txt").write_text("mine")

    wine.install(installers.new, f"/D={chosen}")
    assert not wine.path(wine.install_dir).exists()
    # The old version's libraries are gone: one left behind could be loaded instead.
    assert not (app / "_internal" / "old-library.dll").exists()
    assert (app / "_internal/workshop_app/db/migrations/env.py").is_file()
    entry = wine.registry(UNINSTALL_KEY)
    assert entry is not None
    assert entry["DisplayVersion"] == installers.new_version
    assert entry["InstallLocation"] == chosen
    assert _listing(wine.start_menu_folder) == ENGLISH_SHORTCUTS
    assert _listing(wine.desktop) == [f"{ENGLISH_NAME}.lnk"]

    wine.uninstall(chosen)
    # Only what the installer put there is gone.
    assert _listing(app) == ["notes.txt"]
    assert not wine.start_menu_folder.exists()
    assert _listing(wine.desktop) == []
    assert wine.registry(UNINSTALL_KEY) is None


def test_an_upgrade_keeps_the_first_installs_language_or_replaces_its_shortcuts(
    installers: Installers, wine: Wine, thai: dict[str, str]
) -> None:
    wine.install(installers.old, locale=thai)
    assert _listing(wine.desktop) == [f"{THAI_NAME}.lnk"]

    # On an English system, the upgrade speaks the language of the install.
    wine.install(installers.old)
    assert _listing(wine.desktop) == [f"{THAI_NAME}.lnk"]
    assert _listing(wine.start_menu_folder) == THAI_SHORTCUTS

    # Over an install that did not record its language (as the first installers did
    # not), the shortcuts in the other language go.
    assert wine.run("reg", "delete", UNINSTALL_KEY, "/v", "InstallerLanguage", "/f") == 0
    wine.install(installers.old)
    assert _listing(wine.desktop) == [f"{ENGLISH_NAME}.lnk"]
    assert _listing(wine.start_menu_folder) == ENGLISH_SHORTCUTS
    entry = wine.registry(UNINSTALL_KEY)
    assert entry is not None
    assert entry["InstallerLanguage"] == LANG_ENGLISH

    wine.uninstall(wine.install_dir)
    assert _listing(wine.desktop) == []
    assert not wine.start_menu_folder.exists()


def test_neither_an_install_nor_the_uninstaller_touches_a_running_app(
    installers: Installers, wine: Wine
) -> None:
    wine.install(installers.old)
    app = wine.path(wine.install_dir)
    before = {path: path.read_bytes() for path in app.rglob("*") if path.is_file()}
    program = app / "workshop-app.exe"
    with wine.running(program):
        before[program] = program.read_bytes()
        # Silent, the installer gives up at once instead of asking to close the app.
        assert wine.run(str(installers.old), "/S", "/CurrentUser") == ABORTED
        # _?= runs the uninstaller in place, so that its exit code is the one seen.
        in_place = f"_?={wine.install_dir}"
        assert wine.run(str(app / "uninstall.exe"), "/S", "/CurrentUser", in_place) == ABORTED
        assert {path: path.read_bytes() for path in app.rglob("*") if path.is_file()} == before
        assert _listing(wine.start_menu_folder) == ENGLISH_SHORTCUTS
        assert wine.registry(UNINSTALL_KEY) is not None

    wine.uninstall(wine.install_dir)
    assert not app.exists(), _listing(app)
    assert wine.registry(UNINSTALL_KEY) is None


def test_a_silent_install_into_another_programs_folder_leaves_its_files_alone(
    installers: Installers, wine: Wine
) -> None:
    other = wine.path(r"C:\Other")
    (other / "_internal").mkdir(parents=True)
    (other / "_internal" / "library.dll").write_text("theirs")
    (other / "other.exe").write_text("theirs")

    wine.run(str(installers.old), "/S", "/CurrentUser", r"/D=C:\Other")
    entry = wine.registry(UNINSTALL_KEY)
    if entry is not None:
        wine.uninstall(str(entry["InstallLocation"]))
    assert (other / "_internal" / "library.dll").read_text() == "theirs"
    assert (other / "other.exe").read_text() == "theirs"


def test_without_d_an_upgrade_stays_in_its_folder_and_one_for_everyone_is_in_program_files(
    installers: Installers, wine: Wine
) -> None:
    chosen = r"C:\SomeFolder\Apps"
    wine.install(installers.old, f"/D={chosen}")
    wine.install(installers.old)
    assert not wine.path(wine.install_dir).exists()
    entry = wine.registry(UNINSTALL_KEY)
    assert entry is not None
    assert entry["InstallLocation"] == chosen
    wine.uninstall(chosen)

    everyone = r"C:\Program Files\workshop-app"
    wine.install(installers.old, mode="/AllUsers")
    assert (wine.path(everyone) / "workshop-app.exe").is_file()
    assert not wine.path(wine.install_dir).exists()
    assert wine.registry(UNINSTALL_KEY) is None
    entry = wine.registry(UNINSTALL_KEY.replace("HKCU", "HKLM"))
    assert entry is not None
    assert entry["InstallLocation"] == everyone
    assert entry["InstallMode"] == "AllUsers"
    start_menu = wine.path(r"C:\ProgramData\Microsoft\Windows\Start Menu\Programs\Workshop app")
    assert _listing(start_menu) == ENGLISH_SHORTCUTS
    public_desktop = wine.path(r"C:\users\Public\Desktop")
    assert _listing(public_desktop) == [f"{ENGLISH_NAME}.lnk"]
    assert _listing(wine.desktop) == []

    wine.uninstall(everyone, mode="/AllUsers")
    assert not wine.path(everyone).exists()
    assert not start_menu.exists()
    assert _listing(public_desktop) == []
    assert wine.registry(UNINSTALL_KEY.replace("HKCU", "HKLM")) is None
