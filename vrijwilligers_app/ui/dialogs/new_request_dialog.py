"""Nieuwe aanmelding voor een maatje: the resident, the project, what the resident wants, and
what matching uses (interests, languages, preferences). The wijk is the resident's own (set it
on the Inwoners page). All checks are the service's; a refusal keeps every typed value."""

from datetime import date
from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from vrijwilligers_app.services.editing import GENDER_OPTIONS
from vrijwilligers_app.services.maatjes import create_request
from vrijwilligers_app.services.maatjes.views import buddy_projects
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.choices import resident_district
from vrijwilligers_app.ui.pages.buddy_common import (
    add_row,
    clear_error,
    error_label,
    read_date,
    show_error,
    wrapping_form,
)
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fields import AvailabilityField, DateField, narrow_combo
from vrijwilligers_app.ui.widgets.form_rows import save_buttons, scrolling_form_layout
from vrijwilligers_app.ui.widgets.person_picker import PersonPicker


class NewRequestDialog(QDialog):
    def __init__(self, engine: Engine, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.runner = runner
        self.created_id: int | None = None
        self.setWindowTitle("Nieuwe aanmelding voor een maatje")
        form = wrapping_form()
        self.resident = PersonPicker(engine, "residents", None, "naam, telefoon of postcode")
        self.resident_search, self.residents = self.resident.search, self.resident.hits
        self.resident_search.setObjectName("resident_search")
        self.residents.setObjectName("residents")
        self.residents.currentItemChanged.connect(lambda *_: self._resident_chosen())
        self.district = QLabel("Kies eerst de inwoner.")
        self.district.setWordWrap(True)
        self.project = narrow_combo(QComboBox())
        self.project.setObjectName("project")
        self.project.addItem("— kies het maatjesproject —", None)
        for project_id, name in buddy_projects(engine):
            self.project.addItem(name, project_id)
        if self.project.count() == 2:
            self.project.setCurrentIndex(1)
        self.requested_on = DateField("dd-mm-jjjj")
        self.requested_on.set(date.today())
        self.wish = QPlainTextEdit()
        self.wish.setObjectName("wish")
        self.wish.setPlaceholderText("Wat zoekt de inwoner? In eigen woorden; geen medische "
                                     "details, geen BSN")
        self.wish.setTabChangesFocus(True)
        self.wish.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.interests = QLineEdit()
        self.interests.setObjectName("interests")
        self.interests.setPlaceholderText("gescheiden door komma's, bijvoorbeeld wandelen, koken")
        self.languages = QLineEdit("nl")
        self.languages.setObjectName("languages")
        self.languages.setPlaceholderText("bijvoorbeeld nl, tr, ar")
        self.gender = narrow_combo(QComboBox())
        self.gender.setObjectName("preferred_gender")
        self.gender.addItem("Geen voorkeur", "")
        for code, name in GENDER_OPTIONS:
            self.gender.addItem(f"Liever een {name.lower()}" if code != "x" else name, code)
        self.availability = AvailabilityField()
        add_row(form, "Inwoner &zoeken", self.resident_search)
        add_row(form, "Inwoner", self.residents)
        add_row(form, "Wijk (van de inwoner)", self.district)
        add_row(form, "Maatjes&project", self.project)
        add_row(form, "Aangemeld op", self.requested_on.widget, self.requested_on.edit)
        add_row(form, "Wens van de inwoner", self.wish)
        add_row(form, "Interesses", self.interests)
        add_row(form, "Talen", self.languages)
        add_row(form, "Voorkeur geslacht maatje", self.gender)
        add_row(form, "Voorkeur dagdelen", self.availability.widget,
                self.availability.focus_widget())
        self.error = error_label()
        buttons, self.save_button = save_buttons(self.save, self.reject)
        scrolling_form_layout(self, form, self.error, buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(560, screen.width()), min(720, int(screen.height() * 0.9)))

    def resident_id(self) -> int | None:
        return self.resident.selected_id()

    def _resident_chosen(self) -> None:
        resident_id = self.resident_id()
        if resident_id is None:
            self.district.setText("Kies eerst de inwoner.")
            return
        self.runner.run(resident_district, self.engine, resident_id,
                        on_done=partial(self._show_district, resident_id))

    def _show_district(self, resident_id: int, name: str) -> None:
        if resident_id != self.resident_id():
            return  # another resident was chosen meanwhile
        self.district.setText(name or "onbekend: vul de wijk in bij Inwoners, dan telt die "
                                      "mee bij het zoeken van een maatje")

    def save(self) -> None:
        resident_id, project_id = self.resident_id(), self.project.currentData()
        problems = []
        if resident_id is None:
            problems.append("Inwoner: zoek de inwoner en kies hem of haar in de lijst.")
        if project_id is None:
            problems.append("Project: kies het maatjesproject.")
        when = read_date(self.requested_on, "Aangemeld op")
        if isinstance(when, str):
            problems.append(when)
        if problems:
            show_error(self.error, "\n".join(problems))
            return
        clear_error(self.error)
        self.save_button.setEnabled(False)
        self.runner.run(create_request, self.engine, resident_id, project_id, when,
                        date.today(), self.wish.toPlainText().strip(), self.interests.text(),
                        self.languages.text(), self.gender.currentData(),
                        int(self.availability.get()),  # type: ignore[call-overload]
                        write=True, on_done=self._created, on_error=self._failed)

    def _created(self, request_id: int) -> None:
        self.created_id = request_id
        self.save_button.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_error(self.error, exc)
