"""The application-wide input rules: the wheel over an unfocused field changes nothing (and
the form scrolls), Tab leaves tables, application shortcuts work from a text field."""


import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from tests.ui.conftest import make_window
from vrijwilligers_app.store import cipher
from vrijwilligers_app.ui.input_guard import install_input_guard
from vrijwilligers_app.ui.main_window import KIND_ROW

pytestmark = pytest.mark.gui


def wheel(widget, steps=-1):
    """One notch of the mouse wheel over the middle of `widget` (down when negative)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def form(qtbot):
    """A tall form in a scroll area, with widgets made after the guard was installed."""
    install_input_guard()
    scroll = QScrollArea()
    scroll.keep = [scroll]  # the test holds it while the fixture is suspended
    inner = QWidget()
    layout = QVBoxLayout(inner)
    other = QLineEdit()
    combo = QComboBox()
    combo.addItems(["Binnenstad", "Brandevoort", "Brouwhuis"])
    spin = QSpinBox()
    date_edit = QDateEdit()
    table = QTableWidget(3, 3)
    for widget in (other, combo, spin, date_edit, table):
        layout.addWidget(widget)
    layout.addSpacing(2000)
    scroll.setWidget(inner)
    scroll.resize(300, 300)
    qtbot.addWidget(scroll)
    with qtbot.waitExposed(scroll):
        scroll.show()
    yield other, combo, spin, date_edit, table
    del scroll


def test_a_wheel_event_over_an_unfocused_field_changes_nothing(qtbot, form):
    other, combo, spin, date_edit, _table = form
    other.setFocus()
    before = (combo.currentIndex(), spin.value(), date_edit.date())
    for widget in (combo, spin, date_edit):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives no focus
        wheel(widget)
    assert (combo.currentIndex(), spin.value(), date_edit.date()) == before
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo)  # with the focus the wheel works as before
    assert combo.currentIndex() == 1


def test_tab_leaves_a_table(qtbot, form):
    _other, _combo, _spin, _date_edit, table = form
    assert not table.tabKeyNavigation()
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus() and table.currentColumn() == 0


class EmacsLineEdit(QLineEdit):
    """A line edit as the Linux desktops' key bindings make it: Ctrl+E = end of line, claimed
    before any shortcut (the offscreen test platform has no such bindings)."""

    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_E:
            event.accept()
            return True
        return super().event(event)


def test_application_shortcuts_work_while_a_text_field_has_focus(qtbot, register):
    window = make_window(qtbot, register)
    window.sidebar.setCurrentRow(KIND_ROW["volunteers"])
    page = window.register_page("volunteers")
    page.quick = EmacsLineEdit(page)  # stands in for the quick filter
    page.quick.show()
    page.quick.setFocus()
    qtbot.waitUntil(page.quick.hasFocus)
    qtbot.keyClicks(page.quick, "Smits")
    qtbot.keyClick(page.quick, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    from vrijwilligers_app.ui.dialogs.exchange_dialog import ExchangeDialog

    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, ExchangeDialog) and w.isVisible()]
    assert len(dialogs) == 1  # Ctrl+E opened the export
    dialogs[0].reject()
    page.quick.setFocus()
    qtbot.waitUntil(page.quick.hasFocus)
    assert page.quick.text() == "Smits"
    # Keys that edit text stay with the field: Ctrl+A selects all of it.
    qtbot.keyClick(page.quick, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert page.quick.selectedText() == "Smits"
    # Ctrl+3 goes to another page from inside a text field.
    qtbot.keyClick(page.quick, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.currentRow() == 3
    connection = cipher.connect(register.db_path, register.key)
    assert connection.execute("SELECT count(*) FROM volunteer").fetchone() == (0,)
    connection.close()


def test_a_minus_in_a_count_field_says_why_it_is_refused(qtbot, form):
    _other, _combo, spin, _date_edit, _table = form
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    spin.setValue(3)
    qtbot.keyClick(spin, Qt.Key.Key_Minus)
    assert spin.value() == 3
    assert QToolTip.text() == "Een aantal kan niet negatief zijn: typ 0 of meer."
    QToolTip.hideText()
