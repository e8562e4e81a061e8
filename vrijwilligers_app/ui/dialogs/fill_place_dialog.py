"""Fill one roster place from the volunteers who fit: a role in the initiative and available
on that day part first; anyone already rostered at that time is marked, and choosing them
asks first ("dubbel ingeroosterd")."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.roster import time_span
from vrijwilligers_app.services.activities import roster
from vrijwilligers_app.services.activities.roster import Candidate, RosterClash
from vrijwilligers_app.services.editing import FormErrors
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.roster import RosterPlace
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.form_rows import error_label, save_buttons, show_failure

CLASH_COLOR = Qt.GlobalColor.darkRed


class FillPlaceDialog(QDialog):
    def __init__(self, engine: Engine, runner: TaskRunner, place: RosterPlace,
                 activity_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.runner, self.place = engine, runner, place
        self.candidates: list[Candidate] = []
        self.setWindowTitle("Plaats invullen")
        intro = QLabel(f"<b>{place.role_name}</b> bij {activity_label}, "
                       f"{time_span(place.starts_at, place.ends_at)}")
        intro.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Zoek op naam…")
        self.filter.setAccessibleName("Zoek een vrijwilliger")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._show)
        self.list = QListWidget()
        self.list.setObjectName("candidates")
        self.list.setAccessibleName("Vrijwilligers")
        self.list.itemDoubleClicked.connect(lambda _item: self.choose())
        label = QLabel("Beschikbare vrijwilligers (eerst wie deze rol heeft):")
        label.setBuddy(self.list)
        self.error = error_label()
        buttons, self.choose_button = save_buttons(self.choose, self.reject, "Invullen")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 480)
        self.list.addItem("Laden…")
        runner.run(roster.candidates, engine, place.shift_id, on_done=self._loaded,
                   on_error=self._failed)

    def _loaded(self, found: list[Candidate]) -> None:
        self.candidates = found
        self._show()

    def _show(self) -> None:
        words = self.filter.text().casefold().split()
        self.list.clear()
        for candidate in self.candidates:
            if candidate.volunteer_id == self.place.volunteer_id:
                continue
            if not all(w in candidate.name.casefold() for w in words):
                continue
            item = QListWidgetItem(candidate.label)
            item.setData(Qt.ItemDataRole.UserRole, candidate.volunteer_id)
            if candidate.clash:
                item.setForeground(CLASH_COLOR)
                item.setToolTip(candidate.clash)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.list.addItem("Niemand gevonden.")

    def chosen(self) -> Candidate | None:
        item = self.list.currentItem()
        volunteer_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((c for c in self.candidates if c.volunteer_id == volunteer_id), None)

    def choose(self, allow_clash: bool = False) -> None:
        candidate = self.chosen()
        if candidate is None:
            self._failed(ValueError("Kies eerst een vrijwilliger in de lijst."))
            return
        self.choose_button.setEnabled(False)
        self.runner.run(roster.assign, self.engine, self.place.shift_id,
                        candidate.volunteer_id, allow_clash, write=True,
                        on_done=lambda _r: self.accept(), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.choose_button.setEnabled(True)
        if isinstance(exc, RosterClash):
            if Confirm.ask(self, "Dubbel ingeroosterd", f"{exc.message}\n\nToch invullen?",
                           yes="Toch invullen"):
                self.choose(allow_clash=True)
                return
            self.error.setText(exc.message)
            self.error.show()
        else:
            show_failure(self.error, exc, (FormErrors, LookupError, ValueError))
