"""Gemeente: laptops (sources) waiting in quarantine, to accept or refuse (issue 17).

A package signed by a key nobody here accepted is not read. This list shows each such key's
fingerprint, the name the laptop gave itself and when it was first seen; the user compares
the fingerprint with what the laptop shows (by phone or on paper) and accepts it, after which
its waiting exports are read, or refuses it. Both ask for confirmation first.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.exchange.merge import accept_and_import
from vrijwilligers_app.services.exchange.quarantine import Waiting, refuse, waiting_sources
from vrijwilligers_app.services.exchange.scan import Report
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.dialogs.gemeente_list_dialog import GemeenteListDialog
from vrijwilligers_app.ui.tasks import TaskRunner

COLUMNS = ("Vingerafdruk", "Naam van de laptop", "Bron", "Eerst gezien", "Exports")


class QuarantineDialog(GemeenteListDialog):
    changed = Signal()  # a key was accepted (figures change) or refused

    def __init__(self, register: Register, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        table = QTableWidget(0, len(COLUMNS))
        table.setObjectName("quarantine_table")
        table.setAccessibleName("Bronnen in quarantaine")
        table.setHorizontalHeaderLabels(list(COLUMNS))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        super().__init__(
            register, runner, parent, title="Bronnen in quarantaine",
            intro="Exports van deze laptops zijn nog niet ingelezen: hun sleutel is nog niet "
                  "geaccepteerd. Vergelijk de vingerafdruk met wat de laptop toont "
                  "(telefonisch of op papier) voordat u accepteert.",
            view=table, message_name="quarantine_result",
            actions=("&Accepteren…", "&Weigeren…"), lines=24)
        self.table = table
        self.waiting: list[Waiting] = []
        self.accept_button, self.refuse_button = self.action_buttons
        self.accept_button.clicked.connect(self._accept_selected)
        self.refuse_button.clicked.connect(self._refuse_selected)
        self.table.itemSelectionChanged.connect(self._enable)
        self.reload()

    def reload(self) -> None:
        self.load(waiting_sources, self._show)

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
        self.shown(bool(waiting), "Er wachten geen bronnen.")
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
        self.act(accept_and_import, self.register.data_dir,
                 item.fingerprint, on_done=self._accepted)

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
        self.act(refuse, item.fingerprint, on_done=self._refused)

    def _refused(self, waiting: Waiting) -> None:
        self.message.setText(f"'{waiting.name or waiting.source_id[:8]}' geweigerd.")
        self.changed.emit()
        self.reload()
