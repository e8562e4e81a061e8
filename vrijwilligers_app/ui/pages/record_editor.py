"""Editing one record of a register page: new, save, cancel, archive, delete, undo.

Saving runs on the write thread; a failed save keeps every typed value and shows why, field
by field. Deleting and archiving ask first and go on the window's undo stack.
"""

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services import editing
from vrijwilligers_app.ui.dialogs.confirm import Confirm, Unsaved
from vrijwilligers_app.ui.pages.canonical_panel import CanonicalPanel
from vrijwilligers_app.ui.pages.resident_rights import ResidentRights
from vrijwilligers_app.ui.pages.roles_panel import RolesPanel
from vrijwilligers_app.ui.pages.undo import DoneCommand
from vrijwilligers_app.ui.widgets.record_form import RecordForm

if TYPE_CHECKING:
    from vrijwilligers_app.ui.pages.register_page import RegisterPage

NEW_TITLES = {"initiatives": "Nieuw initiatief", "volunteers": "Nieuwe vrijwilliger",
              "residents": "Nieuwe inwoner"}
NOUNS = {"initiatives": "Dit initiatief", "volunteers": "Deze vrijwilliger",
         "residents": "Deze inwoner"}
PEOPLE = ("volunteers", "residents")
ROLE_TABS = {"volunteers": "Initiatieven en rollen", "initiatives": "Vrijwilligers"}


class RecordEditor:
    def __init__(self, page: "RegisterPage", undo_stack: QUndoStack) -> None:
        self.page = page
        self.kind = page.kind
        self.engine = page.engine
        self.undo_stack = undo_stack
        self.current_id: int | None = None
        self._saving = False  # a save is on its way: a second click must not save twice
        self._refused = False  # "Niet opgeslagen…" is in the status bar
        self.form = RecordForm(self.engine, self.kind)
        self.widget = QWidget()
        self.title = QLabel()
        self.title.setWordWrap(True)
        buttons = QGridLayout()  # two lines: fits beside the table on a small screen
        self.new_button = QPushButton("Nieuw")
        self.save_button = QPushButton("Opslaan")
        self.cancel_button = QPushButton("Annuleren")
        self.archive_button = QPushButton("Archiveren")
        self.delete_button = QPushButton("Verwijderen")
        for position, (button, tip) in enumerate((
                (self.new_button, "Ctrl+N"), (self.save_button, "Ctrl+S"),
                (self.cancel_button, "Esc"), (self.archive_button, ""),
                (self.delete_button, "Delete"))):
            if tip:
                button.setToolTip(tip)
            buttons.addWidget(button, position // 3, position % 3)
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.archive_button.clicked.connect(self.archive)
        self.delete_button.clicked.connect(self.delete)
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        # Volunteers and initiatives: who works where, on a second tab beside the form.
        self.roles: RolesPanel | None = None
        if self.kind in ROLE_TABS:
            self.roles = RolesPanel(self.engine, self.kind, undo_stack)
            self.roles.status.connect(page.status)
            self.roles.changed.connect(page.model.refresh_rows)
            self.tabs = QTabWidget()
            self.tabs.setAccessibleName(f"{NEW_TITLES[self.kind].split()[-1].capitalize()}: "
                                        f"gegevens of {ROLE_TABS[self.kind].lower()}")
            self.tabs.setObjectName("editor_tabs")
            self.tabs.addTab(self.form, "Gegevens")
            self.tabs.addTab(self.roles, ROLE_TABS[self.kind])
            layout.addWidget(self.tabs, 1)
        # Initiatives: the link to the gemeente's list (issue 17), on a third tab.
        self.canonical: CanonicalPanel | None = None
        if self.kind == "initiatives":
            self.canonical = CanonicalPanel(self.engine)
            self.canonical.status.connect(page.status)
            self.tabs.addTab(self.canonical, "Gemeentelijst")
        else:
            layout.addWidget(self.form, 1)
        layout.addLayout(buttons)
        self.rights: ResidentRights | None = None
        if self.kind == "residents":  # inzage and vergeten (art. 15 and 17 AVG)
            rights_row = QHBoxLayout()
            layout.addLayout(rights_row)
            self.rights = ResidentRights(self, rights_row)
        for keys, slot in (("Ctrl+N", self.new), ("Ctrl+S", self.save), ("Esc", self.cancel)):
            QShortcut(QKeySequence(keys), page, slot)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), page.view, self.delete)
        self.form.changed.connect(self._update_buttons)
        self.new(ask=False)

    # --- state ---------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        existing = self.current_id is not None
        self.save_button.setEnabled(not self._saving and (self.form.dirty or not existing))
        self.cancel_button.setEnabled(self.form.dirty)
        self.archive_button.setEnabled(existing)
        self.delete_button.setEnabled(existing)

    def may_leave(self) -> bool:
        """True when the form may be replaced: nothing unsaved, or the user decided."""
        if not self.form.dirty:
            return True
        choice = Confirm.unsaved(self.widget, NOUNS[self.kind])
        if choice is Unsaved.SAVE:
            return self.save_now()
        return choice is Unsaved.DISCARD

    # --- actions ---------------------------------------------------------------------------
    def _forget_refusal(self) -> None:
        """The form's input is replaced: a refusal about it no longer holds."""
        if self._refused:
            self._refused = False
            self.page.status.emit("")

    def open(self, record_id: int) -> None:
        values = editing.load_record(self.engine, self.kind, record_id)
        self._forget_refusal()
        self.current_id = record_id
        self.form.set_values(values)
        self.title.setText(f"<b>{editing.record_label(self.engine, self.kind, record_id)}</b>")
        if self.roles is not None:
            self.roles.show_owner(record_id)
        if self.canonical is not None:
            self.canonical.show_owner(record_id, str(values.get("name", "")))
        self._update_buttons()
        if self.rights is not None:
            self.rights.opened(record_id)
        self.page.record_opened(record_id)

    def new(self, ask: bool = True) -> None:
        if ask and not self.may_leave():
            return
        self.current_id = None
        self._forget_refusal()
        if self.rights is not None:
            self.rights.update(None)
        self.form.set_values(editing.empty_values(self.kind))
        self.title.setText(f"<b>{NEW_TITLES[self.kind]}</b>")
        if self.roles is not None:
            self.roles.show_owner(None)
        if self.canonical is not None:
            self.canonical.show_owner(None)
        self.page.view.clearSelection()
        self._update_buttons()
        self.page.record_opened(None)
        if ask:
            self.form.focus_first()

    def cancel(self) -> None:
        if not self.form.dirty:
            return
        if not Confirm.ask(self.widget, "Wijzigingen weggooien?",
                           "De wijzigingen in het formulier gaan verloren.", "Weggooien"):
            return
        if self.current_id is None:
            self.new(ask=False)
        else:
            self.open(self.current_id)
        self.page.status.emit("Wijzigingen weggegooid.")

    def _check_duplicates(self, values: dict[str, object]) -> bool:
        """False when the user chose to open the existing record or to stop."""
        if self.kind not in PEOPLE or self.current_id is not None:
            return True
        hits = editing.find_duplicates(self.engine, self.kind, values)
        if not hits:
            return True
        text = "\n".join(f"• {hit.label} ({hit.reason})" for hit in hits[:5])
        choice = Confirm.duplicate(self.widget, text)
        if choice == "open":
            self.form.dirty = False
            self.page.show_record(hits[0].record_id)
            return False
        return choice == "save"

    def save(self) -> None:
        if self._saving:  # double click, or Ctrl+S while the first save still runs
            return
        values = self.form.values()
        if not self._check_duplicates(values):
            return
        self.page.status.emit("Bezig met opslaan…")
        self._set_saving(True)
        self.page.runner.run(editing.save_record, self.engine, self.kind, values,
                             self.current_id, date.today(), write=True,
                             on_done=self._saved, on_error=self._save_failed)

    def save_now(self) -> bool:
        """Save synchronously (from the unsaved-changes question); True on success."""
        try:
            record_id = editing.save_record(self.engine, self.kind, self.form.values(),
                                            self.current_id, date.today())
        except Exception as exc:  # noqa: BLE001 - shown to the user, input kept
            self._save_failed(exc)
            return False
        self._saved(record_id)
        return True

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._update_buttons()

    def _saved(self, record_id: int) -> None:
        self._set_saving(False)
        self.open(record_id)  # show what was stored: "5701 AB", "0492 123 456"
        self.page.status.emit("Opgeslagen.")
        self.page.select_when_loaded(record_id)

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, editing.FormErrors):
            if self.roles is not None:
                self.tabs.setCurrentWidget(self.form)  # the red messages are on the form
            self.form.set_errors(exc.errors)
            self.page.status.emit("Niet opgeslagen: verbeter de rode meldingen.")
            self._refused = True
            return
        self.page.status.emit("Niet opgeslagen.")
        QMessageBox.critical(self.widget, "Opslaan mislukt",
                             f"Opslaan is mislukt: {exc}\n\nUw invoer staat nog in het "
                             "formulier; probeer het opnieuw.")

    def archive(self) -> None:
        record_id = self.current_id
        if record_id is None:
            return
        label = editing.record_label(self.engine, self.kind, record_id)
        if not Confirm.ask(self.widget, "Archiveren?",
                           f"{label} archiveren? Het record blijft bewaard maar verdwijnt uit "
                           "de gewone lijsten.", "Archiveren"):
            return
        editing.archive_record(self.engine, self.kind, record_id, date.today())
        self.undo_stack.push(DoneCommand(
            f"Archiveren van {label}",
            lambda: self._restored(editing.unarchive_record, record_id, label),
            lambda: editing.archive_record(self.engine, self.kind, record_id, date.today()),
            self.page.apply_filters))
        self.page.status.emit(f"{label} gearchiveerd. Ongedaan maken: Ctrl+Z.")
        self.new(ask=False)
        self.page.apply_filters()

    def _restored(self, action, record_id: int, label: str) -> None:  # type: ignore[no-untyped-def]
        """Undo: bring the record back and show it in the form again."""
        action(self.engine, self.kind, record_id)
        self.page.status.emit(f"{label} is hersteld.")
        self.page.select_when_loaded(record_id, reload=False)  # the undo reloads the list
        if not self.form.dirty:
            self.open(record_id)

    def delete(self) -> None:
        record_id = self.current_id
        if record_id is None:
            return
        label = editing.record_label(self.engine, self.kind, record_id)
        if not Confirm.ask(self.widget, "Verwijderen?",
                           f"{label} definitief verwijderen? U kunt dit ongedaan maken zolang "
                           "dit venster open is (Ctrl+Z).", "Verwijderen"):
            return
        try:
            snapshot = editing.delete_record(self.engine, self.kind, record_id)
        except editing.InUseError as exc:
            QMessageBox.information(self.widget, "Niet verwijderd", str(exc))
            return
        state = {"snapshot": snapshot}

        def redo() -> None:
            state["snapshot"] = editing.delete_record(self.engine, self.kind, record_id)

        self.undo_stack.push(DoneCommand(
            f"Verwijderen van {label}",
            lambda: self._restored(lambda _e, _k, _id: editing.restore_deleted(
                self.engine, state["snapshot"]), record_id, label), redo,
            self.page.apply_filters))
        self.page.status.emit(f"{label} verwijderd. Ongedaan maken: Ctrl+Z.")
        self.new(ask=False)
        self.page.apply_filters()
