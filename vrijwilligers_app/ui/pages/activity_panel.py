"""Beside the Activiteiten list: new activity or series, change/move or cancel the selected
date (confirmed, undoable with Ctrl+Z), its roster with free places at a glance, filling a
place from the volunteers who are available, no-shows, and attendance after the activity.

Reads and writes run through the TaskRunner; only ids and plain rows reach the widgets.
"""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.roster import STATUSES
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.activities import planning, roster
from vrijwilligers_app.services.editing import FormErrors, code_options
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.roster import RosterActivity, RosterPlace
from vrijwilligers_app.store.queries.roster import roster as read_roster
from vrijwilligers_app.ui.dialogs.activity_dialog import ActivityDialog
from vrijwilligers_app.ui.dialogs.activity_figures_dialog import ActivityFiguresDialog
from vrijwilligers_app.ui.dialogs.attendance_dialog import AttendanceDialog
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.dialogs.fill_place_dialog import FillPlaceDialog
from vrijwilligers_app.ui.pages.panel import RegisterPanel
from vrijwilligers_app.ui.pages.roster_view import (
    COLUMNS,
    WriteCommand,
    describe,
    fill_table,
    summary_text,
)
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.fields import narrow_combo
from vrijwilligers_app.ui.widgets.form_rows import error_label


class ActivityPanel(RegisterPanel):
    # changed(id): an activity's row should be refreshed; saved(id): a new activity (the
    # first of a series) to select.

    def __init__(self, engine: Engine, runner: TaskRunner, details: QWidget,
                 undo_stack: QUndoStack) -> None:
        super().__init__()
        self.engine, self.runner, self.undo_stack = engine, runner, undo_stack
        self.activity: RosterActivity | None = None
        self.activity_id: int | None = None
        top = QGridLayout()
        self.new_button = QPushButton("Nieuwe activiteit…")
        self.new_button.setToolTip("Ctrl+N")
        self.series_button = QPushButton("Nieuwe reeks…")
        self.series_button.setToolTip("Bijvoorbeeld elke 3e dinsdag van de maand")
        self.export_button = QPushButton("Exporteer rooster (.ics)…")
        self.export_button.setToolTip("Het rooster per vrijwilliger als agendabestand")
        self.figures_button = QPushButton("Cijfers…")
        self.figures_button.setToolTip("Activiteiten, bezoekers en uren per initiatief, wijk "
                                       "of maand")
        # Two lines of two, so the side pane fits beside the list at 1366x768.
        for index, button in enumerate((self.new_button, self.series_button,
                                        self.export_button, self.figures_button)):
            top.addWidget(button, index // 2, index % 2)
        top.setColumnStretch(2, 1)
        self.figures_button.clicked.connect(self.open_figures)
        self.new_button.clicked.connect(lambda: self.open_new("single"))
        self.series_button.clicked.connect(lambda: self.open_new("series"))
        self.export_button.clicked.connect(self.open_export)
        actions = QGridLayout()  # two lines: no sideways scrolling at text size 200 %
        self.edit_button = QPushButton("Wijzigen / verplaatsen…")
        self.cancel_button = QPushButton("Afgelasten")
        self.attendance_button = QPushButton("Bezoekers en uren…")
        self.attendance_button.setToolTip("Na afloop: bezoekers per soort, wie er was, uren")
        actions.addWidget(self.edit_button, 0, 0)
        actions.addWidget(self.cancel_button, 0, 1)
        actions.addWidget(self.attendance_button, 1, 0)
        actions.setColumnStretch(2, 1)
        self.edit_button.clicked.connect(self.open_edit)
        self.cancel_button.clicked.connect(self.toggle_cancelled)
        self.attendance_button.clicked.connect(self.open_attendance)
        self.attendance_why = QLabel()
        self.attendance_why.setObjectName("attendance_why")
        self.attendance_why.setWordWrap(True)
        self.attendance_why.hide()
        self.info = QLabel()
        self.info.setObjectName("activity_info")
        self.info.setWordWrap(True)
        self.roster_box = QGroupBox("Rooster")
        self._build_roster()
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The page's own actions: the register page keeps them above the scrolling panel.
        self.actions_bar = QWidget()
        self.actions_bar.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.actions_bar)
        layout.addWidget(details)
        layout.addWidget(self.info)
        layout.addLayout(actions)
        layout.addWidget(self.attendance_why)  # right under the greyed-out button
        layout.addWidget(self.error)
        layout.addWidget(self.roster_box, 1)
        self.show_record(None)

    def _build_roster(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("roster_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("roster_table")
        self.table.setAccessibleName("Rooster")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Names get the room; a long role is shortened (full text in the tooltip).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("Gespreksleider") + 12)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(self.fontMetrics().height() * 8)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.fill_place())
        self.fill_button = QPushButton("Invullen…")
        self.clear_button = QPushButton("Leegmaken")
        self.no_show_button = QPushButton("Niet gekomen")
        self.fill_button.clicked.connect(self.fill_place)
        self.clear_button.clicked.connect(self.clear_place)
        self.no_show_button.clicked.connect(self.toggle_no_show)
        self.role = QComboBox()
        self.role.setAccessibleName("Rol voor een nieuwe plaats")
        for code, name in code_options(self.engine, "duty_role"):
            self.role.addItem(name, code)
        self.role.setCurrentIndex(max(self.role.findData("gastvrouw"), 0))
        self.add_button = QPushButton("Plaats erbij")
        self.add_button.clicked.connect(self.add_place)
        self.remove_button = QPushButton("Plaats weg")
        self.remove_button.setToolTip("Alleen een vrije plaats")
        self.remove_button.clicked.connect(self.remove_place)
        # Two columns, so the panel needs no sideways scrolling at text size 200 %.
        grid = QGridLayout()
        role_label = QLabel("Rol")
        role_label.setBuddy(narrow_combo(self.role))
        for index, widget in enumerate((self.fill_button, self.clear_button,
                                        self.no_show_button, None, role_label, self.role,
                                        self.add_button, self.remove_button)):
            if widget is not None:
                grid.addWidget(widget, index // 2, index % 2)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self.roster_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(grid)

    # --- showing ------------------------------------------------------------------------------
    def show_record(self, activity_id: int | None) -> None:
        self.activity_id = activity_id
        self.error.hide()
        if activity_id is None:
            self._fill(None)
            return
        self.runner.run(read_roster, self.engine, [activity_id],
                        on_done=lambda rows: self._loaded(activity_id, rows))

    def reload(self) -> None:
        self.show_record(self.activity_id)

    def _loaded(self, activity_id: int, rows: list[RosterActivity]) -> None:
        if activity_id == self.activity_id:
            self._fill(rows[0] if rows else None)

    def _fill(self, activity: RosterActivity | None) -> None:
        self.activity = activity
        self.table.setRowCount(0)
        selected = activity is not None
        for widget in (self.edit_button, self.cancel_button, self.attendance_button,
                       self.roster_box):
            widget.setEnabled(selected)
        self.info.setText(describe(activity) if activity else "")
        self.attendance_why.hide()
        if activity is None:
            self.summary.setText("Kies een activiteit in de lijst.")
            self._update_buttons()
            return
        self.cancel_button.setText("Laten doorgaan" if activity.cancelled else "Afgelasten")
        held = not activity.cancelled and activity.starts_at.date() <= date.today()
        self.attendance_button.setEnabled(held)
        # Say why where the user looks, not only in a tooltip.
        self.attendance_why.setText("" if held else "Bezoekers en uren: kan pas na afloop, op "
                                    f"of na {format_date_nl(activity.starts_at.date())}."
                                    if not activity.cancelled else
                                    "Bezoekers en uren: niet bij een afgelaste activiteit.")
        self.attendance_why.setVisible(not held)
        fill_table(self.table, activity)
        text = summary_text(activity)
        self.summary.setText(text)
        self._update_buttons()

    def selected_place(self) -> RosterPlace | None:
        if self.activity is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        first = self.table.item(rows[0].row(), 0)
        shift_id = first.data(Qt.ItemDataRole.UserRole) if first is not None else None
        return next((p for p in self.activity.places if p.shift_id == shift_id), None)

    def select_place(self, shift_id: int) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == shift_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        place = self.selected_place()
        open_roster = self.activity is not None and not self.activity.cancelled
        self.fill_button.setEnabled(place is not None and open_roster)
        self.clear_button.setEnabled(place is not None and not place.free)
        self.no_show_button.setEnabled(place is not None and not place.free)
        self.no_show_button.setText("Toch gekomen" if place is not None
                                    and place.status == "afwezig" else "Niet gekomen")
        self.remove_button.setEnabled(place is not None and place.free)
        self.add_button.setEnabled(open_roster)

    # --- writing ------------------------------------------------------------------------------
    def run_write(self, fn, *args) -> None:  # type: ignore[no-untyped-def]
        activity_id = self.activity_id
        self.runner.run(fn, self.engine, *args, write=True,
                        on_done=lambda _r: self._written(activity_id), on_error=self.show_error)

    def _written(self, activity_id: int | None) -> None:
        if activity_id is not None:
            self.changed.emit(activity_id)
        if activity_id == self.activity_id:
            self.reload()

    def show_error(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, FormErrors | LookupError | ValueError) \
            else f"Niet opgeslagen: {exc}"
        self.error.setText(message)
        self.error.show()

    def _label(self) -> str:
        assert self.activity is not None
        return f"{self.activity.title} van {format_date_nl(self.activity.starts_at.date())}"

    def toggle_cancelled(self) -> None:
        if self.activity is None:
            return
        cancel = not self.activity.cancelled
        label = self._label()
        if cancel and not Confirm.ask(
                self, "Activiteit afgelasten?",
                f"{label} afgelasten? Het rooster en de andere datums van de reeks blijven "
                "staan; met Ctrl+Z maakt u het ongedaan.", yes="Afgelasten"):
            return
        activity_id = self.activity.activity_id
        self.undo_stack.push(WriteCommand(
            self, f"{'afgelasten' if cancel else 'laten doorgaan'}: {label}",
            (planning.set_cancelled, activity_id, cancel),
            (planning.set_cancelled, activity_id, not cancel)))
        self.status.emit(f"{label} {'afgelast' if cancel else 'gaat weer door'}; "
                         "Ctrl+Z maakt het ongedaan.")

    def add_place(self) -> None:
        if self.activity is not None:
            self.run_write(roster.add_places, self.activity.activity_id, self.role.currentData(),
                           1)

    def remove_place(self) -> None:
        place = self.selected_place()
        if place is not None and place.free:
            self.run_write(roster.remove_place, place.shift_id)

    def clear_place(self) -> None:
        place = self.selected_place()
        if place is None or place.free:
            return
        self.undo_stack.push(WriteCommand(
            self, f"{place.volunteer_name} van het rooster",
            (roster.unassign, place.shift_id),
            (roster.assign, place.shift_id, place.volunteer_id, True)))

    def toggle_no_show(self) -> None:
        place = self.selected_place()
        if place is None or place.free:
            return
        new = "gepland" if place.status == "afwezig" else "afwezig"
        self.undo_stack.push(WriteCommand(
            self, f"{place.volunteer_name}: {STATUSES[new]}",
            (roster.set_status, place.shift_id, new),
            (roster.set_status, place.shift_id, place.status)))

    # --- dialogs ------------------------------------------------------------------------------
    def fill_place(self) -> None:
        place = self.selected_place()
        if place is None or self.activity is None or self.activity.cancelled:
            return
        self.fill_dialog = FillPlaceDialog(self.engine, self.runner, place, self.activity.title,
                                           self)
        self.fill_dialog.accepted.connect(lambda: self._written(self.activity_id))
        self.fill_dialog.open()

    def open_new(self, mode: str) -> None:
        initiative = self.activity.initiative_id if self.activity else None
        self.activity_dialog = ActivityDialog(self.engine, self.runner, mode, self,
                                              initiative_id=initiative)
        self.activity_dialog.accepted.connect(self._created)
        self.activity_dialog.open()

    def _created(self) -> None:
        result = self.activity_dialog.result_value
        if isinstance(result, planning.SeriesCreated):
            self.status.emit(f"Reeks opgeslagen: {len(result.activity_ids)} datums van "
                             f"{format_date_nl(result.first)} tot en met "
                             f"{format_date_nl(result.last)}.")
            self.saved.emit(result.activity_ids[0])
        elif isinstance(result, int):
            self.status.emit("Activiteit opgeslagen.")
            self.saved.emit(result)

    def open_edit(self) -> None:
        if self.activity_id is None:
            return
        activity_id = self.activity_id
        self.runner.run(planning.activity_values, self.engine, activity_id,
                        on_done=lambda values: self._edit(activity_id, values),
                        on_error=self.show_error)

    def _edit(self, activity_id: int, values: dict[str, object]) -> None:
        self.activity_dialog = ActivityDialog(self.engine, self.runner, "edit", self,
                                              activity_id=activity_id, values=values)
        self.activity_dialog.accepted.connect(self._edited)
        self.activity_dialog.open()

    def _edited(self) -> None:
        change = self.activity_dialog.result_value
        if not isinstance(change, planning.ActivityChange):
            return
        _new, _errors = self.activity_dialog.values()
        new = {k: v for k, v in _new.items() if k in change.previous}
        # Saved already; the undo command re-applies on redo (harmless) and restores on undo.
        self.undo_stack.push(WriteCommand(
            self, "activiteit wijzigen",
            (planning.update_activity, change.activity_id, new),
            (planning.update_activity, change.activity_id, change.previous)))
        moved = change.previous["on"] != new.get("on")
        self.status.emit(("Activiteit verplaatst" if moved else "Activiteit gewijzigd")
                         + "; Ctrl+Z maakt het ongedaan.")

    def open_attendance(self) -> None:
        if self.activity_id is None:
            return
        self.attendance_dialog = AttendanceDialog(self.engine, self.runner, self.activity_id,
                                                  self)
        self.attendance_dialog.accepted.connect(lambda: self._written(self.activity_id))
        self.attendance_dialog.open()

    def open_figures(self) -> None:
        self.figures_dialog = ActivityFiguresDialog(self.engine, self.runner, self)
        self.figures_dialog.show()

    def open_export(self) -> None:
        initiative = self.activity.initiative_id if self.activity else None
        name = self.activity.initiative_name if self.activity else None
        # icalendar only when rosters are exported, not with the page
        from vrijwilligers_app.ui.dialogs.ics_export_dialog import IcsExportDialog

        self.export_dialog = IcsExportDialog(self.engine, self.runner, initiative, name, self)
        self.export_dialog.open()
