"""The welcome wizard on a first start (an empty register): organisation, optional steps
plugged in by other parts (extensions.py), how to start, the gemeente's key file."""

import logging

from PySide6.QtWidgets import QWidget, QWizard

from vrijwilligers_app import APP_NAME
from vrijwilligers_app.services.demo_data import organisation_name, set_organisation_name
from vrijwilligers_app.services.exchange import keys as exchange_keys
from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.store.settings import set_setting
from vrijwilligers_app.ui.welcome.extensions import import_starter, welcome_steps
from vrijwilligers_app.ui.welcome.first_start import WELCOME_DONE_SETTING, should_welcome
from vrijwilligers_app.ui.welcome.pages import (
    START_EMPTY,
    KeyFilePage,
    OrganisationPage,
    StartChoicePage,
)

log = logging.getLogger(__name__)
__all__ = ["WelcomeWizard", "should_welcome"]
class WelcomeWizard(QWizard):
    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.setWindowTitle(f"Welkom — {APP_NAME}")
        self.setObjectName("welcome_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for button, text in ((QWizard.WizardButton.NextButton, "&Volgende >"),
                             (QWizard.WizardButton.BackButton, "< V&orige"),
                             (QWizard.WizardButton.FinishButton, "Vol&tooien"),
                             (QWizard.WizardButton.CancelButton, "&Later")):
            self.setButtonText(button, text)
        self.organisation = OrganisationPage(organisation_name(register.engine))
        self.addPage(self.organisation)
        self.extra_pages: list[str] = []
        for key, factory in welcome_steps():
            page = factory(register)
            if page is not None:
                self.addPage(page)
                self.extra_pages.append(key)
        self.start = StartChoicePage(can_import=import_starter() is not None)
        self.addPage(self.start)
        self.key_file = KeyFilePage(register)
        self.addPage(self.key_file)
        self.choice = START_EMPTY
        self._fit_to_text_size()

    def _fit_to_text_size(self) -> None:
        """Grow with the text size (200 % too), but never past the screen."""
        line = self.fontMetrics().height()
        width, height = 40 * line, 26 * line
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width = min(width, int(screen.width() * 0.95))
            height = min(height, int(screen.height() * 0.9))
        self.resize(max(width, 560), max(height, 420))

    def accept(self) -> None:
        engine = self.register.engine
        name = self.organisation.name.text().strip()
        if name:
            set_organisation_name(engine, name)
        if self.key_file.key is not None:
            try:
                exchange_keys.pin_gemeente_key(engine, self.key_file.key)
            except ExchangeError as exc:
                self.key_file.result.setText(f"Niet vastgelegd: {exc}")
                return  # stay on the page with the reason
        self.choice = self.start.choice()
        set_setting(engine, WELCOME_DONE_SETTING, "1")
        log.info("welkomstwizard voltooid: keuze %s, %d extra stappen", self.choice,
                 len(self.extra_pages))
        super().accept()
