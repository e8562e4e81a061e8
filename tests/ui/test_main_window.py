"""The (placeholder) main window: pages, figures, remembered page, Dutch texts."""

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from tests.helpers.registers import make_register_dir
from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.ui.main_window import PAGES, MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def register(template_database, tmp_path):
    data_dir = make_register_dir(template_database, tmp_path / "data")
    with open_register(data_dir, daily_backup=False) as register:
        yield register


def test_sidebar_lists_every_page_and_switches(qtbot, register):
    window = MainWindow(register)
    qtbot.addWidget(window)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [title for _, title, _ in PAGES]
    window.sidebar.setCurrentRow(5)
    assert window.stack.currentWidget().objectName() == "page_doorverwijzingen"


def test_overview_shows_the_empty_register_hint(qtbot, register):
    window = MainWindow(register)
    qtbot.addWidget(window)
    texts = [label.text() for label in window.stack.widget(0).findChildren(QLabel)]
    assert "Actieve initiatieven" in texts
    assert any("--demo" in text for text in texts)


def test_last_page_and_geometry_are_remembered(qtbot, register):
    window = MainWindow(register)
    qtbot.addWidget(window)
    window.resize(700, 500)
    window.sidebar.setCurrentRow(3)
    window.close()
    again = MainWindow(register)
    qtbot.addWidget(again)
    assert again.sidebar.currentRow() == 3
    assert (again.width(), again.height()) == (700, 500)


ENGLISH = {"cancel", "ok", "save", "delete", "settings", "overview", "search", "file", "edit",
           "help", "close", "volunteers", "residents", "activities"}


def test_no_english_leftovers(qtbot, register):
    window = MainWindow(register)
    qtbot.addWidget(window)
    words = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        words += widget.text().lower().replace(".", " ").split()
    words += [window.sidebar.item(i).text().lower() for i in range(window.sidebar.count())]
    assert sorted(set(words) & ENGLISH) == []
