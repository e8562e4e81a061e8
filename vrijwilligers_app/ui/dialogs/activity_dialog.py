"""Nieuwe reeks / Nieuwe activiteit / Activiteit wijzigen (also: move one date).

A series is chosen in plain Dutch ("elke 3e dinsdag van de maand") and previewed with its
dates before saving. All checks are the service's (services.activities.planning); a refusal
keeps what was typed and lists what to fix. Saving runs on the write thread.
"""

from datetime import date, time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from vrijwilligers_app.domain.recurrence import (
    KINDS,
    ORDINALS,
    WEEKDAY_NAMES,
    RuleChoice,
    occurrences,
    parse_rule,
)
from vrijwilligers_app.domain.validation import format_date_nl, parse_date_nl
from vrijwilligers_app.services.activities import planning
from vrijwilligers_app.services.editing import code_options
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.choices import InitiativeFilter, initiative_choices
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fields import DateField, narrow_combo
from vrijwilligers_app.ui.widgets.form_rows import (
    error_label,
    failure_text,
    save_buttons,
    scrolling_form_layout,
)

ROSTER_ROLES = ("gastvrouw", "koffie", "opbouw", "gespreksleider", "kok", "taalvrijwilliger",
                "chauffeur", "vrijwilliger")
PREVIEW_DATES = 6


class ActivityDialog(QDialog):
    """mode: 'series', 'single' or 'edit' (then `activity_id` and `values` are given)."""

    def __init__(self, engine: Engine, runner: TaskRunner, mode: str,
                 parent: QWidget | None = None, activity_id: int | None = None,
                 values: dict[str, object] | None = None,
                 initiative_id: int | None = None) -> None:
        super().__init__(parent)
        self.engine, self.runner, self.mode = engine, runner, mode
        self.activity_id = activity_id
        self.error = error_label()  # first: the date preview hides it as the dates change
        self.result_value: object = None
        self.setWindowTitle({"series": "Nieuwe reeks activiteiten", "single":
                             "Nieuwe activiteit", "edit": "Activiteit wijzigen"}[mode])
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.initiative = narrow_combo(QComboBox(), 24)
        self.initiative.addItem("— kies het initiatief —", None)
        self._wanted_initiative = initiative_id
        self.title = QLineEdit()
        self.title.setPlaceholderText("bijv. Alzheimer Café")
        self._rows: list[tuple[str, QWidget]] = [("Initiatief", self.initiative),
                                                 ("Titel", self.title)]
        if mode == "series":
            self._build_rule()
        else:
            self.on = DateField("dd-mm-jjjj")
            self._rows.append(("Datum", self.on.widget))
        self.start_time = QTimeEdit(QTime(19, 0))
        self.end_time = QTimeEdit(QTime(21, 30))
        for edit in (self.start_time, self.end_time):
            edit.setDisplayFormat("HH:mm")
        times = QWidget()
        times_layout = QHBoxLayout(times)
        times_layout.setContentsMargins(0, 0, 0, 0)
        times_layout.addWidget(self.start_time)
        until = QLabel("tot")
        until.setBuddy(self.end_time)
        times_layout.addWidget(until)
        times_layout.addWidget(self.end_time)
        times_layout.addStretch(1)
        self.start_time.setAccessibleName("Begintijd")
        self.end_time.setAccessibleName("Eindtijd")
        self._rows.append(("Tijd (van – tot)", times))
        self.location = QLineEdit()
        self.district = narrow_combo(QComboBox())
        self.district.addItem("(wijk van het initiatief)", None)
        for code, name in code_options(engine, "district"):
            self.district.addItem(name, code)
        self.theme = QLineEdit()
        self.theme.setPlaceholderText("bijv. Omgaan met onrust")
        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText("naam en functie")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.named = QCheckBox("Deelnemers met naam vastleggen (alleen met toestemming)")
        self._rows += [("Locatie", self.location), ("Wijk", self.district),
                       ("Thema", self.theme), ("Spreker", self.speaker),
                       ("Notities", self.notes), ("Deelnemers", self.named)]
        self.places: dict[str, QSpinBox] = {}
        if mode != "edit":
            self._rows.append(("Rooster: plaatsen per rol (per datum)", self._places_grid()))
        for caption, widget in self._rows:
            label = QLabel(caption)
            date_edits = [f.edit for f in (getattr(self, "on", None),
                                           getattr(self, "first_on", None),
                                           getattr(self, "until_on", None))
                          if f is not None and f.widget is widget]
            label.setBuddy(date_edits[0] if date_edits else widget)
            if not widget.accessibleName():
                widget.setAccessibleName(caption)
            form.addRow(label, widget)
        self.error = error_label()
        buttons, self.save_button = save_buttons(self.save, self.reject)
        scrolling_form_layout(self, form, self.error, buttons, horizontal_scroll=True)
        if values:
            self._wanted_initiative = values["initiative_id"]  # type: ignore[assignment]
            self._load(values)
        self.runner.run(initiative_choices, engine, InitiativeFilter.RUNNING_ON, date.today(),
                        on_done=self._fill_initiatives)
        screen = self.screen().availableGeometry()
        self.resize(min(600, screen.width()), min(720, int(screen.height() * 0.92)))

    # --- building -----------------------------------------------------------------------------
    def _build_rule(self) -> None:
        self.kind = QComboBox()
        for key, name in KINDS.items():
            self.kind.addItem(name, key)
        self.kind.setCurrentIndex(self.kind.findData("monthly"))
        self.nth = QComboBox()
        for nth, name in ORDINALS.items():
            self.nth.addItem(name, nth)
        self.nth.setCurrentIndex(self.nth.findData(3))
        self.weekday = QComboBox()
        for index, name in enumerate(WEEKDAY_NAMES):
            self.weekday.addItem(name, index)
        self.weekday.setCurrentIndex(1)
        self.kind.setAccessibleName("Hoe vaak")
        self.nth.setAccessibleName("Welke week van de maand")
        self.weekday.setAccessibleName("Weekdag")
        rule = QWidget()
        rule_layout = QHBoxLayout(rule)
        rule_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.nth, self.weekday):
            rule_layout.addWidget(widget)
            widget.currentIndexChanged.connect(self._preview)
        self.van_de_maand = QLabel("van de maand")
        rule_layout.addWidget(self.van_de_maand)
        rule_layout.addStretch(1)
        self.first_on = DateField("dd-mm-jjjj")
        self.first_on.set(date.today())
        self.until_on = DateField("dd-mm-jjjj")
        self.until_on.set(date(date.today().year, 12, 31))
        self.first_on.changed.connect(self._preview)
        self.until_on.changed.connect(self._preview)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setObjectName("rule_preview")
        self._rows += [("Herhaling", rule), ("Eerste datum", self.first_on.widget),
                       ("Tot en met", self.until_on.widget), ("Datums", self.preview)]
        self._preview()

    def _places_grid(self) -> QWidget:
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        names = dict(code_options(self.engine, "duty_role"))
        for index, code in enumerate(c for c in ROSTER_ROLES if c in names):
            spin = QSpinBox()
            spin.setRange(0, planning.MAX_PLACES_PER_ROLE)
            spin.setAccessibleName(f"Plaatsen {names[code]}")
            label = QLabel(names[code])
            label.setBuddy(spin)
            grid.addWidget(label, index // 2, (index % 2) * 2)
            grid.addWidget(spin, index // 2, (index % 2) * 2 + 1)
            self.places[code] = spin
        return grid_widget

    def choice(self) -> RuleChoice:
        return RuleChoice(self.kind.currentData(), self.weekday.currentData(),
                          self.nth.currentData() if self.kind.currentData() == "monthly" else 0)

    def _preview(self) -> None:
        monthly = self.kind.currentData() == "monthly"
        self.nth.setVisible(monthly)
        self.van_de_maand.setVisible(monthly)
        choice = self.choice()
        try:
            first = parse_date_nl(str(self.first_on.get()))
            until = parse_date_nl(str(self.until_on.get()))
        except ValueError:
            first = until = None
        if first is None or until is None or until < first:
            self.preview.setText(f"{choice.describe()}; vul eerste en laatste datum in.")
            return
        try:
            days = occurrences(choice.to_rule(), first, until)
        except ValueError as exc:
            self.preview.setText(str(exc))
            return
        self.error.hide()  # the dates are right now: an earlier refusal of them no longer holds
        shown = ", ".join(format_date_nl(d) for d in days[:PREVIEW_DATES])
        more = f", … ({len(days)} datums)" if len(days) > PREVIEW_DATES else \
            f" ({len(days)} datum{'s' if len(days) != 1 else ''})"
        self.preview.setText(f"{choice.describe()}: {shown}{more}" if days else
                             f"{choice.describe()}: geen datums in deze periode.")

    def _fill_initiatives(self, choices: list[tuple[int, str]]) -> None:
        for key, name in choices:
            self.initiative.addItem(name, key)
        if self._wanted_initiative is not None:
            self.initiative.setCurrentIndex(
                max(self.initiative.findData(self._wanted_initiative), 0))

    def _load(self, values: dict[str, object]) -> None:
        self.initiative.setEnabled(self.mode != "edit")
        self.title.setText(str(values.get("title") or ""))
        if self.mode != "series":
            self.on.set(values.get("on"))
        for key, edit in (("start_time", self.start_time), ("end_time", self.end_time)):
            value = values.get(key)
            if isinstance(value, time):
                edit.setTime(QTime(value.hour, value.minute))
        self.location.setText(str(values.get("location") or ""))
        self.district.setCurrentIndex(max(self.district.findData(values.get("district_code")),
                                          0))
        self.theme.setText(str(values.get("theme") or ""))
        self.speaker.setText(str(values.get("speaker") or ""))
        self.notes.setPlainText(str(values.get("notes") or ""))
        self.named.setChecked(bool(values.get("named_attendance")))
        rule = values.get("rule")
        if self.mode == "series" and isinstance(rule, str) and (choice := parse_rule(rule)):
            self.kind.setCurrentIndex(self.kind.findData(choice.kind))
            self.weekday.setCurrentIndex(choice.weekday)
            if choice.nth:
                self.nth.setCurrentIndex(self.nth.findData(choice.nth))

    # --- saving -------------------------------------------------------------------------------
    def values(self) -> tuple[dict[str, object], dict[str, str]]:
        """What the service gets, and errors found before it (unreadable dates)."""
        errors: dict[str, str] = {}
        values: dict[str, object] = {
            "initiative_id": self.initiative.currentData(), "title": self.title.text(),
            "start_time": self.start_time.time().toPython(),
            "end_time": self.end_time.time().toPython(),
            "location": self.location.text(), "district_code": self.district.currentData(),
            "theme": self.theme.text(), "speaker": self.speaker.text(),
            "notes": self.notes.toPlainText(), "named_attendance": self.named.isChecked(),
            "places": {code: spin.value() for code, spin in self.places.items()
                       if spin.value()}}
        fields = (("first_on", getattr(self, "first_on", None)),
                  ("until_on", getattr(self, "until_on", None)), ("on", getattr(self, "on", None)))
        for key, field in fields:
            if field is None:
                continue
            try:
                values[key] = parse_date_nl(str(field.get()), planning.LABELS[key])
            except ValueError as exc:
                errors[key] = str(exc)
        if self.mode == "series":
            values["rule"] = self.choice().to_rule()
        return values, errors

    def save(self) -> None:
        values, errors = self.values()
        if errors:
            self._show_errors("\n".join(errors.values()))
            return
        self.save_button.setEnabled(False)
        if self.mode == "series":
            self.runner.run(planning.create_series, self.engine, values, write=True,
                            on_done=self._saved, on_error=self._failed)
        elif self.mode == "single":
            self.runner.run(planning.create_activity, self.engine, values, write=True,
                            on_done=self._saved, on_error=self._failed)
        else:
            assert self.activity_id is not None
            values.pop("places")
            self.runner.run(planning.update_activity, self.engine, self.activity_id, values,
                            write=True, on_done=self._saved, on_error=self._failed)

    def _saved(self, result: object) -> None:
        self.result_value = result
        self.save_button.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._show_errors(failure_text(exc))

    def _show_errors(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
