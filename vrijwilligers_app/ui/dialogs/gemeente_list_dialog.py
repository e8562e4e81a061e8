"""The shape the gemeente's list dialogs share (quarantine, possible duplicate initiatives):
an intro, a list read on the TaskRunner, a selectable message line, action buttons beside
Sluiten, sized to fit the screen at 200 % text. Failures are said in Dutch, never in
SQLite's or Python's words. Subclasses fill the list and run their actions.
"""

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.gemeente_access import on_gemeente_store
from vrijwilligers_app.store.errors import GemeenteDatabaseError
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.store.sqlite_text import dutch_reason
from vrijwilligers_app.ui.tasks import TaskRunner


def failure_text(exc: BaseException) -> str:
    """What the gemeente's dialogs say when an exchange step fails: the Dutch message of an
    ExchangeError, else a Dutch reason (never SQLite's or Python's English text)."""
    if isinstance(exc, ExchangeError | GemeenteDatabaseError):  # Dutch already
        return f"Niet gelukt: {exc}"
    return f"Niet gelukt: {dutch_reason(exc)}."


class GemeenteListDialog(QDialog):
    def __init__(self, register: Register, runner: TaskRunner, parent: QWidget | None, *,
                 title: str, intro: str, view: QWidget, message_name: str,
                 actions: Sequence[str], lines: int) -> None:
        super().__init__(parent)
        self.register = register
        self.runner = runner
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        layout.addWidget(intro_label)
        layout.addWidget(view, 1)
        self.message = QLabel()
        self.message.setObjectName(message_name)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.action_buttons: list[QPushButton] = [
            buttons.addButton(label, QDialogButtonBox.ButtonRole.ActionRole)
            for label in actions]
        close = buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()  # 200 % text: never past the screen
        self.resize(min(self.fontMetrics().averageCharWidth() * 120, screen.width() - 40),
                    min(self.fontMetrics().height() * lines, int(screen.height() * 0.9)))

    def load(self, read: Callable[..., Any], on_done: Callable[[Any], None]) -> None:
        """Read the list off the GUI thread: read(store engine)."""
        self.runner.run(on_gemeente_store, self.register.engine, read, on_done=on_done,
                        on_error=self.failed)

    def act(self, action: Callable[..., Any], *args: object,
            on_done: Callable[[Any], None]) -> None:
        """Run one action on the write thread: action(store engine, *args). The store is the
        register's or the PostgreSQL database saved in Instellingen (issue 17)."""
        self.runner.run(on_gemeente_store, self.register.engine, action, *args, write=True,
                        on_done=on_done, on_error=self.failed)

    def shown(self, any_rows: bool, nothing: str) -> None:
        """After filling the list: say so when it is empty (unless a result is showing)."""
        if not any_rows and not self.message.text():
            self.message.setText(nothing)

    def failed(self, exc: BaseException) -> None:
        self.message.setText(failure_text(exc))
