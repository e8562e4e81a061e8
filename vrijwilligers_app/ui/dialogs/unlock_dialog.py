"""Opening an encrypted register: passphrase or herstelsleutel."""

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from vrijwilligers_app.store import keys
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.unlock_form import UnlockForm


class UnlockDialog(QDialog):
    def __init__(self, data_dir: Path, runner: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Vrijwilligersregister openen")
        self.data_key: bytes | None = None
        self.runner = runner or TaskRunner(self)
        layout = QVBoxLayout(self)
        intro = QLabel("Het register is versleuteld. Typ het wachtwoord, of de herstelsleutel "
                       "als u het wachtwoord kwijt bent.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = UnlockForm(lambda text: keys.unlock(data_dir, text), self.runner)
        self.form.unlocked.connect(self._unlocked)
        layout.addWidget(self.form)
        buttons = QDialogButtonBox()
        buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 240)

    def _unlocked(self, key: bytes) -> None:
        self.data_key = key
        self.accept()
