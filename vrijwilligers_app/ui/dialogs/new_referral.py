"""Nieuwe doorverwijzing: with a resident who consented, or anonymous with wijk and age band.

All checks are the service's (services.referrals.create_referral); a refusal keeps every
typed value and lists what to fix.
"""

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from vrijwilligers_app.domain.referral_rules import URGENCIES
from vrijwilligers_app.domain.validation import parse_date_nl
from vrijwilligers_app.services.editing import FormErrors, code_options
from vrijwilligers_app.services.referrals import AGE_BANDS, create_referral
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.choices import (
    InitiativeFilter,
    destination_choices,
    initiative_choices,
)
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fields import CodesField, DateField, narrow_combo
from vrijwilligers_app.ui.widgets.form_rows import (
    add_row,
    error_label,
    save_buttons,
    scrolling_form_layout,
    show_failure,
)
from vrijwilligers_app.ui.widgets.person_picker import PersonPicker


class NewReferralDialog(QDialog):
    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.runner = runner
        self.created_id: int | None = None
        self.setWindowTitle("Nieuwe doorverwijzing")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.resident = PersonPicker(engine, "residents",
                                     "Anoniem (alleen wijk en leeftijdsgroep)",
                                     "naam, telefoon of postcode; leeg = anoniem")
        # Kept as attributes: the search line and the list are what users (and tests) touch.
        self.resident_search, self.residents = self.resident.search, self.resident.hits
        self.volunteer = PersonPicker(engine, "volunteers", "(niet vastgelegd)",
                                      "naam van de vrijwilliger die het signaleerde")
        self.district = narrow_combo(QComboBox())
        self.district.addItem("(kies de wijk)", None)
        for code, name in code_options(engine, "district"):
            self.district.addItem(name, code)
        self.age_band = narrow_combo(QComboBox())
        self.age_band.addItem("(kies)", "")
        for band in AGE_BANDS:
            self.age_band.addItem(f"{band} jaar", band)
        self.consent = QCheckBox("De inwoner geeft toestemming om gegevens door te geven")
        self.consent_date = DateField("dd-mm-jjjj")
        self.destination = narrow_combo(QComboBox())
        self.destination.addItem("(kies de organisatie)", None)
        self.domains = CodesField(code_options(engine, "life_domain"))
        self.urgency = narrow_combo(QComboBox())
        for code, name in URGENCIES.items():
            self.urgency.addItem(name, code)
        self.initiative = narrow_combo(QComboBox())
        self.initiative.addItem("(geen)", None)
        self.signalled = DateField("dd-mm-jjjj")
        self.signalled.set(date.today())
        self.question = QPlainTextEdit()
        self.question.setPlaceholderText("De vraag in een paar zinnen; geen BSN, geen medische "
                                         "details")
        self.question.setTabChangesFocus(True)
        self.question.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        rows = (("Inwoner zoeken", self.resident_search), ("Inwoner", self.residents),
                ("Vrijwilliger (verwijzer)", self.volunteer.search),
                ("Gekozen vrijwilliger", self.volunteer.hits),
                ("Wijk (anoniem)", self.district), ("Leeftijdsgroep (anoniem)", self.age_band),
                ("Toestemming", self.consent), ("Datum toestemming", self.consent_date),
                ("Organisatie", self.destination), ("Leefdomeinen", self.domains.widget),
                ("Urgentie", self.urgency), ("Initiatief", self.initiative),
                ("Gesignaleerd op", self.signalled), ("Vraag", self.question))
        for caption, widget in rows:
            if isinstance(widget, DateField):
                add_row(form, caption, widget.widget, widget.focus_widget())
            else:
                add_row(form, caption, widget)
        self.error = error_label()
        buttons, self.save_button = save_buttons(self.save, self.reject)
        scrolling_form_layout(self, form, self.error, buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(560, screen.width()), min(700, int(screen.height() * 0.9)))
        runner.run(destination_choices, engine, on_done=lambda rows: self._fill(
            self.destination, rows))
        runner.run(initiative_choices, engine, InitiativeFilter.NOT_ENDED,
                   on_done=lambda rows: self._fill(self.initiative, rows))

    @staticmethod
    def _fill(combo: QComboBox, choices: list[tuple[int, str]]) -> None:
        for key, name in choices:
            combo.addItem(name, key)

    def values(self) -> dict[str, object]:
        return {
            "resident_id": self.resident.selected_id(),
            "volunteer_id": self.volunteer.selected_id(),
            "district_code": self.district.currentData(),
            "age_band": self.age_band.currentData(),
            "consent_pass_on": self.consent.isChecked(),
            "consent_pass_on_date": _date_or_text(str(self.consent_date.get())),
            "destination_id": self.destination.currentData(),
            "life_domains": self.domains.get(),
            "urgency": self.urgency.currentData(),
            "initiative_id": self.initiative.currentData(),
            "signalled_on": _date_or_text(str(self.signalled.get())),
            "question": self.question.toPlainText().strip(),
        }

    def save(self) -> None:
        self.save_button.setEnabled(False)
        self.runner.run(create_referral, self.engine, self.values(), date.today(), write=True,
                        on_done=self._created, on_error=self._failed)

    def _created(self, referral_id: int) -> None:
        self.created_id = referral_id
        self.save_button.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_failure(self.error, exc, (FormErrors,))


def _date_or_text(text: str) -> object:
    """A date when the text is one; otherwise the text, so the service names the problem."""
    try:
        return parse_date_nl(text) if text.strip() else None
    except ValueError:
        return text



