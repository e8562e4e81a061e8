"""Messages that hold only while they are true: the status bar after a refused save, and why
"Bezoekers en uren…" is greyed out, said where the user looks."""

from datetime import date, datetime, timedelta

import pytest

from tests.helpers.activities import add_activity, add_initiative
from tests.ui.conftest import make_window
from vrijwilligers_app.ui.main_window import KIND_ROW

pytestmark = pytest.mark.gui


def test_the_refused_save_message_goes_when_the_change_is_discarded_or_the_page_left(
        qtbot, register, answers):
    window = make_window(qtbot, register)
    window.sidebar.setCurrentRow(KIND_ROW["volunteers"])
    page = window.register_page("volunteers")
    page.editor.new()
    page.editor.form.fields["first_name"].edit.setText("Doriën")
    page.editor.form.fields["postcode"].edit.setText("5701 SA")
    page.editor.form.dirty = True
    page.editor.save()
    assert window.statusBar().currentMessage() == "Niet opgeslagen: verbeter de rode meldingen."
    page.editor.cancel()  # answers.ask: yes, throw the change away
    assert window.statusBar().currentMessage() == "Wijzigingen weggegooid."
    page.editor.form.dirty = True
    page.editor.save()
    assert window.statusBar().currentMessage().startswith("Niet opgeslagen")
    window.sidebar.setCurrentRow(KIND_ROW["residents"])  # answers.unsaved: discard
    assert window.statusBar().currentMessage() == ""


def test_why_bezoekers_en_uren_is_unavailable_is_shown_beside_it(qtbot, register, answers):
    cafe = add_initiative(register.engine, "Alzheimer Café Helmond")
    day = datetime.combine(date.today() + timedelta(days=10), datetime.min.time())
    activity = add_activity(register.engine, cafe, day.replace(hour=19), day.replace(hour=21))
    window = make_window(qtbot, register)
    window.sidebar.setCurrentRow(KIND_ROW["activities"])
    page = window.register_page("activities")
    assert page.select_id(activity)
    panel = page.activity_panel
    assert not panel.attendance_button.isEnabled()
    assert panel.attendance_why.isVisibleTo(panel)
    assert panel.attendance_why.text() == ("Bezoekers en uren: kan pas na afloop, op of na "
                                           f"{day:%d-%m-%Y}.")
