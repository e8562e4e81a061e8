"""Gemeente: laptops (sources) waiting in quarantine, to accept or refuse (issue 17).

A package signed by a key nobody here accepted is not read. This list shows each such key's
fingerprint, the name the laptop gave itself and when it was first seen; the user compares
the fingerprint with what the laptop shows (by phone or on paper) and accepts it, after which
its waiting exports are read, or refuses it. Both ask for confirmation first.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.gemeente_access import on_gemeente_store
from vrijwilligers_app.services.exchange.merge import accept_and_import
from vrijwilligers_app.services.exchange.quarantine import Waiting, refuse, waiting_sources
from vrijwilligers_app.services.exchange.scan import Report
from vrijwilligers_app.store.errors import GemeenteDatabaseError
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.store.sqlite_text import dutch_reason
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.tasks import TaskRunner

COLUMNS = ("Vingerafdruk", "Naam van de laptop", "Bron", "Eerst gezien", "Exports")


class QuarantineDialog(QDialog):
    changed = Signal()  # a key was accepted (figures change) or refused

    def __init__(self, register: Register, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.runner = runner
        self.waiting: list[Waiting] = []
        self.setWindowTitle("Bronnen in quarantaine")
        layout = QVBoxLayout(self)
        intro = QLabel("Exports van deze laptops zijn nog niet ingelezen: hun sleutel is nog "
                       "niet geaccepteerd. Vergelijk de vingerafdruk met wat de laptop toont "
                       "(telefonisch of op papier) voordat u accepteert.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("quarantine_table")
        self.table.setAccessibleName("Bronnen in quarantaine")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("quarantine_result")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton("&Accepteren…",
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.refuse_button = buttons.addButton("&Weigeren…",
                                               QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.clicked.connect(self._accept_selected)
        self.refuse_button.clicked.connect(self._refuse_selected)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._enable)
        screen = self.screen().availableGeometry()  # 200 % text: never past the screen
        self.resize(min(self.fontMetrics().averageCharWidth() * 120, screen.width() - 40),
                    min(self.fontMetrics().height() * 24, int(screen.height() * 0.9)))
        self.reload()

    def reload(self) -> None:
        self.runner.run(on_gemeente_store, self.register.engine, waiting_sources,
                        on_done=self._show,
                        on_error=self._failed)

    def _show(self, waiting: list[Waiting]) -> None:
        self.waiting = waiting
        self.table.setRowCount(len(waiting))
        for row, item in enumerate(waiting):
            cells = (item.fingerprint, item.name or "–", item.source_id[:8],
                     format_date_nl(item.first_seen.date()), str(item.packages))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if waiting:
            self.table.selectRow(0)
        elif not self.message.text():
            self.message.setText("Er wachten geen bronnen.")
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.accept_button.setEnabled(chosen)
        self.refuse_button.setEnabled(chosen)

    def selected(self) -> Waiting | None:
        rows = self.table.selectionModel().selectedRows()
        return self.waiting[rows[0].row()] if rows else None

    def _accept_selected(self) -> None:
        item = self.selected()
        if item is None or not Confirm.ask(
                self, "Bron accepteren",
                f"Laptop '{item.name or item.source_id[:8]}' accepteren?\n\nVingerafdruk:\n"
                f"{item.fingerprint}\n\nKlopt deze vingerafdruk met wat de laptop toont? Daarna "
                "worden de exports van deze laptop ingelezen en tellen ze mee.",
                yes="Accepteren"):
            return
        self.runner.run(on_gemeente_store, self.register.engine, accept_and_import,
                        self.register.data_dir,
                        item.fingerprint, write=True, on_done=self._accepted,
                        on_error=self._failed)

    def _accepted(self, outcome: tuple[Waiting, Report]) -> None:
        waiting, report = outcome
        self.message.setText(f"'{waiting.name or waiting.source_id[:8]}' geaccepteerd.\n"
                            + report.as_text())
        self.changed.emit()
        self.reload()

    def _refuse_selected(self) -> None:
        item = self.selected()
        if item is None or not Confirm.ask(
                self, "Bron weigeren",
                f"Laptop '{item.name or item.source_id[:8]}' weigeren?\n\nVingerafdruk:\n"
                f"{item.fingerprint}\n\nExports met deze sleutel worden dan voortaan geweigerd.",
                yes="Weigeren"):
            return
        self.runner.run(on_gemeente_store, self.register.engine, refuse,
                        item.fingerprint, write=True,
                        on_done=self._refused, on_error=self._failed)

    def _refused(self, waiting: Waiting) -> None:
        self.message.setText(f"'{waiting.name or waiting.source_id[:8]}' geweigerd.")
        self.changed.emit()
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ExchangeError | GemeenteDatabaseError):  # Dutch already
            self.message.setText(f"Niet gelukt: {exc}")
        else:  # never SQLite's or Python's English text
            self.message.setText(f"Niet gelukt: {dutch_reason(exc)}.")
