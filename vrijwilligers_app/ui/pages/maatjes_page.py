"""Maatjes: two tabs, Aanmeldingen (the waiting list, steps and suggestions) and Koppelingen
(contacts, evaluations, ending). Both are register pages (ids from SQL, rows fetched lazily);
a change in one tab refreshes the rows of both."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.dialogs.buddy_figures_dialog import BuddyFiguresDialog
from vrijwilligers_app.ui.dialogs.new_request_dialog import NewRequestDialog
from vrijwilligers_app.ui.pages.match_panel import MatchPanel
from vrijwilligers_app.ui.pages.register_page import RegisterPage
from vrijwilligers_app.ui.pages.request_panel import RequestPanel
from vrijwilligers_app.ui.tasks import TaskRunner

KINDS = ("requests", "matches")


class MaatjesPage(QWidget):
    status = Signal(str)

    def __init__(self, engine: Engine, runner: TaskRunner, undo_stack: QUndoStack) -> None:
        super().__init__()
        self.engine = engine
        self.runner = runner
        self.requests = RegisterPage(engine, "requests", runner, undo_stack)
        self.matches = RegisterPage(engine, "matches", runner, undo_stack)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Maatjes: aanmeldingen of koppelingen")
        self.tabs.setObjectName("maatjes_tabs")
        self.tabs.addTab(self.requests, "&Aanmeldingen en wachtlijst")
        self.tabs.addTab(self.matches, "K&oppelingen")
        for page in (self.requests, self.matches):
            page.heading.hide()  # the page heading says it once
            page.status.connect(self.status)
        request_panel, match_panel = self.requests.side_panel, self.matches.side_panel
        assert isinstance(request_panel, RequestPanel) and isinstance(match_panel, MatchPanel)
        self.request_panel, self.match_panel = request_panel, match_panel
        # Each page refreshes its own rows (RegisterPage); a step on one tab shows on the other.
        self.request_panel.changed.connect(lambda _id: self.matches.refresh_current())
        self.request_panel.match_changed.connect(self._matched)
        self.request_panel.new_requested.connect(self.new_request)
        self.request_panel.figures_requested.connect(self.show_figures)
        self.request_panel.open_match_requested.connect(self.open_match)
        self.match_panel.changed.connect(lambda _id: self.requests.refresh_current())
        heading = QLabel("Maatjes")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        self.heading = heading
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)

    # --- the window's view of this page --------------------------------------------------
    def page_for(self, kind: str) -> RegisterPage:
        """The tab of a register kind, made current (for the window and tests)."""
        page = self.requests if kind == "requests" else self.matches
        self.tabs.setCurrentWidget(page)
        return page

    def may_leave(self) -> bool:
        return True  # every step saves at once; the new-aanmelding dialog guards itself

    def font_changed(self) -> None:
        for page in (self.requests, self.matches):
            page.setFont(self.font())
            page.font_changed()

    # --- keeping the tabs in step -----------------------------------------------------------
    def _matched(self, match_id: int) -> None:
        self.status.emit("Koppeling opgeslagen; zie het tabblad Koppelingen.")
        self.matches.select_when_loaded(match_id)  # a new row: ids reload

    def open_match(self, match_id: int) -> None:
        self.page_for("matches").show_record(match_id)

    def new_request(self) -> None:
        self.request_dialog = NewRequestDialog(self.engine, self.runner, self)
        self.request_dialog.accepted.connect(self._request_created)
        self.request_dialog.open()

    def _request_created(self) -> None:
        created = self.request_dialog.created_id
        if created is not None:
            self.status.emit("Aanmelding opgeslagen.")
            self.page_for("requests")
            self.requests.select_when_loaded(created)

    def show_figures(self) -> None:
        self.figures_dialog = BuddyFiguresDialog(self.engine, self.runner, self)
        self.figures_dialog.show()
