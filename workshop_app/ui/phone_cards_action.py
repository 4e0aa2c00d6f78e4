"""The registration page's phone card buttons: every attendee's card with the QR code of
their personal link (export/phone_cards.py), and a new card for one person whose card
was lost (the old one stops working), on the address of the running phone server or,
before the day, on the address chosen for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton, QWidget
from sqlalchemy.orm import Session

from workshop_app.services import phones, workshops
from workshop_app.services.attendees import AttendeeRow
from workshop_app.ui.context import BackgroundOperation, Progress
from workshop_app.ui.file_names import default_export_name
from workshop_app.ui.phone_panel import PhoneServerHost, ServerAddressDialog
from workshop_app.ui.widgets import Banner


def ask_link_address(
    parent: QWidget,
    host: PhoneServerHost,
    chosen: Callable[[str], None],
    cancelled: Callable[[], None],
    title: str | None = None,
) -> ServerAddressDialog | None:
    """The address printed in the phone links (cards, sign-in sheet): the running phone
    server's, at once; before the day, the one chosen in a dialog (returned while open;
    ``title``: what prints it, the cards' unless told), remembered for the server.
    ``chosen(base_url)`` or ``cancelled()`` follows."""
    if host.running:  # the links open the server running now
        chosen(host.url)
        return None
    dialog = ServerAddressDialog(parent, for_cards=True)
    if title is not None:
        dialog.setWindowTitle(title)

    def finished(result: int) -> None:
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            dialog.remember()
            chosen(dialog.base_url())
        else:
            cancelled()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


class PhoneCardsButton(QPushButton):
    """Writes the phone cards PDF; tells the page's banner how it went. With ``person``
    (the one chosen on the page), replaces that person's lost card instead."""

    def __init__(
        self,
        host: PhoneServerHost,
        banner: Banner,
        person: Callable[[], AttendeeRow | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.banner = banner
        self.person = person
        self.replacing: AttendeeRow | None = None
        self.dialog: ServerAddressDialog | None = None
        self.question: QMessageBox | None = None
        self.handle: BackgroundOperation[int] | None = None  # the writing under way
        if person is None:
            self.setText(self.tr("Phone cards…"))
            self.setObjectName("exportPhoneCards")
            self.setToolTip(self.tr("A card per attendee with the QR code that joins from a phone"))
            self.clicked.connect(self.choose_address)
        else:
            self.setText(self.tr("New card for a lost one…"))
            self.setObjectName("replacePhoneCard")
            self.setToolTip(self.tr("The chosen person's phone card was lost: print a new one"))
            self.clicked.connect(self.ask_to_replace)

    def ask_to_replace(self) -> None:
        person = self.person() if self.person is not None else None
        if person is None:
            self.banner.show_message(self.tr("Find the person first, then ask again."), "warn")
            return
        question = self.question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("New phone card"),
            self.tr(
                "Print a new phone card for {name}? Their old card stops working once the new "
                "one is written (this cannot be undone)."
            ).format(name=person.full_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )

        def answered(result: int) -> None:
            self.question = None
            if result == QMessageBox.StandardButton.Yes:
                self.replacing = person
                self.choose_address()

        question.finished.connect(answered)
        question.open()

    def choose_address(self) -> None:
        def chosen(base_url: str) -> None:
            self.dialog = None
            self.choose_file(base_url)

        def cancelled() -> None:
            self.dialog = None
            self.replacing = None

        self.dialog = ask_link_address(self, self.host, chosen, cancelled)

    def choose_file(self, base_url: str) -> None:
        context = self.host.context
        name = default_export_name(context, self.tr("Phone cards"), ".pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export phone cards"), str(Path.home() / name), self.tr("PDF (*.pdf)")
        )
        if path:
            self.export(Path(path).with_suffix(".pdf"), base_url)
        else:
            self.replacing = None

    def export(self, path: Path, base_url: str) -> None:
        """Write the cards on a worker thread (tokens still missing are issued there; a
        lost card's token is replaced in the same transaction, so a card that could not
        be written leaves the old one working)."""
        workshop_id = self.host.context.workshop_id
        replacing = self.replacing.id if self.replacing is not None else None
        self.replacing = None

        def write(session: Session, _progress: Progress) -> int:
            from workshop_app.export.phone_cards import CardSheet, write_phone_cards

            details = workshops.get_workshop(session, workshop_id)
            if replacing is not None:
                phones.revoke_phone_token(session, replacing)
                links = [phones.phone_link(session, workshop_id, replacing, base_url)]
            else:
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
