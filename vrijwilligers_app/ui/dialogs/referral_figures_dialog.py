"""Wachttijden en doorlooptijden: the Adviesraad's figures, per organisation, leefdomein,
urgency or wijk, for a period. Open referrals are never dropped: they count as still
waiting (censored), so a median that is not reached yet reads "meer dan N dagen"."""

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

from vrijwilligers_app.domain.waiting_times import DurationStats
from vrijwilligers_app.services.referral_figures import FigureRow, referral_figures
from vrijwilligers_app.ui.tasks import TaskRunner

GROUPS = (("destination", "Organisatie"), ("life_domain", "Leefdomein"),
          ("urgency", "Urgentie"), ("district", "Wijk"))
PERIODS = ((91, "Laatste 3 maanden"), (365, "Laatste 12 maanden"), (0, "Alles"))
HEADERS = ("Groep", "Aantal", "Nog open", "Wachttijd mediaan", "Wachttijd 90%",
           "Wachttijd max", "Doorlooptijd mediaan", "Doorlooptijd 90%", "Doorlooptijd max",
           "Eerste contact binnen termijn")


def days_text(value: int | None, stats: DurationStats, is_max: bool = False) -> str:
    if value is None:
        if stats.count == 0:
            return "—"
        oldest = stats.oldest_open
        return f"meer dan {oldest} d" if oldest is not None else "—"
    suffix = " (open)" if is_max and stats.maximum_open else ""
    return f"{value} d{suffix}"


def row_cells(row: FigureRow) -> list[str]:
    f = row.figures
    share = f.share_on_time
    return [row.label if row.key is not None else "Totaal", str(f.referrals),
            str(f.waiting.open + f.not_registered),
            days_text(f.waiting.median, f.waiting), days_text(f.waiting.p90, f.waiting),
            days_text(f.waiting.maximum, f.waiting, True),
            days_text(f.lead.median, f.lead), days_text(f.lead.p90, f.lead),
            days_text(f.lead.maximum, f.lead, True),
            "—" if share is None else f"{round(share * 100)} %"]


class ReferralFiguresDialog(QDialog):
    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.runner = runner
        self._generation = 0
        self.setWindowTitle("Wachttijden en doorlooptijden")
        self.group = QComboBox()
        for key, label in GROUPS:
            self.group.addItem(label, key)
        self.period = QComboBox()
        for days, label in PERIODS:
            self.period.addItem(label, days)
        self.period.setCurrentIndex(1)
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
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        explain = QLabel("Wachttijd: van aanmelding bij de organisatie tot het eerste contact. "
                         "Doorlooptijd: van aanmelding tot geholpen of afgesloten. Open "
                         "doorverwijzingen tellen mee als nog wachtend (Kaplan-Meier); "
                         "'meer dan N d' betekent dat de helft (of 90%) nog wacht. 'Eerste "
                         "contact binnen termijn': binnen de reactietermijn die met de "
                         "organisatie is afgesproken (sociale kaart).")
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
        self.resize(min(1100, int(screen.width() * 0.95)), min(560, int(screen.height() * 0.85)))
        self.refresh()

    def refresh(self, today: date | None = None) -> None:
        today = today or date.today()
        days = int(self.period.currentData())
        start = today - timedelta(days=days) if days else date(1900, 1, 1)
        self._generation += 1
        generation = self._generation
        self.status.setText("Berekenen…")
        self.runner.run(referral_figures, self.engine, self.group.currentData(), start, today,
                        today, on_done=lambda rows: self._show(generation, rows))

    def _show(self, generation: int, rows: list[FigureRow]) -> None:
        if generation != self._generation:
            return
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row_cells(row)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c:
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
                                    self.fontMetrics().averageCharWidth() * 38))
        self.status.setText("Geen doorverwijzingen in deze periode." if not rows else "")
