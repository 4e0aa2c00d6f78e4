"""The registration page's sign-in sheet button: the sheet signed at the door (PDF,
export/pdf/signin.py), grouped by sector or in name order and, for a meeting with
phones, with each person's phone QR code on their row (the same link as their phone
card; its address chosen as for the cards)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from workshop_app.services import attendees, phones
from workshop_app.ui.context import BackgroundOperation, Progress
from workshop_app.ui.file_names import default_export_name
from workshop_app.ui.phone_cards_action import ask_link_address
from workshop_app.ui.phone_panel import PhoneServerHost, ServerAddressDialog
from workshop_app.ui.thai_layout import ThaiLabel
from workshop_app.ui.widgets import Banner


class SigninSheetDialog(QDialog):
    """What the sheet prints: the order, the digits, and the phone codes (off unless
    ticked: the sheet is printed for meetings without phones too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signinSheetDialog")
        self.setWindowTitle(self.tr("Sign-in sheet"))
        self.order = QComboBox()
        self.order.setObjectName("signinOrder")
        self.order.addItem(self.tr("Grouped by sector"), "sector")
        self.order.addItem(self.tr("All in name order"), "name")
        self.thai_digits = QCheckBox(self.tr("Numbers and dates in Thai digits"))
        self.thai_digits.setObjectName("signinThaiDigits")
        self.phone_links = QCheckBox(self.tr("Each person's phone QR code on their row"))
        self.phone_links.setObjectName("signinPhoneLinks")
        hint = ThaiLabel(
            self.tr(
                "For a meeting with phones: the code opens the participant page signed in "
                "as that person, like their phone card (rows get taller, so the sheet "
                "takes more pages)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#555;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Order"), self.order)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.thai_digits)
        layout.addWidget(self.phone_links)
        layout.addWidget(hint)
        layout.addWidget(buttons)


class SigninSheetButton(QPushButton):
    """Writes the sign-in sheet PDF; tells the page's banner how it went."""

    def __init__(self, host: PhoneServerHost, banner: Banner, parent: QWidget | None = None):
        super().__init__(self.tr("Sign-in sheet…"), parent)
        self.setObjectName("exportSigninSheet")
        self.setToolTip(self.tr("The sheet attendees sign at the door (PDF)"))
        self.host = host
        self.banner = banner
        self.options: SigninSheetDialog | None = None
        self.dialog: ServerAddressDialog | None = None  # the phone links' address
        self.handle: BackgroundOperation[int] | None = None  # the writing under way
        self.clicked.connect(self.ask_options)

    def ask_options(self) -> None:
        options = self.options = SigninSheetDialog(self)

        def finished(result: int) -> None:
            self.options = None
            options.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                return
            order = str(options.order.currentData())
            thai_digits = options.thai_digits.isChecked()
            if not options.phone_links.isChecked():
                self.choose_file(order, thai_digits, None)
                return

            def chosen(base_url: str) -> None:
                self.dialog = None
                self.choose_file(order, thai_digits, base_url)

            def cancelled() -> None:
                self.dialog = None

            title = self.tr("Address printed in the sign-in sheet's QR codes")
            self.dialog = ask_link_address(self, self.host, chosen, cancelled, title)

        options.finished.connect(finished)
        options.open()

    def choose_file(self, order: str, thai_digits: bool, base_url: str | None) -> None:
        name = default_export_name(self.host.context, self.tr("Sign-in sheet"), ".pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export sign-in sheet"), str(Path.home() / name), self.tr("PDF (*.pdf)")
        )
        if path:
            self.export(Path(path).with_suffix(".pdf"), order, thai_digits, base_url)

    def export(self, path: Path, order: str, thai_digits: bool, base_url: str | None) -> None:
        """Write the sheet on a worker thread; with ``base_url``, the phone links' codes
        (tokens still missing are issued in the same transaction, so a sheet that could
        not be written leaves none)."""
        workshop_id = self.host.context.workshop_id

        def write(session: Session, _progress: Progress) -> int:
            from workshop_app.export.pdf.signin import write_signin_sheet

            links = None
            if base_url is not None:
                gathered = phones.phone_links(session, workshop_id, base_url)
                links = {link.attendee_id: link.url for link in gathered}
            write_signin_sheet(
                session,
                workshop_id,
                path,
                order="name" if order == "name" else "sector",
                thai_digits=thai_digits,
                phone_links=links,
            )
            return len(attendees.list_attendees(session, workshop_id))

        self.setEnabled(False)
        handle = self.host.context.run_in_background(write, writes=base_url is not None)
        handle.succeeded.connect(
            lambda count: self.banner.show_message(
                self.tr("Wrote the sign-in sheet of {count} people to {path}").format(
                    count=count, path=path
                ),
                "ok",
            )
        )
        handle.failed.connect(lambda message: self.banner.show_message(message, "error"))
        handle.ended.connect(lambda: self.setEnabled(True))
        self.handle = handle
