"""Editing one record of a register page: new, save, cancel, archive, delete, undo.

Saving runs on the write thread; a failed save keeps every typed value and shows why, field
by field. Deleting and archiving ask first and go on the window's undo stack. A register
panel (ui/pages/panel.py): it talks to its page only through signals.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from vrijwilligers_app.services import editing
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.confirm import Confirm, Unsaved
from vrijwilligers_app.ui.pages.canonical_panel import CanonicalPanel
from vrijwilligers_app.ui.pages.panel import RegisterPanel
from vrijwilligers_app.ui.pages.resident_rights import ResidentRights
from vrijwilligers_app.ui.pages.roles_panel import RolesPanel
from vrijwilligers_app.ui.pages.undo import DoneCommand
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.record_form import RecordForm

NEW_TITLES = {"initiatives": "Nieuw initiatief", "volunteers": "Nieuwe vrijwilliger",
              "residents": "Nieuwe inwoner"}
NOUNS = {"initiatives": "Dit initiatief", "volunteers": "Deze vrijwilliger",
         "residents": "Deze inwoner"}
PEOPLE = ("volunteers", "residents")
ROLE_TABS = {"volunteers": "Initiatieven en rollen", "initiatives": "Vrijwilligers"}


class RecordEditor(RegisterPanel):
    """The form of an initiative, volunteer or resident with its buttons (and tabs).

    Besides the panel signals: `opened(id or None)` when the form shows another record (None:
    a new one), `restored(id)` when an undo brought a record back (select it after the
    reload), `list_changed()` when records left or came back (reload the list), and
    `open_requested(id)` when the user chose to open an existing record instead (a duplicate).
    """

    opened = Signal(object)
    restored = Signal(int)
    list_changed = Signal()
    open_requested = Signal(int)
    scrolls = False  # the form scrolls inside; the buttons stay in sight

    def __init__(self, engine: Engine, runner: TaskRunner, details: RecordForm,
                 undo_stack: QUndoStack) -> None:
        super().__init__()
        self.kind = details.kind
        self.engine = engine
        self.runner = runner
        self.undo_stack = undo_stack
        self.current_id: int | None = None
        self._saving = False  # a save is on its way: a second click must not save twice
        self._refused = False  # "Niet opgeslagen…" is in the status bar
        self.form = details
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        # Volunteers and initiatives: who works where, on a second tab beside the form.
        self.roles: RolesPanel | None = None
        if self.kind in ROLE_TABS:
            self.roles = RolesPanel(self.engine, self.kind, undo_stack)
            self.roles.status.connect(self.status)
            self.roles.changed.connect(self._roles_changed)
            self.tabs = QTabWidget()
            self.tabs.setAccessibleName(f"{NEW_TITLES[self.kind].split()[-1].capitalize()}: "
                                        f"gegevens of {ROLE_TABS[self.kind].lower()}")
            self.tabs.setObjectName("editor_tabs")
            self.tabs.addTab(self.form, "Gegevens")
            self.tabs.addTab(self.roles, ROLE_TABS[self.kind])
            layout.addWidget(self.tabs, 1)
        else:
            layout.addWidget(self.form, 1)
        # Initiatives: the link to the gemeente's list (issue 17), on a third tab.
        self.canonical: CanonicalPanel | None = None
        if self.kind == "initiatives":
            self.canonical = CanonicalPanel(self.engine)
            self.canonical.status.connect(self.status)
            self.tabs.addTab(self.canonical, "Gemeentelijst")
        layout.addLayout(buttons)
        self.rights: ResidentRights | None = None
        if self.kind == "residents":  # inzage and vergeten (art. 15 and 17 AVG)
            rights_row = QHBoxLayout()
            layout.addLayout(rights_row)
            self.rights = ResidentRights(self, rights_row)
        self.form.changed.connect(self._update_buttons)
        self.new(ask=False)

    # --- state ---------------------------------------------------------------------------
    def show_record(self, record_id: int | None) -> None:
        if record_id is None:
            self.new(ask=False)
        else:
            self.open(record_id)

    def _roles_changed(self) -> None:
        if self.current_id is not None:
            self.changed.emit(self.current_id)

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
        choice = Confirm.unsaved(self, NOUNS[self.kind])
        if choice is Unsaved.SAVE:
            return self.save_now()
        return choice is Unsaved.DISCARD

    # --- actions ---------------------------------------------------------------------------
    def _forget_refusal(self) -> None:
        """The form's input is replaced: a refusal about it no longer holds."""
        if self._refused:
            self._refused = False
            self.status.emit("")

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
        self.opened.emit(record_id)

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
        self._update_buttons()
        self.opened.emit(None)  # the page clears the list's selection
        if ask:
            self.form.focus_first()

    def cancel(self) -> None:
        if not self.form.dirty:
            return
        if not Confirm.ask(self, "Wijzigingen weggooien?",
                           "De wijzigingen in het formulier gaan verloren.", "Weggooien"):
            return
        if self.current_id is None:
            self.new(ask=False)
        else:
            self.open(self.current_id)
        self.status.emit("Wijzigingen weggegooid.")

    def _check_duplicates(self, values: dict[str, object]) -> bool:
        """False when the user chose to open the existing record or to stop."""
        if self.kind not in PEOPLE or self.current_id is not None:
            return True
        hits = editing.find_duplicates(self.engine, self.kind, values)
        if not hits:
            return True
        text = "\n".join(f"• {hit.label} ({hit.reason})" for hit in hits[:5])
        choice = Confirm.duplicate(self, text)
        if choice == "open":
            self.form.dirty = False
            self.open_requested.emit(hits[0].record_id)
            return False
        return choice == "save"

    def save(self) -> None:
        if self._saving:  # double click, or Ctrl+S while the first save still runs
            return
        values = self.form.values()
        if not self._check_duplicates(values):
            return
        self.status.emit("Bezig met opslaan…")
        self._set_saving(True)
        self.runner.run(editing.save_record, self.engine, self.kind, values,
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
        self.status.emit("Opgeslagen.")
        self.saved.emit(record_id)  # the page selects it once the list has reloaded

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, editing.FormErrors):
            if self.roles is not None:
                self.tabs.setCurrentWidget(self.form)  # the red messages are on the form
            self.form.set_errors(exc.errors)
            self.status.emit("Niet opgeslagen: verbeter de rode meldingen.")
            self._refused = True
            return
        self.status.emit("Niet opgeslagen.")
        QMessageBox.critical(self, "Opslaan mislukt",
                             f"Opslaan is mislukt: {exc}\n\nUw invoer staat nog in het "
                             "formulier; probeer het opnieuw.")

    def archive(self) -> None:
        record_id = self.current_id
        if record_id is None:
            return
        label = editing.record_label(self.engine, self.kind, record_id)
        if not Confirm.ask(self, "Archiveren?",
                           f"{label} archiveren? Het record blijft bewaard maar verdwijnt uit "
                           "de gewone lijsten.", "Archiveren"):
            return
        editing.archive_record(self.engine, self.kind, record_id, date.today())
        self.undo_stack.push(DoneCommand(
            f"Archiveren van {label}",
            lambda: self._restored(editing.unarchive_record, record_id, label),
            lambda: editing.archive_record(self.engine, self.kind, record_id, date.today()),
            self.list_changed.emit))
        self.status.emit(f"{label} gearchiveerd. Ongedaan maken: Ctrl+Z.")
        self.new(ask=False)
        self.list_changed.emit()

    def _restored(self, action: Callable[[Engine, str, int], object], record_id: int,
                  label: str) -> None:
        """Undo: bring the record back and show it in the form again."""
        action(self.engine, self.kind, record_id)
        self.status.emit(f"{label} is hersteld.")
        self.restored.emit(record_id)  # selected when the undo's list_changed reloads
        if not self.form.dirty:
            self.open(record_id)

    def delete(self) -> None:
        record_id = self.current_id
        if record_id is None:
            return
        label = editing.record_label(self.engine, self.kind, record_id)
        if not Confirm.ask(self, "Verwijderen?",
                           f"{label} definitief verwijderen? U kunt dit ongedaan maken zolang "
                           "dit venster open is (Ctrl+Z).", "Verwijderen"):
            return
        try:
            snapshot = editing.delete_record(self.engine, self.kind, record_id)
        except editing.InUseError as exc:
            QMessageBox.information(self, "Niet verwijderd", str(exc))
            return
        state = {"snapshot": snapshot}

        def redo() -> None:
            state["snapshot"] = editing.delete_record(self.engine, self.kind, record_id)

        self.undo_stack.push(DoneCommand(
            f"Verwijderen van {label}",
            lambda: self._restored(lambda _e, _k, _id: editing.restore_deleted(
                self.engine, state["snapshot"]), record_id, label), redo,
            self.list_changed.emit))
        self.status.emit(f"{label} verwijderd. Ongedaan maken: Ctrl+Z.")
        self.new(ask=False)
        self.list_changed.emit()
