"""Screenshots of the facilitator's side of taking part by phone, for review: the board
page with its phone box (server running, phones connected from three sectors, ideas
waiting to be checked), the projector showing the join code, the voting page's phone
box and the registration page's phone cards button, in Thai.

Usage: xvfb-run -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \
       python scripts/phone_screenshots.py OUTPUT_FOLDER
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/ is not installed

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea

from tests.ui.phone_client import PhoneClient
from workshop_app.db.database import open_database
from workshop_app.services import attendees, phones
from workshop_app.services.demo import create_demo_workshop
from workshop_app.ui import settings
from workshop_app.ui.app import install_translator, make_application
from workshop_app.ui.context import WorkshopContext
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.phone_panel import THIS_LAPTOP_ONLY, PhonePanel

IDEAS = (
    "ขอให้มีรถรับส่งนักเรียนจากหมู่บ้านบนดอยถึงโรงเรียนประจำตำบล",
    "สนับสนุนโรงสีข้าวชุมชนให้ได้มาตรฐานเพื่อขายข้าวอินทรีย์เอง",
)


def wait_until(condition: Callable[[], bool], timeout_ms: int = 10000) -> None:
    waited = 0
    while not condition():
        QTest.qWait(50)
        waited += 50
        if waited > timeout_ms:
            raise TimeoutError("the screen did not get ready")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = make_application("th")
    folder = Path(tempfile.mkdtemp(prefix="phone-shots-"))
    settings.use_settings_file(str(folder / "settings.ini"))  # the user's own stay
    install_translator(app, "th")
    database = open_database(folder / "workshop.sqlite")
    with database.transaction() as session:
        workshop_id = create_demo_workshop(session, "small")
        phones.set_phone_moderation(session, workshop_id, True)
    context = WorkshopContext(database, workshop_id, "th")
    window = MainWindow(context)
    window.show()
    window.setGeometry(window.screen().availableGeometry())  # maximised (no window manager)
    window.show_page(2)
    QTest.qWait(500)
    window.board.set_current(1)
    assert window.phones.start(THIS_LAPTOP_ONLY, 8765)
    url = window.phones.url
    people = [
        p
        for p in context.read(lambda s: attendees.list_attendees(s, workshop_id))
        if p.checked_in_at is not None and p.sector_id
    ]
    by_sector: dict[str, list[attendees.AttendeeRow]] = {}
    for person in people:
        by_sector.setdefault(str(person.sector_id), []).append(person)
    chosen = [p for group in list(by_sector.values())[:3] for p in group[:3]]
    clients = []
    for person in chosen:
        with database.transaction() as session:
            link = phones.phone_link(session, workshop_id, person.id, url)
        clients.append(PhoneClient(url, link.url.split("#", 1)[1]))
    issue_id = window.board.models[1].issue.id
    for client, text in zip(clients, IDEAS, strict=False):
        client.send(
            {
                "type": "idea",
                "submission_id": str(uuid.uuid4()),
                "issue_id": issue_id,
                "kind": "proposal",
                "text": text,
            }
        )
    wait_until(lambda: len(window.phones.pending) == len(IDEAS))
    wait_until(lambda: window.phones.connected_count() == len(chosen))
    QTest.qWait(500)
    window.grab().save(str(out / "board-phone-panel-th.png"))
    print(out / "board-phone-panel-th.png")

    # The side panel scrolled down to the ideas waiting to be checked.
    side = window.board_page.findChild(QScrollArea, "boardSidePanel")
    box = window.board_page.findChild(PhonePanel, "phonePanel")
    assert side is not None and box is not None
    side.ensureWidgetVisible(box.reject_button)
    QTest.qWait(300)
    window.grab().save(str(out / "board-phone-moderation-th.png"))
    print(out / "board-phone-moderation-th.png")

    window.open_projector()
    projector = window.projector
    assert projector is not None
    window.phones.set_join_on_projector(True)
    QTest.qWait(800)
    projector.grab().save(str(out / "projector-join-th.png"))
    print(out / "projector-join-th.png")

    window.show_page(3)
    QTest.qWait(300)
    window.grab().save(str(out / "voting-phone-panel-th.png"))
    print(out / "voting-phone-panel-th.png")
    window.show_page(1)
    QTest.qWait(300)
    window.grab().save(str(out / "registration-phone-cards-th.png"))
    print(out / "registration-phone-cards-th.png")
    for client in clients:
        client.close()
    window.phones.stop()
    projector.close()
    window.close()
    database.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
