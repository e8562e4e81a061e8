"""Issue 17, laptop side, with real widgets: the "Gemeentelijst" tab of an initiative shows
suggestions from the gemeente's list; "Koppelen…" (choose or search) and "Ontkoppelen…" store
the link; "Initiatieven koppelen aan de gemeentelijst…" from the exchange dialog walks the
unlinked ones by keyboard; both fit 1366×768 at 200 % text."""

import uuid

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.helpers.ui import make_window, open_page, rows
from tests.ui.test_fit_200 import SCALE, problems, settle
from vrijwilligers_app.services.initiative_links import store_canonical_list
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.ui.dialogs.exchange_dialog import ExchangeDialog
from vrijwilligers_app.ui.dialogs.link_all_dialog import LinkAllDialog
from vrijwilligers_app.ui.dialogs.link_dialog import LinkDialog

pytestmark = pytest.mark.gui
ALZHEIMER = "Alzheimer Café Helmond"


def _receive_list(register) -> dict[str, str]:
    """The list a return package brings: the same initiatives as another laptop typed them
    (other ids, 'alzheimercafe helmond'), plus one this laptop does not have."""
    own = rows(register, "SELECT name, type_code, address, postcode FROM initiative")
    listed = [{"id": str(uuid.uuid4()),
               "naam": "alzheimercafe helmond" if name == ALZHEIMER else name,
               "soort": kind, "adres": address or None, "postcode": postcode or None,
               "wijken": None} for name, kind, address, postcode in own]
    listed.append({"id": str(uuid.uuid4()), "naam": "Alzheimer Trefpunt Mierlo",
                   "soort": "alzheimercafe", "adres": None, "postcode": None, "wijken": None})
    with write_session(register.engine) as session:
        store_canonical_list(session, listed)
    return {row["naam"]: row["id"] for row in listed}


def _when_modal(qtbot, handle):
    """Run `handle(dialog)` on the next modal dialog (exec() blocks the test until it ends)."""
    done = []

    def check():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, check)
            return
        try:
            handle(dialog)
        finally:
            done.append(dialog)
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, check)
    return done


def _open_alzheimer(qtbot, demo_register):
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "initiatives")
    (initiative_id,), = rows(demo_register, "SELECT id FROM initiative WHERE name = ?",
                             ALZHEIMER)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.select_id(initiative_id)
    qtbot.waitUntil(lambda: page.editor.current_id == initiative_id)
    panel = page.editor.canonical
    assert panel.state is None  # not ranked while the tab is not shown
    page.editor.tabs.setCurrentWidget(panel)
    assert panel.state is not None and panel.state.list_size > 0
    return window, page, panel, initiative_id


def test_link_by_suggestion_and_unlink_in_the_initiative_details(qtbot, demo_register,
                                                                  answers):
    listed = _receive_list(demo_register)
    _window, page, panel, initiative_id = _open_alzheimer(qtbot, demo_register)
    assert "Niet gekoppeld" in panel.summary.text()
    assert panel.suggestions.item(0).text().startswith("alzheimercafe helmond")
    assert rows(demo_register, "SELECT count(*) FROM initiative_canonical_link") == [(0,)]

    def link_first(dialog):
        assert isinstance(dialog, LinkDialog)
        assert dialog.picker.current_id() == listed["alzheimercafe helmond"]
        qtbot.keyClick(dialog.picker.list, Qt.Key.Key_Return)  # Enter chooses

    done = _when_modal(qtbot, link_first)
    panel.link_button.click()
    assert done
    assert rows(demo_register, "SELECT initiative_id, canonical_id FROM "
                "initiative_canonical_link") == [(initiative_id,
                                                  listed["alzheimercafe helmond"])]
    assert "Gekoppeld aan de gemeentelijst" in panel.summary.text()
    assert panel.unlink_button.isEnabled() and not panel.link_button.isEnabled()

    panel.unlink_button.click()  # asks first (answers: yes)
    assert answers.asked == ["Ontkoppelen?"]
    assert rows(demo_register, "SELECT count(*) FROM initiative_canonical_link") == [(0,)]
    assert "Niet gekoppeld" in panel.summary.text()


def test_link_by_searching_the_list(qtbot, demo_register, answers):
    listed = _receive_list(demo_register)
    _window, _page, panel, initiative_id = _open_alzheimer(qtbot, demo_register)

    def search_and_link(dialog):
        qtbot.keyClicks(dialog.picker.search, "trefpunt mierlo")
        qtbot.waitUntil(lambda: dialog.picker.list.count() == 1)
        assert dialog.picker.current_id() == listed["Alzheimer Trefpunt Mierlo"]
        dialog.link_button.click()

    _when_modal(qtbot, search_and_link)
    panel.link_button.click()
    assert rows(demo_register, "SELECT canonical_id FROM initiative_canonical_link "
                "WHERE initiative_id = ?", initiative_id) == [
        (listed["Alzheimer Trefpunt Mierlo"],)]


def test_cancel_links_nothing(qtbot, demo_register, answers):
    _receive_list(demo_register)
    _window, _page, panel, _id = _open_alzheimer(qtbot, demo_register)
    _when_modal(qtbot, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    panel.link_button.click()
    assert rows(demo_register, "SELECT count(*) FROM initiative_canonical_link") == [(0,)]


def test_walk_all_unlinked_from_the_exchange_dialog_by_keyboard(qtbot, demo_register,
                                                                 answers):
    listed = _receive_list(demo_register)
    window = make_window(qtbot, demo_register)
    exchange = ExchangeDialog(demo_register, window.runner, window)
    qtbot.addWidget(exchange)
    unlinked = rows(demo_register, "SELECT count(*) FROM initiative WHERE archived_at IS NULL"
                    )[0][0]

    def walk(dialog):
        assert isinstance(dialog, LinkAllDialog)
        assert dialog.own.count() == unlinked
        first_name = dialog.own.item(0).text()
        dialog.picker.list.setFocus()
        qtbot.keyClick(dialog.picker.list, Qt.Key.Key_Return)  # links the first suggestion
        assert dialog.own.count() == unlinked - 1
        assert "is gekoppeld" in dialog.message.text()
        (canonical,), = rows(demo_register, "SELECT canonical_id FROM "
                             "initiative_canonical_link")
        expected = "alzheimercafe helmond" if first_name == ALZHEIMER else first_name
        assert canonical == listed[expected]
        dialog.skip_button.click()  # Overslaan: the next one, nothing linked
        assert dialog.own.currentRow() == 1
        assert len(rows(demo_register, "SELECT * FROM initiative_canonical_link")) == 1

    done = _when_modal(qtbot, walk)
    exchange.link_button.click()
    assert done


def test_link_dialogs_fit_the_screen_at_200_percent(qtbot, demo_register):
    _receive_list(demo_register)
    window = make_window(qtbot, demo_register)
    window.move(0, 0)
    window._apply_font_scale(SCALE)
    try:
        window.resize(1280, min(760, int(768 * 0.9)))
        page = open_page(qtbot, window, "initiatives")
        qtbot.waitUntil(lambda: page.model.rowCount() > 0)
        page.select_id(page.model.id_at(0))
        page.editor.tabs.setCurrentWidget(page.editor.canonical)
        settle(window)
        found = problems(window, "pagina initiatieven, tab Gemeentelijst")
        state = page.editor.canonical.state
        for dialog in (LinkDialog(demo_register.engine, ALZHEIMER, state.suggestions,
                                  parent=window), LinkAllDialog(demo_register.engine, window)):
            dialog.show()
            settle(window)
            found += problems(dialog, type(dialog).__name__)
            dialog.close()
        assert found == [], "\n".join(found)
    finally:
        window._apply_font_scale(100)
