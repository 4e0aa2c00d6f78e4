"""The board's timer and projector box: the facilitator's countdown (also on the
projector), the button that shows or hides the projector, and whether the projector
shows every issue."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from workshop_app.ui.board_data import BoardData


class TimerBox(QGroupBox):
    """Drives the board's countdown and its projector switches; shows the time left."""

    def __init__(self, board: BoardData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Timer and projector"))
        self.countdown = countdown = board.countdown
        self.timer_label = QLabel()
        self.timer_label.setObjectName("boardTimer")
        self.timer_label.setStyleSheet("font-size:22pt; font-weight:bold;")
        self.minutes = QDoubleSpinBox()
        self.minutes.setObjectName("timerMinutes")
        self.minutes.setRange(0.5, 240)
        self.minutes.setDecimals(1)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(countdown.remaining() / 60)
        self.minutes.valueChanged.connect(countdown.set_minutes)
        self.start_button = QPushButton()
        self.start_button.setObjectName("timerStart")
        self.start_button.clicked.connect(self.toggle_timer)
        reset_button = QPushButton(self.tr("Reset"))
        reset_button.setObjectName("timerReset")
        reset_button.clicked.connect(countdown.reset)
        self.projector_button = QPushButton()
        self.projector_button.setObjectName("openProjector")
        self.set_projector_shown(False)
        self.show_all = QCheckBox(self.tr("Projector shows all issues"))
        self.show_all.setObjectName("projectorShowAll")
        self.show_all.toggled.connect(board.set_show_all)
        layout = QGridLayout(self)
        layout.addWidget(self.timer_label, 0, 0, 1, 2)
        layout.addWidget(self.minutes, 1, 0)
        layout.addWidget(self.start_button, 1, 1)
        layout.addWidget(reset_button, 2, 0, 1, 2)
        layout.addWidget(self.projector_button, 3, 0, 1, 2)
        layout.addWidget(self.show_all, 4, 0, 1, 2)
        countdown.changed.connect(self.update_timer)
        self.update_timer()

    def set_projector_shown(self, shown: bool) -> None:
        self.projector_button.setText(
            self.tr("Hide projector (F9)") if shown else self.tr("Show on projector (F9)")
        )

    def update_timer(self) -> None:
        self.timer_label.setText(self.countdown.text())
        self.start_button.setText(self.tr("Pause") if self.countdown.running else self.tr("Start"))

    def toggle_timer(self) -> None:
        if self.countdown.running:
            self.countdown.pause()
        else:
            self.countdown.start()
