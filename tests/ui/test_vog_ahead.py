"""A VOG that passes its project's maximum age within the warning weeks is on the dashboard
before it expires, with the Regeling Gratis VOG wording; the weeks are a setting; the
dashboard's figures are read with their value by a screen reader."""

from datetime import date, timedelta

import pytest

from tests.ui.conftest import make_window
from vrijwilligers_app.services.attention import attention_items
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.tables import Initiative, Volunteer, VolunteerRole

pytestmark = pytest.mark.gui
TODAY = date.today()


def years_ago(years: int, plus_days: int) -> date:
    return TODAY.replace(year=TODAY.year - years) + timedelta(days=plus_days)


def seed(engine):
    """Maatjes project with VOGs of at most 2 years, a café without a rule (3 years)."""
    with write_session(engine) as session:
        maatjes = Initiative(name="Maatjes Helmond-Noord", type_code="maatjesproject",
                             vog_max_age_years=2)
        cafe = Initiative(name="Alzheimer Café", type_code="alzheimercafe")
        soon = Volunteer(first_name="Sanne", last_name="Bos", vog_date=years_ago(2, 20))
        later = Volunteer(first_name="Luuk", last_name="Aarts", vog_date=years_ago(2, 100))
        cafe_only = Volunteer(first_name="Cor", last_name="Dekker", vog_date=years_ago(3, 30))
        gone = Volunteer(first_name="Gijs", last_name="Els", vog_date=years_ago(3, 10))
        session.add_all([maatjes, cafe, soon, later, cafe_only, gone])
        session.flush()
        session.add_all([
            VolunteerRole(volunteer_id=soon.id, initiative_id=maatjes.id, role_code="maatje"),
            VolunteerRole(volunteer_id=later.id, initiative_id=maatjes.id, role_code="maatje"),
            VolunteerRole(volunteer_id=cafe_only.id, initiative_id=cafe.id,
                          role_code="gastvrouw"),
            VolunteerRole(volunteer_id=gone.id, initiative_id=cafe.id, role_code="gastvrouw",
                          end_date=TODAY - timedelta(days=5)),
        ])
        return soon.id, later.id, cafe_only.id, gone.id


def vog_texts(engine, weeks):
    return [i.text for i in attention_items(engine, TODAY, vog_weeks=weeks)
            if i.text.startswith("VOG van")]


def test_a_vog_due_within_the_warning_weeks_is_shown_before_it_expires(register):
    seed(register.engine)
    texts = vog_texts(register.engine, 8)
    assert len(texts) == 2  # Sanne (2-year project, 20 days) and Cor (3 years, 30 days)
    sanne = next(t for t in texts if "Sanne Bos" in t)
    assert "ouder dan 2 jaar, de grens van Maatjes Helmond-Noord" in sanne
    assert "VOG aanvragen" in sanne and "Regeling Gratis VOG" in sanne
    assert any("Cor Dekker" in t and "ouder dan 3 jaar" in t for t in texts)
    assert not any("Luuk" in t or "Gijs" in t for t in texts)  # not yet due; no longer active
    assert len(vog_texts(register.engine, 2)) == 0  # 20 and 30 days are beyond 2 weeks
    assert len(vog_texts(register.engine, 16)) == 3  # Luuk's 100 days are within 16 weeks


def test_the_dashboard_follows_the_setting_and_names_its_figures(qtbot, register):
    seed(register.engine)
    window = make_window(qtbot, register)
    settings = window.page_at(7)
    settings.vog_weeks.setValue(2)
    window.sidebar.setCurrentRow(7)
    window.sidebar.setCurrentRow(0)
    page = window.page_at(0)
    texts = [page.items.item(i).text() for i in range(page.items.count())]
    assert not any(t.startswith("VOG van") for t in texts)
    settings.vog_weeks.setValue(8)
    page.refresh()
    texts = [page.items.item(i).text() for i in range(page.items.count())]
    assert sum(t.startswith("VOG van") for t in texts) == 2
    assert page.numbers["volunteers_active"].accessibleName() == (
        f"Actieve vrijwilligers: {page.numbers['volunteers_active'].text()}")
    assert page.numbers["volunteers_active"].text().isdigit()
