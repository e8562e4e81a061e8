"""Activity figures on a small register whose answers are worked out by hand."""

from datetime import date, datetime

import pytest

from tests.helpers.activities import add_activity, add_initiative, add_resident, add_volunteer
from vrijwilligers_app.services.activities.figures import activity_figures
from vrijwilligers_app.store.queries.roster import roster, roster_for_period

TODAY = date(2026, 11, 23)
YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def t(day: str, hm: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{hm}")


@pytest.fixture
def filled(register_engine):
    e = register_engine
    a = add_initiative(e, "Alzheimer Café", districts=("WK079410",))
    b = add_initiative(e, "Buurtkamer", districts=())
    v1, v2, v3 = (add_volunteer(e, "Anna", n) for n in ("Aa", "Bee", "Cee"))
    r1, r2, r3 = (add_resident(e, "Rien", n) for n in ("Een", "Twee", "Drie"))
    d = "2026-03-17"
    ids = {
        "a0": add_activity(e, a, t("2025-12-31", "19:00"), t("2025-12-31", "21:00"),
                           visitors={"dementie": 99}),
        "a1": add_activity(e, a, t(d, "19:00"), t(d, "21:30"),
                           visitors={"dementie": 5, "mantelzorger": 8},
                           shifts=((v1, t(d, "18:30"), t(d, "21:45"), "aanwezig", None),
                                   (v2, t(d, "19:00"), t(d, "21:30"), "afwezig", 2.0),
                                   (v3, t(d, "19:00"), t(d, "21:00"), "aanwezig", 1.5),
                                   (None, t(d, "19:00"), t(d, "21:00"), "gepland", None)),
                           residents=(r1, r2)),
        "a2": add_activity(e, a, t("2026-04-21", "19:00"), t("2026-04-21", "21:30"),
                           cancelled=True, visitors={"overig": 3},
                           shifts=((v1, t("2026-04-21", "19:00"), t("2026-04-21", "21:30"),
                                    "aanwezig", None),)),
        "a3": add_activity(e, a, t("2026-12-15", "19:00"), t("2026-12-15", "21:30"),
                           shifts=((v1, t("2026-12-15", "19:00"), t("2026-12-15", "21:00"),
                                    "gepland", None),)),
        "b1": add_activity(e, b, t("2026-03-18", "10:00"), t("2026-03-18", "12:00"),
                           district="WK079411", visitors={"overig": 10},
                           shifts=((v1, t("2026-03-18", "09:30"), t("2026-03-18", "12:00"),
                                    "gepland", None),),
                           residents=(r1, r3)),
    }
    return e, a, b, ids


def test_per_initiative_hand_computed(filled):
    engine, a, b, _ids = filled
    figures = activity_figures(engine, *YEAR, "initiative", today=TODAY)
    assert [r.label for r in figures.rows] == ["Alzheimer Café", "Buurtkamer", "Totaal"]
    cafe, kamer, total = figures.rows
    assert cafe.key == str(a) and kamer.key == str(b) and total.key is None
    assert (cafe.activities, cafe.cancelled, cafe.participants, cafe.no_shows) == (2, 1, 2, 1)
    assert cafe.visitors == {"dementie": 5, "mantelzorger": 8, "professional": 0, "overig": 0}
    # v1 3.25 h, v2 no-show despite an override, v3 override 1.5 h; a3's place is future.
    assert cafe.volunteer_hours == pytest.approx(4.75)
    assert cafe.volunteers == 2
    assert (kamer.activities, kamer.visitors_total, kamer.participants) == (1, 10, 2)
    assert kamer.volunteer_hours == pytest.approx(2.5)  # gepland, in the past: worked
    assert (total.activities, total.cancelled, total.visitors_total) == (3, 1, 23)
    assert total.participants == 3  # r1 came to both and counts once
    assert total.volunteers == 2
    assert total.volunteer_hours == pytest.approx(7.25)
    assert [c for c, _ in figures.visitor_types] == ["dementie", "mantelzorger",
                                                     "professional", "overig"]


def test_per_district_and_filters(filled):
    engine, a, _b, _ids = filled
    figures = activity_figures(engine, *YEAR, "district", today=TODAY)
    assert [(r.key, r.label, r.activities) for r in figures.rows] == [
        ("WK079410", "Binnenstad", 2), ("WK079411", "Helmond-Oost", 1), (None, "Totaal", 3)]
    only = activity_figures(engine, *YEAR, "none", district_code="WK079410", today=TODAY)
    assert len(only.rows) == 1 and only.total.activities == 2
    assert only.total.visitors_total == 13
    one = activity_figures(engine, *YEAR, "initiative", initiative_id=a, today=TODAY)
    assert [r.label for r in one.rows] == ["Alzheimer Café", "Totaal"]


def test_per_month_in_time_order_and_period_bounds(filled):
    engine, *_ = filled
    figures = activity_figures(engine, *YEAR, "month", today=TODAY)
    assert [(r.key, r.label, r.activities, r.cancelled) for r in figures.rows] == [
        ("2026-03", "maart 2026", 2, 0), ("2026-04", "april 2026", 0, 1),
        ("2026-12", "december 2026", 1, 0), (None, "Totaal", 3, 1)]
    last_day = activity_figures(engine, date(2025, 12, 31), date(2025, 12, 31), "none",
                                today=TODAY)
    assert last_day.total.visitors["dementie"] == 99
    with pytest.raises(ValueError):
        activity_figures(engine, date(2026, 2, 1), date(2026, 1, 1))


def test_roster_query(filled):
    engine, _a, _b, ids = filled
    (a1,) = roster(engine, [ids["a1"]])
    assert a1.title == "Café" and a1.initiative_name == "Alzheimer Café"
    assert a1.free_places == 1
    names = [p.volunteer_name for p in a1.places]
    assert names.count("") == 1 and "Anna Aa" in names
    hours = {p.volunteer_name: p.worked_hours for p in a1.places}
    assert hours["Anna Aa"] == pytest.approx(3.25)
    assert hours["Anna Bee"] == 0.0 and hours["Anna Cee"] == 1.5
    period = roster_for_period(engine, date(2026, 3, 1), date(2026, 4, 30))
    assert [r.activity_id for r in period] == [ids["a1"], ids["b1"]]  # a2 cancelled
    with_cancelled = roster_for_period(engine, date(2026, 3, 1), date(2026, 4, 30),
                                       include_cancelled=True)
    assert [r.activity_id for r in with_cancelled] == [ids["a1"], ids["b1"], ids["a2"]]
