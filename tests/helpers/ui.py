"""Driving real widgets in tests: the main window, pages, keys and form fields."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from vrijwilligers_app.store import cipher
from vrijwilligers_app.ui.main_window import MainWindow
from vrijwilligers_app.ui.tasks import TaskRunner

# Words that betray an untranslated (English) label, button or action.
ENGLISH = {"cancel", "ok", "save", "delete", "settings", "overview", "search", "file", "edit",
           "help", "close", "volunteers", "residents", "activities", "new", "all",
           "name", "undo", "redo", "yes", "no", "loading", "found", "none"}


def make_window(qtbot, register) -> MainWindow:
    window = MainWindow(register, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # shortcuts only reach the active window
        window.show()
        window.activateWindow()
    return window


def rows(register, sql, *params):
    """A read beside the app's own connections, with the register's key (None: plain)."""
    connection = cipher.connect(register.db_path, register.key)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def field(page, key):
    return page.editor.form.fields[key]


def type_text(widget, text):
    """Like qtbot.keyClicks, but for any character (QTest only knows ASCII keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


def press(qtbot, key, modifier=Qt.KeyboardModifier.ControlModifier):
    """A key press where the user's focus is, as shortcuts are found from there."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_into(qtbot, page, key, text):
    widget = field(page, key).focus_widget()
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)
    if hasattr(widget, "editingFinished"):
        widget.editingFinished.emit()


def choose(page, key, code):
    combo = field(page, key).widget
    combo.setCurrentIndex(combo.findData(code))


def open_page(qtbot, window, kind):
    from vrijwilligers_app.ui.main_window import KIND_ROW

    window.sidebar.setCurrentRow(KIND_ROW[kind])
    return window.register_page(kind)
