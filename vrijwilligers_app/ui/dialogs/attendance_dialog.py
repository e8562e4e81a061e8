"""Bezoekers en uren: after the activity, the counts per visitor type (spin boxes), named
participants when the activity records them, and per rostered volunteer whether they came
and how many hours (derived from the roster, editable). Saved all at once or not at all."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.roster import MAX_HOURS, shift_hours, time_span
from vrijwilligers_app.services.activities import attendance
from vrijwilligers_app.services.activities.attendance import AttendanceSheet, PlaceOutcome
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.form_rows import error_label, save_buttons, show_failure

MAX_SPIN = 9999


class AttendanceDialog(QDialog):
    def __init__(self, engine: Engine, runner: TaskRunner, activity_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.runner, self.activity_id = engine, runner, activity_id
        self.sheet: AttendanceSheet | None = None
        self.counts: dict[str, QSpinBox] = {}
        self.came: dict[int, QCheckBox] = {}
        self.hours: dict[int, QDoubleSpinBox] = {}
        self.setWindowTitle("Bezoekers en uren")
        self.body = QVBoxLayout()
        self.error = error_label()
        buttons, self.save_button = save_buttons(self.save, self.reject)
        self.save_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        runner.run(attendance.attendance_sheet, engine, activity_id, on_done=self._loaded,
                   on_error=self._failed)

    def _loaded(self, sheet: AttendanceSheet) -> None:
        self.sheet = sheet
        activity = sheet.activity
        heading = QLabel(f"<b>{activity.title}</b> · {activity.initiative_name}<br>"
                         f"{time_span(activity.starts_at, activity.ends_at)}")
        self.body.addWidget(heading)
        visitors = QGroupBox("Bezoekers (aantal per soort)")
        form = QFormLayout(visitors)
        for code, name, count in sheet.counts:
            spin = QSpinBox()
            spin.setRange(0, MAX_SPIN)
            spin.setValue(count or 0)
            spin.setAccessibleName(name)
            spin.setObjectName(f"count_{code}")
            self.counts[code] = spin
            form.addRow(name, spin)
        self.total = QLabel()
        form.addRow("Totaal", self.total)
        for spin in self.counts.values():
            spin.valueChanged.connect(self._update_total)
        self._update_total()
        self.body.addWidget(visitors)
        if activity.named_attendance:
            self.body.addWidget(self._participants_box(sheet))
        self.body.addWidget(self._places_box(sheet))
        self.save_button.setEnabled(True)
        first = next(iter(self.counts.values()), None)
        if first is not None:
            first.setFocus()
            first.selectAll()

    def _update_total(self) -> None:
        self.total.setText(str(sum(s.value() for s in self.counts.values())))

    def _participants_box(self, sheet: AttendanceSheet) -> QGroupBox:
        box = QGroupBox("Deelnemers met naam (alleen wie toestemming gaf)")
        self.participants = QListWidget()
        self.participants.setAccessibleName("Deelnemers met naam")
        self.participants.setMaximumHeight(self.fontMetrics().height() * 6)
        for resident_id, name in sheet.participants:
            self._add_participant(resident_id, name)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("Zoek een inwoner op naam…")
        self.find_edit.setAccessibleName("Zoek een deelnemer")
        self.find_edit.returnPressed.connect(self._search)
        self.found = QListWidget()
        self.found.setAccessibleName("Gevonden inwoners")
        self.found.setMaximumHeight(self.fontMetrics().height() * 5)
        self.found.itemDoubleClicked.connect(
            lambda item: self._add_participant(item.data(Qt.ItemDataRole.UserRole), item.text()))
        remove = QPushButton("Verwijder gekozen deelnemer")
        remove.clicked.connect(lambda: self.participants.takeItem(
            self.participants.currentRow()))
        layout = QVBoxLayout(box)
        layout.addWidget(self.participants)
        layout.addWidget(remove)
        layout.addWidget(self.find_edit)
        layout.addWidget(self.found)
        return box

    def _search(self) -> None:
        self.runner.run(attendance.consenting_residents, self.engine, self.find_edit.text(),
                        on_done=self._found)

    def _found(self, rows: list[tuple[int, str]]) -> None:
        self.found.clear()
        for resident_id, name in rows:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, resident_id)
            self.found.addItem(item)

    def _add_participant(self, resident_id: int, name: str) -> None:
        if resident_id in self.participant_ids():
            return
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, resident_id)
        self.participants.addItem(item)

    def participant_ids(self) -> list[int]:
        return [int(self.participants.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.participants.count())]

    def _places_box(self, sheet: AttendanceSheet) -> QGroupBox:
        box = QGroupBox("Vrijwilligers op het rooster")
        grid = QGridLayout(box)
        filled = [p for p in sheet.activity.places if not p.free]
        if not filled:
            grid.addWidget(QLabel("Niemand ingeroosterd."), 0, 0)
        for header, column in (("Vrijwilliger", 0), ("Gekomen", 1), ("Uren", 2)):
            if filled:
                grid.addWidget(QLabel(f"<b>{header}</b>"), 0, column)
        for row, place in enumerate(filled, start=1):
            name = QLabel(f"{place.volunteer_name} ({place.role_name.lower()})")
            came = QCheckBox()
            came.setChecked(place.status != "afwezig")
            came.setAccessibleName(f"{place.volunteer_name} gekomen")
            hours = QDoubleSpinBox()
            hours.setRange(0, MAX_HOURS)
            hours.setSingleStep(0.25)
            hours.setDecimals(2)
            hours.setAccessibleName(f"Uren {place.volunteer_name}")
            hours.setValue(place.hours if place.hours is not None else
                           shift_hours(place.starts_at, place.ends_at, "aanwezig"))
            hours.setEnabled(came.isChecked())
            came.toggled.connect(hours.setEnabled)
            name.setBuddy(came)
            grid.addWidget(name, row, 0)
            grid.addWidget(came, row, 1, Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(hours, row, 2)
            self.came[place.shift_id] = came
            self.hours[place.shift_id] = hours
        return box

    def outcomes(self) -> dict[int, PlaceOutcome]:
        assert self.sheet is not None
        result = {}
        for place in self.sheet.activity.places:
            if place.shift_id not in self.came:
                continue
            if not self.came[place.shift_id].isChecked():
                result[place.shift_id] = PlaceOutcome("afwezig")
                continue
            derived = shift_hours(place.starts_at, place.ends_at, "aanwezig")
            value = round(self.hours[place.shift_id].value(), 2)
            result[place.shift_id] = PlaceOutcome(
                "aanwezig", None if abs(value - derived) < 0.005 else value)
        return result

    def save(self) -> None:
        if self.sheet is None:
            return
        counts = {code: spin.value() for code, spin in self.counts.items()}
        participants = self.participant_ids() if self.sheet.activity.named_attendance else None
        self.save_button.setEnabled(False)
        self.runner.run(attendance.save_attendance, self.engine, self.activity_id, counts,
                        participants, self.outcomes(), date.today(), write=True,
                        on_done=lambda _r: self.accept(), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(self.sheet is not None)
        show_failure(self.error, exc)

