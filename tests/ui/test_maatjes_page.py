"""Driving the Maatjes page: a request from aanmelding through intake, the waiting list,
suggestions and koppelen, to contacts, an evaluation and a good ending; refusals in Dutch with
the input kept; the figures dialog."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from tests.helpers.ui import make_window, rows, type_text
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.maatjes import advance_request
from vrijwilligers_app.services.maatjes import create_request as create_request_service
from vrijwilligers_app.services.maatjes.figures import buddy_figures
from vrijwilligers_app.ui.main_window import KIND_ROW
from vrijwilligers_app.ui.pages.maatjes_page import MaatjesPage

pytestmark = pytest.mark.gui


def busiest_project(register) -> int:
    return rows(register, """
        SELECT i.id FROM initiative i JOIN volunteer_role r ON r.initiative_id = i.id
        JOIN volunteer v ON v.id = r.volunteer_id
        WHERE i.type_code = 'maatjesproject' AND r.role_code <> 'coordinator'
          AND v.vog_date IS NOT NULL AND v.archived_at IS NULL AND v.end_date IS NULL
        GROUP BY i.id ORDER BY count(*) DESC, i.id LIMIT 1""")[0][0]


def resident_without_request(register) -> tuple[int, str]:
    return rows(register, """
        SELECT r.id, r.first_name || ' ' || CASE WHEN r.name_prefix <> ''
               THEN r.name_prefix || ' ' ELSE '' END || r.last_name
        FROM resident r WHERE r.archived_at IS NULL AND r.district_code IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM buddy_request q WHERE q.resident_id = r.id)
        ORDER BY r.id LIMIT 1""")[0]


def set_date(field, day: date) -> None:
    field.edit.setText(format_date_nl(day))


def maatjes(qtbot, register) -> tuple[object, MaatjesPage]:
    window = make_window(qtbot, register)
    window.sidebar.setCurrentRow(KIND_ROW["requests"])
    page = window.page_at(KIND_ROW["requests"])
    assert isinstance(page, MaatjesPage)
    return window, page


def create_request(qtbot, register, page: MaatjesPage) -> int:
    resident_id, name = resident_without_request(register)
    project_id = busiest_project(register)
    page.request_panel.new_button.click()
    dialog = page.request_dialog
    dialog.resident_search.setFocus()
    type_text(dialog.resident_search, name)
    for row in range(dialog.residents.count()):
        if dialog.residents.item(row).data(Qt.ItemDataRole.UserRole) == resident_id:
            dialog.residents.setCurrentRow(row)
    assert dialog.resident_id() == resident_id
    assert "onbekend" not in dialog.district.text()  # the resident's wijk is shown
    dialog.project.setCurrentIndex(dialog.project.findData(project_id))
    type_text(dialog.wish, "Iemand om mee te wandelen en koffie te drinken, graag in het café")
    type_text(dialog.interests, "wandelen, koken")
    dialog.gender.setCurrentIndex(dialog.gender.findData("v"))
    dialog.availability.boxes[(1, 1)].setChecked(True)  # di middag
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    request_id = dialog.created_id
    assert rows(register, "SELECT resident_id, initiative_id, status, interests, "
                "preferred_gender, preferred_availability FROM buddy_request WHERE id = ?",
                request_id) == [(resident_id, project_id, "aanmelding", "wandelen;koken", "v",
                                 1 << 4)]
    return request_id


def test_whole_flow_from_request_to_a_good_ending(qtbot, demo_register, answers):
    register = demo_register
    _window, page = maatjes(qtbot, register)
    requests = page.page_for("requests")
    request_id = create_request(qtbot, register, page)
    assert requests.selected_id() == request_id  # the new request is selected in the list
    panel = page.request_panel
    assert panel.request_id == request_id
    wish = [c.key for c in requests.spec.columns].index("wens")
    assert requests.detail_values[wish].text().startswith("Iemand om mee te wandelen")
    assert "voorkeur vrouw; di middag" in panel.facts.text()
    today = date.today()

    # A step that skips the intake is refused with the life-cycle rule; input stays.
    panel.step.setCurrentIndex(panel.step.findData("wachtend"))
    set_date(panel.step_date, today)
    panel.step_button.click()
    assert panel.step_error.isVisibleTo(panel)
    assert "kan niet naar 'wachtend op een maatje'; wel naar: intake" in panel.step_error.text()
    assert panel.step.currentData() == "wachtend"
    assert panel.step_date.get() == format_date_nl(today)
    assert rows(register, "SELECT status FROM buddy_request WHERE id = ?",
                request_id) == [("aanmelding",)]

    # Intake, then the waiting list: suggestions appear, ranked, with Dutch reasons.
    panel.step.setCurrentIndex(panel.step.findData("intake"))
    panel.step_button.click()
    assert rows(register, "SELECT status, intake_on FROM buddy_request WHERE id = ?",
                request_id) == [("intake", today.isoformat())]
    assert panel.step.currentData() == "wachtend"  # the next step is offered
    assert not panel.suggestions.isVisibleTo(panel)  # not yet on the waiting list
    assert panel.suggestions.list.count() == 0
    panel.step_button.click()
    assert rows(register, "SELECT status FROM buddy_request WHERE id = ?",
                request_id) == [("wachtend",)]
    box = panel.suggestions
    assert box.isVisibleTo(panel) and box.isEnabled() and box.list.count() > 1
    assert panel.step.currentData() is None  # from the waiting list no step is preselected
    first = box.list.item(0).text()
    assert " punten" in first and "(+" in first and "VOG gezien op" in first
    totals = [int(box.list.item(i).text().split(" — ")[1].split()[0])
              for i in range(box.list.count())]
    assert totals == sorted(totals, reverse=True)

    # Keyboard: arrow down to the second suggestion, then Koppelen (Alt+K).
    box.list.setFocus()
    qtbot.keyClick(box.list, Qt.Key.Key_Down)
    chosen = box.chosen_volunteer()
    assert chosen == box.list.item(1).data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(box.couple_button.clicked):  # a mnemonic clicks on a short timer
        qtbot.keyClick(box.list, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    match = rows(register, "SELECT id, volunteer_id, proposed_on, started_on, score "
                 "FROM buddy_match WHERE request_id = ?", request_id)
    assert len(match) == 1
    match_id, volunteer_id, proposed, started, score = match[0]
    assert (volunteer_id, proposed, started) == (chosen, today.isoformat(), today.isoformat())
    name = rows(register, "SELECT first_name FROM volunteer WHERE id = ?", chosen)[0][0]
    assert answers.asked[-1].startswith("Koppelen met " + name)  # named in the question
    assert score == totals[1]
    assert rows(register, "SELECT status FROM buddy_request WHERE id = ?",
                request_id) == [("gekoppeld",)]
    assert rows(register, "SELECT count(*) FROM evaluation WHERE match_id = ?",
                match_id) == [(2,)]
    assert "Nu gekoppeld met" in panel.match_line.text()

    # To the match: the Koppelingen tab shows it.
    panel.open_match.click()
    matches = page.matches
    assert page.tabs.currentWidget() is matches
    assert matches.selected_id() == match_id
    match_panel = page.match_panel
    assert match_panel.match_id == match_id

    # A contact before the start is refused, the note kept; then a good one.
    set_date(match_panel.contact_date, today - timedelta(days=3))
    match_panel.contact_kind.setCurrentIndex(match_panel.contact_kind.findData("wandeling"))
    match_panel.contact_note.setFocus()
    type_text(match_panel.contact_note, "Rondje Warande, café erna")
    match_panel.contact_button.click()
    assert "ligt vóór het begin van de koppeling" in match_panel.contact_error.text()
    assert match_panel.contact_note.text() == "Rondje Warande, café erna"
    assert rows(register, "SELECT count(*) FROM contact_moment WHERE match_id = ?",
                match_id) == [(0,)]
    set_date(match_panel.contact_date, today)
    match_panel.contact_minutes.setValue(90)
    match_panel.contact_button.click()
    assert rows(register, "SELECT occurred_on, kind_code, duration_minutes, note FROM "
                "contact_moment WHERE match_id = ?", match_id) == [
        (today.isoformat(), "wandeling", 90, "Rondje Warande, café erna")]
    assert match_panel.contacts.topLevelItemCount() == 1
    assert match_panel.contacts.topLevelItem(0).text(3) == "Rondje Warande, café erna"

    # The first planned evaluation, held today.
    assert match_panel.evaluations.topLevelItemCount() == 2
    assert match_panel.evaluation_box.isEnabled()
    type_text(match_panel.evaluation_outcome, "Gaat goed, ze wandelen elke week")
    match_panel.evaluation_continue.setCurrentIndex(0)
    match_panel.evaluation_button.click()
    assert rows(register, "SELECT held_on, outcome, continue_match FROM evaluation "
                "WHERE match_id = ? ORDER BY planned_on", match_id) == [
        (today.isoformat(), "Gaat goed, ze wandelen elke week", 1), (None, "", None)]
    assert match_panel.evaluations.topLevelItem(0).text(1) == format_date_nl(today)

    # Ending: before the start is refused; a 'no' to the question changes nothing.
    match_panel.tabs.setCurrentIndex(2)
    set_date(match_panel.end_date, today - timedelta(days=1))
    match_panel.end_reason.setCurrentIndex(match_panel.end_reason.findData("doel_bereikt"))
    match_panel.end_button.click()
    assert "ligt vóór het begin van de koppeling" in match_panel.end_error.text()
    # A date in the future: refused before the question is asked.
    set_date(match_panel.end_date, today + timedelta(days=5))
    match_panel.end_button.click()
    assert "ligt in de toekomst" in match_panel.end_error.text()
    assert "Koppeling beëindigen?" not in answers.asked
    # Correcting the date takes the old message away at once.
    qtbot.keyClick(match_panel.end_date.edit, Qt.Key.Key_Backspace)
    assert not match_panel.end_error.isVisibleTo(match_panel)
    set_date(match_panel.end_date, today)
    answers.ask = False
    match_panel.end_button.click()
    assert answers.asked[-1] == "Koppeling beëindigen?"
    assert rows(register, "SELECT ended_on FROM buddy_match WHERE id = ?",
                match_id) == [(None,)]
    answers.ask = True
    assert not match_panel.back_to_waiting.isChecked()  # doel bereikt: the request closes
    match_panel.end_button.click()
    assert rows(register, "SELECT ended_on, end_reason_code FROM buddy_match WHERE id = ?",
                match_id) == [(today.isoformat(), "doel_bereikt")]
    assert rows(register, "SELECT status, closed_on, close_reason_code FROM buddy_request "
                "WHERE id = ?", request_id) == [("afgesloten", today.isoformat(),
                                                 "doel_bereikt")]
    # History kept and shown; the ended match takes no new contacts.
    assert rows(register, "SELECT count(*) FROM contact_moment WHERE match_id = ?",
                match_id) == [(1,)]
    assert match_panel.contacts.topLevelItemCount() == 1
    assert "Beëindigd op" in match_panel.summary.text()
    assert "Punten bij het voorstel: " in match_panel.summary.text()
    assert not match_panel.contact_box.isEnabled()
    assert not match_panel.end_box.isEnabled()


def test_proposals_that_break_the_rules_are_refused(qtbot, demo_register, answers):
    register = demo_register
    _window, page = maatjes(qtbot, register)
    request_id = create_request(qtbot, register, page)
    panel = page.request_panel
    panel.step_button.click()  # intake
    panel.step_button.click()  # wachtend
    box = panel.suggestions
    project_id = busiest_project(register)
    vid, name = rows(register, """
        SELECT v.id, v.first_name || ' ' || CASE WHEN v.name_prefix <> ''
               THEN v.name_prefix || ' ' ELSE '' END || v.last_name FROM volunteer v
        WHERE v.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM volunteer_role r
              WHERE r.volunteer_id = v.id AND r.initiative_id = ?)
        ORDER BY v.id LIMIT 1""", project_id)[0]
    box.other.setFocus()
    type_text(box.other, name)
    qtbot.keyClick(box.other, Qt.Key.Key_Return)
    assert box.chosen_volunteer() == vid
    assert "gezocht, geen suggestie" in box.list.currentItem().text()
    box.propose_button.click()
    assert "geen actief maatje bij" in box.error.text()
    assert "hetzelfde project" in box.error.text()
    assert rows(register, "SELECT count(*) FROM buddy_match WHERE request_id = ?",
                request_id) == [(0,)]
    # Enter on the best suggestion proposes it; a second proposal is refused.
    box.list.setCurrentRow(box.list.count() - 1)
    best = box.chosen_volunteer()
    qtbot.keyClick(box.list, Qt.Key.Key_Return)
    assert rows(register, "SELECT volunteer_id, started_on FROM buddy_match "
                "WHERE request_id = ?", request_id) == [(best, None)]
    assert rows(register, "SELECT status FROM buddy_request WHERE id = ?",
                request_id) == [("voorgesteld",)]
    assert not box.isEnabled()  # no suggestions while a proposal runs
    assert "Nu voorgesteld: " in panel.match_line.text()
    assert box.request_id is None
    # The proposal: koppelingsgesprek on a date before the proposal is refused.
    panel.open_match.click()
    match_panel = page.match_panel
    assert match_panel.start_box.isVisibleTo(match_panel)
    set_date(match_panel.start_date, date.today() - timedelta(days=2))
    match_panel.start_button.click()
    assert "ligt vóór het voorstel" in match_panel.start_error.text()
    set_date(match_panel.start_date, date.today())
    match_panel.start_button.click()
    assert rows(register, "SELECT started_on FROM buddy_match WHERE request_id = ?",
                request_id) == [(date.today().isoformat(),)]
    assert not match_panel.start_box.isVisibleTo(match_panel)

    # A second request of the same resident: the same volunteer again, while the first
    # match runs, is an overlapping duplicate.
    resident_id, project = rows(register, "SELECT resident_id, initiative_id FROM "
                                "buddy_request WHERE id = ?", request_id)[0]
    second = create_request_service(register.engine, resident_id, project, date.today(),
                                    date.today(), wish="Nog iemand voor de zondag")
    for step in ("intake", "wachtend"):
        advance_request(register.engine, second, step, date.today(), date.today())
    requests = page.page_for("requests")
    requests.apply_filters()
    requests.show_record(second)
    assert panel.request_id == second and box.isEnabled()
    best_name = rows(register, "SELECT first_name || ' ' || last_name FROM volunteer "
                     "WHERE id = ?", best)[0][0]
    box.other.setFocus()
    type_text(box.other, best_name)
    qtbot.keyClick(box.other, Qt.Key.Key_Return)
    box.list.setCurrentRow(next(r for r in range(box.list.count())
                                if box.list.item(r).data(Qt.ItemDataRole.UserRole) == best))
    box.propose_button.click()
    assert "al een koppeling in dezelfde periode" in box.error.text()
    assert rows(register, "SELECT count(*) FROM buddy_match WHERE request_id = ?",
                second) == [(0,)]


def test_requests_list_filters_by_waiting_list_project_and_wijk(qtbot, demo_register, answers):
    _window, page = maatjes(qtbot, demo_register)
    requests = page.page_for("requests")
    everything = requests.model.rowCount()
    waiting = rows(demo_register, "SELECT count(*) FROM buddy_request "
                   "WHERE status IN ('aanmelding', 'intake', 'wachtend')")[0][0]
    box = requests.filter_boxes["status"]
    box.setCurrentIndex(box.findData("wachtlijst"))
    assert 0 < requests.model.rowCount() == waiting < everything
    statuses = {requests.model.index(r, 1).data() for r in range(requests.model.rowCount())}
    assert statuses <= {"Aanmelding", "Intake", "Wachtend"}
    waits = [requests.model.index(r, 2).data(Qt.ItemDataRole.UserRole + 2)
             for r in range(requests.model.rowCount())]
    assert all(isinstance(w, int) and w >= 0 for w in waits)
    district, count = rows(demo_register, """
        SELECT p.district_code, count(*) FROM buddy_request q JOIN resident p
        ON p.id = q.resident_id WHERE q.status IN ('aanmelding', 'intake', 'wachtend')
        GROUP BY 1 ORDER BY 2 DESC LIMIT 1""")[0]
    wijk = requests.filter_boxes["wijk"]
    wijk.setCurrentIndex(wijk.findData(district))
    assert requests.model.rowCount() == count


def test_figures_dialog_shows_the_services_numbers(qtbot, demo_register, answers):
    _window, page = maatjes(qtbot, demo_register)
    page.request_panel.figures_button.click()
    dialog = page.figures_dialog
    expected = buddy_figures(demo_register.engine, "initiative", date.today(),
                             date.today() - timedelta(days=365), date.today())
    table = dialog.table
    assert table.rowCount() == len(expected) > 1
    last = table.rowCount() - 1
    assert table.item(last, 0).text() == "Totaal"
    total = expected[-1].figures
    assert table.item(last, 1).text() == str(total.waiting)
    assert table.item(last, 6).text() == str(total.active)
    dialog.group.setCurrentIndex(dialog.group.findData("district"))
    assert table.rowCount() == len(buddy_figures(demo_register.engine, "district",
                                                 date.today()))
    dialog.close()


def test_dashboard_waiting_reminder_opens_the_request(qtbot, demo_register, answers):
    window = make_window(qtbot, demo_register)
    request_id = rows(demo_register, "SELECT id FROM buddy_request WHERE status = 'wachtend' "
                      "ORDER BY id LIMIT 1")[0][0]
    window.open_record("requests", request_id)
    page = window.page_at(KIND_ROW["requests"])
    assert page.tabs.currentWidget() is page.requests
    assert page.requests.selected_id() == request_id
    assert page.request_panel.request_id == request_id


def test_requests_model_passes_the_qt_model_tester(qtbot, qtmodeltester, demo_register,
                                                   answers):
    _window, page = maatjes(qtbot, demo_register)
    requests = page.page_for("requests")
    assert requests.model.rowCount() > 0
    qtmodeltester.check(requests.model, force_py=True)
