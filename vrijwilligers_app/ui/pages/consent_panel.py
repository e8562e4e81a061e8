"""The Toestemming tab of a resident: the consent ledger, record, withdraw (with Ctrl+Z), and
the printable toestemmingsformulier."""

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.consents import (
    ConsentRow,
    ledger,
    record_consent,
    remove_consent,
    restore_consent,
)
from vrijwilligers_app.services.editing import record_label
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.consent_dialog import ConsentDialog, WithdrawDialog
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.record_table import record_table

HEADERS = ("Waarvoor", "Gegeven op", "Hoe", "Door", "Ingetrokken op")
NO_RESIDENT = "Kies een inwoner in de lijst (een nieuwe inwoner eerst opslaan)."


def _load(engine: Engine, resident_id: int) -> tuple[str, list[ConsentRow]]:
    label = record_label(engine, "residents", resident_id).removeprefix("Inwoner ")
    return label, ledger(engine, resident_id)


class _ConsentCommand(QUndoCommand):
    """Undo/redo of a consent written by a dialog: the first redo is the dialog's own write."""

    def __init__(self, panel: "ConsentPanel", text: str, undo: tuple[Any, ...],
                 redo: tuple[Any, ...]) -> None:
        super().__init__(text)
        self.panel, self.undo_call, self.redo_call, self.first = panel, undo, redo, True

    def redo(self) -> None:
        if self.first:
            self.first = False
            return
        self.panel.run_write(*self.redo_call)

    def undo(self) -> None:
        self.panel.run_write(*self.undo_call)


class ConsentPanel(QWidget):
    changed = Signal(int)  # resident id
    status = Signal(str)
    form_requested = Signal(int)  # resident id: print the toestemmingsformulier

    def __init__(self, engine: Engine, runner: TaskRunner, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.runner, self.undo_stack = engine, runner, undo_stack
        self.resident_id: int | None = None
        self.resident_name = ""
        self.rows: list[ConsentRow] = []
        self.state = QLabel(NO_RESIDENT)
        self.state.setWordWrap(True)
        self.table = record_table(HEADERS, "consent_ledger", "Toestemmingen van de inwoner")
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Names may be long: a fixed width (the full name in the tooltip) leaves room for
        # the purpose, the column that matters.
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, self.fontMetrics().averageCharWidth() * 13)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.record_button = QPushButton("Toestemming &vastleggen…")
        self.record_button.clicked.connect(lambda: self.open_record())
        self.withdraw_button = QPushButton("&Intrekken…")
        self.withdraw_button.clicked.connect(self.open_withdraw)
        self.form_button = QPushButton("Toestemmings&formulier (PDF)…")
        self.form_button.clicked.connect(
            lambda: self.resident_id is not None and self.form_requested.emit(self.resident_id))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QGridLayout()  # two lines: fits beside the list at text size 200 %
        buttons.addWidget(self.record_button, 0, 0)
        buttons.addWidget(self.withdraw_button, 0, 1)
        buttons.addWidget(self.form_button, 1, 0, 1, 2)
        buttons.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._update_buttons()

    # --- showing -------------------------------------------------------------------------
    def show_resident(self, resident_id: int | None, name: str = "") -> None:
        self.resident_id, self.resident_name = resident_id, name
        self.message.clear()
        self.reload()

    def reload(self) -> None:
        if self.resident_id is None:
            self._fill([])
            return
        resident_id = self.resident_id
        self.runner.run(_load, self.engine, resident_id,
                        on_done=lambda loaded: self._loaded(resident_id, *loaded))

    def _loaded(self, resident_id: int, name: str, rows: list[ConsentRow]) -> None:
        if resident_id == self.resident_id:
            self.resident_name = name
            self._fill(rows)

    def _fill(self, rows: list[ConsentRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for row, consent in enumerate(rows):
            texts = (consent.short, format_date_nl(consent.given_on), consent.how,
                     consent.recorded_by or "—",
                     format_date_nl(consent.withdrawn_on) if consent.withdrawn_on else "")
            for column, value in enumerate(texts):
                item = QTableWidgetItem(value)
                item.setToolTip(consent.what if column == 0 else value)
                if consent.withdrawn_on is not None:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if self.resident_id is None:
            self.state.setText(NO_RESIDENT)
        elif not any(r.purpose == "vastleggen" and r.withdrawn_on is None for r in rows):
            self.state.setText("Let op: er is geen geldige toestemming om de gegevens van deze "
                               "inwoner vast te leggen. Leg die vast, of gebruik Vergeten.")
        else:
            current = sum(1 for r in rows if r.withdrawn_on is None)
            self.state.setText(f"{current} geldige toestemming(en); ingetrokken toestemmingen "
                               "blijven grijs zichtbaar.")
        self._update_buttons()

    def selected(self) -> ConsentRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and \
            self.table.selectionModel().hasSelection() else None

    def _update_buttons(self) -> None:
        has_resident = self.resident_id is not None
        self.record_button.setEnabled(has_resident)
        self.form_button.setEnabled(has_resident)
        chosen = self.selected()
        self.withdraw_button.setEnabled(chosen is not None and chosen.withdrawn_on is None)

    # --- writing -------------------------------------------------------------------------
    def open_record(self, purpose: str = "vastleggen",
                    destination_id: int | None = None) -> ConsentDialog | None:
        if self.resident_id is None:
            return None
        self.dialog = ConsentDialog(self.engine, self.runner, self.resident_id,
                                    self.resident_name, purpose, destination_id, self)
        self.dialog.accepted.connect(self._recorded)
        self.dialog.open()
        return self.dialog

    def _recorded(self) -> None:
        dialog = self.dialog
        if dialog.created_id is None or self.resident_id is None:
            return
        values = dialog.values()
        holder = {"id": dialog.created_id}
        resident_id = self.resident_id

        def again(engine: Engine) -> None:
            holder["id"] = record_consent(engine, resident_id, values, date.today())

        def undo(engine: Engine) -> None:
            remove_consent(engine, holder["id"])

        self.undo_stack.push(_ConsentCommand(self, "toestemming vastleggen", (undo,),
                                             (again,)))
        self.status.emit("Toestemming vastgelegd; Ctrl+Z maakt het ongedaan.")
        self._written()

    def open_withdraw(self) -> WithdrawDialog | None:
        chosen = self.selected()
        if self.resident_id is None or chosen is None or chosen.withdrawn_on is not None:
            return None
        self.withdraw_dialog = WithdrawDialog(self.engine, self.runner, self.resident_id,
                                              chosen, self)
        self.withdraw_dialog.accepted.connect(self._withdrawn)
        self.withdraw_dialog.open()
        return self.withdraw_dialog

    def _withdrawn(self) -> None:
        result = self.withdraw_dialog.result_value
        if result is None:
            return
        consent_id = result.consent_id
        withdrawn = self.withdraw_dialog.withdrawn_on.get()
        chosen = self.withdraw_dialog.consent
        resident_id = self.withdraw_dialog.resident_id

        def again(engine: Engine) -> None:
            from vrijwilligers_app.services.consents import withdraw_consent

            withdraw_consent(engine, resident_id, chosen.purpose, chosen.destination_id,
                             withdrawn, date.today())

        self.undo_stack.push(_ConsentCommand(self, "toestemming intrekken",
                                             (restore_consent, consent_id), (again,)))
        self.message.setText(result.summary)
        self.status.emit("Toestemming ingetrokken; Ctrl+Z maakt het ongedaan.")
        self._written()

    def run_write(self, fn: Any, *args: Any) -> None:
        self.runner.run(fn, self.engine, *args, write=True,
                        on_done=lambda _r: self._written())

    def _written(self) -> None:
        if self.resident_id is not None:
            self.changed.emit(self.resident_id)
        self.reload()
