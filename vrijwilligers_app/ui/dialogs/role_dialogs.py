"""Adding a volunteer's role in an initiative, and ending one with an uitstroomreden.

Both dialogs check everything before they close (dates, the same role twice); the panel that
opens them writes, asks the follow-up questions and puts the change on the undo stack.
"""

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from vrijwilligers_app.domain.validation import format_date_nl, parse_date_nl
from vrijwilligers_app.services import editing
from vrijwilligers_app.services.volunteer_roles import RoleError, check_role
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.choices import InitiativeFilter, initiative_choices
from vrijwilligers_app.ui.widgets.fields import DateField, narrow_combo
from vrijwilligers_app.ui.widgets.form_rows import (
    add_row,
    error_label,
    save_buttons,
    scrolling_form_layout,
)
from vrijwilligers_app.ui.widgets.person_picker import PersonPicker


def _combo(options: list[tuple[str, str]], empty: str | None) -> QComboBox:
    combo = narrow_combo(QComboBox(), 20)
    if empty is not None:
        combo.addItem(empty, None)
    for code, name in options:
        combo.addItem(name, code)
    return combo


def _date(field: DateField, caption: str) -> date | None:
    try:
        return parse_date_nl(str(field.get()), caption)
    except ValueError as exc:
        raise RoleError(caption.lower(), getattr(exc, "message", str(exc))) from None


def active_initiatives(engine: Engine) -> list[tuple[int, str]]:
    """The initiatives a volunteer can join today: not archived, not ended."""
    return initiative_choices(engine, InitiativeFilter.RUNNING_ON, date.today())


class AddRoleDialog(QDialog):
    """From a volunteer: pick the initiative. From an initiative: search a volunteer, or enter
    a new one (first and last name; the rest on the Vrijwilligers page)."""

    def __init__(self, engine: Engine, volunteer_id: int | None, initiative_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.volunteer_id = volunteer_id
        self.initiative_id = initiative_id
        self.result_values: tuple[int, int, str, date | None, date | None] | None = None
        self.setWindowTitle("Rol toevoegen" if initiative_id is None
                            else "Vrijwilliger toevoegen")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.initiative: QComboBox | None = None
        self.picker: PersonPicker | None = None
        if initiative_id is None:
            self.initiative = _combo([(str(i), n) for i, n in active_initiatives(engine)],
                                     "— kies —")
            add_row(form, "Initiatief", self.initiative)
        else:
            self.existing = QRadioButton("Bestaande vrijwilliger")
            self.existing.setChecked(True)
            self.new_person = QRadioButton("Nieuwe vrijwilliger")
            form.addRow(self.existing)
            self.picker = PersonPicker(engine, "volunteers", None, "Typ een deel van de naam…")
            add_row(form, "Zoek vrijwilliger", self.picker, self.picker.search)
            form.addRow(self.new_person)
            self.first_name = QLineEdit()
            self.last_name = QLineEdit()
            add_row(form, "Voornaam", self.first_name)
            add_row(form, "Achternaam", self.last_name)
            self.existing.toggled.connect(self._person_mode)
            self._person_mode(True)
        self.role = _combo(editing.code_options(engine, "duty_role"), "— kies —")
        add_row(form, "Rol", self.role)
        self.start = DateField("dd-mm-jjjj")
        self.start.set(date.today())
        add_row(form, "Sinds", self.start.widget, self.start.edit)
        self.end = DateField("leeg = nog actief")
        add_row(form, "Tot", self.end.widget, self.end.edit)
        self.error = error_label("role_error")
        buttons, self.ok_button = save_buttons(self._accept, self.reject, "Toevoegen")
        scrolling_form_layout(self, form, self.error, buttons)

    def _person_mode(self, existing: bool) -> None:
        assert self.picker is not None
        self.picker.setEnabled(existing)
        self.first_name.setEnabled(not existing)
        self.last_name.setEnabled(not existing)

    def _show(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _who_and_where(self) -> tuple[int | None, int | None]:
        if self.initiative is not None:
            chosen = self.initiative.currentData()
            if chosen is None:
                raise RoleError("initiative", "Initiatief: kies een initiatief.")
            return self.volunteer_id, int(chosen)
        assert self.picker is not None
        if self.existing.isChecked():
            volunteer = self.picker.selected_id()
            if volunteer is None:
                raise RoleError("volunteer", "Zoek vrijwilliger: kies een vrijwilliger uit de "
                                             "lijst, of kies 'Nieuwe vrijwilliger'.")
            return volunteer, self.initiative_id
        if not self.first_name.text().strip() or not self.last_name.text().strip():
            raise RoleError("volunteer", "Nieuwe vrijwilliger: vul voornaam en achternaam in.")
        return None, self.initiative_id

    def _accept(self) -> None:
        try:
            volunteer, initiative = self._who_and_where()
            assert initiative is not None
            role_code = self.role.currentData() or ""
            start = _date(self.start, "Sinds")
            end = _date(self.end, "Tot")
            if volunteer is not None:
                check_role(self.engine, volunteer, initiative, role_code, start, end)
            elif not role_code:
                raise RoleError("role", "Rol: kies een rol.")
            elif start is not None and end is not None and end < start:
                raise RoleError("end", f"Tot ({format_date_nl(end)}) ligt vóór Sinds "
                                       f"({format_date_nl(start)}).")
            if volunteer is None:  # checked above: only now write the new person
                volunteer = self._create_volunteer(start)
        except RoleError as exc:
            self._show(exc.message)
            return
        except editing.FormErrors as exc:
            self._show(f"Nieuwe vrijwilliger niet opgeslagen: {exc}")
            return
        self.result_values = (volunteer, initiative, role_code, start, end)
        self.accept()

    def _create_volunteer(self, start: date | None) -> int:
        values = editing.empty_values("volunteers")
        values.update(first_name=self.first_name.text().strip(),
                      last_name=self.last_name.text().strip())
        if "start_date" in values and start is not None:
            values["start_date"] = format_date_nl(start)
        self.created_volunteer = editing.save_record(self.engine, "volunteers", values, None,
                                                     date.today())
        return self.created_volunteer


class EndRoleDialog(QDialog):
    """Tot (date) and uitstroomreden; the date is checked before anything is asked."""

    def __init__(self, engine: Engine, role_id: int, start: date | None, what: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.role_start = start
        self.result_values: tuple[date, str] | None = None
        self.setWindowTitle("Rol beëindigen")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        heading = QLabel(what)
        heading.setWordWrap(True)
        form.addRow(heading)
        self.end = DateField("dd-mm-jjjj")
        self.end.set(date.today())
        add_row(form, "Tot en met", self.end.widget, self.end.edit)
        self.reason = _combo(editing.code_options(engine, "volunteer_exit_reason"), "— kies —")
        add_row(form, "Uitstroomreden", self.reason)
        self.error = error_label("end_error")
        self.end.edit.textEdited.connect(lambda _t: self.error.hide())
        self.reason.currentIndexChanged.connect(lambda _i: self.error.hide())
        buttons, self.ok_button = save_buttons(self._accept, self.reject, "Beëindigen")
        scrolling_form_layout(self, form, self.error, buttons)

    def _accept(self) -> None:
        try:
            end = _date(self.end, "Tot en met")
            if end is None:
                raise RoleError("end", "Tot en met: vul de laatste dag van de rol in.")
            if self.role_start is not None and end < self.role_start:
                raise RoleError("end", f"Tot en met ({format_date_nl(end)}) ligt vóór het begin "
                                       f"van de rol ({format_date_nl(self.role_start)}).")
            reason = self.reason.currentData()
            if not reason:
                raise RoleError("reason", "Uitstroomreden: kies waarom de rol stopt.")
        except RoleError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.result_values = (end, str(reason))
        self.accept()
