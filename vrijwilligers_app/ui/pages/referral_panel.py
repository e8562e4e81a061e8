"""Beside the Doorverwijzingen list: the selected referral's status history, and a short form
to add what happened (a past date is fine; the service checks the order of events)."""

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.referral_rules import EVENT_KINDS
from vrijwilligers_app.domain.validation import format_date_nl, parse_date_nl
from vrijwilligers_app.services.editing import FormErrors
from vrijwilligers_app.services.referrals import HistoryLine, add_event, referral_history
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.choices import destination_choices
from vrijwilligers_app.ui.pages.panel import RegisterPanel
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fields import DateField, narrow_combo
from vrijwilligers_app.ui.widgets.form_rows import add_row, error_label


class ReferralPanel(RegisterPanel):
    """The referral's details, its status history and the form to add a status."""

    new_requested = Signal()
    figures_requested = Signal()
    social_map_requested = Signal()

    def __init__(self, engine: Engine, runner: TaskRunner, details: QWidget) -> None:
        super().__init__()
        self.engine = engine
        self.runner = runner
        self.referral_id: int | None = None
        self.history = QListWidget()
        self.history.setObjectName("history_list")
        self.history.setAccessibleName("Statusgeschiedenis")
        history_label = QLabel("<b>Statusgeschiedenis</b>")
        history_label.setBuddy(self.history)
        self.form_box = QGroupBox("Status toevoegen")
        form = QFormLayout(self.form_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.kind = narrow_combo(QComboBox())
        for kind, label in EVENT_KINDS.items():
            if kind != "gesignaleerd":
                self.kind.addItem(label, kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.when = DateField("dd-mm-jjjj")
        self.destination = narrow_combo(QComboBox())
        self.reload_destinations()
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText("bijv. nog geen afspraak, inwoner wordt deze week gebeld")
        self.note = QLineEdit()
        self.note.setPlaceholderText("korte notitie (geen medische details)")
        for caption, widget in (("Wat gebeurde er?", self.kind),
                                ("Datum", self.when.edit), ("Doorgestuurd naar", self.destination),
                                ("Uitkomst van het nabellen", self.outcome),
                                ("Notitie", self.note)):
            add_row(form, caption, self.when.widget if widget is self.when.edit else widget,
                    widget)
        self.error = error_label()
        self.add_button = QPushButton("Toevoegen")
        self.add_button.clicked.connect(self.add)
        form.addRow(self.error)
        form.addRow(self.add_button)
        self.new_button = QPushButton("Nieuwe doorverwijzing…")
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_requested)
        self.figures_button = QPushButton("Wachttijden…")
        self.figures_button.setToolTip("Wachttijden en doorlooptijden per organisatie")
        self.figures_button.clicked.connect(self.figures_requested)
        self.social_map_button = QPushButton("Sociale kaart…")
        self.social_map_button.setToolTip("Organisaties waarnaar u doorverwijst: toevoegen, "
                                          "wijzigen, op niet actief zetten")
        self.social_map_button.clicked.connect(self.social_map_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.figures_button)
        buttons.addWidget(self.social_map_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The page's own actions: the register page keeps them above the scrolling panel.
        self.actions_bar = QWidget()
        self.actions_bar.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.actions_bar)
        layout.addWidget(details)
        layout.addWidget(history_label)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.form_box)
        self._kind_changed()
        self.show_record(None)

    def reload_destinations(self) -> None:
        """The active organisations of the sociale kaart (again, after it was edited)."""
        self.runner.run(destination_choices, self.engine, on_done=self._fill_destinations)

    def _fill_destinations(self, choices: list[tuple[int, str]]) -> None:
        chosen = self.destination.currentData()
        self.destination.clear()
        for destination_id, name in choices:
            self.destination.addItem(name, destination_id)
        self.destination.setCurrentIndex(max(self.destination.findData(chosen), 0))

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.destination.setEnabled(kind == "doorgestuurd")
        self.outcome.setEnabled(kind == "nagebeld")

    def show_record(self, referral_id: int | None) -> None:
        self.referral_id = referral_id
        self.form_box.setEnabled(referral_id is not None)
        self.error.hide()
        self.history.clear()
        if referral_id is None:
            return
        self.when.set(date.today())
        self.note.clear()
        self.outcome.clear()
        for line in referral_history(self.engine, referral_id):
            self.history.addItem(_describe(line))

    def add(self) -> None:
        if self.referral_id is None:
            return
        try:
            when = parse_date_nl(str(self.when.get()), "Datum")
        except ValueError as exc:
            self._show_error(str(exc))
            return
        if when is None:
            self._show_error("Datum: vul de dag in waarop het gebeurde (dd-mm-jjjj).")
            return
        kind = self.kind.currentData()
        destination = self.destination.currentData() if kind == "doorgestuurd" else None
        referral_id = self.referral_id
        self.add_button.setEnabled(False)
        self.runner.run(add_event, self.engine, referral_id, kind, when,
                        self.note.text().strip(), self.outcome.text().strip(), destination,
                        write=True, on_done=lambda _id: self._added(referral_id),
                        on_error=self._failed)

    def _added(self, referral_id: int) -> None:
        self.add_button.setEnabled(True)
        self.show_record(referral_id)
        self.changed.emit(referral_id)  # a new status

    def _failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        if isinstance(exc, FormErrors):
            self._show_error(str(exc))
        else:
            self._show_error(f"Niet opgeslagen: {exc}")

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def _describe(line: HistoryLine) -> str:
    parts = [f"{format_date_nl(line.occurred_at.date())}  {line.label}"]
    if line.outcome:
        parts.append(f"uitkomst: {line.outcome}")
    if line.note:
        parts.append(line.note)
    if line.source == "gemeente":
        parts.append("(teruggemeld door de gemeente)")
    return " · ".join(parts)
