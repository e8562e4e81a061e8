"""Help menu: the handleiding with search and links, F1 for the page one is on, and Over with
the data and log folders (and a Dutch message when a folder cannot be opened)."""

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from tests.helpers.ui import make_window
from vrijwilligers_app import __version__
from vrijwilligers_app.paths import resource
from vrijwilligers_app.ui.help import about as about_module
from vrijwilligers_app.ui.help import catalogue
from vrijwilligers_app.ui.help.menu import open_about, open_help
from vrijwilligers_app.ui.help.window import MISSING, HelpWindow
from vrijwilligers_app.ui.main_window import PAGES

pytestmark = pytest.mark.gui


def test_every_page_exists_has_a_title_and_every_part_of_the_window_has_help():
    pages = catalogue.load_pages()
    assert [p.file for p in pages] == list(catalogue.PAGE_FILES)
    assert all(p.title and not p.title.startswith("#") for p in pages)
    assert {key for key, _title, _kind in PAGES} == set(catalogue.CONTEXT)
    for file in catalogue.CONTEXT.values():
        assert resource("help", file).is_file()
    required = {"vrijwilliger-inschrijven.md", "maatje-koppelen.md", "doorverwijzen.md",
                "exporteren-naar-de-gemeente.md", "back-up-terugzetten.md"}
    assert required <= set(catalogue.PAGE_FILES)


def test_search_ignores_case_and_accents_and_ranks_titles_first():
    pages = catalogue.load_pages()
    hits = catalogue.search(pages, "BEEINDIGEN")
    assert "maatje-koppelen.md" in [p.file for p in hits]
    assert catalogue.search(pages, "back-up")[0].file == "back-up-terugzetten.md"
    assert catalogue.search(pages, "xyzzy-bestaat-niet") == []
    assert len(catalogue.search(pages, "  ")) == len(pages)


def test_f1_opens_the_page_for_where_one_is(qtbot, register):
    window = make_window(qtbot, register)
    window.sidebar.setCurrentRow(5)  # Doorverwijzingen
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = window.help_window
    assert help_window.isVisible()
    assert help_window.current_file() == "doorverwijzen.md"
    assert "Sociale kaart" in help_window.browser.toPlainText()
    window.sidebar.setCurrentRow(2)
    open_help(window)
    assert window.help_window is help_window  # one window, now on the other page
    assert help_window.current_file() == "vrijwilliger-inschrijven.md"


def test_search_field_filters_the_contents_and_links_open_pages(qtbot):
    window = HelpWindow()
    qtbot.addWidget(window)
    window.show()
    window.search_field.setText("pseudoniem")
    listed = {window.contents.item(i).text() for i in range(window.contents.count())}
    assert listed == {"Een inwoner inschrijven", "Exporteren naar de gemeente"}
    assert window.current_file() in ("inwoner-inschrijven.md", "exporteren-naar-de-gemeente.md")
    window.search_field.setText("xyzzy")
    assert window.contents.count() == 0 and window.no_hits.isVisibleTo(window)
    window.search_field.clear()
    window._link(QUrl("back-up-terugzetten.md"))
    assert window.current_file() == "back-up-terugzetten.md"
    assert "voor-herstel" in window.browser.toPlainText()


def test_a_missing_handleiding_gets_a_dutch_message(qtbot, monkeypatch):
    def missing(*parts):
        raise FileNotFoundError("Bronbestand niet gevonden")

    monkeypatch.setattr(catalogue, "resource", missing)
    window = HelpWindow()
    qtbot.addWidget(window)
    assert window.browser.toPlainText() == MISSING


def test_about_names_version_licence_and_folders(qtbot, register, monkeypatch):
    opened = []
    monkeypatch.setattr(about_module.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    window = make_window(qtbot, register)
    dialog = open_about(window)
    text = dialog.findChild(about_module.QLabel, "about_text").text()
    assert __version__ in text and "EUPL" in text
    assert str(register.data_dir) in text and str(register.data_dir / "logs") in text
    dialog.open_data.click()
    assert opened == [str(register.data_dir)]


def test_a_folder_that_cannot_be_opened_gets_a_message_with_its_path(qtbot, tmp_path,
                                                                     monkeypatch):
    shown = []
    monkeypatch.setattr(about_module.QDesktopServices, "openUrl", lambda url: False)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert not about_module.open_folder(None, tmp_path)
    assert shown and "kon niet worden geopend" in shown[0] and str(tmp_path) in shown[0]
