"""The provincial server's address, read so that its password never leaks.

A password reaches the app in many forms: ``user:secret@host``, a password holding "@"
or "?" (``user:p@ss@host``, not percent-escaped as it should be), or libpq's
``?password=secret``. SQLAlchemy's own parser takes ``p@ss@host`` as the password "p" on
the host "ss@host", and its ``hide_password`` leaves a ``?password=`` in place, so the
password was stored and printed. Here the address is split the way a person means it,
and what is shown or stored (``label``) never holds a password in any form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote

from sqlalchemy.engine import URL


class AddressError(ValueError):
    """Not a server address; the message never repeats the address (it may hold a
    password)."""


@dataclass(frozen=True)
class ServerAddress:
    url: URL  # to connect with: the password in its own field, never in the query
    password: str | None

    def _shown(self, password: str | None) -> str:
        query = {k: v for k, v in self.url.query.items() if "password" not in k.lower()}
        shown = URL.create(
            self.url.drivername,
            self.url.username,
            password,
            self.url.host,
            self.url.port,
            self.url.database,
            query,
        )
        return shown.render_as_string(hide_password=True)

    @property
    def label(self) -> str:
        """What is shown and stored: "***" where a password was given (in whatever form),
        no query parameter naming one."""
        return self._shown("***" if self.password else None)

    @property
    def bare(self) -> str:
        """The address to keep in the address field: without any password."""
        return self._shown(None)

    def connect_url(self) -> URL:
        return self.url.set(password=self.password) if self.password else self.url


# A query as libpq and SQLAlchemy take it: key=value pairs. Only a password's value may
# hold "@" or "/" (``?password=p@ss``); "?" followed by anything else is part of a
# careless password (``user:a?b/c@host``).
_QUERY = re.compile(
    r"(?:password=[^&]*|[A-Za-z_]+=[^&@/]*)(?:&(?:password=[^&]*|[A-Za-z_]+=[^&@/]*))*",
    re.IGNORECASE,
)


def _split_query(rest: str) -> tuple[str, str]:
    """(user:password@host:port/database, query) of what follows the scheme."""
    for at, char in enumerate(rest):
        if char == "?" and (_QUERY.fullmatch(rest[at + 1 :]) or not rest[at + 1 :]):
            return rest[:at], rest[at + 1 :]
    return rest, ""


def parse_server_address(text: str) -> ServerAddress:
    scheme, separator, rest = text.strip().partition("://")
    if not separator or not scheme:
        raise AddressError("no scheme (postgresql+psycopg://...)")
    before_query, query_text = _split_query(rest)
    # The last "@" ends the user and password: a database name holds none, a careless
    # password may (``user:p@ss@host``).
    userinfo, _at, after = before_query.rpartition("@")
    user, colon, password_text = userinfo.partition(":")
    password: str | None = unquote(password_text) if colon else None
    hostport, _s, database = after.partition("/")
    host, port_text = hostport, ""
    if hostport.startswith("["):  # an IPv6 address: [::1]:5432
        closing = hostport.find("]")
        host, port_text = hostport[1:closing], hostport[closing + 2 :]
    elif ":" in hostport:
        host, port_text = hostport.rsplit(":", 1)
    if port_text and not port_text.isdigit():
        raise AddressError("the port is not a number")
    query: dict[str, str] = {}
    for key, value in parse_qsl(query_text, keep_blank_values=True):
        if key.lower() == "password":
            password = password or value
        else:
            query[key] = value
    url = URL.create(
        scheme,
        username=unquote(user) or None,
        host=unquote(host) or None,
        port=int(port_text) if port_text else None,
        database=unquote(database) or None,
        query=query,
    )
    return ServerAddress(url, password or None)


def server_label(text: str) -> str:
    """The address as shown and stored: never with its password. An address that cannot
    be read is shown only by its scheme (what follows may hold the password)."""
    try:
        return parse_server_address(text).label
    except AddressError:
        return text.partition("://")[0] + "://…"
