"""Screen readers: every dashboard figure is read with its value, and nothing on any page
that takes the keyboard focus is nameless (a scroll area, a list, a tab bar...)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QTabBar,
    QWidget,
)

from tests.ui.conftest import make_window
from vrijwilligers_app.ui.main_window import KIND_ROW, PAGES

pytestmark = pytest.mark.gui
CONTAINERS = (QAbstractScrollArea, QTabBar)


def nameless(top: QWidget) -> list[str]:
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, QAbstractButton):
            continue  # read by their text
        if isinstance(widget.parentWidget(), QComboBox | QAbstractScrollArea
                      | QAbstractSpinBox) and \
                not isinstance(widget, CONTAINERS):
            continue  # the inner line of a combo or spin box: the outer one has the name
        if isinstance(widget, CONTAINERS + (QLineEdit,)) and not widget.accessibleName():
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                         f"{type(widget.parentWidget()).__name__}")
    return found


def test_dashboard_figures_are_read_with_their_value(qtbot, demo_register):
    window = make_window(qtbot, demo_register)
    window.sidebar.setCurrentRow(0)
    page = window.page_at(0)
    for key, label in page.numbers.items():
        assert label.text() in label.accessibleName() and label.text()[0].isdigit(), key
    assert page.numbers["residents"].accessibleName() == "Inwoners: 400"


def test_no_focusable_container_is_nameless(qtbot, demo_register):
    window = make_window(qtbot, demo_register)
    found = []
    visits = [(row, kind) for row, (_key, _title, kind) in enumerate(PAGES)]
    visits.append((KIND_ROW["requests"], "requests"))
    for row, kind in visits:
        window.sidebar.setCurrentRow(row)
        window.runner.wait_idle()
        QApplication.processEvents()
        if kind is not None:
            page = window.register_page(kind)
            page.select_id(page.model.id_at(0) or 0)
            QApplication.processEvents()
        found += [f"{PAGES[row][0]}/{kind}: {item}" for item in nameless(window)]
    assert found == [], "\n".join(found)
