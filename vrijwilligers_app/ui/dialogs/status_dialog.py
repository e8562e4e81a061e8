"""Gemeente: add a status to a laptop's referral (issue 17), instead of typing pseudonyms on
the command line. Find the referral by short number, laptop (source), organisation or period;
choose it; add a status with its date. The next return package carries it to the laptop.
"""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain import referral_rules as rules
from vrijwilligers_app.domain.validation import ValidationError, format_date_nl, parse_date_nl
from vrijwilligers_app.services.exchange.gemeente_access import on_gemeente_store
from vrijwilligers_app.services.exchange.gemeente_returns import add_status_event
from vrijwilligers_app.services.exchange.referral_lookup import ReferralHit, find_referrals
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.ui.dialogs.gemeente_list_dialog import failure_text
from vrijwilligers_app.ui.tasks import TaskRunner

COLUMNS = ("Nummer", "Laptop", "Gesignaleerd", "Status", "Organisatie", "Urgentie")
KINDS = [(kind, label) for kind, label in rules.EVENT_KINDS.items() if kind != "gesignaleerd"]


def _labelled(grid: QGridLayout, row: int, column: int, text: str, field: QWidget) -> None:
    label = QLabel(text)
    label.setBuddy(field)
    field.setAccessibleName(text.replace("&", ""))
    grid.addWidget(label, row, column)
    grid.addWidget(field, row, column + 1)


class StatusDialog(QDialog):
    added = Signal(str)  # the new status event's id

    def __init__(self, register: Register, runner: TaskRunner,
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.runner = runner
        self.today = today or date.today()
        self.hits: list[ReferralHit] = []
        self.setWindowTitle("Status van een doorverwijzing doorgeven")
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        search = QGridLayout()
        self.number = QLineEdit()
        self.number.setPlaceholderText("bijv. 3f9a1c2e")
        self.source = QLineEdit()
        self.organisation = QLineEdit()
        self.start = QLineEdit()
        self.start.setPlaceholderText("dd-mm-jjjj")
        self.end = QLineEdit()
        self.end.setPlaceholderText("dd-mm-jjjj")
        _labelled(search, 0, 0, "&Nummer", self.number)
        _labelled(search, 0, 2, "&Laptop (bron)", self.source)
        _labelled(search, 1, 0, "&Organisatie", self.organisation)
        _labelled(search, 1, 2, "Gesignaleerd &vanaf", self.start)
        _labelled(search, 2, 2, "&tot en met", self.end)
        self.search_button = QPushButton("&Zoeken")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        search.addWidget(self.search_button, 2, 1)
        layout.addLayout(search)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("status_referrals")
        self.table.setAccessibleName("Gevonden doorverwijzingen")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(self.fontMetrics().height() * 8)
        self.table.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.table, 1)

        form = QFormLayout()
        self.kind = QComboBox()
        for kind, label in KINDS:
            self.kind.addItem(label, kind)
        self.kind.setAccessibleName("Nieuwe status")
        self.kind.currentIndexChanged.connect(self._enable)
        self.on = QLineEdit(format_date_nl(self.today))
        self.on.setAccessibleName("Datum van de status")
        self.destination = QLineEdit()
        self.destination.setAccessibleName("Code van de organisatie (bij doorgestuurd)")
        form.addRow("Nieuwe &status", self.kind)
        form.addRow("&Datum", self.on)
        form.addRow("Doorgestuurd &naar (code)", self.destination)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("status_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton("Status &toevoegen",
                                            QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        self.add_button.clicked.connect(self.add)
        close.clicked.connect(self.reject)
        outer.addWidget(buttons)
        screen = self.screen().availableGeometry()  # 200 % text: never past the screen
        self.resize(min(self.fontMetrics().averageCharWidth() * 130, screen.width() - 40),
                    min(self.fontMetrics().height() * 36, int(screen.height() * 0.9)))
        self._enable()

    # --- finding ----------------------------------------------------------------------------
    def search(self) -> None:
        try:
            start = parse_date_nl(self.start.text(), "Gesignaleerd vanaf")
            end = parse_date_nl(self.end.text(), "Tot en met")
        except ValidationError as exc:
            self.message.setText(str(exc))
            return
        self.runner.run(on_gemeente_store, self.register.engine, find_referrals, self.number.text(),
                        self.source.text(), self.organisation.text(), start, end,
                        on_done=self._found, on_error=self._failed)

    def _found(self, hits: list[ReferralHit]) -> None:
        self.hits = hits
        self.table.setRowCount(len(hits))
        for row, hit in enumerate(hits):
            cells = (hit.short, hit.source_name, format_date_nl(hit.signalled_on),
                     rules.EVENT_KINDS.get(hit.status, hit.status),
                     hit.organisation_name or hit.organisation,
                     rules.URGENCIES.get(hit.urgency, hit.urgency))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.message.setText(f"{len(hits)} doorverwijzing(en) gevonden." if hits else
                             "Geen doorverwijzing gevonden; pas de zoekvelden aan.")
        if len(hits) == 1:
            self.table.selectRow(0)
        self._enable()

    def selected(self) -> ReferralHit | None:
        rows = self.table.selectionModel().selectedRows()
        return self.hits[rows[0].row()] if rows else None

    def _enable(self) -> None:
        self.add_button.setEnabled(self.selected() is not None)
        self.destination.setEnabled(self.kind.currentData() == "doorgestuurd")

    # --- adding -----------------------------------------------------------------------------
    def add(self) -> None:
        hit = self.selected()
        if hit is None:
            return
        try:
            on = parse_date_nl(self.on.text(), "Datum")
        except ValidationError as exc:
            self.message.setText(str(exc))
            return
        if on is None:
            self.message.setText("Datum: vul een datum in (dd-mm-jjjj).")
            return
        kind = str(self.kind.currentData())
        destination = self.destination.text().strip() if kind == "doorgestuurd" else ""
        self.runner.run(on_gemeente_store, self.register.engine, add_status_event,
                        hit.source_id, hit.key, kind,
                        on, destination, self.today, write=True,
                        on_done=lambda event_id: self._added(event_id, hit, kind, on),
                        on_error=self._failed)

    def _added(self, event_id: str, hit: ReferralHit, kind: str, on: date) -> None:
        self.message.setText(
            f"Status '{rules.EVENT_KINDS[kind]}' op {format_date_nl(on)} toegevoegd aan "
            f"doorverwijzing {hit.short} van {hit.source_name}; die gaat mee met de volgende "
            "terugmelding.")
        self.added.emit(event_id)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(failure_text(exc))
