"""Volunteers in initiatives, driven through the real window: add roles from both sides, the
bad input that is refused (end before start, the same role twice, future roster places), the
last role, undo; every step asserted in the database."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import make_window
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.store import cipher
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.tables import Activity, Initiative, Shift, Volunteer
from vrijwilligers_app.ui.main_window import KIND_ROW
from vrijwilligers_app.ui.pages.record_editor import ROLE_TABS

pytestmark = pytest.mark.gui
TODAY = date.today()


def rows(register, sql, *params):
    connection = cipher.connect(register.db_path, register.key)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def seed(register):
    """Two initiatives and a volunteer; returns their ids."""
    with write_session(register.engine) as session:
        cafe = Initiative(name="Alzheimer Café Brandevoort", type_code="alzheimercafe")
        eetpunt = Initiative(name="Eetpunt Mierlo-Hout", type_code="eetpunt")
        carla = Volunteer(first_name="Carla", last_name="Smits", start_date=date(2024, 1, 1))
        session.add_all([cafe, eetpunt, carla])
        session.flush()
        return cafe.id, eetpunt.id, carla.id


def open_record(qtbot, window, kind, record_id):
    window.sidebar.setCurrentRow(KIND_ROW[kind])
    page = window.register_page(kind)
    page.show_record(record_id)
    editor = page.editor
    editor.tabs.setCurrentWidget(editor.roles)
    return page, editor.roles


def add_via_dialog(qtbot, panel, initiative=None, role="gastvrouw", start="01-02-2025",
                   end=""):
    panel.add_button.click()
    dialog = panel.dialog
    assert dialog.isVisible()
    if initiative is not None:
        dialog.initiative.setCurrentIndex(dialog.initiative.findData(str(initiative)))
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.start.edit.setText(start)
    dialog.end.edit.setText(end)
    dialog.ok_button.click()
    return dialog


def test_a_volunteer_works_for_two_initiatives_and_bad_roles_are_refused(
        qtbot, register, answers):
    cafe, eetpunt, carla = seed(register)
    window = make_window(qtbot, register)
    _page, panel = open_record(qtbot, window, "volunteers", carla)
    assert panel.add_button.isEnabled() and panel.table.rowCount() == 0
    add_via_dialog(qtbot, panel, cafe, "gastvrouw", "01-02-2025")
    add_via_dialog(qtbot, panel, eetpunt, "kok", "15-03-2025")
    assert sorted(rows(register, "SELECT initiative_id, role_code, start_date, end_date "
                                 "FROM volunteer_role WHERE volunteer_id = ?", carla)) == [
        (cafe, "gastvrouw", "2025-02-01", None), (eetpunt, "kok", "2025-03-15", None)]
    assert panel.table.rowCount() == 2
    shown = {panel.table.item(r, 0).text() for r in range(2)}
    assert shown == {"Alzheimer Café Brandevoort", "Eetpunt Mierlo-Hout"}

    # The same role twice at the same time: refused, named, nothing written.
    dialog = add_via_dialog(qtbot, panel, cafe, "gastvrouw", "01-06-2025")
    assert dialog.isVisible()
    assert "dezelfde rol twee keer tegelijk" in dialog.error.text()
    assert "Alzheimer Café Brandevoort" in dialog.error.text()
    # A role that ends before it starts.
    dialog.role.setCurrentIndex(dialog.role.findData("koffie"))
    dialog.start.edit.setText("01-06-2025")
    dialog.end.edit.setText("01-05-2025")
    dialog.ok_button.click()
    assert dialog.isVisible() and "vóór Sinds" in dialog.error.text()
    dialog.reject()
    assert rows(register, "SELECT count(*) FROM volunteer_role") == [(2,)]

    # Undo the second role; redo brings it back.
    window.undo_stack.undo()
    assert rows(register, "SELECT count(*) FROM volunteer_role WHERE initiative_id = ?",
                eetpunt) == [(0,)]
    assert panel.table.rowCount() == 1
    window.undo_stack.redo()
    assert rows(register, "SELECT count(*) FROM volunteer_role WHERE initiative_id = ?",
                eetpunt) == [(1,)]


def test_ending_roles_frees_future_roster_places_and_the_last_role_asks_about_stopping(
        qtbot, register, answers):
    cafe, eetpunt, carla = seed(register)
    window = make_window(qtbot, register)
    _page, panel = open_record(qtbot, window, "volunteers", carla)
    add_via_dialog(qtbot, panel, cafe, "gastvrouw", "01-02-2025")
    add_via_dialog(qtbot, panel, eetpunt, "kok", "01-02-2025")
    soon = datetime.combine(TODAY + timedelta(days=20), datetime.min.time()).replace(hour=19)
    with write_session(register.engine) as session:
        evening = Activity(initiative_id=cafe, title="Café-avond", starts_at=soon,
                           ends_at=soon + timedelta(hours=2))
        session.add(evening)
        session.flush()
        session.add(Shift(activity_id=evening.id, role_code="gastvrouw", volunteer_id=carla,
                          starts_at=soon, ends_at=soon + timedelta(hours=2)))

    def end_row(initiative_name, end_text, reason="verhuisd"):
        row = next(r for r in range(panel.table.rowCount())
                   if panel.table.item(r, 0).text() == initiative_name)
        panel.table.selectRow(row)
        panel.end_button.click()
        dialog = panel.end_dialog
        dialog.end.edit.setText(end_text)
        dialog.reason.setCurrentIndex(dialog.reason.findData(reason))
        dialog.ok_button.click()
        return dialog

    # A date before the role began is refused in the dialog, before any question.
    dialog = end_row("Alzheimer Café Brandevoort", "01-01-2025")
    assert dialog.isVisible() and "vóór het begin" in dialog.error.text()
    assert answers.asked == []
    dialog.reject()
    # Refusing to free the roster place leaves everything as it was.
    answers.ask = False
    end_row("Alzheimer Café Brandevoort", format_date_nl(TODAY))
    assert answers.asked == ["Nog ingeroosterd"]
    assert rows(register, "SELECT end_date FROM volunteer_role WHERE initiative_id = ?",
                cafe) == [(None,)]
    assert rows(register, "SELECT volunteer_id FROM shift") == [(carla,)]
    # Agreeing frees the place; Carla still cooks at the eetpunt, so she is not asked to stop.
    answers.ask = True
    answers.asked.clear()
    end_row("Alzheimer Café Brandevoort", format_date_nl(TODAY), "te_druk")
    assert answers.asked == ["Nog ingeroosterd"]
    assert rows(register, "SELECT end_date, exit_reason_code FROM volunteer_role "
                          "WHERE initiative_id = ?", cafe) == [(TODAY.isoformat(), "te_druk")]
    assert rows(register, "SELECT volunteer_id FROM shift") == [(None,)]
    # Her last role: asked whether she stops altogether.
    answers.asked.clear()
    end_row("Eetpunt Mierlo-Hout", format_date_nl(TODAY), "verhuisd")
    assert answers.asked == ["Laatste rol"]
    assert rows(register, "SELECT end_date FROM volunteer WHERE id = ?",
                carla) == [(TODAY.isoformat(),)]
    # Undo, step by step, restores the volunteer, the role and the roster place.
    window.undo_stack.undo()
    assert rows(register, "SELECT end_date FROM volunteer WHERE id = ?", carla) == [(None,)]
    assert rows(register, "SELECT end_date, exit_reason_code FROM volunteer_role "
                          "WHERE initiative_id = ?", eetpunt) == [(None, None)]
    window.undo_stack.undo()
    assert rows(register, "SELECT volunteer_id FROM shift") == [(carla,)]
    assert rows(register, "SELECT end_date FROM volunteer_role WHERE initiative_id = ?",
                cafe) == [(None,)]


def test_an_initiative_adds_an_existing_and_a_new_volunteer(qtbot, register, answers):
    cafe, _eetpunt, carla = seed(register)
    window = make_window(qtbot, register)
    page, panel = open_record(qtbot, window, "initiatives", cafe)
    assert panel.add_button.text() == "Vrijwilliger toevoegen…"
    panel.add_button.click()
    dialog = panel.dialog
    qtbot.keyClicks(dialog.picker.search, "Smits")
    assert dialog.picker.selected_id() == carla
    dialog.role.setCurrentIndex(dialog.role.findData("coordinator"))
    dialog.ok_button.click()
    assert not dialog.isVisible()
    # A new volunteer: first and last name are enough; the rest later on the Vrijwilligers page.
    panel.add_button.click()
    dialog = panel.dialog
    dialog.new_person.setChecked(True)
    dialog.role.setCurrentIndex(dialog.role.findData("gastvrouw"))
    dialog.ok_button.click()
    assert "voornaam en achternaam" in dialog.error.text()
    assert rows(register, "SELECT count(*) FROM volunteer") == [(1,)]
    qtbot.keyClicks(dialog.first_name, "Henk")
    qtbot.keyClicks(dialog.last_name, "Vos")
    dialog.ok_button.click()
    assert sorted(rows(register, """
        SELECT v.first_name, r.role_code FROM volunteer_role r
        JOIN volunteer v ON v.id = r.volunteer_id WHERE r.initiative_id = ?""", cafe)) == [
        ("Carla", "coordinator"), ("Henk", "gastvrouw")]
    assert panel.table.rowCount() == 2
    names = {panel.table.item(r, 0).text() for r in range(2)}
    assert names == {"Carla Smits", "Henk Vos"}
    # Tab leaves the table for the next control.
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)
    assert not panel.table.hasFocus()


@pytest.mark.parametrize("kind, tabs", [
    ("volunteers", ["Gegevens", ROLE_TABS["volunteers"]]),
    ("initiatives", ["Gegevens", ROLE_TABS["initiatives"], "Gemeentelijst"])])
def test_the_form_stays_on_the_first_tab_beside_roles_and_the_gemeente_list(
        qtbot, register, kind, tabs):
    """The form is the "Gegevens" tab of volunteers and initiatives (a merge once took it out
    of the tabs for volunteers, leaving an empty first tab)."""
    cafe, _eetpunt, carla = seed(register)
    window = make_window(qtbot, register)
    page, _panel = open_record(qtbot, window, kind, carla if kind == "volunteers" else cafe)
    editor = page.editor
    assert [editor.tabs.tabText(i) for i in range(editor.tabs.count())] == tabs
    assert editor.tabs.widget(0) is editor.form
