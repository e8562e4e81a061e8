"""Cijfers maatjes: the waiting list, time from aanmelding to koppeling, running and ended
matches, per project or per wijk, for a period (services.maatjes.figures)."""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from vrijwilligers_app.services.maatjes.figures import BuddyFigureRow, buddy_figures
from vrijwilligers_app.ui.tasks import TaskRunner

GROUPS = (("initiative", "Project"), ("district", "Wijk"))
PERIODS = ((365, "Laatste 12 maanden"), (91, "Laatste 3 maanden"), (0, "Alles"))
HEADERS = ("Groep", "Wachtlijst", "Langst wachtend", "Voorgesteld", "Gekoppeld",
           "Mediaan tot koppeling", "Lopend", "Beëindigd", "Gem. duur", "Beëindigd wegens")


def _days(value: float | int | None) -> str:
    return "—" if value is None else f"{round(value)} d"


def row_cells(row: BuddyFigureRow) -> list[str]:
    f = row.figures
    reasons = ", ".join(f"{name} {count}" for _code, name, count in f.ended_by_reason)
    return [row.label, str(f.waiting), _days(f.longest_wait_days), str(f.proposed),
            str(f.matched), _days(f.median_days_to_match), str(f.active), str(f.ended),
            _days(f.average_duration_days), reasons or "—"]


class BuddyFiguresDialog(QDialog):
    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.runner = runner
        self._generation = 0
        self.rows: list[BuddyFigureRow] = []
        self.setWindowTitle("Cijfers maatjes")
        self.group = QComboBox()
        for key, label in GROUPS:
            self.group.addItem(label, key)
        self.period = QComboBox()
        for days, label in PERIODS:
            self.period.addItem(label, days)
        self.status = QLabel()
        top = QHBoxLayout()
        for caption, box in (("&Per", self.group), ("P&eriode", self.period)):
            label = QLabel(caption)
            label.setBuddy(box)
            box.setAccessibleName(caption.replace("&", ""))
            top.addWidget(label)
            top.addWidget(box)
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addStretch(1)
        top.addWidget(self.status)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("buddy_figures")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        explain = QLabel("Wachtlijst en langst wachtend: vandaag (aanmelding, intake of "
                         "wachtend op een maatje). Gekoppeld en mediaan: aanvragen waarvan de "
                         "eerste koppeling in de periode begon, dagen van aanmelding tot "
                         "koppelingsgesprek. Beëindigd en gemiddelde duur: koppelingen die in "
                         "de periode eindigden (een voorstel dat niet doorging telt niet mee).")
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(explain)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        screen = self.screen().availableGeometry()
        self.resize(min(1150, int(screen.width() * 0.95)), min(560, int(screen.height() * 0.85)))
        self.refresh()

    def refresh(self, today: date | None = None) -> None:
        today = today or date.today()
        days = int(self.period.currentData())
        start = today - timedelta(days=days) if days else None
        self._generation += 1
        generation = self._generation
        self.status.setText("Berekenen…")
        self.runner.run(buddy_figures, self.engine, self.group.currentData(), today, start,
                        today, on_done=lambda rows: self._show(generation, rows))

    def _show(self, generation: int, rows: list[BuddyFigureRow]) -> None:
        if generation != self._generation:
            return
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row_cells(row)):
                item = QTableWidgetItem(cell)
                item.setToolTip(cell)
                if 0 < c < len(HEADERS) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if row.key is None:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnToContents(0)
        header.resizeSection(0, min(header.sectionSize(0),
                                    self.fontMetrics().averageCharWidth() * 34))
        self.status.setText("" if len(rows) > 1 else "Nog geen aanmeldingen.")
