"""Auto-lock: after N minutes without keyboard or mouse input the window locks.

The central widget is taken out (not deleted: unsaved edits stay in their widgets) and a
lock page asks for the passphrase or herstelsleutel; the menu bar is disabled and every
other open window (dialogs, search, reports) gets an opaque cover with its own widgets
disabled. A modal dialog keeps running underneath (hiding it would end its exec() and lose
what was typed), so when one is open the unlock form goes on its cover instead, where the
keyboard can reach it. The timer is a plain QTimer, so tests fire it directly.
"""

import hmac
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from vrijwilligers_app.store import keys
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.lock_page import CoverPage, LockPage
from vrijwilligers_app.ui.widgets.unlock_form import UnlockForm

DEFAULT_MINUTES = 10
SETTING = "auto_lock_minutes"
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})


class LockController(QObject):
    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, data_dir: Path, data_key: bytes,
                 runner: TaskRunner, minutes: int = DEFAULT_MINUTES) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.data_key = data_key
        self.runner = runner
        self.locked = False
        self._central: QWidget | None = None
        self._covers: dict[QWidget, tuple[CoverPage | LockPage, list[QWidget]]] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(1, minutes)
        self.timer.setInterval(self.minutes * 60_000)
        if not self.locked:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() in INPUT_EVENTS and not self.locked:
            self.timer.start()
        elif event.type() == QEvent.Type.Resize and watched in self._covers:
            self._covers[watched][0].setGeometry(watched.rect())  # type: ignore[index,attr-defined,unused-ignore]
        return False

    def _verify(self, text: str) -> bytes:
        key = keys.unlock(self.data_dir, text)
        if not hmac.compare_digest(key, self.data_key):
            raise keys.WrongKeyError()
        return key

    def _form(self) -> UnlockForm:
        form = UnlockForm(self._verify, self.runner, "Ontgrendelen")
        form.unlocked.connect(lambda _key: self.unlock())
        return form

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.timer.stop()
        self._central = self.window.takeCentralWidget()
        self.page = LockPage(self._form())
        self.window.setCentralWidget(self.page)
        self.page.show()
        self.window.menuBar().setEnabled(False)
        modal = QApplication.activeModalWidget()
        for top in QApplication.topLevelWidgets():
            if top is not self.window and top.isVisible() and top.isWindow():
                self._cover(top, with_form=top is modal)
        cover = self._covers.get(modal) if modal is not None else None
        page = cover[0] if cover is not None else self.page
        if isinstance(page, LockPage):
            page.form.reset()
        self.locked_changed.emit(True)

    def _cover(self, top: QWidget, with_form: bool) -> None:
        direct = top.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        children = [w for w in direct if w.isEnabled()]
        for child in children:
            child.setEnabled(False)
        cover: CoverPage | LockPage = LockPage(self._form(), top) if with_form \
            else CoverPage(top)
        cover.setGeometry(top.rect())
        cover.show()
        cover.raise_()
        top.installEventFilter(self)
        self._covers[top] = (cover, children)

    def unlock(self) -> None:
        if not self.locked:
            return
        for top, (cover, children) in self._covers.items():
            top.removeEventFilter(self)
            cover.hide()
            cover.deleteLater()
            for child in children:
                child.setEnabled(True)
        self._covers.clear()
        page = self.window.takeCentralWidget()
        if page is not None:
            page.deleteLater()
        if self._central is not None:
            self.window.setCentralWidget(self._central)
            self._central.show()
        self._central = None
        self.window.menuBar().setEnabled(True)
        self.locked = False
        self.timer.start()
        self.locked_changed.emit(False)

