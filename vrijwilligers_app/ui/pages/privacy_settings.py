"""Instellingen, privacy part: "Uw naam" (for the audit log), the bewaartermijnen, and what
happens to erased data in backups. Rows are added to the settings page's form."""

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox

from vrijwilligers_app.domain.retention import MAX_MONTHS, MIN_MONTHS, TERM_SETTINGS
from vrijwilligers_app.services.audit import ACTOR_SETTING
from vrijwilligers_app.services.privacy.retention import set_term
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.settings import get_int_setting, get_setting, set_setting
from vrijwilligers_app.ui.widgets.form_rows import WrappedText, add_row

BACKUP_TEXT = (
    "Gewiste en geanonimiseerde gegevens staan nog in oudere back-ups. Automatische back-ups "
    "worden na het ingestelde aantal dagen (standaard 14) verwijderd; daarna zijn de gegevens "
    "ook daar weg. Back-ups die u zelf ergens anders bewaart (een USB-stick, een andere map) "
    "ruimt de app niet op: die moet u zelf verwijderen.")


class PrivacySettings:
    """Builds and wires the privacy rows; keeps references for tests."""

    def __init__(self, engine: Engine, form: QFormLayout) -> None:
        self.engine = engine
        self.user_name = QLineEdit(get_setting(engine, ACTOR_SETTING))
        self.user_name.setObjectName("user_name")
        self.user_name.setMaxLength(80)
        self.user_name.setPlaceholderText("staat in het logboek bij wat u opent of afdrukt")
        self.user_name.editingFinished.connect(
            lambda: set_setting(engine, ACTOR_SETTING, self.user_name.text().strip()))
        add_row(form, "Uw naam", self.user_name)
        self.terms: dict[str, QSpinBox] = {}
        for key, (label, default) in TERM_SETTINGS.items():
            box = QSpinBox()
            box.setObjectName(key)
            box.setRange(MIN_MONTHS, MAX_MONTHS)
            box.setSuffix(" maanden")
            box.setValue(get_int_setting(engine, key, default))
            box.valueChanged.connect(lambda v, k=key: set_term(engine, k, v))
            add_row(form, f"Bewaartermijn {label[0].lower()}{label[1:]}", box)
            self.terms[key] = box
        # The explanation spans the form's width under its caption: a wrapping label in the
        # field column was cut off at the top and bottom (QFormLayout gives it one line).
        self.backup_text = WrappedText(f"<b>Back-ups en wissen</b><br>{BACKUP_TEXT}")
        self.backup_text.setAccessibleName("Back-ups en wissen")
        self.backup_text.setWordWrap(True)
        form.addRow(self.backup_text)
