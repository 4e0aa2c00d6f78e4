"""The registration page's "Phone cards…" button: every attendee's card with the QR code
of their personal link (export/phone_cards.py), on the address of the running phone
server or, before the day, on the address chosen for it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton, QWidget
from sqlalchemy.orm import Session

from workshop_app.export.phone_cards import CardSheet, write_phone_cards
from workshop_app.services import phones, workshops
from workshop_app.ui.context import BackgroundOperation, Progress
from workshop_app.ui.file_names import default_export_name
from workshop_app.ui.phone_panel import PhoneServerHost, ServerAddressDialog
from workshop_app.ui.widgets import Banner


class PhoneCardsButton(QPushButton):
    """Writes the phone cards PDF; tells the page's banner how it went."""

    def __init__(
        self, host: PhoneServerHost, banner: Banner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setText(self.tr("Phone cards…"))
        self.setObjectName("exportPhoneCards")
        self.setToolTip(self.tr("A card per attendee with the QR code that joins from a phone"))
        self.host = host
        self.banner = banner
        self.dialog: ServerAddressDialog | None = None
        self.handle: BackgroundOperation[int] | None = None  # the writing under way
        self.clicked.connect(self.choose_address)

    def choose_address(self) -> None:
        if self.host.running:  # the cards open the server running now
            self.choose_file(self.host.url)
            return
        dialog = self.dialog = ServerAddressDialog(self, for_cards=True)

        def finished(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                dialog.remember()
                self.choose_file(dialog.base_url())

        dialog.finished.connect(finished)
        dialog.open()

    def choose_file(self, base_url: str) -> None:
        context = self.host.context
        name = default_export_name(context, self.tr("Phone cards"), ".pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export phone cards"), str(Path.home() / name), self.tr("PDF (*.pdf)")
        )
        if path:
            self.export(Path(path).with_suffix(".pdf"), base_url)

    def export(self, path: Path, base_url: str) -> None:
        """Write the cards on a worker thread (tokens still missing are issued there)."""
        workshop_id = self.host.context.workshop_id

        def write(session: Session, _progress: Progress) -> int:
            details = workshops.get_workshop(session, workshop_id)
            links = phones.phone_links(session, workshop_id, base_url)
            words = (details.province, *workshops.glossary_words(details.glossary))
            # Words a line never breaks inside (a phrase with spaces breaks at them).
            sheet = CardSheet(details.title, links, tuple(w for w in words if w and " " not in w))
            write_phone_cards(sheet, path)
            return len(links)

        self.setEnabled(False)
        handle = self.host.context.run_in_background(write, writes=True)
        handle.succeeded.connect(
            lambda count: self.banner.show_message(
                self.tr("Wrote {count} phone cards to {path}").format(count=count, path=path), "ok"
            )
        )
        handle.failed.connect(lambda message: self.banner.show_message(message, "error"))
        handle.ended.connect(lambda: self.setEnabled(True))
        self.handle = handle
