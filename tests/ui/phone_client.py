"""A phone on the venue's Wi-Fi, for GUI tests: a real aiohttp WebSocket client on a
thread of its own (the test's thread runs the Qt event loop meanwhile)."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Coroutine
from typing import Any

import aiohttp

from tests.participation.phone_state import applied

TIMEOUT = 10.0


class PhoneClient:
    """Joins with a card's token, keeps every message the server sends, sends ideas and
    ballots as the participant page does."""

    def __init__(self, base_url: str, token: str) -> None:
        self.received: list[dict[str, Any]] = []
        self._state: dict[str, Any] | None = None  # as the page keeps it
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._http: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._reader: asyncio.Task[None] | None = None
        self._run(self._connect(base_url.rstrip("/") + "/ws", token))

    def _run(self, work: Coroutine[Any, Any, Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(TIMEOUT)

    async def _connect(self, url: str, token: str) -> None:
        self._http = aiohttp.ClientSession()
        self._ws = await self._http.ws_connect(url)
        await self._ws.send_json({"type": "hello", "token": token})
        self._reader = asyncio.get_running_loop().create_task(self._read(self._ws))

    async def _read(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        async for message in ws:
            if message.type == aiohttp.WSMsgType.TEXT:
                data = json.loads(message.data)
                with self._lock:
                    self.received.append(data)
                    if data.get("type") in ("state", "ideas"):
                        self._state = applied(self._state or {}, data)

    def send(self, message: dict[str, Any]) -> None:
        assert self._ws is not None
        self._run(self._ws.send_json(message))

    def messages(self, kind: str) -> list[dict[str, Any]]:
        with self._lock:
            return [m for m in self.received if m.get("type") == kind]

    def state(self) -> dict[str, Any] | None:
        """The phone's state now: the last whole state with the patches since."""
        with self._lock:
            return self._state

    def ack(self, submission_id: str) -> dict[str, Any] | None:
        return next(
            (m for m in self.messages("ack") if m.get("submission_id") == submission_id), None
        )

    def close(self) -> None:
        async def close() -> None:
            if self._ws is not None:
                await self._ws.close()
            if self._reader is not None:
                await self._reader
            if self._http is not None:
                await self._http.close()

        try:
            self._run(close())
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(TIMEOUT)
            self._loop.close()
