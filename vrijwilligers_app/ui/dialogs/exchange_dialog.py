"""Exporteren naar de gemeente / Synchroniseren.

Shows, before anything is written, what will be shared (rows per table and what of them) and
what stays on the laptop, whether the file will be encrypted (with the gemeente key's
fingerprint), the folder (default from Instellingen), then exports or synchronises in the
background with progress, and says in Dutch what happened or why it was refused. The
gemeente's key file is imported here, with its fingerprint shown for checking.
"""

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services.exchange import keys as exchange_keys
from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.export import (
    FOLDER_SETTING,
    ExportResult,
    Preview,
    export_steps,
    preview,
)
from vrijwilligers_app.services.exchange.schema import EXPORT_TABLES
from vrijwilligers_app.services.exchange.sync import SyncResult, sync_steps
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.store.settings import get_setting, set_setting
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.dialogs.link_all_dialog import LinkAllDialog
from vrijwilligers_app.ui.models.formatting import format_value
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fit import cap_height, fit_to_screen


class ExchangeDialog(QDialog):
    def __init__(self, register: Register, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.runner = runner
        self._task: int | None = None  # the running export or sync, for Stoppen
        self.setWindowTitle("Exporteren naar de gemeente")
        layout = QVBoxLayout(self)
        intro = QLabel("Dit wordt gedeeld met de gemeente. Inwoners gaan alleen mee als "
                       "pseudoniem, met leeftijdsgroep, wijk en de 4 cijfers van de postcode, "
                       "en alleen met hun toestemming; de anderen tellen alleen mee in "
                       "aantallen per wijk.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("shared_table")
        self.table.setAccessibleName("Wat gedeeld wordt")
        self.table.setHorizontalHeaderLabels(["Gegevens", "Rijen", "Wat gaat mee"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Every table in sight without scrolling (11 compact rows).
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # ... as far as the screen allows (text size 200 %: the table scrolls).
        self.table.setMinimumHeight(cap_height(
            self.table.verticalHeader().defaultSectionSize() * (len(EXPORT_TABLES) + 1) + 6,
            self, 0.4))
        layout.addWidget(self.table, 1)
        self.left_out = QLabel("Laden…")
        self.left_out.setWordWrap(True)
        layout.addWidget(self.left_out)
        key_row = QHBoxLayout()
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key_row.addWidget(self.key_label, 1)
        self.key_button = QPushButton("Gemeentesleutel importeren…")
        self.key_button.clicked.connect(self._choose_key)
        key_row.addWidget(self.key_button)
        layout.addLayout(key_row)
        # One initiative once (issue 17): link this laptop's initiatives to the gemeente's list.
        self.link_button = QPushButton("&Initiatieven koppelen aan de gemeentelijst…")
        self.link_button.setObjectName("link_all_button")
        self.link_button.clicked.connect(self._link_initiatives)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_button)
        link_row.addStretch(1)
        layout.addLayout(link_row)
        folder_row = QHBoxLayout()
        folder_label = QLabel("&Map voor de uitwisseling")
        self.folder = QLineEdit(get_setting(register.engine, FOLDER_SETTING))
        self.folder.setPlaceholderText("bijv. een OneDrive-, Nextcloud- of USB-map")
        self.folder.setAccessibleName("Map voor de uitwisseling")
        folder_label.setBuddy(self.folder)
        choose = QPushButton("Kies map…")
        choose.clicked.connect(self._choose_folder)
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        layout.addLayout(folder_row)
        # Without a gemeente key: nothing is written, unless chosen on purpose for a USB stick.
        self.unencrypted = QCheckBox("&Toch onversleuteld exporteren (alleen voor een "
                                     "USB-stick, nooit in een synchronisatiemap)")
        self.unencrypted.setToolTip("Iedereen die het bestand in handen krijgt, kan het lezen "
                                    "(zonder namen, maar wel per inwoner).")
        self.unencrypted.toggled.connect(self._unencrypted_toggled)
        layout.addWidget(self.unencrypted)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.result_label = QLabel()
        self.result_label.setObjectName("exchange_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton("&Exporteren",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.sync_button = buttons.addButton("&Synchroniseren",
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.sync_button.setToolTip("Exporteren en daarna de terugmeldingen van de gemeente "
                                    "uit de map lezen")
        self.stop_button = buttons.addButton("S&toppen", QDialogButtonBox.ButtonRole.ActionRole)
        self.stop_button.setToolTip("De export afbreken; er blijft geen half bestand achter")
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self._stop)
        close = buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.clicked.connect(lambda: self._run(sync=False))
        self.sync_button.clicked.connect(lambda: self._run(sync=True))
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(max(self.sizeHint().width(), self.fontMetrics().averageCharWidth() * 120),
                    self.sizeHint().height())
        fit_to_screen(self)
        self._show_key()
        self.load_preview()

    def _link_initiatives(self) -> None:
        LinkAllDialog(self.register.engine, self).exec()
        self.load_preview()  # the export's initiatives now name their gemeente_id

    # --- what will be shared --------------------------------------------------------------
    def load_preview(self) -> None:
        self._busy(True)
        self.runner.run(preview, self.register.engine, self.register.data_dir,
                        on_done=self._preview_loaded, on_error=self._failed)

    def _preview_loaded(self, shown: Preview) -> None:
        self._busy(False)
        self.table.setRowCount(len(shown.lines))
        for row, line in enumerate(shown.lines):
            count = QTableWidgetItem(format_value(line.rows, "count"))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            # The title's "(…)" repeats the third column: keep the table narrow.
            title = line.title.split(" (")[0]
            for column, item in enumerate((QTableWidgetItem(title), count,
                                           QTableWidgetItem(line.what))):
                self.table.setItem(row, column, item)
        self.left_out.setText("Blijft op deze laptop: " + "; ".join(shown.left_out) + ".")
        self._fit()

    def _show_key(self) -> None:
        try:
            key = exchange_keys.pinned_gemeente_key(self.register.engine)
        except ExchangeError as exc:
            self.key_label.setText(str(exc))
            return
        self.unencrypted.setVisible(key is None)
        if key is None:
            self.key_label.setText("Nog geen gemeentesleutel: er wordt niets geëxporteerd tot "
                                   "u het sleutelbestand importeert dat de gemeente u gaf.")
        else:
            self.unencrypted.setChecked(False)
            self.key_label.setText(f"Versleuteld voor {key.name or 'de gemeente'}; "
                                   f"vingerafdruk van de sleutel: {key.fingerprint}")

    def _unencrypted_toggled(self, checked: bool) -> None:
        if checked:
            self.result_label.setText("Let op: het exportbestand wordt NIET versleuteld. Zet het "
                                "alleen op een USB-stick die u zelf naar de gemeente brengt; "
                                "een synchronisatiemap wordt geweigerd.")
        else:
            self.result_label.clear()

    # --- gemeente key ---------------------------------------------------------------------
    def choose_key_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "Sleutelbestand van de gemeente", "",
                                              "Sleutelbestand (*.json);;Alle bestanden (*)")
        return Path(name) if name else None

    def _choose_key(self) -> None:
        path = self.choose_key_file()
        if path is not None:
            self.import_key(path)

    def import_key(self, path: Path) -> bool:
        engine = self.register.engine
        try:
            key = exchange_keys.read_public_key_file(path)
            current = exchange_keys.pinned_gemeente_key(engine)
            replace = current is not None and current != key
            text = (f"Sleutel van {key.name or 'de gemeente'}\n\nVingerafdruk:\n"
                    f"{key.fingerprint}\n\nKlopt deze vingerafdruk met wat de gemeente "
                    "opgaf (telefonisch of op papier)?")
            if replace:
                assert current is not None
                text += (f"\n\nLet op: er is al een ANDERE sleutel vastgelegd (vingerafdruk "
                         f"{current.fingerprint}). Vervang die alleen als de gemeente dat "
                         "bevestigt.")
            if not Confirm.ask(self, "Gemeentesleutel vastleggen", text,
                               yes="Vervangen" if replace else "Vastleggen"):
                return False
            exchange_keys.pin_gemeente_key(engine, key, replace=replace)
        except ExchangeError as exc:
            self.result_label.setText(f"Sleutel niet vastgelegd: {exc}")
            return False
        self._show_key()
        self.result_label.setText("Gemeentesleutel vastgelegd.")
        return True

    # --- export / sync --------------------------------------------------------------------
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Map voor de uitwisseling",
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _run(self, sync: bool) -> None:
        text = self.folder.text().strip()
        if not text:
            self.result_label.setText("Kies eerst een map voor de uitwisseling.")
            self.folder.setFocus()
            return
        folder = Path(text)
        self._busy(True)
        self.result_label.setText("Bezig…")
        engine, data_dir = self.register.engine, self.register.data_dir
        args: tuple[Any, ...] = (engine, data_dir, folder) if sync else (
            engine, data_dir, folder, None, self.unencrypted.isChecked())
        self._task = self.runner.run(
            sync_steps if sync else export_steps, *args, write=True,
            on_done=lambda result: self._done(result, folder), on_error=self._failed,
            on_progress=self._progressed)

    def _stop(self) -> None:
        """The export stops at its next batch of rows and removes its unfinished file."""
        if self._task is not None:
            self.runner.cancel(self._task)
        self._busy(False)
        self.result_label.setText("Gestopt: er is geen half exportbestand achtergebleven.")

    def _progressed(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"{label} (%p%)")

    def _done(self, result: ExportResult | SyncResult, folder: Path) -> None:
        self._busy(False)
        set_setting(self.register.engine, FOLDER_SETTING, str(folder))
        if isinstance(result, SyncResult):
            self.result_label.setText(result.as_text())
            self._fit()
        else:
            text = (f"Exportbestand geschreven: {result.path} (volgnummer {result.sequence}"
                    f"{', versleuteld' if result.encrypted else ', niet versleuteld'}).")
            if result.sequence == 1:  # the gemeente must accept this laptop's key first
                text += "\n\n" + exchange_keys.enrolment_hint(
                    self.register.data_dir,
                    get_setting(self.register.engine, "organisation_name"))
            self.result_label.setText(text)
        self._fit()

    def _fit(self) -> None:
        """Grow to fit longer texts (wrapped labels do not enlarge a shown dialog)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ExchangeError):
            self.result_label.setText(f"Niet gelukt: {exc}")
        else:
            self.result_label.setText(f"Niet gelukt door een onverwachte fout: {exc}")
        self._fit()

    def _busy(self, busy: bool) -> None:
        if not busy:
            self._task = None
        self.progress.setVisible(busy)
        self.stop_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        self.export_button.setEnabled(not busy)
        self.sync_button.setEnabled(not busy)
