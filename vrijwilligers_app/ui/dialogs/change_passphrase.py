"""Wachtwoord wijzigen: the current passphrase (or herstelsleutel), then the new one twice.
Only the wrapping of the data key changes; the register itself is not rewritten."""

import hmac
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services.passphrase import setup_problem, strength
from vrijwilligers_app.store import keys
from vrijwilligers_app.store.errors import RegisterError
from vrijwilligers_app.ui.tasks import TaskRunner


def change(data_dir: Path, data_key: bytes, current: str, new: str) -> None:
    if not hmac.compare_digest(keys.unlock(data_dir, current), data_key):
        raise keys.WrongKeyError()
    keys.change_passphrase(data_dir, data_key, new)


class ChangePassphraseDialog(QDialog):
    def __init__(self, data_dir: Path, data_key: bytes, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Wachtwoord wijzigen")
        self.data_dir, self.data_key, self.runner = data_dir, data_key, runner
        form = QFormLayout()
        self.current = self._field(form, "&Huidig wachtwoord of herstelsleutel", "current")
        self.new = self._field(form, "&Nieuw wachtwoord", "new")
        self.repeat = self._field(form, "N&og een keer", "repeat")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a11d1d;")
        self.new.textChanged.connect(self._hint)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton("Wijzigen", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._hint()

    def _field(self, form: QFormLayout, text: str, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(f"passphrase_{name}")
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(text.replace("&", ""))
        label = QLabel(text)
        label.setBuddy(field)
        form.addRow(label, field)
        return field

    def _hint(self) -> None:
        result = strength(self.new.text())
        self.hint.setText(f"Sterkte: {result.label}. {result.advice}" if self.new.text()
                          else "Minstens 10 tekens; een zin van een paar woorden is het sterkst.")

    def submit(self) -> None:
        problem = setup_problem(self.new.text())
        if problem is None and self.new.text() != self.repeat.text():
            problem = "De twee nieuwe wachtwoorden zijn niet gelijk."
        if problem:
            self.message.setText(problem)
            return
        self.ok.setEnabled(False)
        self.message.setText("Bezig…")
        self.runner.run(change, self.data_dir, self.data_key, self.current.text(),
                        self.new.text(), on_done=lambda _r: self.accept(),
                        on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.message.setText(str(exc) if isinstance(exc, RegisterError)
                             else "Het wijzigen is mislukt; er is niets veranderd.")
