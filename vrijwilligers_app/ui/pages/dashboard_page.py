"""Overzicht: how many of each kind, and the aandachtspunten that need someone today."""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.dutch_format import thousands
from vrijwilligers_app.services.attention import AttentionItem, attention_items
from vrijwilligers_app.services.overview import Counts, register_counts
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.tasks import TaskRunner

CARDS = (
    ("initiatives_active", "Actieve initiatieven", "initiatives"),
    ("volunteers_active", "Actieve vrijwilligers", "volunteers"),
    ("residents", "Inwoners", "residents"),
    ("matches_active", "Lopende maatjeskoppelingen", "matches"),
    ("referrals_open", "Open doorverwijzingen", "referrals"),
    ("activities", "Activiteiten", "activities"),
)


def _big(label: QLabel, factor: float) -> None:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)


class DashboardPage(QWidget):
    open_record = Signal(str, int)  # register kind, record id

    def __init__(self, engine: Engine, runner: TaskRunner) -> None:
        super().__init__()
        self.engine = engine
        self.runner = runner
        layout = QVBoxLayout(self)
        heading = QLabel("Overzicht")
        _big(heading, 1.5)
        layout.addWidget(heading)
        grid = QGridLayout()
        self.numbers: dict[str, QLabel] = {}
        for i, (key, caption, _kind) in enumerate(CARDS):
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            card = QVBoxLayout(frame)
            number = QLabel("…")
            _big(number, 2.0)
            number.setAccessibleName(caption)
            text = QLabel(caption)
            text.setWordWrap(True)
            card.addWidget(number)
            card.addWidget(text)
            self.numbers[key] = number
            grid.addWidget(frame, i // 3, i % 3)
        layout.addLayout(grid)
        self.empty_hint = QLabel("Het register is nog leeg. Kies Bestand → Welkom en eerste "
                                 "stappen… om te proberen met demogegevens, of begin met Nieuw "
                                 "op een van de onderdelen links.")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        layout.addWidget(self.empty_hint)
        attention = QLabel("Aandachtspunten")
        _big(attention, 1.15)
        layout.addWidget(attention)
        self.items = QListWidget()
        self.items.setObjectName("attention_list")
        self.items.setAccessibleName("Aandachtspunten")
        attention.setBuddy(self.items)
        self.items.itemActivated.connect(self._activated)
        layout.addWidget(self.items, 1)

    def refresh(self) -> None:
        """Two reads side by side: the counts (quick) show before the attention list, which
        looks through every referral, match and VOG."""
        today = date.today()
        self.runner.run(register_counts, self.engine, on_done=self._show_counts)
        self.runner.run(attention_items, self.engine, today, on_done=self._show_items)

    def _show_counts(self, counts: Counts) -> None:
        for key, label in self.numbers.items():
            label.setText(thousands(getattr(counts, key)))
        self.empty_hint.setVisible(counts.is_empty())

    def _show_items(self, items: list[AttentionItem]) -> None:
        self.items.clear()
        for item in items:
            entry = QListWidgetItem(item.text)
            if item.kind:  # some items have no page to open yet
                entry.setData(Qt.ItemDataRole.UserRole, (item.kind, item.record_id))
            self.items.addItem(entry)
        if not items:
            self.items.addItem("Geen aandachtspunten. Alles is bijgewerkt.")

    def _activated(self, entry: QListWidgetItem) -> None:
        target = entry.data(Qt.ItemDataRole.UserRole)
        if target:
            self.open_record.emit(*target)
