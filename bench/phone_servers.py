"""Which WebSocket server for the phones: aiohttp in a thread of its own, or Qt's
QWebSocketServer (PySide6-Addons, which the app ships) on the GUI's event loop.

Run: ``python bench/phone_servers.py [--phones 300] [--pushes 20] [--kb 60]``.

Each server gets the same load: N WebSocket clients (a second process, aiohttp's
client) and then P pushes of one state message (Thai text, about ``--kb`` KB, as a phone
gets with a board of about 200 cards) to every client, one push every 0.4 s (the
server's throttle). Measured per server: the time the GUI thread is busy per push (what
the facilitator's window waits for), the time until every client has the push, the
bytes on the wire per push (aiohttp compresses with permessage-deflate; Qt WebSockets
has no compression), and the memory added by the N connections.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path
from typing import Any

from figures import percentile

PUSH_GAP = 0.4


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _payload(kb: int) -> str:
    card = "ขอให้ปรับปรุงถนนสายบ้านหนองบัว-บ้านโคกสูงและทำรางระบายน้ำก่อนฤดูฝน ครั้งที่ {n}"
    ideas: list[dict[str, object]] = []
    n = 0
    while len(json.dumps(ideas, ensure_ascii=False).encode()) < kb * 1024:
        ideas.append({"id": f"{n:036d}", "kind": "need", "text": card.format(n=n), "mine": False})
        n += 1
    return json.dumps({"type": "state", "version": 1, "ideas": ideas}, ensure_ascii=False)


# --- clients (a process of their own) ----------------------------------------------------------


async def _clients(url: str, count: int, pushes: int) -> None:
    import aiohttp

    received: list[list[float]] = [[] for _ in range(pushes)]
    ready = 0
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as client:

        async def one() -> None:
            nonlocal ready
            ws = await client.ws_connect(url)
            ready += 1
            index = 0
            async for message in ws:
                if message.type != aiohttp.WSMsgType.TEXT:
                    break
                if index < pushes:
                    received[index].append(time.time())
                index += 1
                if index >= pushes:
                    break
            await ws.close()

        tasks = [asyncio.ensure_future(one()) for _ in range(count)]
        while ready < count:
            await asyncio.sleep(0.05)
        print(json.dumps({"ready": ready}), flush=True)
        await asyncio.gather(*tasks)
    print(json.dumps({"last": [max(r) if r else 0.0 for r in received]}), flush=True)


# --- the servers ------------------------------------------------------------------------------


def _start_clients(url: str, count: int, pushes: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, "--client", url, str(count), str(pushes)],
        stdout=subprocess.PIPE,
        text=True,
    )


def run_qt(count: int, pushes: int, payload: str) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtNetwork import QHostAddress
    from PySide6.QtWebSockets import QWebSocketServer

    app = QCoreApplication.instance() or QCoreApplication([])
    server = QWebSocketServer("bench", QWebSocketServer.SslMode.NonSecureMode)
    server.listen(QHostAddress.SpecialAddress.LocalHost, 0)
    sockets: list[Any] = []
    written = [0]

    def connected() -> None:
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.bytesWritten.connect(lambda n: written.__setitem__(0, written[0] + n))
            sockets.append(socket)

    server.newConnection.connect(connected)
    rss_before = _rss_mb()
    clients = _start_clients(f"ws://127.0.0.1:{server.serverPort()}", count, pushes)
    busy: list[float] = []
    sent: list[float] = []
    state = {"pushes": 0, "rss": 0.0}

    def push() -> None:
        if state["pushes"] >= pushes:
            return
        state["pushes"] += 1
        sent.append(time.time())
        start = time.perf_counter()
        for socket in sockets:
            socket.sendTextMessage(payload)
        busy.append(time.perf_counter() - start)
        QTimer.singleShot(int(PUSH_GAP * 1000), push)

    def wait_ready() -> None:
        if len(sockets) < count:
            QTimer.singleShot(50, wait_ready)
            return
        state["rss"] = _rss_mb()
        written[0] = 0
        QTimer.singleShot(500, push)

    assert clients.stdout is not None
    reader_lines: list[str] = []
    threading.Thread(target=lambda: reader_lines.extend(clients.stdout), daemon=True).start()  # type: ignore[arg-type]

    def finish() -> None:
        if clients.poll() is None:
            QTimer.singleShot(100, finish)
            return
        app.quit()

    QTimer.singleShot(0, wait_ready)
    QTimer.singleShot(0, finish)
    app.exec()
    last = json.loads(reader_lines[-1])["last"]
    server.close()
    return _figures(
        "Qt QWebSocketServer, GUI thread",
        busy,
        sent,
        last,
        written[0],
        pushes,
        state["rss"] - rss_before,
    )


def run_aiohttp(count: int, pushes: int, payload: str) -> dict[str, Any]:
    from aiohttp import web

    sockets: list[web.WebSocketResponse] = []
    push_times: list[float] = []
    sent: list[float] = []
    loop = asyncio.new_event_loop()
    started = threading.Event()
    port = [0]

    async def handler(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=16 * 1024)
        await ws.prepare(request)
        sockets.append(ws)
        async for _message in ws:
            pass
        return ws

    async def serve() -> None:
        app = web.Application()
        app.router.add_get("/ws", handler)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port[0] = runner.addresses[0][1]
        started.set()
        while len(sockets) < count:
            await asyncio.sleep(0.05)
        state["rss"] = _rss_mb()
        await asyncio.sleep(0.5)
        for _ in range(pushes):
            sent.append(time.time())
            start = time.perf_counter()
            await asyncio.gather(*(ws.send_str(payload) for ws in sockets))
            push_times.append(time.perf_counter() - start)
            await asyncio.sleep(PUSH_GAP)
        while not all(ws.closed for ws in sockets):
            await asyncio.sleep(0.05)
        await runner.cleanup()

    state = {"rss": 0.0}
    rss_before = _rss_mb()
    thread = threading.Thread(target=lambda: loop.run_until_complete(serve()), daemon=True)
    thread.start()
    started.wait()
    clients = _start_clients(f"ws://127.0.0.1:{port[0]}/ws", count, pushes)
    # The GUI thread (this one) only waits: nothing of the server runs on it.
    out, _err = clients.communicate(timeout=600)
    thread.join(timeout=60)
    last = json.loads(out.strip().splitlines()[-1])["last"]
    # On the wire: the message deflated as aiohttp does (level 1, raw deflate).
    deflate = zlib.compressobj(1, zlib.DEFLATED, -15)
    wire = len(deflate.compress(payload.encode()) + deflate.flush(zlib.Z_SYNC_FLUSH))
    figures = _figures(
        "aiohttp, own thread",
        [0.0] * len(push_times),
        sent,
        last,
        wire * count * pushes,
        pushes,
        state["rss"] - rss_before,
    )
    figures["push on its thread p50 ms"] = percentile(push_times, 0.5) * 1000
    return figures


def _figures(
    name: str,
    busy: list[float],
    sent: list[float],
    last: list[float],
    written: int,
    pushes: int,
    memory: float,
) -> dict[str, Any]:
    delivered = [end - start for start, end in zip(sent, last, strict=False) if end]
    return {
        "server": name,
        "GUI thread busy per push p50 ms": percentile(busy, 0.5) * 1000,
        "GUI thread busy per push max ms": max(busy) * 1000,
        "push to all clients p50 ms": percentile(delivered, 0.5) * 1000,
        "push to all clients max ms": max(delivered) * 1000,
        "KB on the wire per push, all clients": written / pushes / 1024,
        "memory for the connections MB": memory,
    }


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--client":
        asyncio.run(_clients(sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=300)
    parser.add_argument("--pushes", type=int, default=20)
    parser.add_argument("--kb", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    payload = _payload(args.kb)
    print(f"payload {len(payload.encode()) / 1024:.0f} KB; load {os.getloadavg()[0]:.2f}")
    for run in (run_aiohttp, run_qt):
        result = run(args.phones, args.pushes, payload)
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
