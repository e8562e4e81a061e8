"""Sociale kaart window: add, refuse with the field named, switch off, unsaved guard."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.ui import make_window, open_page, press, rows, type_text
from vrijwilligers_app.ui.dialogs.confirm import Unsaved


def open_map(qtbot, demo_register):
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "referrals")
    page.referral_panel.social_map_button.click()
    dialog = page.social_map_dialog
    dialog.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return page, dialog


def test_add_an_organisation_and_use_it(qtbot, demo_register, answers):
    page, dialog = open_map(qtbot, demo_register)
    (count,), = rows(demo_register, "SELECT count(*) FROM destination")
    assert dialog.table.rowCount() == count and dialog.current_id is not None
    dialog.table.setFocus()
    press(qtbot, Qt.Key.Key_N)
    assert dialog.current_id is None and dialog.organisation.text() == ""
    type_text(dialog.organisation, "Buurtteam Brouwhuis")
    type_text(dialog.phone, "06 1234")  # too short: refused, the field named, nothing saved
    dialog.domains.set(["samenleven"])
    dialog.save()
    assert dialog.errors["phone"].isVisibleTo(dialog)
    assert "telefoonnummer" in dialog.errors["phone"].text()
    assert rows(demo_register, "SELECT count(*) FROM destination") == [(count,)]
    assert dialog.organisation.text() == "Buurtteam Brouwhuis"  # input kept
    dialog.phone.clear()
    type_text(dialog.phone, "0492-587000")
    type_text(dialog.response_days, "10")
    press(qtbot, Qt.Key.Key_S)
    (new_id, phone, days), = rows(demo_register, "SELECT id, phone, agreed_response_days FROM "
                                  "destination WHERE organisation = 'Buurtteam Brouwhuis'")
    assert (phone, days) == ("+31492587000", 10)
    assert not dialog.errors["phone"].isVisibleTo(dialog)
    assert dialog.current_id == new_id and dialog.table.rowCount() == count + 1
    # the referral page offers it at once in "Doorgestuurd naar"
    assert page.referral_panel.destination.findData(new_id) >= 0


def test_switch_off_after_confirmation(qtbot, demo_register, answers):
    page, dialog = open_map(qtbot, demo_register)
    chosen = dialog.current_id
    dialog.active.setChecked(False)
    answers.ask = False
    dialog.save()
    assert rows(demo_register, "SELECT active FROM destination WHERE id = ?", chosen) == [(1,)]
    answers.ask = True
    dialog.save()
    assert rows(demo_register, "SELECT active FROM destination WHERE id = ?", chosen) == [(0,)]
    assert "Niet meer actief" in answers.asked
    assert page.referral_panel.destination.findData(chosen) < 0
    last = dialog.table.rowCount() - 1
    assert dialog.table.item(last, 0).text().endswith("(niet actief)")


def test_unsaved_changes_are_asked_about(qtbot, demo_register, answers):
    _page, dialog = open_map(qtbot, demo_register)
    first = dialog.current_id
    type_text(dialog.service, " extra")
    answers.unsaved = Unsaved.CANCEL
    dialog.table.setCurrentCell(1, 0)
    assert dialog.current_id == first and dialog.table.currentRow() == 0
    answers.unsaved = Unsaved.DISCARD
    dialog.table.setCurrentCell(1, 0)
    assert dialog.current_id == dialog.rows[1].id
    assert answers.asked.count("unsaved") == 2
