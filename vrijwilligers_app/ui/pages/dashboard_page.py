"""Overzicht: how many of each kind, and the aandachtspunten that need someone today.

At start-up the page may be built before the register is open (engine None) to show the
counts read beside the opening (window_pages.show_early_counts); `attach` gives it the engine.
Nothing here imports SQLAlchemy before then."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.dutch_format import thousands
from vrijwilligers_app.services.overview import Counts, register_counts
from vrijwilligers_app.ui.tasks import TaskRunner

if TYPE_CHECKING:  # these services load SQLModel (and the tables): after the first paint
    from vrijwilligers_app.services.attention import AttentionItem
    from vrijwilligers_app.services.privacy.retention import DueResident
    from vrijwilligers_app.store.handle import Engine

def _due(engine: Engine, today: date) -> tuple[list[DueResident], list[int]]:
    """Residents and anonymous referrals past their retention term (on the runner)."""
    from vrijwilligers_app.services.privacy.retention import (  # under ui/warmup's lock
        due_anonymous_referrals,
        due_residents,
    )

    return due_residents(engine, today), due_anonymous_referrals(engine, today)


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

    def __init__(self, engine: Engine | None, runner: TaskRunner) -> None:
        super().__init__()
        self.engine = engine
        self.runner = runner
        layout = QVBoxLayout(self)
        heading = QLabel("Overzicht")
        _big(heading, 1.5)
        layout.addWidget(heading)
        grid = QGridLayout()
        self.numbers: dict[str, QLabel] = {}
        self.captions = {key: caption for key, caption, _kind in CARDS}
        for i, (key, caption, _kind) in enumerate(CARDS):
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            card = QVBoxLayout(frame)
            number = QLabel("…")
            _big(number, 2.0)
            number.setAccessibleName(f"{caption}: wordt geteld")
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
        self.due: list[DueResident] = []
        self.due_referrals = 0
        retention = QHBoxLayout()
        self.retention_label = QLabel()
        self.retention_label.setObjectName("retention_label")
        self.retention_label.setWordWrap(True)
        self.retention_button = QPushButton("Bekijken en anonimiseren…")
        self.retention_button.setObjectName("retention_button")
        self.retention_button.clicked.connect(self.open_retention)
        retention.addWidget(self.retention_label, 1)
        retention.addWidget(self.retention_button)
        self.retention_row = QFrame()
        self.retention_row.setFrameShape(QFrame.Shape.StyledPanel)
        self.retention_row.setLayout(retention)
        self.retention_row.hide()
        layout.addWidget(self.retention_row)
        attention = QLabel("Aandachtspunten")
        _big(attention, 1.15)
        layout.addWidget(attention)
        self.items = QListWidget()
        self.items.setObjectName("attention_list")
        self.items.setAccessibleName("Aandachtspunten")
        # Long items (the VOG advice) wrap instead of running off to the right.
        self.items.setWordWrap(True)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setResizeMode(QListWidget.ResizeMode.Adjust)
        attention.setBuddy(self.items)
        self.items.itemActivated.connect(self._activated)
        layout.addWidget(self.items, 1)

    def refresh(self) -> None:
        """Two reads side by side: the counts (quick) show before the attention list, which
        looks through every referral, match and VOG."""
        today = date.today()
        engine = self.engine
        assert engine is not None, "refresh once the register is open"

        def items() -> list[AttentionItem]:
            from vrijwilligers_app.services.attention import (
                DEFAULT_VOG_WARNING_WEEKS,
                VOG_WARNING_SETTING,
                attention_items,
            )
            from vrijwilligers_app.store.settings import get_int_setting

            weeks = get_int_setting(engine, VOG_WARNING_SETTING, DEFAULT_VOG_WARNING_WEEKS)
            return attention_items(engine, today, vog_weeks=weeks)

        self.runner.run(register_counts, engine, on_done=self._show_counts)
        self.runner.run(items, on_done=self._show_items)
        self.runner.run(_due, engine, today, on_done=self._show_due)

    def open_retention(self) -> None:
        from vrijwilligers_app.ui.dialogs.retention_dialog import RetentionDialog

        assert self.engine is not None  # the button shows after a refresh
        dialog = RetentionDialog(self.engine, self.runner, self.due, self,
                                 anonymous_referrals=self.due_referrals)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished_run.connect(lambda _n: self.refresh())
        dialog.open()

    def _show_due(self, result: tuple[list[DueResident], list[int]]) -> None:
        self.due, referrals = result
        self.due_referrals = len(referrals)
        self.retention_row.setVisible(bool(self.due or referrals))
        more = (f" en {len(referrals)} anonieme doorverwijzing"
                f"{'' if len(referrals) == 1 else 'en'} met vrije tekst" if referrals else "")
        self.retention_label.setText(
            f"<b>Bewaartermijn verstreken: {len(self.due)} inwoner"
            f"{'' if len(self.due) == 1 else 's'}{more}</b>. De gegevens kunnen worden "
            "geanonimiseerd; de cijfers blijven gelijk.")

    def show_counts(self, counts: Counts) -> None:
        """Counts read elsewhere (before the register was open); refresh reads its own."""
        self._show_counts(counts)

    def _show_counts(self, counts: Counts) -> None:
        for key, label in self.numbers.items():
            label.setText(thousands(getattr(counts, key)))
            # A screen reader reads the number with its caption ("Inwoners: 1.204").
            label.setAccessibleName(f"{self.captions[key]}: {label.text()}")
        self.empty_hint.setVisible(counts.is_empty())

    def _show_items(self, items: list[AttentionItem]) -> None:
        self.items.clear()
        for item in items:
            entry = QListWidgetItem(item.text)
            if item.kind:  # some items have no page to open yet
                entry.setData(Qt.ItemDataRole.UserRole, (item.kind, item.record_id))
            entry.setToolTip(item.text)  # long VOG advice: the whole text on hover as well
            self.items.addItem(entry)
        if not items:
            self.items.addItem("Geen aandachtspunten. Alles is bijgewerkt.")

    def _activated(self, entry: QListWidgetItem) -> None:
        target = entry.data(Qt.ItemDataRole.UserRole)
        if target:
            self.open_record.emit(*target)
