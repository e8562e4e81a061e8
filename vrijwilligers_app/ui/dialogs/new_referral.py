"""Nieuwe doorverwijzing: with a resident who consented to sharing with the chosen
organisation (the consent ledger), or anonymous with wijk and age band.

All checks are the service's (services.referrals.create_referral); a refusal keeps every
typed value and lists what to fix.
"""

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.referral_rules import URGENCIES
from vrijwilligers_app.domain.validation import format_date_nl, parse_date_nl
from vrijwilligers_app.services.consents.referral import ReferralConsent, referral_consent
from vrijwilligers_app.services.editing import FormErrors, code_options
from vrijwilligers_app.services.referrals import AGE_BANDS, create_referral
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.choices import (
    InitiativeFilter,
    destination_choices,
    initiative_choices,
)
from vrijwilligers_app.ui.dialogs.consent_dialog import ConsentDialog
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

ANONYMOUS_TEXT = "Anoniem: alleen wijk en leeftijdsgroep gaan mee, geen naam."


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
        # A named referral needs the resident's consent to share with THIS organisation.
        self.consent_info = QLabel(ANONYMOUS_TEXT)
        self.consent_info.setWordWrap(True)
        self.consent_info.setObjectName("consent_info")
        self.record_consent_button = QPushButton("Toestemming &vastleggen…")
        self.record_consent_button.clicked.connect(self.open_record_consent)
        self.anonymous_button = QPushButton("&Anoniem doorverwijzen")
        self.anonymous_button.clicked.connect(self.refer_anonymously)
        consent_box = QWidget()
        consent_layout = QVBoxLayout(consent_box)
        consent_layout.setContentsMargins(0, 0, 0, 0)
        consent_layout.addWidget(self.consent_info)
        consent_buttons = QHBoxLayout()
        consent_buttons.addWidget(self.record_consent_button)
        consent_buttons.addWidget(self.anonymous_button)
        consent_buttons.addStretch(1)
        consent_layout.addLayout(consent_buttons)
        self.consent_state: ReferralConsent | None = None
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
                ("Organisatie", self.destination), ("Toestemming", consent_box),
                ("Leefdomeinen", self.domains.widget),
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
        self.residents.currentRowChanged.connect(lambda _row: self.check_consent())
        self.destination.currentIndexChanged.connect(lambda _index: self.check_consent())
        self.check_consent()
        runner.run(destination_choices, engine, on_done=lambda rows: self._fill(
            self.destination, rows))
        runner.run(initiative_choices, engine, InitiativeFilter.NOT_ENDED,
                   on_done=lambda rows: self._fill(self.initiative, rows))

    @staticmethod
    def _fill(combo: QComboBox, choices: list[tuple[int, str]]) -> None:
        for key, name in choices:
            combo.addItem(name, key)

    # --- consent -------------------------------------------------------------------------
    def check_consent(self) -> None:
        """Say whether this resident may be referred by name to this organisation."""
        resident_id, destination_id = self.resident.selected_id(), self.destination.currentData()
        self.consent_state = None
        self._show_consent_buttons(False)
        if resident_id is None:
            self.consent_info.setText(ANONYMOUS_TEXT)
            return
        if destination_id is None:
            self.consent_info.setText("Kies de organisatie; dan ziet u of de inwoner "
                                      "toestemming gaf om gegevens te delen.")
            return
        self.runner.run(referral_consent, self.engine, resident_id, destination_id,
                        date.today(), on_done=lambda state: self._consent_checked(
                            resident_id, destination_id, state))

    def _consent_checked(self, resident_id: int, destination_id: int,
                         state: ReferralConsent | None) -> None:
        if (resident_id, destination_id) != (self.resident.selected_id(),
                                             self.destination.currentData()) or state is None:
            return
        self.consent_state = state
        if not state.recording:
            self.consent_info.setText("Deze inwoner gaf geen (geldige) toestemming om gegevens "
                                      "vast te leggen; verwijs anoniem door.")
            self._show_consent_buttons(True, record=False)
        elif state.sharing_on is None:
            self.consent_info.setText(
                f"Geen toestemming om gegevens te delen met {state.organisation}. Leg die "
                "toestemming vast als de inwoner haar nu geeft, of verwijs anoniem door (alleen "
                "wijk en leeftijdsgroep).")
            self._show_consent_buttons(True)
        else:
            self.consent_info.setText(f"Toestemming om gegevens te delen met "
                                      f"{state.organisation}: gegeven op "
                                      f"{format_date_nl(state.sharing_on)}.")

    def _show_consent_buttons(self, show: bool, record: bool = True) -> None:
        self.record_consent_button.setVisible(show and record)
        self.anonymous_button.setVisible(show)

    def open_record_consent(self) -> ConsentDialog | None:
        resident_id, destination_id = self.resident.selected_id(), self.destination.currentData()
        if resident_id is None:
            return None
        name = self.residents.currentItem().text().split(" · ")[0]
        self.consent_dialog = ConsentDialog(self.engine, self.runner, resident_id, name,
                                            "delen", destination_id, self)
        self.consent_dialog.accepted.connect(self.check_consent)
        self.consent_dialog.open()
        return self.consent_dialog

    def refer_anonymously(self) -> None:
        """Drop the name; keep the wijk and age band of the resident."""
        state = self.consent_state
        self.resident.clear()
        if state is not None:
            self.district.setCurrentIndex(max(0, self.district.findData(state.district_code)))
            self.age_band.setCurrentIndex(max(0, self.age_band.findData(state.age_band)))
        self.check_consent()

    def values(self) -> dict[str, object]:
        return {
            "resident_id": self.resident.selected_id(),
            "volunteer_id": self.volunteer.selected_id(),
            "district_code": self.district.currentData(),
            "age_band": self.age_band.currentData(),
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



