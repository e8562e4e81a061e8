"""The consent ledger in the window: the Toestemming tab of a resident (record, withdraw,
undo, the form as PDF) and the new-referral form that only names a resident with consent."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.ui import make_window, open_page, rows, type_text
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.ui.dialogs.reports_dialog import ReportsDialog

pytestmark = pytest.mark.gui


def resident_page(qtbot, register, resident_id):
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "residents")
    page.show_record(resident_id)
    qtbot.waitUntil(lambda: page.editor.current_id == resident_id)
    page.tabs.setCurrentWidget(page.consent_panel)
    return window, page, page.consent_panel


def test_consent_tab_lists_records_withdraws_and_undoes(qtbot, demo_register, answers):
    (resident_id,), = rows(demo_register, "SELECT resident_id FROM consent WHERE purpose = "
                           "'gemeente' AND withdrawn_on IS NULL ORDER BY resident_id LIMIT 1")
    window, page, panel = resident_page(qtbot, demo_register, resident_id)
    stored = rows(demo_register, "SELECT count(*) FROM consent WHERE resident_id = ?",
                  resident_id)[0][0]
    assert panel.table.rowCount() == stored >= 2
    assert panel.resident_name  # shown in the dialogs
    # record: keyboard-usable dialog, a future date is refused and nothing is written
    panel.record_button.setFocus()  # keyboard: Tab to the button, Space presses it
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    dialog = panel.dialog
    assert dialog.isVisible()
    dialog.purpose.setCurrentIndex(dialog.purpose.findData("delen"))
    assert dialog.destination.isEnabled()
    ggz = rows(demo_register, "SELECT id FROM destination WHERE code = 'ggz'")[0][0]
    dialog.destination.setCurrentIndex(dialog.destination.findData(ggz))
    dialog.given_on.set("01-01-2099")
    type_text(dialog.recorded_by, "A. van Bussel")
    dialog.save()
    assert dialog.isVisible() and "Gegeven op" in dialog.error.text()
    assert "toekomst" in dialog.error.text()
    assert rows(demo_register, "SELECT count(*) FROM consent WHERE resident_id = ?",
                resident_id)[0][0] == stored
    dialog.given_on.set(date.today())
    dialog.how.setCurrentIndex(dialog.how.findData("schriftelijk"))
    dialog.save()
    assert not dialog.isVisible()
    assert rows(demo_register, "SELECT purpose, how, recorded_by, withdrawn_on FROM consent "
                "WHERE resident_id = ? AND destination_id = ?", resident_id, ggz) == [
        ("delen", "schriftelijk", "A. van Bussel", None)]
    qtbot.waitUntil(lambda: panel.table.rowCount() == stored + 1)
    # Ctrl+Z takes it back, Ctrl+Shift+Z (redo) writes it again
    window.undo_stack.undo()
    assert rows(demo_register, "SELECT count(*) FROM consent WHERE resident_id = ? AND "
                "destination_id = ?", resident_id, ggz) == [(0,)]
    window.undo_stack.redo()
    assert rows(demo_register, "SELECT count(*) FROM consent WHERE resident_id = ? AND "
                "destination_id = ?", resident_id, ggz) == [(1,)]
    # withdraw the gemeente consent: the dialog is the confirmation; it says what it stops
    row = next(i for i, r in enumerate(panel.rows) if r.purpose == "gemeente")
    panel.table.selectRow(row)
    assert panel.withdraw_button.isEnabled()
    withdraw = panel.open_withdraw()
    assert withdraw is not None and "Meetellen in de cijfers" in withdraw.findChildren(
        type(panel.state))[0].text()
    withdraw.withdrawn_on.set("01-01-2099")
    withdraw.save()
    assert "toekomst" in withdraw.error.text()
    assert rows(demo_register, "SELECT withdrawn_on FROM consent WHERE resident_id = ? AND "
                "purpose = 'gemeente'", resident_id) == [(None,)]
    withdraw.withdrawn_on.set(date.today())
    withdraw.save()
    assert rows(demo_register, "SELECT withdrawn_on FROM consent WHERE resident_id = ? AND "
                "purpose = 'gemeente'", resident_id) == [(date.today().isoformat(),)]
    assert "alleen nog mee in aantallen" in panel.message.text()
    window.undo_stack.undo()
    assert rows(demo_register, "SELECT withdrawn_on FROM consent WHERE resident_id = ? AND "
                "purpose = 'gemeente'", resident_id) == [(None,)]


def test_consent_form_is_saved_as_pdf(qtbot, demo_register, answers, monkeypatch, tmp_path):
    (resident_id,), = rows(demo_register, "SELECT id FROM resident ORDER BY id LIMIT 1")
    target = tmp_path / "toestemming.pdf"
    monkeypatch.setattr(ReportsDialog, "ask_save_path",
                        classmethod(lambda cls, parent, suggested: target))
    window, page, panel = resident_page(qtbot, demo_register, resident_id)
    panel.form_button.click()
    qtbot.waitUntil(target.exists)
    assert Path(target).read_bytes().startswith(b"%PDF")


def test_new_referral_names_a_resident_only_with_consent_for_that_organisation(
        qtbot, demo_register, answers):
    ggz = rows(demo_register, "SELECT id FROM destination WHERE code = 'ggz'")[0][0]
    (resident_id, last_name, birth_year, district), = rows(
        demo_register, "SELECT id, last_name, birth_year, district_code FROM resident r "
        "WHERE consent_recording AND birth_year IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
        "consent c WHERE c.resident_id = r.id AND c.destination_id = ?) AND (SELECT count(*) "
        "FROM resident x WHERE x.last_name = r.last_name) = 1 ORDER BY id LIMIT 1", ggz)
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "referrals")
    page.new_referral()
    dialog = page.referral_dialog
    assert "Anoniem" in dialog.consent_info.text()
    type_text(dialog.resident_search, last_name)
    qtbot.waitUntil(lambda: dialog.resident.selected_id() == resident_id)
    dialog.destination.setCurrentIndex(dialog.destination.findData(ggz))
    assert "Geen toestemming om gegevens te delen met GGZ Oost-Brabant" in \
        dialog.consent_info.text()
    assert dialog.record_consent_button.isVisibleTo(dialog)
    assert dialog.anonymous_button.isVisibleTo(dialog)
    dialog.domains.set(["gezondheid"])
    type_text(dialog.question, "Somber sinds het overlijden van haar man.")
    # record the consent from here; the form then allows the named referral
    consent = dialog.open_record_consent()
    assert consent is not None and consent.purpose.currentData() == "delen"
    assert consent.destination.currentData() == ggz
    type_text(consent.recorded_by, "M. Verhoeven")
    consent.save()
    assert not consent.isVisible()
    assert f"gegeven op {format_date_nl(date.today())}" in dialog.consent_info.text()
    assert not dialog.record_consent_button.isVisibleTo(dialog)
    dialog.save()
    assert not dialog.isVisible()
    assert rows(demo_register, "SELECT resident_id, consent_pass_on_date FROM referral "
                "ORDER BY id DESC LIMIT 1") == [(resident_id, date.today().isoformat())]


def test_new_referral_without_consent_offers_anonymous(qtbot, demo_register, answers):
    ggz = rows(demo_register, "SELECT id FROM destination WHERE code = 'ggz'")[0][0]
    (resident_id, last_name, district), = rows(
        demo_register, "SELECT id, last_name, district_code FROM resident r WHERE "
        "consent_recording AND birth_year IS NOT NULL AND NOT EXISTS (SELECT 1 FROM consent c "
        "WHERE c.resident_id = r.id AND c.destination_id = ?) AND (SELECT count(*) FROM "
        "resident x WHERE x.last_name = r.last_name) = 1 ORDER BY id DESC LIMIT 1", ggz)
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "referrals")
    page.new_referral()
    dialog = page.referral_dialog
    type_text(dialog.resident_search, last_name)
    qtbot.waitUntil(lambda: dialog.resident.selected_id() == resident_id)
    dialog.destination.setCurrentIndex(dialog.destination.findData(ggz))
    before = rows(demo_register, "SELECT count(*) FROM referral")
    dialog.domains.set(["gezondheid"])
    type_text(dialog.question, "Somber.")
    dialog.save()  # refused by the service, with the reason; nothing saved
    assert dialog.isVisible() and "GGZ Oost-Brabant" in dialog.error.text()
    assert rows(demo_register, "SELECT count(*) FROM referral") == before
    dialog.anonymous_button.click()
    assert dialog.resident.selected_id() is None
    assert dialog.district.currentData() == district and dialog.age_band.currentData()
    dialog.save()
    assert not dialog.isVisible()
    assert rows(demo_register, "SELECT resident_id, district_code FROM referral ORDER BY id "
                "DESC LIMIT 1") == [(None, district)]
