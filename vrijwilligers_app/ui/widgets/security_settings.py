"""Instellingen › Beveiliging: change the passphrase, remember the key on this account,
lock after N minutes."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from vrijwilligers_app.services import remember
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.store.settings import get_int_setting, set_setting
from vrijwilligers_app.ui.lock import DEFAULT_MINUTES, SETTING
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.form_rows import add_row

REMEMBER_TEXT = (
    "Als dit aan staat, opent het register zonder wachtwoord zolang u op deze computer met "
    "uw eigen Windows-account bent aangemeld. Wie uw account kan gebruiken, kan dan ook het "
    "register openen. Het bestand zelf (of een back-up) blijft zonder wachtwoord onleesbaar. "
    "Zet dit alleen aan op een laptop die alleen u gebruikt, met een eigen Windows-wachtwoord."
)


class SecuritySettings(QGroupBox):
    lock_minutes_changed = Signal(int)
    status = Signal(str)

    def __init__(self, register: Register, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__("Beveiliging", parent)
        self.register = register
        self.runner = runner
        form = QFormLayout(self)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setObjectName("auto_lock_minutes")
        self.lock_minutes.setRange(1, 240)
        self.lock_minutes.setSuffix(" minuten zonder gebruik")
        self.lock_minutes.setValue(get_int_setting(register.engine, SETTING, DEFAULT_MINUTES))
        self.lock_minutes.valueChanged.connect(self._minutes)
        add_row(form, "Vergrendelen na", self.lock_minutes)
        self.change_button = QPushButton("Wachtwoord wijzigen…")
        self.change_button.clicked.connect(self.change_passphrase)
        form.addRow("", self.change_button)
        self.remember = QCheckBox("Onthoud op dit Windows-account")
        self.remember.setObjectName("remember_key")
        available = remember.available()
        self.remember.setChecked(available and remember.is_remembered(register.data_dir))
        self.remember.setEnabled(available)
        self.remember.toggled.connect(self._remember)
        form.addRow("", self.remember)
        explanation = QLabel(REMEMBER_TEXT if available else
                             REMEMBER_TEXT + " (Op deze computer is geen sleutelbos beschikbaar.)")
        explanation.setWordWrap(True)
        form.addRow("", explanation)
        if register.key is None:
            self.setEnabled(False)

    def _minutes(self, value: int) -> None:
        set_setting(self.register.engine, SETTING, str(value))
        self.lock_minutes_changed.emit(value)

    def _remember(self, on: bool) -> None:
        data_dir, key = self.register.data_dir, self.register.key
        if on and key is not None:
            if not remember.remember(data_dir, key):
                self.remember.setChecked(False)
                self.status.emit("De sleutel kon niet in de sleutelbos worden bewaard.")
                return
            self.status.emit("Het register opent voortaan zonder wachtwoord op dit account.")
        else:
            remember.forget(data_dir)
            self.status.emit("Het register vraagt voortaan weer om het wachtwoord.")

    def change_passphrase(self) -> None:
        from vrijwilligers_app.ui.dialogs.change_passphrase import ChangePassphraseDialog

        if self.register.key is None:
            return
        self.dialog = ChangePassphraseDialog(self.register.data_dir, self.register.key,
                                             self.runner, self)
        self.dialog.accepted.connect(lambda: self.status.emit("Het wachtwoord is gewijzigd."))
        self.dialog.open()
