"""Instellingen: text size (many volunteers are older), organisation name, backups."""

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services.attention import DEFAULT_VOG_WARNING_WEEKS, VOG_WARNING_SETTING
from vrijwilligers_app.store import backup
from vrijwilligers_app.store.errors import GemeenteDatabaseError
from vrijwilligers_app.store.gemeente_db import DATABASE_URL_SETTING, save_database_url
from vrijwilligers_app.store.gemeente_engine import parse_database_url, server_label
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.store.settings import get_int_setting, get_setting, set_setting
from vrijwilligers_app.ui.pages.privacy_settings import PrivacySettings
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.form_rows import add_row
from vrijwilligers_app.ui.widgets.security_settings import SecuritySettings


class SettingsPage(QWidget):
    font_scale_changed = Signal(int)
    status = Signal(str)

    def __init__(self, register: Register, ui_settings: QSettings, runner: TaskRunner) -> None:
        super().__init__()
        self.register = register
        self.runner = runner
        self.ui_settings = ui_settings
        layout = QVBoxLayout(self)
        heading = QLabel("<h2>Instellingen</h2>")
        layout.addWidget(heading)
        form = QFormLayout()
        # A long label ("Bewaartermijn overige inwoners: …") puts its field on the next line
        # instead of squeezing every field to a sliver of the page.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.font_scale = QSpinBox()
        self.font_scale.setObjectName("font_scale")
        self.font_scale.setRange(80, 200)
        self.font_scale.setSingleStep(10)
        self.font_scale.setSuffix(" %")
        self.font_scale.setValue(int(str(ui_settings.value("font_scale", 100))))
        self.font_scale.valueChanged.connect(self._font_scale)
        add_row(form, "Tekstgrootte", self.font_scale)
        self.organisation = QLineEdit(get_setting(register.engine, "organisation_name"))
        self.organisation.setPlaceholderText("bijv. Alzheimer Café Helmond")
        self.organisation.editingFinished.connect(
            lambda: set_setting(register.engine, "organisation_name",
                                self.organisation.text().strip()))
        add_row(form, "Naam van de organisatie", self.organisation)
        self.keep_days = QSpinBox()
        self.keep_days.setRange(3, 365)
        self.keep_days.setSuffix(" dagen")
        self.keep_days.setValue(get_int_setting(register.engine, "backup_keep_days",
                                                backup.DEFAULT_KEEP_DAYS))
        self.keep_days.valueChanged.connect(
            lambda v: set_setting(register.engine, "backup_keep_days", str(v)))
        add_row(form, "Automatische back-ups bewaren", self.keep_days)
        self.vog_weeks = QSpinBox()
        self.vog_weeks.setObjectName("vog_warning_weeks")
        self.vog_weeks.setRange(1, 26)
        self.vog_weeks.setSuffix(" weken")
        self.vog_weeks.setValue(get_int_setting(register.engine, VOG_WARNING_SETTING,
                                                DEFAULT_VOG_WARNING_WEEKS))
        self.vog_weeks.setToolTip("Zo lang voordat een VOG te oud wordt, staat hij op het "
                                  "Overzicht: een gratis aanvraag duurt een paar weken.")
        self.vog_weeks.valueChanged.connect(
            lambda v: set_setting(register.engine, VOG_WARNING_SETTING, str(v)))
        add_row(form, "VOG aanvragen, weken vooraf", self.vog_weeks)
        self.exchange_folder = QLineEdit(get_setting(register.engine, "exchange_folder"))
        self.exchange_folder.setPlaceholderText("map voor de uitwisseling met de gemeente")
        self.exchange_folder.editingFinished.connect(
            lambda: set_setting(register.engine, "exchange_folder",
                                self.exchange_folder.text().strip()))
        add_row(form, "Map voor de uitwisseling", self.exchange_folder)
        choose = QPushButton("Kies map…")
        choose.clicked.connect(self._choose_exchange_folder)
        form.addRow("", choose)
        self.gemeente_database = QLineEdit(get_setting(register.engine, DATABASE_URL_SETTING))
        self.gemeente_database.setObjectName("gemeente_database")
        self.gemeente_database.setPlaceholderText("leeg: in dit register (alleen voor de "
                                                  "gemeente: postgresql://…)")
        self.gemeente_database.setToolTip(
            "Alleen voor de gemeente: de ingelezen gegevens van de laptops in een gedeelde "
            "PostgreSQL-database, bijvoorbeeld postgresql://gebruiker@server:5432/database. "
            "Zonder wachtwoord: dat komt uit PGPASSWORD, het pgpass-bestand of de sleutelbos.")
        self.gemeente_database.editingFinished.connect(self._save_database_url)
        add_row(form, "Gemeentedatabase", self.gemeente_database)
        self.database_message = QLabel("")
        self.database_message.setWordWrap(True)
        form.addRow("", self.database_message)
        location = QLabel(str(register.data_dir))
        location.setWordWrap(True)
        add_row(form, "Gegevensmap", location)
        self.backup_button = QPushButton("Nu een back-up maken")
        self.backup_button.clicked.connect(self._backup)
        form.addRow("", self.backup_button)
        self.privacy = PrivacySettings(register.engine, form)
        self.holder = holder = QWidget()
        holder.setLayout(form)
        self.font_changed()
        self.security = SecuritySettings(register, runner)
        self.security.status.connect(self.status)
        self.security.setMaximumWidth(holder.maximumWidth())
        # Scrolls at 200 % text on a 768-pixel screen instead of pushing rows off it.
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(holder)
        inner.addWidget(self.security)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName("Instellingen")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)

    def font_changed(self) -> None:
        """About 130 characters wide at any text size (the limit grows with the text): room for
        the longest label beside a field that shows a folder or a database address."""
        self.holder.setMaximumWidth(QFontMetrics(QApplication.font()).averageCharWidth() * 130)
        # Never narrower than its text, whatever the labels beside it need.
        self.backup_button.setMinimumWidth(
            QFontMetrics(QApplication.font()).horizontalAdvance(self.backup_button.text()) + 32)
        if hasattr(self, "security"):
            self.security.setMaximumWidth(self.holder.maximumWidth())

    def _choose_exchange_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Map voor de uitwisseling",
                                                  self.exchange_folder.text())
        if folder:
            self.exchange_folder.setText(folder)
            set_setting(self.register.engine, "exchange_folder", folder)

    def _save_database_url(self) -> None:
        """Saved only when it is a PostgreSQL URL without a password; empty: the register."""
        text = self.gemeente_database.text().strip()
        if text == get_setting(self.register.engine, DATABASE_URL_SETTING):
            return
        try:
            where = server_label(parse_database_url(text)) if text else ""
        except GemeenteDatabaseError as exc:
            self.database_message.setText(f"Niet opgeslagen. {exc}")
            return
        save_database_url(self.register.engine, text)
        self.database_message.setText(
            f"Opgeslagen: de gemeentegegevens staan voortaan in {where}." if where else
            "Opgeslagen: de gemeentegegevens staan in dit register.")

    def _font_scale(self, value: int) -> None:
        self.ui_settings.setValue("font_scale", value)
        self.font_scale_changed.emit(value)

    def _backup(self) -> None:
        self.backup_button.setEnabled(False)
        self.status.emit("Back-up wordt gemaakt…")
        register = self.register

        def done(path) -> None:  # type: ignore[no-untyped-def]
            self.backup_button.setEnabled(True)
            self.status.emit(f"Back-up gemaakt: {path}")

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self.status.emit(str(exc))

        def make() -> object:
            return backup.make_backup(register.db_path, register.data_dir, key=register.key)

        self.runner.run(make, on_done=done, on_error=failed)
