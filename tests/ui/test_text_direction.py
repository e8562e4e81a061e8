"""Arabic names in a Dutch, left-to-right interface keep the line left-to-right."""

from PySide6.QtCore import Qt

from vrijwilligers_app.ui.models.formatting import LRM, ltr


def test_only_lines_with_right_to_left_letters_get_a_mark():
    assert ltr("Swinkels, Riek") == "Swinkels, Riek"
    assert ltr("Öztürk, Şükrü") == "Öztürk, Şükrü"
    assert ltr("") == ""
    assert ltr("العلي, Şükrü") == LRM + "العلي, Şükrü"
    assert ltr("כהן, Dana").startswith(LRM)


def test_the_register_list_shows_arabic_names_left_to_right(qtbot, register, answers):
    from datetime import date

    from tests.helpers.ui import make_window, open_page
    from vrijwilligers_app.services.editing import empty_values, save_record

    values = empty_values("residents")
    values.update(first_name="Şükrü", last_name="العلي", birth_year=1948,
                  recording_given_on=date(2026, 11, 2), recording_how="mondeling",
                  recording_by="M. Verhoeven")
    save_record(register.engine, "residents", values, None, date(2026, 11, 23))
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "residents")
    shown = [page.model.index(0, c).data(Qt.ItemDataRole.DisplayRole)
             for c in range(page.model.columnCount())]
    name = next(text for text in shown if text and "العلي" in text)
    assert name.startswith(LRM) and "Şükrü" in name
