"""Cijfers activiteiten: per initiatief, wijk or month for a year or the last 12 months:
activities held, visitors per type, unique named participants, volunteer hours."""

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

from vrijwilligers_app.services.activities.figures import ActivityFigures, activity_figures
from vrijwilligers_app.ui.tasks import TaskRunner

GROUPS = (("initiative", "Initiatief"), ("district", "Wijk"), ("month", "Maand"))


def _hours(value: float) -> str:
    return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def periods(today: date) -> list[tuple[str, date, date]]:
    year = today.year
    return [("Laatste 12 maanden", today - timedelta(days=364), today),
            (str(year), date(year, 1, 1), date(year, 12, 31)),
            (str(year - 1), date(year - 1, 1, 1), date(year - 1, 12, 31))]


class ActivityFiguresDialog(QDialog):
    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.engine, self.runner = engine, runner
        self.today = today or date.today()
        self._generation = 0
        self.setWindowTitle("Cijfers activiteiten")
        self.group = QComboBox()
        for key, label in GROUPS:
            self.group.addItem(label, key)
        self.period = QComboBox()
        for label, start, end in periods(self.today):
            self.period.addItem(label, (start, end))
        self.status = QLabel()
        top = QHBoxLayout()
        for caption, box in (("Per", self.group), ("Periode", self.period)):
            label = QLabel(caption)
            label.setBuddy(box)
            box.setAccessibleName(caption)
            top.addWidget(label)
            top.addWidget(box)
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addStretch(1)
        top.addWidget(self.status)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("figures_table")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        explain = QLabel("Afgelaste activiteiten tellen niet mee (apart genoemd). Deelnemers "
                         "met naam: verschillende personen; wie bij meer groepen kwam telt in "
                         "het totaal één keer. Uren: uit het rooster of zoals ingevuld; wie "
                         "niet kwam telt 0; toekomstige diensten tellen nog niet.")
        explain.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(explain)
        layout.addWidget(close)
        screen = self.screen().availableGeometry()
        self.resize(min(1240, int(screen.width() * 0.95)), min(560, int(screen.height() * 0.85)))
        self.refresh()

    def refresh(self) -> None:
        start, end = self.period.currentData()
        self._generation += 1
        generation = self._generation
        self.status.setText("Berekenen…")
        self.runner.run(activity_figures, self.engine, start, end, self.group.currentData(),
                        None, None, self.today, on_done=lambda f: self._show(generation, f))

    def _show(self, generation: int, figures: ActivityFigures) -> None:
        if generation != self._generation:
            return
        # Two-line headers keep the ten columns inside the dialog.
        headers = [self.group.currentText(), "Activiteiten", "Afgelast",
                   *(name.replace(" ", "\n", 1) for _code, name in figures.visitor_types),
                   "Bezoekers\ntotaal", "Deelnemers\nmet naam", "Vrijwilligers", "Uren",
                   "Niet\ngekomen"]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(figures.rows))
        for r, row in enumerate(figures.rows):
            cells = [row.label, str(row.activities), str(row.cancelled),
                     *(str(row.visitors[code]) for code, _name in figures.visitor_types),
                     str(row.visitors_total), str(row.participants), str(row.volunteers),
                     _hours(row.volunteer_hours), str(row.no_shows)]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if row.key is None:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.status.setText("" if figures.total.activities or figures.total.cancelled
                            else "Geen activiteiten in deze periode.")
