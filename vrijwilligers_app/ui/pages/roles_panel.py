"""Who works where: on a volunteer the initiatives with role(s), since, until and uitstroomreden;
on an initiative its volunteers. Adding, ending and removing roles go on the undo stack.

Ending a role checks the date first, then asks about future roster places (which dates; free
them) and, for the volunteer's last role, whether the volunteer stops altogether.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services import volunteer_roles as roles
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.dialogs.role_dialogs import AddRoleDialog, EndRoleDialog
from vrijwilligers_app.ui.pages.undo import DoneCommand
from vrijwilligers_app.ui.widgets.record_table import record_table

HEADERS = {"volunteers": ("Initiatief", "Rol", "Sinds", "Tot", "Uitstroomreden"),
           "initiatives": ("Vrijwilliger", "Rol", "Sinds", "Tot", "Uitstroomreden")}
MAX_DATES_SHOWN = 8


class RolesPanel(QWidget):
    changed = Signal()
    status = Signal(str)

    def __init__(self, engine: Engine, kind: str, undo_stack: QUndoStack) -> None:
        super().__init__()
        self.engine = engine
        self.kind = kind  # "volunteers" or "initiatives": whose roles are shown
        self.undo_stack = undo_stack
        self.owner_id: int | None = None
        self.rows: list[roles.RoleRow] = []
        self.setObjectName(f"roles_{kind}")
        self.setAccessibleName("Initiatieven en rollen" if kind == "volunteers"
                               else "Vrijwilligers van dit initiatief")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.table = record_table(HEADERS[kind], "roles_table", self.accessibleName())
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton("Rol toevoegen…" if kind == "volunteers"
                                      else "Vrijwilliger toevoegen…")
        self.end_button = QPushButton("Rol beëindigen…")
        self.delete_button = QPushButton("Rol verwijderen")
        self.delete_button.setToolTip("Alleen voor een rol die per vergissing is ingevoerd; "
                                      "een gestopte vrijwilliger beëindigt u.")
        self.add_button.clicked.connect(self.add)
        self.end_button.clicked.connect(self.end_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QGridLayout()  # two lines: fits beside the list at text size 200 %
        buttons.addWidget(self.add_button, 0, 0, 1, 2)
        buttons.addWidget(self.end_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.show_owner(None)

    # --- showing -------------------------------------------------------------------------
    def show_owner(self, owner_id: int | None) -> None:
        self.owner_id = owner_id
        self.reload()

    def reload(self) -> None:
        owner = self.owner_id
        if owner is None:
            self.rows = []
        elif self.kind == "volunteers":
            self.rows = roles.roles_of_volunteer(self.engine, owner)
        else:
            self.rows = roles.roles_in_initiative(self.engine, owner)
        today = date.today()
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            who = row.initiative_name if self.kind == "volunteers" else row.volunteer_name
            cells = (who, row.role_name, format_date_nl(row.start), format_date_nl(row.end),
                     row.exit_reason_name)
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if not row.active_on(today):
                    item.setForeground(QColor("#666666"))
                self.table.setItem(r, c, item)
        if owner is None:
            self.hint.setText("Sla eerst de " + ("vrijwilliger" if self.kind == "volunteers"
                                                 else "het initiatief") + " op; daarna kunt u "
                              "hier rollen toevoegen.")
        else:
            active = sum(1 for row in self.rows if row.active_on(today))
            self.hint.setText(f"{active} actieve rol(len), {len(self.rows) - active} beëindigd.")
        self._update_buttons()

    def selected(self) -> roles.RoleRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() \
            else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.add_button.setEnabled(self.owner_id is not None)
        self.end_button.setEnabled(chosen is not None and chosen.end is None)
        self.delete_button.setEnabled(chosen is not None)

    def _push(self, text: str, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        self.undo_stack.push(DoneCommand(text, undo, redo, self._refresh))
        self._refresh()
        self.status.emit(f"{text}. Ongedaan maken: Ctrl+Z.")

    def _refresh(self) -> None:
        self.reload()
        self.changed.emit()

    # --- actions -------------------------------------------------------------------------
    def add(self) -> None:
        if self.owner_id is None:
            return
        volunteer = self.owner_id if self.kind == "volunteers" else None
        initiative = self.owner_id if self.kind == "initiatives" else None
        self.dialog = AddRoleDialog(self.engine, volunteer, initiative, self)
        self.dialog.accepted.connect(self._added)
        self.dialog.open()

    def _added(self) -> None:
        assert self.dialog.result_values is not None  # set before accept()
        volunteer, initiative, role_code, start, end = self.dialog.result_values
        try:
            new_id = roles.add_role(self.engine, volunteer, initiative, role_code, start, end)
        except roles.RoleError as exc:
            Confirm.inform(self, "Rol niet toegevoegd", exc.message)
            return
        added = roles.role(self.engine, new_id)
        state: dict[str, dict[str, Any]] = {"snapshot": {}}

        def undo() -> None:
            state["snapshot"] = roles.delete_role(self.engine, added.role_id)

        self._push(f"{added.volunteer_name} is {added.role_name.lower()} bij "
                   f"{added.initiative_name}", undo,
                   lambda: roles.restore_role(self.engine, state["snapshot"]))

    def end_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        what = f"{chosen.volunteer_name}: {chosen.role_name.lower()} bij {chosen.initiative_name}"
        self.end_dialog = EndRoleDialog(self.engine, chosen.role_id, chosen.start, what, self)
        self.end_dialog.accepted.connect(lambda: self._end(chosen))
        self.end_dialog.open()

    def _free_places_first(self, chosen: roles.RoleRow, end: date) -> list[int] | None:
        """Future roster places the volunteer would keep: [] none, ids to free, None = stop."""
        places = roles.places_lost_by_ending(self.engine, chosen.role_id, end)
        if not places:
            return []
        dates = ", ".join(format_date_nl(p.starts_at.date()) for p in places[:MAX_DATES_SHOWN])
        more = f" en nog {len(places) - MAX_DATES_SHOWN}" if len(places) > MAX_DATES_SHOWN else ""
        if not Confirm.ask(self, "Nog ingeroosterd",
                           f"{chosen.volunteer_name} staat na {format_date_nl(end)} nog op het "
                           f"rooster van {chosen.initiative_name}: {dates}{more}.\n\n"
                           "Deze plaatsen vrijmaken (ze komen weer open te staan) en de rol "
                           "beëindigen?", "Vrijmaken en beëindigen"):
            return None
        return [p.shift_id for p in places]

    def _end(self, chosen: roles.RoleRow) -> None:
        assert self.end_dialog.result_values is not None
        end, reason = self.end_dialog.result_values
        freed = self._free_places_first(chosen, end)
        if freed is None:
            self.status.emit("Rol niet beëindigd.")
            return
        stops = roles.is_last_active_role(self.engine, chosen.role_id, end) and Confirm.ask(
            self, "Laatste rol", f"Dit is de laatste rol van {chosen.volunteer_name}. Stopt "
            f"{chosen.volunteer_name} per {format_date_nl(end)} helemaal als vrijwilliger?",
            "Ja, stopt helemaal", "Nee, blijft vrijwilliger")
        try:
            previous = roles.set_role_end(self.engine, chosen.role_id, end, reason)
        except roles.RoleError as exc:
            Confirm.inform(self, "Rol niet beëindigd", exc.message)
            return
        if freed:
            roles.free_places(self.engine, freed)
        old_end = roles.set_volunteer_end(self.engine, chosen.volunteer_id, end) if stops \
            else None

        def undo() -> None:
            if stops:
                roles.set_volunteer_end(self.engine, chosen.volunteer_id, old_end)
            if freed:
                roles.restore_places(self.engine, freed, chosen.volunteer_id)
            roles.set_role_end(self.engine, chosen.role_id, *previous)

        def redo() -> None:
            roles.set_role_end(self.engine, chosen.role_id, end, reason)
            if freed:
                roles.free_places(self.engine, freed)
            if stops:
                roles.set_volunteer_end(self.engine, chosen.volunteer_id, end)

        text = f"Rol van {chosen.volunteer_name} bij {chosen.initiative_name} beëindigd"
        if stops:
            text += f"; {chosen.volunteer_name} gestopt als vrijwilliger"
        self._push(text, undo, redo)

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        freed = self._free_places_first(chosen, date.today())
        if freed is None:
            return
        if not freed and not Confirm.ask(
                self, "Rol verwijderen?", f"De rol {chosen.role_name.lower()} van "
                f"{chosen.volunteer_name} bij {chosen.initiative_name} verwijderen? Is de "
                "vrijwilliger gestopt, kies dan 'Rol beëindigen…': dan blijft de geschiedenis "
                "bewaard.", "Verwijderen"):
            return
        if freed:
            roles.free_places(self.engine, freed)
        state = {"snapshot": roles.delete_role(self.engine, chosen.role_id)}

        def undo() -> None:
            roles.restore_role(self.engine, state["snapshot"])
            if freed:
                roles.restore_places(self.engine, freed, chosen.volunteer_id)

        def redo() -> None:
            if freed:
                roles.free_places(self.engine, freed)
            state["snapshot"] = roles.delete_role(self.engine, chosen.role_id)

        self._push(f"Rol van {chosen.volunteer_name} bij {chosen.initiative_name} verwijderd",
                   undo, redo)

    def font_changed(self) -> None:
        self.table.resizeColumnsToContents()
