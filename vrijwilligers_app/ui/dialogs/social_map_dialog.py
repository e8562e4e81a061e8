"""Sociale kaart: the organisations volunteers refer residents to, edited in one window.

A list on the left (active first; inactive ones greyed), the chosen organisation's form on
the right. Checks are the service's (services.social_map); a refusal keeps what was typed
and names each field. Organisations are switched off ("niet meer actief"), never deleted:
referrals keep pointing at them. Changes that were not saved are asked about before moving
to another organisation or closing.
"""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.validation import format_phone
from vrijwilligers_app.services.editing import FormErrors, code_options
from vrijwilligers_app.services.social_map import (
    LABELS,
    DestinationRow,
    list_destinations,
    save_destination,
)
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.confirm import Confirm, Unsaved
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fields import CodesField
from vrijwilligers_app.ui.widgets.form_rows import error_label

COLUMNS = ("Organisatie", "Leefdomeinen", "Reactie", "Verwijzingen")


class SocialMapDialog(QDialog):
    changed = Signal()  # something was saved: destination lists elsewhere may refresh

    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.runner = runner
        self.setWindowTitle("Sociale kaart")
        self.rows: list[DestinationRow] = []
        self.current_id: int | None = None
        self._dirty = False
        self._loading = False
        self._select_after_load: int | None = None
        self.domain_names = dict(code_options(engine, "life_domain"))

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Organisaties op de sociale kaart")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Name and leefdomeinen share the width (full text in the tooltip); the numbers fit.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("Samenleven, Wonen, W"))
        for column in range(2, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(self._row_changed)

        self.organisation = QLineEdit()
        self.service = QLineEdit()
        self.service.setPlaceholderText("bijv. schuldhulp, spreekuur, wijkverpleging")
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("0492-123456")
        self.email = QLineEdit()
        self.email.setPlaceholderText("naam@organisatie.nl")
        self.website = QLineEdit()
        self.website.setPlaceholderText("https://www.organisatie.nl")
        self.response_days = QLineEdit()
        self.response_days.setPlaceholderText("leeg = geen afspraak")
        self.response_days.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 14))
        self.domains = CodesField(list(self.domain_names.items()))
        self.active = QCheckBox("Actief: aangeboden bij nieuwe doorverwijzingen")
        self.inputs = {"organisation": self.organisation, "service": self.service,
                       "phone": self.phone, "email": self.email, "website": self.website,
                       "agreed_response_days": self.response_days,
                       "life_domains": self.domains.widget, "active": self.active}
        self.box = QGroupBox("Organisatie")
        form = QFormLayout(self.box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.errors: dict[str, QLabel] = {}
        captions = dict(LABELS, agreed_response_days="Reactietermijn (dagen)")
        for key, widget in self.inputs.items():
            label = QLabel(captions[key])
            label.setBuddy(widget)
            widget.setAccessibleName(captions[key])
            error = error_label()
            self.errors[key] = error
            cell = QVBoxLayout()
            cell.setSpacing(2)
            if widget is self.response_days:  # a narrow input; its message gets the full width
                narrow = QHBoxLayout()
                narrow.addWidget(widget)
                narrow.addStretch(1)
                cell.addLayout(narrow)
            else:
                cell.addWidget(widget)
            cell.addWidget(error)
            form.addRow(label, cell)
        for edit in (self.organisation, self.service, self.phone, self.email, self.website,
                     self.response_days):
            edit.textEdited.connect(self._mark_dirty)
        self.domains.changed.connect(self._mark_dirty)
        self.active.toggled.connect(self._mark_dirty)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.new_button = QPushButton("Nieuwe organisatie")
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new)
        self.save_button = QPushButton("Opslaan")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close_button = QPushButton("Sluiten")
        close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.New, self, self.new)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.box)
        right_layout.addWidget(self.status)
        right_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        intro = QLabel("Organisaties waarnaar vrijwilligers doorverwijzen. Een organisatie "
                       "die stopt, zet u op niet actief: eerdere doorverwijzingen blijven.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(1100, screen.width()), min(680, int(screen.height() * 0.9)))
        self.box.setEnabled(False)
        self.reload()

    # ------------------------------------------------------------------ list
    def reload(self, select_id: int | None = None) -> None:
        self._select_after_load = select_id if select_id is not None else self.current_id
        self.status.setText("Laden…")
        self.runner.run(list_destinations, self.engine, on_done=self._loaded,
                        on_error=self._failed)

    def _loaded(self, rows: list[DestinationRow]) -> None:
        self.rows = rows
        self._loading = True
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.name, ", ".join(self.domain_names.get(c, c) for c in row.life_domains),
                     "" if row.agreed_response_days is None else f"{row.agreed_response_days} d",
                     str(row.referrals))
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if not row.active:
                    item.setForeground(self.palette().placeholderText())
                    if c == 0:
                        item.setText(f"{value} (niet actief)")
                self.table.setItem(r, c, item)
        self._loading = False
        self.status.setText(f"{len(rows)} organisaties, waarvan "
                            f"{sum(r.active for r in rows)} actief.")
        wanted = self._select_after_load
        index = next((i for i, r in enumerate(rows) if r.id == wanted), 0 if rows else -1)
        if index >= 0 and not self._dirty:
            self.table.setCurrentCell(index, 0)
            self._show(rows[index])

    def _row_changed(self, row: int, _column: int, previous: int, _pc: int) -> None:
        if self._loading or row == previous or not 0 <= row < len(self.rows):
            return
        if not self._may_leave():
            self._loading = True
            self.table.setCurrentCell(previous, 0)
            self._loading = False
            return
        self._show(self.rows[row])

    # ------------------------------------------------------------------ form
    def _show(self, row: DestinationRow | None) -> None:
        self.current_id = row.id if row else None
        # '&' in a name is text, not a keyboard-shortcut marker
        self.box.setTitle(row.name.replace("&", "&&") if row else "Nieuwe organisatie")
        self.organisation.setText(row.organisation if row else "")
        self.service.setText(row.service if row else "")
        self.phone.setText(format_phone(row.phone) if row else "")
        self.email.setText(row.email if row else "")
        self.website.setText(row.website if row else "")
        days = row.agreed_response_days if row else None
        self.response_days.setText("" if days is None else str(days))
        self.domains.set(list(row.life_domains) if row else [])
        self.active.blockSignals(True)
        self.active.setChecked(row.active if row else True)
        self.active.blockSignals(False)
        self._show_errors({})
        self._dirty = False
        self.box.setEnabled(True)

    def values(self) -> dict[str, object]:
        return {"organisation": self.organisation.text(), "service": self.service.text(),
                "phone": self.phone.text(), "email": self.email.text(),
                "website": self.website.text(),
                "agreed_response_days": self.response_days.text(),
                "life_domains": self.domains.get(), "active": self.active.isChecked()}

    def _mark_dirty(self, *_args: object) -> None:
        self._dirty = True

    def new(self) -> None:
        if not self._may_leave():
            return
        self.table.clearSelection()
        self._show(None)
        self.organisation.setFocus()

    def save(self) -> None:
        if not self.box.isEnabled():
            return
        if self.current_id is not None and not self.active.isChecked():
            row = next((r for r in self.rows if r.id == self.current_id), None)
            if row is not None and row.active and not Confirm.ask(
                    self, "Niet meer actief",
                    f"{row.name} niet meer aanbieden bij nieuwe doorverwijzingen? Eerdere "
                    f"doorverwijzingen ({row.referrals}) blijven bewaard.",
                    yes="Niet meer actief"):
                return
        self.save_button.setEnabled(False)
        self.runner.run(save_destination, self.engine, self.values(), self.current_id,
                        write=True, on_done=self._saved, on_error=self._save_failed)

    def _saved(self, destination_id: int) -> None:
        self.save_button.setEnabled(True)
        self._dirty = False
        self.current_id = destination_id
        self.changed.emit()
        self.reload(destination_id)
        self.status.setText(f"Opgeslagen ({date.today():%d-%m-%Y}).")

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, FormErrors):
            self._show_errors(exc.errors)
            self.status.setText("Niet opgeslagen: verbeter wat hierboven in rood staat.")
        else:
            self.status.setText(f"Niet opgeslagen: {exc}")

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(f"De sociale kaart kon niet worden gelezen: {exc}")

    def _show_errors(self, errors: dict[str, str]) -> None:
        first = None
        for key, label in self.errors.items():
            message = errors.get(key, "")
            label.setText(message)
            label.setVisible(bool(message))
            if message and first is None:
                first = self.inputs[key]
        if first is not None:
            first.setFocus()

    def _may_leave(self) -> bool:
        if not self._dirty:
            return True
        answer = Confirm.unsaved(self, self.organisation.text() or "Deze organisatie")
        if answer is Unsaved.CANCEL:
            return False
        if answer is Unsaved.SAVE:
            self.save()
            return not self._dirty
        self._dirty = False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_leave():
            event.accept()
        else:
            event.ignore()

    def reject(self) -> None:  # Esc
        if self._may_leave():
            super().reject()
