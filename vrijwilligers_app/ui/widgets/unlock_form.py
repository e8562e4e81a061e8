"""Typing the passphrase or herstelsleutel: used by the start dialog and by the lock page.

Three wrong tries are free; after that each try must wait, longer every time (5 s, 10 s,
20 s … at most 5 minutes), and the wait is shown as a countdown while the window stays
usable. A wrong key gets one calm message that says nothing about files. The Argon2id check
(about a second) runs on the TaskRunner, never on the GUI thread.
"""

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from vrijwilligers_app.store.errors import RegisterError
from vrijwilligers_app.store.keys import WrongKeyError
from vrijwilligers_app.ui.tasks import TaskRunner

FREE_TRIES = 3
FIRST_WAIT_S = 5
MAX_WAIT_S = 300
WRONG = "Dit wachtwoord of deze herstelsleutel klopt niet. Controleer het en probeer opnieuw."


def wait_after(failures: int) -> int:
    """Seconds to wait before the next try, after `failures` wrong tries in a row."""
    if failures < FREE_TRIES:
        return 0
    return int(min(MAX_WAIT_S, FIRST_WAIT_S * 2 ** (failures - FREE_TRIES)))


class UnlockForm(QWidget):
    unlocked = Signal(bytes)

    def __init__(self, verify: Callable[[str], bytes], runner: TaskRunner,
                 button_text: str = "Openen", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verify = verify
        self.runner = runner
        self.failures = 0
        self.remaining = 0
        layout = QVBoxLayout(self)
        label = QLabel("&Wachtwoord of herstelsleutel")
        self.field = QLineEdit()
        self.field.setObjectName("unlock_passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName("Wachtwoord of herstelsleutel")
        label.setBuddy(self.field)
        self.show_text = QPushButton("Toon")
        self.show_text.setCheckable(True)
        self.show_text.setAccessibleName("Wachtwoord tonen")
        self.show_text.toggled.connect(lambda on: self.field.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.show_text)
        self.button = QPushButton(button_text)
        self.button.setObjectName("unlock_button")
        self.button.setDefault(True)
        self.button.clicked.connect(self.try_unlock)
        self.field.returnPressed.connect(self.try_unlock)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("unlock_message")
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.button)
        layout.addWidget(self.message)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._tick)

    def reset(self) -> None:
        self.field.clear()
        self.message.clear()
        self.field.setFocus()

    def try_unlock(self) -> None:
        if self.remaining > 0 or not self.button.isEnabled():
            return
        text = self.field.text()
        if not text.strip():
            self._say("Typ het wachtwoord of de herstelsleutel.")
            return
        self._set_busy(True)
        self._say("Bezig met controleren…", error=False)
        self.runner.run(self.verify, text, on_done=self._verified, on_error=self._refused)

    def _verified(self, key: bytes) -> None:
        self.failures = 0
        self._set_busy(False)
        self.field.clear()
        self.message.clear()
        self.unlocked.emit(key)

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, WrongKeyError):
            self._say(str(exc) if isinstance(exc, RegisterError)
                      else "Het controleren is mislukt; probeer het opnieuw.")
            return
        self.failures += 1
        self.field.selectAll()
        self.remaining = wait_after(self.failures)
        if self.remaining:
            self._set_busy(True)
            self._show_wait()
            self.countdown.start()
        else:
            self._say(WRONG)

    def _tick(self) -> None:
        self.remaining = max(0, self.remaining - 1)
        if self.remaining:
            self._show_wait()
            return
        self.countdown.stop()
        self._set_busy(False)
        self._say(f"{WRONG} U kunt het nu opnieuw proberen.")
        self.field.setFocus()

    def _show_wait(self) -> None:
        self._say(f"{WRONG} Te vaak geprobeerd: wacht nog {self.remaining} "
                  f"seconde{'' if self.remaining == 1 else 'n'}.")

    def _set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        self.field.setReadOnly(busy)

    def _say(self, text: str, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a11d1d;" if error else "")
