"""One application-wide event filter for what every widget should do, also the ones added
later by anyone:

- the mouse wheel changes a drop-down, spin box or date field only when it has the keyboard
  focus (scrolling a form must never pick another wijk); otherwise the wheel scrolls the form;
- Tab leaves a list or table for the next control instead of walking its cells;
- application shortcuts (Ctrl+E export, Ctrl+K search, Ctrl+1..8, ...) work while a text field
  has the focus: a line edit claims Ctrl+E ("end of line") and other Ctrl+letter keys on
  Linux; only the keys that edit text (copy, paste, undo, select all...) stay with the field;
- typing "-" in a count field (a spin box from 0) says why it is refused;
- a dialog larger than the screen is made to fit it as it is shown (ui/widgets/fit.py).
"""

from __future__ import annotations

from functools import cache

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolTip,
    QWidget,
)

from vrijwilligers_app.ui.widgets.fit import fit_to_screen

WHEEL_GUARDED = (QComboBox, QAbstractSpinBox)
TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit)
TEXT_KEYS = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut,
             QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.Undo,
             QKeySequence.StandardKey.Redo, QKeySequence.StandardKey.SelectAll,
             QKeySequence.StandardKey.Delete, QKeySequence.StandardKey.DeleteStartOfWord,
             QKeySequence.StandardKey.DeleteEndOfWord, QKeySequence.StandardKey.MoveToNextWord,
             QKeySequence.StandardKey.MoveToPreviousWord, QKeySequence.StandardKey.SelectNextWord,
             QKeySequence.StandardKey.SelectPreviousWord)
PROPERTY = "vrijwilligers_input_guard"
NEGATIVE = "Een aantal kan niet negatief zijn: typ 0 of meer."


def _count_box(widget: QObject) -> QSpinBox | None:
    """The spin box (itself, or the one whose text line this is) that takes no negatives."""
    spin = widget if isinstance(widget, QSpinBox) else widget.parent()
    return spin if isinstance(spin, QSpinBox) and spin.minimum() >= 0 else None


@cache
def app_modifiers() -> tuple[QtCore.Qt.KeyboardModifier, ...]:
    """Ctrl, Ctrl+Shift, Alt. Built at the first key press: PySide6 builds every enum of the
    Qt namespace (tens of ms) at its first use, which need not be before the first paint."""
    modifier = QtCore.Qt.KeyboardModifier
    return (modifier.ControlModifier, modifier.ControlModifier | modifier.ShiftModifier,
            modifier.AltModifier)


def is_application_key(event: QKeyEvent) -> bool:
    """Ctrl/Alt + a letter or digit that is not one of the keys that edit text."""
    Qt = QtCore.Qt  # noqa: N806 - the namespace's own name
    key = event.key()
    if event.modifiers() not in app_modifiers():
        return False
    if not (Qt.Key.Key_0 <= key <= Qt.Key.Key_9 or Qt.Key.Key_A <= key <= Qt.Key.Key_Z):
        return False
    return not any(event.matches(standard) for standard in TEXT_KEYS)


class InputGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QWidget):
            self.polish(watched)
        elif kind == QEvent.Type.Show and isinstance(watched, QDialog) \
                and not isinstance(watched, QMessageBox) and watched.isWindow():
            fit_to_screen(watched)
        elif kind == QEvent.Type.Wheel and isinstance(watched, WHEEL_GUARDED) \
                and not watched.hasFocus():
            event.ignore()  # not for this field: the form around it scrolls instead
            return True
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.text() == "-" and (spin := _count_box(watched)) is not None:
            # A count field silently drops "-": say why instead (where the user looks).
            QToolTip.showText(spin.mapToGlobal(spin.rect().bottomLeft()), NEGATIVE, spin)
            return True
        elif kind == QEvent.Type.ShortcutOverride and isinstance(watched, TEXT_INPUTS) \
                and isinstance(event, QKeyEvent) and is_application_key(event):
            event.ignore()  # leave it to the window's shortcut
            return True
        return False

    @staticmethod
    def polish(widget: QWidget) -> None:
        parent = widget.parentWidget()
        if isinstance(widget, QTabBar) and not widget.accessibleName() \
                and isinstance(parent, QTabWidget):
            widget.setAccessibleName(parent.accessibleName())  # a screen reader names it
        if isinstance(widget, WHEEL_GUARDED) \
                and widget.focusPolicy() == QtCore.Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)  # the wheel never takes it
        elif isinstance(widget, QAbstractItemView):
            widget.setTabKeyNavigation(False)


def install_input_guard(app: QApplication | None = None) -> InputGuard:
    """Install the filter once per application (idempotent); returns it. Widgets that were
    polished before are given what the filter gives a widget as it is polished: the window's
    frame is painted before the filter comes (every event of every object passes through a
    Python filter; it cost the first paint about 30 ms)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert app is not None, "create the QApplication first"
    existing = app.property(PROPERTY)
    if isinstance(existing, InputGuard):
        return existing
    guard = InputGuard(app)
    app.installEventFilter(guard)
    app.setProperty(PROPERTY, guard)
    for widget in app.allWidgets():
        guard.polish(widget)  # what it does a later Polish would do too
    return guard
