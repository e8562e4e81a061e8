"""Driving the real register pages: create, validate, search, sort, filter, edit, delete, undo,
and the guards that keep unsaved work."""


import pytest
from PySide6.QtCore import Qt

from tests.helpers.ui import (
    choose,
    field,
    make_window,
    open_page,
    press,
    rows,
    type_into,
    type_text,
)
from vrijwilligers_app.ui.dialogs.confirm import Unsaved
from vrijwilligers_app.ui.models.register_table_model import ID_ROLE, SORT_ROLE

pytestmark = pytest.mark.gui


def test_create_an_initiative_through_the_form(qtbot, register, answers):
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "initiatives")
    page.view.setFocus()
    press(qtbot, Qt.Key.Key_N)
    type_into(qtbot, page, "name", "Alzheimer Café Brandevoort")
    choose(page, "type_code", "alzheimercafe")
    type_into(qtbot, page, "phone", "0492-123456")
    page.editor.save()
    saved = rows(register, "SELECT name, type_code, phone FROM initiative")
    assert saved == [("Alzheimer Café Brandevoort", "alzheimercafe", "+31492123456")]
    assert page.model.rowCount() == 1
    assert page.selected_id() == page.model.id_at(0)
    assert not page.editor.form.dirty
    assert field(page, "phone").get() == "0492 123 456"  # the form shows what was stored


def test_a_double_click_on_save_saves_once(qtbot, register, answers, monkeypatch):
    """Both clicks can arrive before the first save has run on the write thread."""
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "initiatives")
    page.view.setFocus()
    press(qtbot, Qt.Key.Key_N)
    type_into(qtbot, page, "name", "Eetpunt Mierlo-Hout")
    choose(page, "type_code", "eetpunt")
    queued = []
    run = page.runner.run
    monkeypatch.setattr(page.runner, "run", lambda *a, **k: queued.append((a, k)))
    qtbot.mouseDClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    page.editor.save_button.click()
    page.editor.save()  # Ctrl+S as well
    assert len(queued) == 1 and not page.editor.save_button.isEnabled()
    monkeypatch.setattr(page.runner, "run", run)
    args, kwargs = queued[0]
    run(*args, **kwargs)  # the write thread gets to it
    assert rows(register, "SELECT count(*) FROM initiative") == [(1,)]
    assert not page.editor._saving and page.editor.current_id is not None
    type_into(qtbot, page, "phone", "0492-123456")
    assert page.editor.save_button.isEnabled()  # the next change can be saved again


def test_validation_errors_are_shown_in_dutch_and_nothing_is_saved(qtbot, register, answers):
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "volunteers")
    page.editor.new()
    type_into(qtbot, page, "first_name", "Doriën")
    type_into(qtbot, page, "last_name", "Smits")
    type_into(qtbot, page, "postcode", "5701 SA")
    type_into(qtbot, page, "phone", "12")
    type_into(qtbot, page, "email", "dorien@")
    inline = page.editor.form.visible_errors()
    assert {"postcode", "phone", "email"} <= set(inline)
    page.editor.save()
    errors = page.editor.form.visible_errors()
    assert {"postcode", "phone", "email"} <= set(errors)
    assert all(message and not message.isascii() or " " in message for message in errors.values())
    assert rows(register, "SELECT count(*) FROM volunteer") == [(0,)]
    assert field(page, "first_name").get() == "Doriën"  # the input is kept
    assert page.editor.form.dirty


def test_bsn_in_free_text_is_refused(qtbot, register, answers):
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "volunteers")
    page.editor.new()
    type_into(qtbot, page, "first_name", "Jan")
    type_into(qtbot, page, "last_name", "Jansen")
    field(page, "notes").set("BSN 111222333")
    page.editor.form.dirty = True
    page.editor.save()
    assert "notes" in page.editor.form.visible_errors()
    assert rows(register, "SELECT count(*) FROM volunteer") == [(0,)]


def test_global_search_finds_accented_names_and_opens_them(qtbot, demo_register, answers):
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "volunteers")
    page.editor.new()
    type_into(qtbot, page, "first_name", "Doriën")
    type_into(qtbot, page, "last_name", "Zwanenberg")
    page.editor.save()
    new_id = rows(demo_register, "SELECT id FROM volunteer WHERE last_name='Zwanenberg'")[0][0]
    window.sidebar.setCurrentRow(0)
    window.sidebar.setFocus()
    press(qtbot, Qt.Key.Key_K)
    dialog = window.search_dialog
    assert dialog.isVisible()
    type_text(dialog.input, "dorien zwan")
    texts = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert texts and texts[0].startswith("Doriën Zwanenberg")
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page
    assert page.editor.current_id == new_id
    assert field(page, "first_name").get() == "Doriën"


def test_sort_by_header_and_filter_by_wijk(qtbot, demo_register, answers):
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "residents")
    assert page.model.rowCount() == 400
    assert page.count_label.text() == "400 gevonden"
    column = next(i for i, c in enumerate(page.spec.columns) if c.key == "geboortejaar")
    page.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    years = [page.model.index(r, column).data(SORT_ROLE) for r in range(page.model.rowCount())]
    known = [y for y in years if y is not None]
    assert known == sorted(known, reverse=True)
    wijk_box = page.filter_boxes["wijk"]
    wijk_box.setCurrentIndex(wijk_box.findText("Brandevoort"))
    ids = {page.model.id_at(r) for r in range(page.model.rowCount())}
    expected = {r[0] for r in rows(demo_register, "SELECT id FROM resident WHERE district_code="
                                   "'WK079421' AND archived_at IS NULL")}
    assert ids == expected and 0 < len(ids) < 400


def test_edit_a_resident(qtbot, demo_register, answers):
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "residents")
    record_id = page.model.id_at(0)
    page.select_id(record_id)
    assert page.editor.current_id == record_id
    type_into(qtbot, page, "phone", "06 12 34 56 78")
    page.editor.save()
    assert rows(demo_register, "SELECT phone FROM resident WHERE id=?", record_id) == [
        ("+31612345678",)]


def test_delete_asks_and_can_be_undone(qtbot, register, answers):
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "initiatives")
    page.editor.new()
    type_into(qtbot, page, "name", "Eetpunt De Fonkel")
    choose(page, "type_code", "eetpunt")
    page.editor.save()
    (uuid,) = rows(register, "SELECT uuid FROM initiative")[0]
    answers.ask = False
    page.editor.delete()
    assert rows(register, "SELECT count(*) FROM initiative") == [(1,)]
    answers.ask = True
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert "Verwijderen?" in answers.asked
    assert rows(register, "SELECT count(*) FROM initiative") == [(0,)]
    assert page.model.rowCount() == 0
    press(qtbot, Qt.Key.Key_Z)
    assert rows(register, "SELECT uuid FROM initiative") == [(uuid,)]
    assert page.model.rowCount() == 1
    assert page.editor.current_id == page.model.id_at(0)  # the restored record is shown
    assert field(page, "name").get() == "Eetpunt De Fonkel"


def test_unsaved_changes_are_never_dropped_silently(qtbot, demo_register, answers):
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "volunteers")
    first = page.model.id_at(0)
    page.select_id(first)
    type_into(qtbot, page, "first_name", "Gewijzigd")
    answers.unsaved = Unsaved.CANCEL
    window.sidebar.setCurrentRow(0)
    assert window.stack.currentWidget() is page
    page.select_id(page.model.id_at(1))
    assert page.editor.current_id == first
    window.close()
    assert window.isVisible()
    assert field(page, "first_name").get() == "Gewijzigd"
    answers.unsaved = Unsaved.SAVE
    window.sidebar.setCurrentRow(0)
    assert rows(demo_register, "SELECT first_name FROM volunteer WHERE id=?", first) == [
        ("Gewijzigd",)]
    assert answers.asked.count("unsaved") == 4


def test_a_lookalike_person_offers_the_existing_record(qtbot, demo_register, answers):
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "residents")
    existing_id, first, prefix, last, year = rows(
        demo_register, "SELECT id, first_name, name_prefix, last_name, birth_year FROM resident "
        "WHERE birth_year IS NOT NULL LIMIT 1")[0]
    page.editor.new()
    type_into(qtbot, page, "first_name", first)
    if prefix:
        type_into(qtbot, page, "name_prefix", prefix)
    type_into(qtbot, page, "last_name", last)
    type_into(qtbot, page, "birth_year", str(year))
    answers.duplicate = "open"
    before = rows(demo_register, "SELECT count(*) FROM resident")
    page.editor.save()
    assert any(a.startswith("duplicate") for a in answers.asked)
    assert rows(demo_register, "SELECT count(*) FROM resident") == before
    assert page.editor.current_id == existing_id


@pytest.mark.parametrize("kind", ["initiatives", "volunteers", "residents", "matches",
                                  "referrals", "activities"])
def test_every_register_model_passes_the_qt_model_tester(qtbot, qtmodeltester, demo_register,
                                                       kind):
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, kind)
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model, force_py=True)
    assert page.model.index(0, 0).data(ID_ROLE) == page.model.id_at(0)


def test_shortcuts_reach_only_the_visible_page(qtbot, demo_register, answers):
    window = make_window(qtbot, demo_register)
    volunteers = open_page(qtbot, window, "volunteers")
    residents = open_page(qtbot, window, "residents")
    residents.select_id(residents.model.id_at(0))
    volunteers_before = volunteers.editor.current_id
    residents.view.setFocus()
    press(qtbot, Qt.Key.Key_N)
    assert residents.editor.current_id is None  # Ctrl+N opened a new, empty form here
    assert field(residents, "first_name").get() == ""
    assert volunteers.editor.current_id == volunteers_before


def test_add_status_events_to_a_referral(qtbot, demo_register, answers):
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "referrals")
    referral_id, signalled = rows(demo_register, """
        SELECT r.id, r.signalled_on FROM referral r WHERE r.status = 'aangemeld'
        ORDER BY r.id LIMIT 1""")[0]
    page.show_record(referral_id)
    panel = page.referral_panel
    assert panel.referral_id == referral_id
    before = panel.history.count()
    assert before >= 2 and "Gesignaleerd" in panel.history.item(0).text()
    panel.kind.setCurrentIndex(panel.kind.findData("nagebeld"))
    type_text(panel.outcome, "nog geen afspraak, inwoner wordt deze week gebeld")
    panel.add_button.click()
    assert panel.history.count() == before + 1
    assert "Nagebeld" in panel.history.item(panel.history.count() - 1).text()
    panel.kind.setCurrentIndex(panel.kind.findData("contact"))
    panel.add_button.click()
    status_column = next(i for i, c in enumerate(page.spec.columns) if c.key == "status")
    assert page.detail_values[status_column].text() == "Contact gehad"  # details follow at once
    assert rows(demo_register, "SELECT outcome FROM referral_event WHERE referral_id=? AND "
                "kind='nagebeld' ORDER BY id DESC LIMIT 1", referral_id) == [
        ("nog geen afspraak, inwoner wordt deze week gebeld",)]
    # an event dated before the signal is refused with a message; nothing is saved
    count = rows(demo_register, "SELECT count(*) FROM referral_event WHERE referral_id=?",
                 referral_id)
    panel.kind.setCurrentIndex(panel.kind.findData("contact"))
    panel.when.set("01-01-2000")
    panel.add_button.click()
    assert panel.error.isVisibleTo(panel) and panel.error.text()
    assert rows(demo_register, "SELECT count(*) FROM referral_event WHERE referral_id=?",
                referral_id) == count
    assert signalled  # the referral has a signal date the refusal was measured against


def test_new_anonymous_referral_and_refusal_of_names_without_consent(qtbot, demo_register,
                                                                     answers):
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "referrals")
    page.view.setFocus()
    press(qtbot, Qt.Key.Key_N)
    dialog = page.referral_dialog
    assert dialog.isVisible()
    # a named resident without consent is refused; every typed value stays
    type_text(dialog.resident_search, rows(demo_register,
                                           "SELECT last_name FROM resident LIMIT 1")[0][0])
    assert dialog.residents.currentRow() == 1
    dialog.destination.setCurrentIndex(1)
    dialog.domains.set(["financien"])
    type_text(dialog.question, "Rekeningen stapelen zich op, wil hulp bij schulden.")
    before = rows(demo_register, "SELECT count(*) FROM referral")
    dialog.save()
    assert dialog.isVisible() and "toestemming" in dialog.error.text().lower()
    assert rows(demo_register, "SELECT count(*) FROM referral") == before
    assert "Rekeningen" in dialog.question.toPlainText()
    # anonymous: wijk and age band, then it saves and is selected in the list
    dialog.resident_search.clear()
    dialog.district.setCurrentIndex(dialog.district.findText("Brandevoort"))
    dialog.age_band.setCurrentIndex(dialog.age_band.findData("75-84"))
    # the referring volunteer, found by name; arrow keys in the search line move the choice
    (volunteer_id, last_name), = rows(
        demo_register, "SELECT id, last_name FROM volunteer WHERE archived_at IS NULL "
        "ORDER BY id LIMIT 1")
    type_text(dialog.volunteer.search, last_name)
    hits = [dialog.volunteer.hits.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(dialog.volunteer.hits.count())]
    assert volunteer_id in hits
    qtbot.keyClick(dialog.volunteer.search, Qt.Key.Key_Up)
    assert dialog.volunteer.selected_id() is None  # back on "(niet vastgelegd)"
    for _ in range(hits.index(volunteer_id)):
        qtbot.keyClick(dialog.volunteer.search, Qt.Key.Key_Down)
    assert dialog.volunteer.selected_id() == volunteer_id
    dialog.save()
    assert not dialog.isVisible()
    (new_id, resident, district, band, status, referrer), = rows(
        demo_register, "SELECT id, resident_id, district_code, age_band, status, volunteer_id "
        "FROM referral ORDER BY id DESC LIMIT 1")
    assert (resident, district, band, status) == (None, "WK079421", "75-84", "gesignaleerd")
    assert referrer == volunteer_id
    assert page.selected_id() == new_id
    assert page.referral_panel.history.count() == 1


def test_waiting_time_figures_per_organisation(qtbot, demo_register, answers):
    from datetime import date, timedelta

    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "referrals")
    page.referral_panel.figures_button.click()
    dialog = page.figures_dialog
    table = dialog.table
    assert table.rowCount() >= 2
    last = table.rowCount() - 1
    assert table.item(last, 0).text() == "Totaal"
    since = (date.today() - timedelta(days=365)).isoformat()
    (expected,), = rows(demo_register, "SELECT count(*) FROM referral WHERE signalled_on >= ?",
                        since)
    assert int(table.item(last, 1).text()) == expected
    organisations = {table.item(r, 0).text() for r in range(last)}
    assert any(name.startswith("Stichting Sociale Teams") for name in organisations)
    assert all(table.item(last, c).text() for c in range(table.columnCount()))
    dialog.group.setCurrentIndex(dialog.group.findData("urgency"))
    assert {table.item(r, 0).text() for r in range(table.rowCount() - 1)} <= {
        "Normaal", "Hoog", "Spoed"}
