"""The main window: pages, remembered state, font size, dashboard, Dutch texts."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit

from tests.helpers.ui import ENGLISH, make_window
from vrijwilligers_app.ui.main_window import PAGES

pytestmark = pytest.mark.gui


def test_sidebar_lists_every_page_and_switches(qtbot, register):
    window = make_window(qtbot, register)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [title for _, title, _ in PAGES]
    window.sidebar.setCurrentRow(5)
    assert window.stack.currentWidget().objectName() == "page_doorverwijzingen"


def test_dashboard_shows_counts_and_attention_items(qtbot, demo_register):
    window = make_window(qtbot, demo_register)
    window.sidebar.setCurrentRow(0)
    page = window.page_at(0)
    assert page.numbers["residents"].text() == "400"
    texts = [page.items.item(i).text() for i in range(page.items.count())]
    assert any(" → " in t and "vervolgactie" in t and "te laat" in t for t in texts)
    assert any(t.startswith("VOG van") for t in texts)


def test_empty_register_hint(qtbot, register):
    window = make_window(qtbot, register)
    window.sidebar.setCurrentRow(0)
    assert window.page_at(0).empty_hint.isVisibleTo(window)


def test_last_page_and_geometry_are_remembered(qtbot, register):
    window = make_window(qtbot, register)
    window.sidebar.setCurrentRow(3)
    window.resize(window.minimumSizeHint().width(), 500)
    size = (window.width(), window.height())  # the offscreen screen is small: may be clamped
    window.close()
    again = make_window(qtbot, register)
    assert again.sidebar.currentRow() == 3
    assert (again.width(), again.height()) == size
    assert size[1] == 500


def test_font_size_can_be_enlarged_in_settings(qtbot, register):
    window = make_window(qtbot, register)
    window.sidebar.setCurrentRow(len(PAGES) - 1)
    before = QApplication.font().pointSizeF()
    settings = window.page_at(len(PAGES) - 1)
    narrow = settings.holder.maximumWidth()
    settings.font_scale.setValue(200)
    try:
        assert QApplication.font().pointSizeF() == pytest.approx(before * 2)
        # the settings form grows with the text, so its labels are not cut off
        assert settings.holder.maximumWidth() > narrow * 1.5
    finally:
        window.page_at(len(PAGES) - 1).font_scale.setValue(100)


def test_a_remembered_font_size_is_applied_when_the_window_opens(qtbot, register):
    """The frame applies a remembered size other than 100 % before it is shown (at 100 % it
    leaves the application's font alone: no QFont is made before the first paint)."""
    window = make_window(qtbot, register)
    before = QApplication.font().pointSizeF()
    window.settings.setValue("font_scale", 150)
    window.close()
    again = make_window(qtbot, register)
    try:
        assert QApplication.font().pointSizeF() == pytest.approx(before * 1.5)
        assert again.sidebar.font().pointSizeF() == pytest.approx(before * 1.5)
        again._apply_font_scale(100)  # back to the size the application started with
        assert QApplication.font().pointSizeF() == pytest.approx(before)
    finally:
        again._apply_font_scale(100)
        again.settings.setValue("font_scale", 100)


def test_no_english_leftovers_on_any_page(qtbot, demo_register):
    window = make_window(qtbot, demo_register)
    words: set[str] = set()
    for row in range(len(PAGES)):
        window.sidebar.setCurrentRow(row)
        page = window.page_at(row)
        for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
            words.update(widget.text().lower().replace(".", " ").replace(":", " ").split())
        for edit in page.findChildren(QLineEdit):
            words.update(edit.placeholderText().lower().replace("…", " ").split())
        model = getattr(page, "model", None)
        if model is not None:
            words.update(str(model.headerData(c, Qt.Orientation.Horizontal)).lower()
                         for c in range(model.columnCount()))
    for action in window.menuBar().actions():
        words.update(action.text().replace("&", "").lower().split())
        for sub in action.menu().actions():
            words.update(sub.text().replace("&", "").lower().split())
    assert sorted(words & ENGLISH) == []


def test_attention_items_open_their_record_and_others_do_nothing(qtbot, demo_register):
    window = make_window(qtbot, demo_register)
    window.sidebar.setCurrentRow(0)
    page = window.page_at(0)
    items = [page.items.item(i) for i in range(page.items.count())]
    without_page = [i for i in items if i.data(Qt.ItemDataRole.UserRole) is None]
    referral = next(i for i in items if "vervolgactie" in i.text())
    for entry in without_page[:1]:
        page.items.itemActivated.emit(entry)  # must not raise
        assert window.sidebar.currentRow() == 0
    page.items.itemActivated.emit(referral)
    kind, record_id = referral.data(Qt.ItemDataRole.UserRole)
    assert kind == "referrals"
    assert window.register_page("referrals").selected_id() == record_id
