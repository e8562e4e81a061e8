"""First start: choose a passphrase (twice, with a strength hint), then see the herstelsleutel
with "Afdrukken…" and "Opslaan als PDF…", and confirm it was kept.

`PassphraseSetupPage` is self-contained so the welcome wizard can embed it as one of its
pages: watch `complete_changed(bool)` and read `data_key` when complete.
`PassphraseSetupDialog` wraps the page for a start without the wizard.
"""

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services.passphrase import KeySetup, setup_problem, strength
from vrijwilligers_app.services.reports.document import write_pdf
from vrijwilligers_app.services.reports.errors import ReportError
from vrijwilligers_app.services.reports.recovery_sheet import recovery_sheet_pdf
from vrijwilligers_app.store.errors import RegisterError
from vrijwilligers_app.ui.tasks import TaskRunner

INTRO = (
    "De gegevens van inwoners en vrijwilligers worden versleuteld opgeslagen. Zonder het "
    "wachtwoord kan niemand ze lezen, ook niet als de laptop kwijtraakt. Kies een wachtwoord "
    "dat u kunt onthouden: een korte zin van een paar woorden is sterk en makkelijk."
)
RECOVERY_INTRO = (
    "Dit is uw herstelsleutel. Hiermee opent u het register als u het wachtwoord vergeet. "
    "Druk hem af of sla hem op (bijvoorbeeld op een USB-stick) en bewaar hem op een veilige "
    "plek, niet op deze laptop. Raakt u wachtwoord én herstelsleutel kwijt, dan kan niemand "
    "het register nog openen."
)


class PassphraseSetupPage(QWidget):
    complete_changed = Signal(bool)

    def __init__(self, data_dir: Path, runner: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.runner = runner or TaskRunner(self)
        self.data_key: bytes | None = None
        self.recovery_key = ""
        self.steps = QStackedWidget()
        self.steps.addWidget(self._passphrase_step())
        self.steps.addWidget(self._recovery_step())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.steps)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._update_strength()

    # --- step 1 ------------------------------------------------------------------------------
    def _passphrase_step(self) -> QWidget:
        step = QWidget()
        layout = QVBoxLayout(step)
        layout.addWidget(QLabel("<h2>Het register beveiligen</h2>"))
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.passphrase = self._secret_field(layout, "&Wachtwoord", "setup_passphrase")
        self.repeat = self._secret_field(layout, "&Nog een keer", "setup_repeat")
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName("Sterkte van het wachtwoord")
        self.meter.setMaximumHeight(12)
        self.strength_label = QLabel()
        self.strength_label.setWordWrap(True)
        layout.addWidget(self.meter)
        layout.addWidget(self.strength_label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a11d1d;")
        layout.addWidget(self.message)
        self.create_button = QPushButton("&Herstelsleutel maken")
        self.create_button.setObjectName("setup_create")
        self.create_button.clicked.connect(self.create_keys)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.passphrase.textChanged.connect(self._update_strength)
        self.repeat.textChanged.connect(lambda _t: self.message.clear())
        self.repeat.returnPressed.connect(self.create_keys)
        return step

    def _secret_field(self, layout: QVBoxLayout, text: str, name: str) -> QLineEdit:
        label = QLabel(text)
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(text.replace("&", ""))
        label.setBuddy(field)
        layout.addWidget(label)
        layout.addWidget(field)
        return field

    def _update_strength(self) -> None:
        text = self.passphrase.text()
        result = strength(text)
        self.meter.setValue(result.score if text else 0)
        self.strength_label.setText(
            f"Sterkte: {result.label}. {result.advice}" if text else
            "Minstens 10 tekens; een zin van vier of meer woorden is het sterkst.")

    def create_keys(self) -> None:
        passphrase = self.passphrase.text()
        problem = setup_problem(passphrase)
        if problem is None and self.repeat.text() != passphrase:
            problem = "De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw."
        if problem:
            self.message.setText(problem)
            return
        try:
            setup = KeySetup.check_possible(self.data_dir)
        except RegisterError as exc:
            self.message.setText(str(exc))
            return
        self.create_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText("Bezig met het maken van de sleutels…")
        self.runner.run(setup.create, passphrase, on_done=self._created, on_error=self._failed)

    def _created(self, result: tuple[bytes, str]) -> None:
        self.data_key, self.recovery_key = result
        self.passphrase.clear()
        self.repeat.clear()
        groups = self.recovery_key.split("-")
        self.recovery_label.setText("-".join(groups[:4]) + "\n" + "-".join(groups[4:]))
        self.steps.setCurrentIndex(1)
        self.kept.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.message.setStyleSheet("color: #a11d1d;")
        self.message.setText(str(exc) if isinstance(exc, RegisterError)
                             else "De sleutels konden niet worden gemaakt.")

    # --- step 2 ------------------------------------------------------------------------------
    def _recovery_step(self) -> QWidget:
        step = QWidget()
        layout = QVBoxLayout(step)
        layout.addWidget(QLabel("<h2>Uw herstelsleutel</h2>"))
        intro = QLabel(RECOVERY_INTRO)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.recovery_label = QLabel()
        self.recovery_label.setObjectName("recovery_key")
        self.recovery_label.setWordWrap(True)
        self.recovery_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(self.font().pointSizeF() * 1.6)
        font.setBold(True)
        self.recovery_label.setFont(font)
        self.recovery_label.setAccessibleName("Herstelsleutel")
        layout.addWidget(self.recovery_label)
        buttons = QHBoxLayout()
        self.print_button = QPushButton("&Afdrukken…")
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button = QPushButton("&Opslaan als PDF…")
        self.save_button.clicked.connect(self.save_sheet)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.kept = QCheckBox("&Ik heb de herstelsleutel bewaard")
        self.kept.setObjectName("recovery_kept")
        self.kept.toggled.connect(self.complete_changed.emit)
        layout.addWidget(self.kept)
        layout.addStretch(1)
        return step

    def is_complete(self) -> bool:
        return self.data_key is not None and self.kept.isChecked()

    def sheet(self) -> bytes:
        return recovery_sheet_pdf(self.recovery_key, str(self.data_dir))

    def save_sheet(self) -> Path | None:
        target = self.ask_save_path(self, str(Path.home() / "herstelsleutel-register.pdf"))
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            write_pdf(self.sheet(), target)
        except ReportError as exc:
            QMessageBox.warning(self, "Opslaan mislukt", str(exc))
            return None
        return target

    def print_sheet(self) -> int:
        from vrijwilligers_app.ui.dialogs.reports_dialog import ReportsDialog
        from vrijwilligers_app.ui.pdf_print import PrintError, print_document

        buffer = QBuffer(self)
        buffer.setData(QByteArray(self.sheet()))  # in memory only: never a temp file
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(buffer)
        printer = ReportsDialog.ask_printer(self, document.pageCount())
        if printer is None:
            return 0
        try:
            return print_document(document, printer)
        except PrintError as exc:
            QMessageBox.warning(self, "Afdrukken mislukt", str(exc))
            return 0
        finally:
            document.close()
            buffer.close()

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: str) -> Path | None:
        """Tests replace this classmethod."""
        name, _filter = QFileDialog.getSaveFileName(parent, "Herstelsleutel opslaan als PDF",
                                                    suggested, "PDF-bestanden (*.pdf)")
        return Path(name) if name else None


class PassphraseSetupDialog(QDialog):
    """The first-start dialog when no welcome wizard embeds the page."""

    def __init__(self, data_dir: Path, runner: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Vrijwilligersregister: wachtwoord instellen")
        self.page = PassphraseSetupPage(data_dir, runner, self)
        buttons = QDialogButtonBox()
        self.done_button = buttons.addButton("Doorgaan", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        self.done_button.setEnabled(False)
        self.page.complete_changed.connect(
            lambda _c: self.done_button.setEnabled(self.page.is_complete()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)

    @property
    def data_key(self) -> bytes | None:
        return self.page.data_key if self.page.is_complete() else None
