"""Toestemming vastleggen and Toestemming intrekken: small forms over services.consents.

All checks are the service's; a refusal keeps what was typed and names the field to fix.
"""

from datetime import date
from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from vrijwilligers_app.domain import consent as rules
from vrijwilligers_app.services.consents import (
    ConsentRow,
    Withdrawal,
    record_consent,
    withdraw_consent,
)
from vrijwilligers_app.services.editing import FormErrors
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.choices import destination_choices
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fields import DateField, narrow_combo
from vrijwilligers_app.ui.widgets.form_rows import (
    add_row,
    error_label,
    save_buttons,
    scrolling_form_layout,
    show_failure,
)


def _fit(dialog: QDialog, width: int, height: int) -> None:
    screen = dialog.screen().availableGeometry()
    dialog.resize(min(width, screen.width()), min(height, int(screen.height() * 0.9)))


class ConsentDialog(QDialog):
    """Record one consent of a resident; `created_id` is set when saved."""

    def __init__(self, engine: Engine, runner: TaskRunner, resident_id: int, resident: str,
                 purpose: str = rules.RECORDING, destination_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.runner, self.resident_id = engine, runner, resident_id
        self.created_id: int | None = None
        self.setWindowTitle("Toestemming vastleggen")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        who = QLabel(f"Inwoner: {resident}")
        who.setWordWrap(True)
        form.addRow(who)
        self.purpose = narrow_combo(QComboBox(), 30)
        for code, label in rules.PURPOSES.items():
            self.purpose.addItem(label, code)
        self.destination = narrow_combo(QComboBox(), 30)
        self.destination.addItem("(kies de organisatie)", None)
        self.given_on = DateField("dd-mm-jjjj")
        self.given_on.set(date.today())
        self.how = narrow_combo(QComboBox())
        for code, label in rules.HOW.items():
            self.how.addItem(label, code)
        self.recorded_by = QLineEdit()
        self.recorded_by.setPlaceholderText("uw naam")
        self.recorded_by.setMaxLength(80)
        add_row(form, "Waarvoor", self.purpose)
        add_row(form, "Organisatie (bij delen)", self.destination)
        add_row(form, "Gegeven op", self.given_on.widget, self.given_on.focus_widget())
        add_row(form, "Hoe", self.how)
        add_row(form, "Vastgelegd door", self.recorded_by)
        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        self.purpose.setCurrentIndex(max(0, self.purpose.findData(purpose)))
        self._purpose_changed()
        self.error = error_label()
        buttons, self.save_button = save_buttons(self.save, self.reject)
        scrolling_form_layout(self, form, self.error, buttons)
        _fit(self, 520, 520)
        runner.run(destination_choices, engine,
                   on_done=partial(self._fill_destinations, destination_id))

    def _fill_destinations(self, wanted: int | None, choices: list[tuple[int, str]]) -> None:
        for option_id, name in choices:
            self.destination.addItem(name, option_id)
        if wanted is not None:
            self.destination.setCurrentIndex(max(0, self.destination.findData(wanted)))

    def _purpose_changed(self) -> None:
        self.destination.setEnabled(self.purpose.currentData() == rules.SHARING)

    def values(self) -> dict[str, object]:
        sharing = self.purpose.currentData() == rules.SHARING
        return {"purpose": self.purpose.currentData(),
                "destination_id": self.destination.currentData() if sharing else None,
                "given_on": self.given_on.get() or None, "how": self.how.currentData(),
                "recorded_by": self.recorded_by.text()}

    def save(self) -> None:
        self.save_button.setEnabled(False)
        self.runner.run(record_consent, self.engine, self.resident_id, self.values(),
                        date.today(), write=True, on_done=self._saved, on_error=self._failed)

    def _saved(self, consent_id: int) -> None:
        self.created_id = consent_id
        self.save_button.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_failure(self.error, exc, (FormErrors,))


class WithdrawDialog(QDialog):
    """Withdraw one consent: says what it stops, asks the date; this dialog is the
    confirmation. `result_value` holds the service's Withdrawal when done."""

    def __init__(self, engine: Engine, runner: TaskRunner, resident_id: int,
                 consent: ConsentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.runner, self.resident_id = engine, runner, resident_id
        self.consent = consent
        self.result_value: Withdrawal | None = None
        self.setWindowTitle("Toestemming intrekken")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        what = QLabel(f"Intrekken: {consent.what} (gegeven op "
                      f"{consent.given_on:%d-%m-%Y}). Vanaf de datum hieronder geldt deze "
                      "toestemming niet meer; wat eerder gedeeld is, ziet u daarna.")
        what.setWordWrap(True)
        form.addRow(what)
        self.withdrawn_on = DateField("dd-mm-jjjj")
        self.withdrawn_on.set(date.today())
        add_row(form, "Ingetrokken op", self.withdrawn_on.widget,
                self.withdrawn_on.focus_widget())
        self.error = error_label()
        buttons, self.save_button = save_buttons(self.save, self.reject, "Intrekken")
        scrolling_form_layout(self, form, self.error, buttons)
        _fit(self, 480, 320)

    def save(self) -> None:
        self.save_button.setEnabled(False)
        self.runner.run(withdraw_consent, self.engine, self.resident_id, self.consent.purpose,
                        self.consent.destination_id, self.withdrawn_on.get() or None,
                        date.today(), write=True, on_done=self._done, on_error=self._failed)

    def _done(self, result: Withdrawal) -> None:
        self.result_value = result
        self.save_button.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_failure(self.error, exc, (FormErrors,))
