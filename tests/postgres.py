"""A throwaway PostgreSQL server for the sync tests, run from the installed server binaries.

Each server lives in its own temporary folder (data directory, unix socket, log) that is
deleted when it stops. Setup goes over the unix socket as a superuser with ``trust``; the
tests themselves connect over TCP on 127.0.0.1 as ``workshop`` with a SCRAM password, the
way the app reaches the real provincial server.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import quote

import psycopg
from psycopg import sql
from sqlalchemy import URL

WORKSHOP_USER = "workshop"
# Not ASCII on purpose: the URL quoting and SCRAM's SASLprep must both cope with it.
WORKSHOP_PASSWORD = "secret-พ-1"
SUPERUSER = "postgres"
# Debian's `postgresql` package and CI runners put every major version side by side here.
DEBIAN_BINARIES = Path("/usr/lib/postgresql")
START_TIMEOUT_SECONDS = 60


def postgres_bindir() -> Path:
    """The folder of the newest installed initdb/pg_ctl/postgres."""
    versions = []
    for initdb in DEBIAN_BINARIES.glob("*/bin/initdb"):
        version = initdb.parent.parent.name
        key = tuple(int(part) for part in version.split(".") if part.isdigit())
        versions.append((key, initdb.parent))
    if versions:
        return max(versions)[1]
    # Not Debian: whatever initdb is on PATH (Homebrew, a source build ...).
    on_path = shutil.which("initdb")
    if on_path is not None:
        return Path(on_path).resolve().parent
    raise RuntimeError(
        "PostgreSQL server binaries (initdb, pg_ctl) were not found under "
        f"{DEBIAN_BINARIES} or on PATH; the sync tests need them. "
        "Run scripts/install-system-packages.sh."
    )


def free_port() -> int:
    """A TCP port nobody listens on right now (the kernel picks it for port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class ThrowawayPostgres:
    """A private PostgreSQL cluster: ``start()`` it, make databases, ``stop()`` it."""

    def __init__(self) -> None:
        self.bindir = postgres_bindir()
        self.folder: Path | None = None
        self.port = 0
        self._running = False

    # -- life cycle -------------------------------------------------------------------

    def start(self) -> None:
        if self.folder is not None:
            raise RuntimeError("this PostgreSQL server is already started")
        self.folder = Path(tempfile.mkdtemp(prefix="workshop-pg-"))
        try:
            self._start_in(self.folder)
        except BaseException:
            self.stop()
            raise

    def _start_in(self, folder: Path) -> None:
        # initdb refuses to run as root, so under root the cluster belongs to `postgres`,
        # which must own the folder (mkdtemp makes it private to its creator).
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(folder, owner.pw_uid, owner.pw_gid)
        self.port = free_port()
        self._run(
            "initdb",
            f"--pgdata={self.data_dir}",
            f"--username={SUPERUSER}",
            "--encoding=UTF8",
            # C.UTF-8: byte-order sorting whatever the machine's locale, UTF-8 character
            # classes for the Thai text.
            "--locale=C.UTF-8",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--no-sync",
            "--no-instructions",
        )
        # Appending keeps the file's owner; settings here need no shell quoting (pg_ctl -o
        # would go through a shell).
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                "\n# Throwaway test server\n"
                "listen_addresses = '127.0.0.1'\n"
                f"port = {self.port}\n"
                f"unix_socket_directories = '{folder}'\n"
                # Nothing here has to survive a crash: skip the disk flushes.
                "fsync = off\n"
                "synchronous_commit = off\n"
                "full_page_writes = off\n"
            )
        # From here on stop() must try pg_ctl stop, even if the start seems to fail.
        self._running = True
        # -w waits until the server accepts connections (or gives up after -t seconds).
        started = self._run(
            "pg_ctl",
            "start",
            f"--pgdata={self.data_dir}",
            f"--log={self.log_file}",
            "-w",
            f"-t{START_TIMEOUT_SECONDS}",
            check=False,
        )
        if started.returncode != 0:
            raise RuntimeError(
                f"PostgreSQL did not start on port {self.port}:\n{started.stdout}"
                f"\n--- server log ---\n{self.server_log()}"
            )
        with self._superuser_connection() as conn:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN CREATEDB PASSWORD {}").format(
                    sql.Identifier(WORKSHOP_USER), sql.Literal(WORKSHOP_PASSWORD)
                )
            )

    def stop(self) -> None:
        """Stop at once (no checkpoint: the data is thrown away) and delete the folder."""
        if self.folder is None:
            return
        if self._running:
            # Failure is not checked: it means no server was running (a failed start). Were
            # one left, it would shut itself down once it finds its data directory gone.
            self._run(
                "pg_ctl", "stop", f"--pgdata={self.data_dir}", "-m", "immediate", "-w", check=False
            )
            self._running = False
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # -- databases ----------------------------------------------------------------------

    def create_database(self, name: str | None = None, template: str | None = None) -> str:
        """A new database owned by ``workshop``, empty or a copy of ``template`` (fast:
        a file copy, no migrations); its URL (password, over TCP)."""
        if name is None:
            name = f"test_{secrets.token_hex(6)}"
        statement = sql.SQL("CREATE DATABASE {} OWNER {}").format(
            sql.Identifier(name), sql.Identifier(WORKSHOP_USER)
        )
        if template is not None:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        with self._superuser_connection() as conn:
            conn.execute(statement)
        return self.workshop_url(name)

    def drop_database(self, name: str) -> None:
        # FORCE: a test may leave a pooled connection open; it must not block the drop.
        with self._superuser_connection() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def kill_connections(self, dbname: str) -> int:
        """Terminate every session on ``dbname``, as a network fault would; how many."""
        with self._superuser_connection() as conn:
            # The timeout makes the call wait until the sessions are really gone, so the
            # caller's next statement fails for sure.
            rows = conn.execute(
                "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (dbname,),
            ).fetchall()
        return sum(1 for (terminated,) in rows if terminated)

    def dump(self, dbname: str) -> Path:
        """A pg_dump of the database (custom format), as an office's nightly backup."""
        target = self._folder() / f"{dbname}-{secrets.token_hex(4)}.dump"
        self._run("pg_dump", *self._socket_args(), "--format=custom", f"--file={target}", dbname)
        return target

    def restore(self, dbname: str, dump: Path, recreate: bool) -> None:
        """Put a dump back: into a new database of the same name (``recreate``), or over
        the existing one with pg_restore --clean."""
        if recreate:
            self.drop_database(dbname)
            self.create_database(dbname)
            self._run("pg_restore", *self._socket_args(), f"--dbname={dbname}", str(dump))
        else:
            self._run(
                "pg_restore",
                *self._socket_args(),
                "--clean",
                "--if-exists",
                f"--dbname={dbname}",
                str(dump),
            )

    def server_processes(self) -> list[int]:
        """The postmaster and every process it started (backends, background workers)."""
        postmaster = int((self.data_dir / "postmaster.pid").read_text().split()[0])
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # the process ended meanwhile
            if int(fields[1]) == postmaster:
                children.append(int(stat.parent.name))
        return [postmaster, *children]

    def _socket_args(self) -> list[str]:
        return [f"--host={self._folder()}", f"--port={self.port}", f"--username={SUPERUSER}"]

    # -- addresses ----------------------------------------------------------------------

    def workshop_url(self, dbname: str) -> str:
        password = quote(WORKSHOP_PASSWORD, safe="")
        return f"postgresql+psycopg://{WORKSHOP_USER}:{password}@127.0.0.1:{self.port}/{dbname}"

    def superuser_url(self, dbname: str = "postgres") -> str:
        """A SQLAlchemy URL for setup as the superuser, over the unix socket (no password)."""
        url = URL.create(
            "postgresql+psycopg",
            username=SUPERUSER,
            database=dbname,
            query={"host": str(self._folder()), "port": str(self.port)},
        )
        return url.render_as_string(hide_password=False)

    @property
    def data_dir(self) -> Path:
        return self._folder() / "data"

    @property
    def log_file(self) -> Path:
        return self._folder() / "server.log"

    def server_log(self) -> str:
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return "(no log was written)"

    # -- helpers ------------------------------------------------------------------------

    def _folder(self) -> Path:
        if self.folder is None:
            raise RuntimeError("this PostgreSQL server is not started")
        return self.folder

    @contextmanager
    def _superuser_connection(self) -> Iterator[psycopg.Connection]:
        # Autocommit: CREATE/DROP DATABASE cannot run inside a transaction.
        with psycopg.connect(
            host=str(self._folder()),
            port=self.port,
            user=SUPERUSER,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            yield conn

    def _run(
        self, program: str, *args: str, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        # cwd: the postgres user may not be allowed into the caller's directory.
        result = subprocess.run(
            command,
            cwd=self._folder(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=START_TIMEOUT_SECONDS + 30,
            check=False,
        )
        if check and result.returncode != 0:
            raise RuntimeError(
                f"{program} failed (exit {result.returncode}):\n{result.stdout}"
                f"\n--- server log ---\n{self.server_log()}"
            )
        return result
