"""Driving the Activiteiten page: a new series through the dialog, filling the roster (with
a clash warning), cancelling with undo, attendance after the activity, and the .ics export."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.activities import add_activity, add_initiative, add_volunteer
from tests.helpers.ui import make_window, open_page, rows, type_text
from vrijwilligers_app.domain import availability
from vrijwilligers_app.ui.dialogs.ics_export_dialog import IcsExportDialog

pytestmark = pytest.mark.gui


def set_text(widget, text):
    widget.setFocus()
    widget.selectAll()
    widget.clear()
    type_text(widget, text)


def test_create_a_series_through_the_dialog(qtbot, register, answers):
    add_initiative(register.engine, "Alzheimer Café Helmond")
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "activities")
    panel = page.activity_panel
    qtbot.mouseClick(panel.series_button, Qt.MouseButton.LeftButton)
    dialog = panel.activity_dialog
    dialog.initiative.setCurrentIndex(1)
    set_text(dialog.title, "Alzheimer Café")
    assert dialog.kind.currentData() == "monthly" and dialog.nth.currentData() == 3
    assert dialog.weekday.currentText() == "dinsdag"
    set_text(dialog.first_on.edit, "01-01-2027")
    dialog.first_on.changed.emit()
    set_text(dialog.until_on.edit, "30-06-2027")
    dialog.until_on.changed.emit()
    assert dialog.preview.text().startswith(
        "elke 3e dinsdag van de maand: 19-01-2027, 16-02-2027, 16-03-2027, 20-04-2027, "
        "18-05-2027, 15-06-2027 (6 datums)")
    dialog.places["gastvrouw"].setValue(2)
    dialog.places["koffie"].setValue(1)
    # an end before the start is refused with a Dutch message, nothing saved
    dialog.end_time.setTime(dialog.start_time.time().addSecs(-3600))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "eindtijd moet na de begintijd" in dialog.error.text()
    assert rows(register, "SELECT count(*) FROM activity") == [(0,)]
    dialog.end_time.setTime(dialog.start_time.time().addSecs(2 * 3600 + 1800))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = rows(register, "SELECT substr(starts_at, 1, 16), substr(ends_at, 12, 5) "
                 "FROM activity ORDER BY starts_at")
    assert [s for s, _e in saved] == ["2027-01-19 19:00", "2027-02-16 19:00", "2027-03-16 19:00",
                                      "2027-04-20 19:00", "2027-05-18 19:00", "2027-06-15 19:00"]
    assert {e for _s, e in saved} == {"21:30"}
    assert rows(register, "SELECT count(*) FROM shift WHERE volunteer_id IS NULL") == [(18,)]
    assert page.model.rowCount() == 6
    assert "6 datums" in window.statusBar().currentMessage()
    # the first date is selected, its roster shows three free places at a glance
    assert panel.activity is not None and panel.activity.free_places == 3
    assert "3 van 3 plaatsen vrij" in panel.summary.text()
    assert panel.table.item(0, 1).text() == "— vrij —"


def filled_register(register):
    cafe = add_initiative(register.engine, "Alzheimer Café Helmond")
    eetpunt = add_initiative(register.engine, "Eetpunt")
    evening = availability.from_slots([(1, 2)])  # dinsdag avond
    anna = add_volunteer(register.engine, "Anna", "de Vries", evening)
    bert = add_volunteer(register.engine, "Bert", "Jansen", 0)
    day = date.today() + timedelta(days=(1 - date.today().weekday()) % 7 + 7)  # a Tuesday
    start = datetime.combine(day, datetime.min.time())
    cafe_id = add_activity(register.engine, cafe, start.replace(hour=19),
                           start.replace(hour=21, minute=30),
                           shifts=((None, start.replace(hour=18, minute=30),
                                    start.replace(hour=21, minute=45), "gepland", None),))
    add_activity(register.engine, eetpunt, start.replace(hour=17), start.replace(hour=20),
                 title="Samen eten",
                 shifts=((anna, start.replace(hour=17), start.replace(hour=20), "gepland",
                          None),))
    return cafe_id, anna, bert


def test_fill_the_roster_with_clash_warning(qtbot, register, answers):
    cafe_id, anna, bert = filled_register(register)
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "activities")
    assert page.select_id(cafe_id)
    panel = page.activity_panel
    assert "1 van 1 plaatsen vrij" in panel.summary.text()
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.fill_button, Qt.MouseButton.LeftButton)
    dialog = panel.fill_dialog
    labels = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert labels[0].startswith("Anna de Vries · beschikbaar")
    assert "al ingeroosterd op dat moment" in labels[0]
    assert labels[1].startswith("Bert Jansen · niet beschikbaar")
    # Anna clashes with the eetpunt: the user is asked and says no -> nothing saved
    answers.ask = False
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["Dubbel ingeroosterd"]
    assert "Anna de Vries staat op dat moment al ingeroosterd: Samen eten" in dialog.error.text()
    assert rows(register, "SELECT volunteer_id FROM shift WHERE activity_id = ?",
                cafe_id) == [(None,)]
    # Bert is free at that time
    dialog.list.setCurrentRow(1)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert rows(register, "SELECT volunteer_id FROM shift WHERE activity_id = ?",
                cafe_id) == [(bert,)]
    assert panel.table.item(0, 1).text() == "Bert Jansen"
    assert "Alle 1 plaatsen gevuld" in panel.summary.text()
    assert page.model.index(page.view.currentIndex().row(), 5).data() == "1/1"
    # a no-show, undone
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.no_show_button, Qt.MouseButton.LeftButton)
    assert rows(register, "SELECT status FROM shift WHERE activity_id = ?",
                cafe_id) == [("afwezig",)]
    assert panel.table.item(0, 3).text() == "niet gekomen"
    window.undo_stack.undo()
    assert rows(register, "SELECT status FROM shift WHERE activity_id = ?",
                cafe_id) == [("gepland",)]
    # move the date a week on through the edit dialog; the place moves along; undo
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = panel.activity_dialog
    old_day = dialog.on.edit.text()
    new_day = date.fromisoformat("-".join(reversed(old_day.split("-")))) + timedelta(days=7)
    set_text(dialog.on.edit, new_day.strftime("%d-%m-%Y"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert rows(register, "SELECT substr(s.starts_at, 1, 10), substr(t.starts_at, 1, 10) "
                "FROM shift s JOIN activity t ON t.id = s.activity_id WHERE t.id = ?",
                cafe_id) == [(new_day.isoformat(), new_day.isoformat())]
    assert "verplaatst" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    assert rows(register, "SELECT substr(starts_at, 1, 10) FROM activity WHERE id = ?",
                cafe_id) == [("-".join(reversed(old_day.split("-"))),)]
    # cancel the date: asked first, undone with Ctrl+Z
    answers.ask = True
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert "Activiteit afgelasten?" in answers.asked
    assert rows(register, "SELECT cancelled FROM activity WHERE id = ?", cafe_id) == [(1,)]
    assert panel.cancel_button.text() == "Laten doorgaan"
    assert not panel.fill_button.isEnabled()
    window.undo_stack.undo()
    assert rows(register, "SELECT cancelled FROM activity WHERE id = ?", cafe_id) == [(0,)]


def test_attendance_after_the_activity(qtbot, register, answers):
    cafe = add_initiative(register.engine, "Alzheimer Café Helmond")
    anna = add_volunteer(register.engine, "Anna", "de Vries")
    bert = add_volunteer(register.engine, "Bert", "Jansen")
    day = datetime.combine(date.today() - timedelta(days=3), datetime.min.time())
    activity = add_activity(register.engine, cafe, day.replace(hour=19),
                            day.replace(hour=21, minute=30),
                            shifts=((anna, day.replace(hour=18, minute=30),
                                     day.replace(hour=21, minute=45), "gepland", None),
                                    (bert, day.replace(hour=19), day.replace(hour=21, minute=30),
                                     "gepland", None)))
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "activities")
    assert page.select_id(activity)
    panel = page.activity_panel
    assert panel.attendance_button.isEnabled()
    qtbot.mouseClick(panel.attendance_button, Qt.MouseButton.LeftButton)
    dialog = panel.attendance_dialog
    assert list(dialog.counts) == ["dementie", "mantelzorger", "professional", "overig"]
    for code, value in (("dementie", 7), ("mantelzorger", 12), ("professional", 2)):
        spin = dialog.counts[code]
        spin.setFocus()
        spin.selectAll()
        type_text(spin, str(value))
    assert dialog.total.text() == "21"
    anna_place, bert_place = dialog.came
    assert dialog.hours[anna_place].value() == pytest.approx(3.25)
    dialog.hours[anna_place].setValue(3.5)
    qtbot.mouseClick(dialog.came[bert_place], Qt.MouseButton.LeftButton)  # did not come
    assert not dialog.hours[bert_place].isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert rows(register, "SELECT visitor_type_code, visitors FROM attendance "
                "ORDER BY visitor_type_code") == [("dementie", 7), ("mantelzorger", 12),
                                                  ("overig", 0), ("professional", 2)]
    assert rows(register, "SELECT volunteer_id, status, hours FROM shift ORDER BY id") == [
        (anna, "aanwezig", 3.5), (bert, "afwezig", None)]
    texts = [[panel.table.item(r, c).text() for c in (1, 3, 4)] for r in range(2)]
    assert texts == [["Anna de Vries", "aanwezig", "3,5"], ["Bert Jansen", "niet gekomen", "0"]]
    assert page.model.index(page.view.currentIndex().row(), 4).data() == "21"


def test_ics_export_dialog(qtbot, register, answers, tmp_path, monkeypatch):
    cafe_id, anna, _bert = filled_register(register)
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "activities")
    page.select_id(cafe_id)
    panel = page.activity_panel
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    dialog = panel.export_dialog
    assert dialog.volunteers.count() == 0  # on the café roster: nobody yet
    panel.export_dialog.reject()
    page.select_id(cafe_id + 1)  # the eetpunt, where Anna is rostered
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    dialog = panel.export_dialog
    assert dialog.chosen_ids() == [anna]
    monkeypatch.setattr(IcsExportDialog, "choose_folder",
                        classmethod(lambda cls, parent, start: str(tmp_path / "weg")))
    dialog._browse()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "niets weggeschreven" in dialog.message.text()
    assert not (tmp_path / "weg").exists()
    dialog.folder.setText(str(tmp_path))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "1 agendabestand opgeslagen" in dialog.message.text()
    assert [p.name for p in dialog.written] == [f"rooster-anna-de-vries-{anna}.ics"]
    assert "BEGIN:VEVENT" in dialog.written[0].read_text(encoding="utf-8")
    QApplication.processEvents()


def test_figures_dialog(qtbot, register, answers):
    cafe = add_initiative(register.engine, "Alzheimer Café Helmond")
    anna = add_volunteer(register.engine, "Anna", "de Vries")
    day = datetime.combine(date.today() - timedelta(days=3), datetime.min.time())
    add_activity(register.engine, cafe, day.replace(hour=19), day.replace(hour=21, minute=30),
                 visitors={"dementie": 4, "mantelzorger": 6},
                 shifts=((anna, day.replace(hour=18, minute=30), day.replace(hour=21),
                          "aanwezig", None),))
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "activities")
    qtbot.mouseClick(page.activity_panel.figures_button, Qt.MouseButton.LeftButton)
    dialog = page.activity_panel.figures_dialog
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text().replace("\n", " ")
               for c in range(table.columnCount())]
    assert headers[:4] == ["Initiatief", "Activiteiten", "Afgelast", "Mensen met dementie"]
    cells = {headers[c]: table.item(1, c).text() for c in range(table.columnCount())}
    assert cells["Initiatief"] == "Totaal" and cells["Activiteiten"] == "1"
    assert cells["Bezoekers totaal"] == "10" and cells["Uren"] == "2,5"
    dialog.group.setCurrentIndex(dialog.group.findData("district"))
    assert table.item(0, 0).text() == "Wijk onbekend"
    dialog.close()
