"""Help → About: the app's name and version, what runs it, and the licenses of what it bundles."""

from __future__ import annotations

import platform

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app import __version__, licenses
from workshop_app.db.database import head_revision
from workshop_app.ui.thai_layout import ThaiLabel

# Both names are shown whatever the UI language, so they are not translated.
APP_NAME_TH = "โปรแกรมประชุมเชิงปฏิบัติการจัดทำแผนพัฒนาจังหวัด"
APP_NAME_EN = "Workshop app"

# What runs the app, for the Versions tab: (label, name of the bundled component).
VERSION_ROWS = (
    ("Python", "Python"),
    ("Qt", "Qt"),
    ("PySide6", "PySide6"),
    ("SQLAlchemy", "SQLAlchemy"),
    ("ReportLab", "reportlab"),
    ("openpyxl", "openpyxl"),
    ("PyThaiNLP", "pythainlp"),
    ("psycopg", "psycopg"),
    ("alembic", "alembic"),
)


def _heading(text: str, object_name: str, scale: float) -> QLabel:
    """A bold label, ``scale`` times the normal size."""
    label = QLabel(text)
    label.setObjectName(object_name)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


class AboutDialog(QDialog):
    """Three tabs: versions, licenses (one row per bundled component), the font license."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Workshop app"))

        thai_name = _heading(APP_NAME_TH, "aboutThaiName", 1.45)
        thai_name.setWordWrap(True)
        english_name = _heading(APP_NAME_EN, "aboutEnglishName", 1.15)
        self.version_label = QLabel(self.tr("Version {version}").format(version=__version__))
        self.version_label.setObjectName("aboutVersion")
        description = ThaiLabel(
            self.tr(
                "Offline app for Thai provincial planning workshops: registration, "
                "brainstorming, voting, minutes and action plans."
            )
        )
        description.setWordWrap(True)

        self.components = licenses.bundled_components(qt_version=qVersion())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._versions_tab(), self.tr("Versions"))
        self.tabs.addTab(self._licenses_tab(), self.tr("Licenses"))
        self.ofl_view = QPlainTextEdit()
        self.ofl_view.setObjectName("oflText")
        self.ofl_view.setReadOnly(True)
        self.ofl_view.setPlainText(licenses.ofl_text())
        self.ofl_tab_index = self.tabs.addTab(self.ofl_view, self.tr("Font license (OFL)"))

        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(
            self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setToolTip(
            self.tr("Copy the versions and licenses, to paste into a message to support.")
        )
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(thai_name)
        layout.addWidget(english_name)
        layout.addWidget(self.version_label)
        layout.addWidget(description)
        layout.addSpacing(6)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(940, 640)  # the license list shows every home page in full

    # --- tabs ------------------------------------------------------------------------------------

    def _versions_tab(self) -> QWidget:
        not_installed = self.tr("not installed")
        # The versions are those of the license list, read once from the metadata.
        bundled = {component.name: component for component in self.components}
        self.versions: list[tuple[str, str]] = [
            *(
                (label, bundled[name].version if bundled[name].installed else not_installed)
                for label, name in VERSION_ROWS
            ),
            (self.tr("Database schema revision"), head_revision()),
            (self.tr("Operating system"), platform.platform(terse=True)),
        ]
        page = QWidget()
        form = QFormLayout(page)
        for label, value in self.versions:
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, shown)
        return page

    def _licenses_tab(self) -> QWidget:
        page = QWidget()
        self.font_line = ThaiLabel(
            self.tr("Sarabun font: {license}, © The Sarabun Project Authors").format(
                license=licenses.OFL_NAME
            )
        )
        self.font_line.setObjectName("aboutFontLicense")
        self.font_line.setWordWrap(True)
        qt_line = ThaiLabel(
            self.tr("Qt and PySide6: GNU Lesser General Public License version 3 (LGPL-3.0)")
        )
        qt_line.setWordWrap(True)
        self.ofl_button = QPushButton(self.tr("Show the font license text"))
        self.ofl_button.setObjectName("showOflButton")
        self.ofl_button.clicked.connect(self.show_ofl)

        self.license_tree = QTreeWidget()
        self.license_tree.setObjectName("licenseList")
        self.license_tree.setRootIsDecorated(False)
        self.license_tree.setAlternatingRowColors(True)
        self.license_tree.setHeaderLabels(
            [self.tr("Component"), self.tr("Version"), self.tr("License"), self.tr("Home page")]
        )
        not_installed = self.tr("not installed")
        for component in self.components:
            item = QTreeWidgetItem(
                [
                    component.name,
                    component.version if component.installed else not_installed,
                    component.license,
                    component.url,
                ]
            )
            item.setToolTip(2, component.license)
            if component.url:
                item.setToolTip(3, self.tr("Double-click to open {url}").format(url=component.url))
            self.license_tree.addTopLevelItem(item)
        header = self.license_tree.header()
        header.setStretchLastSection(True)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.license_tree.itemActivated.connect(self._open_home_page)
        note = ThaiLabel(
            self.tr(
                "Each Python package is shown with the license it declares; its home page "
                "has the source and the full license text."
            )
        )
        note.setWordWrap(True)

        layout = QVBoxLayout(page)
        layout.addWidget(self.font_line)
        layout.addWidget(qt_line)
        layout.addWidget(self.ofl_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.license_tree, 1)
        layout.addWidget(note)
        return page

    # --- actions ---------------------------------------------------------------------------------

    def show_ofl(self) -> None:
        self.tabs.setCurrentIndex(self.ofl_tab_index)
        self.ofl_view.setFocus()

    def _open_home_page(self, item: QTreeWidgetItem, _column: int) -> None:
        url = item.text(3)
        if url:
            QDesktopServices.openUrl(QUrl(url))

    def details_text(self) -> str:
        """Plain text of what the dialog shows (without the OFL text), for support."""
        lines = [f"{APP_NAME_EN} / {APP_NAME_TH} {__version__}", ""]
        lines += [f"{label}: {value}" for label, value in self.versions]
        lines.append("")
        for component in self.components:
            version = component.version if component.installed else self.tr("not installed")
            url = f"  <{component.url}>" if component.url else ""
            lines.append(f"{component.name} {version} — {component.license}{url}")
        return "\n".join(lines) + "\n"

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
        self.copy_button.setText(self.tr("Copied"))
