"""Maatjes figures on a hand-built register whose every number is worked out by hand below."""

from datetime import date

import pytest
from sqlalchemy import Engine

from tests.helpers.db import add
from vrijwilligers_app.services.maatjes.figures import BuddyFigures, buddy_figures
from vrijwilligers_app.store.tables import (
    BuddyMatch,
    BuddyRequest,
    Initiative,
    Resident,
    Volunteer,
)

TODAY = date(2026, 11, 23)
CENTRUM, OOST = "WK079410", "WK079411"


@pytest.fixture
def engine(register_engine: Engine) -> Engine:
    """Project Noord: q1 matched after 30 d, ended after 180 d (doel bereikt); q2 matched after
    20 d, still running; q3 matched after 40 d, ended after 30 d (geen klik) and waiting again
    since 10-07-2026 (136 d today). Project Zuid: q4 aanmelding 30 d ago (resident without
    wijk); q5 proposed, not started; q6 matched after 60 d, ended after 275 d (verhuisd), with
    an earlier proposal that never started (not a match: not counted)."""
    e = register_engine
    noord, zuid = add(e, Initiative(name="Maatjes Noord", type_code="maatjesproject"),
                      Initiative(name="Maatjes Zuid", type_code="maatjesproject"))
    r1, r2, r3, r4, r5, r6 = add(e, *(Resident(first_name=f"R{n}", last_name="Inwoner",
                                               district_code=wijk)
                                      for n, wijk in enumerate(
                                          (CENTRUM, CENTRUM, OOST, None, OOST, OOST), 1)))
    v1, v2 = add(e, Volunteer(first_name="A", last_name="Maatje"),
                 Volunteer(first_name="B", last_name="Maatje"))
    q1, q2, q3, q4, q5, q6 = add(
        e,
        BuddyRequest(resident_id=r1, initiative_id=noord, requested_on=date(2026, 1, 10),
                     status="afgesloten", closed_on=date(2026, 8, 8)),
        BuddyRequest(resident_id=r2, initiative_id=noord, requested_on=date(2026, 3, 1),
                     status="gekoppeld"),
        BuddyRequest(resident_id=r3, initiative_id=noord, requested_on=date(2026, 5, 1),
                     status="wachtend", waiting_since=date(2026, 7, 10)),
        BuddyRequest(resident_id=r4, initiative_id=zuid, requested_on=date(2026, 10, 24),
                     status="aanmelding"),
        BuddyRequest(resident_id=r5, initiative_id=zuid, requested_on=date(2026, 9, 1),
                     status="voorgesteld"),
        BuddyRequest(resident_id=r6, initiative_id=zuid, requested_on=date(2025, 12, 1),
                     status="afgesloten", closed_on=date(2026, 11, 1)))
    add(e,
        BuddyMatch(request_id=q1, volunteer_id=v1, proposed_on=date(2026, 2, 1),
                   started_on=date(2026, 2, 9), ended_on=date(2026, 8, 8),
                   end_reason_code="doel_bereikt"),
        BuddyMatch(request_id=q2, volunteer_id=v2, proposed_on=date(2026, 3, 15),
                   started_on=date(2026, 3, 21)),
        BuddyMatch(request_id=q3, volunteer_id=v1, proposed_on=date(2026, 6, 1),
                   started_on=date(2026, 6, 10), ended_on=date(2026, 7, 10),
                   end_reason_code="geen_klik"),
        BuddyMatch(request_id=q5, volunteer_id=v2, proposed_on=date(2026, 10, 1)),
        BuddyMatch(request_id=q6, volunteer_id=v1, proposed_on=date(2025, 12, 10),
                   ended_on=date(2025, 12, 20), end_reason_code="geen_klik"),
        BuddyMatch(request_id=q6, volunteer_id=v2, proposed_on=date(2026, 1, 20),
                   started_on=date(2026, 1, 30), ended_on=date(2026, 11, 1),
                   end_reason_code="verhuisd"))
    assert q4
    return e


def by_label(rows):
    return {row.label: row.figures for row in rows}


def test_per_project_without_period(engine):
    rows = buddy_figures(engine, "initiative", TODAY)
    assert [r.label for r in rows] == ["Maatjes Noord", "Maatjes Zuid", "Totaal"]
    assert rows[-1].key is None
    figures = by_label(rows)
    assert figures["Maatjes Noord"] == BuddyFigures(
        waiting=1, proposed=0, longest_wait_days=136, matched=3,
        median_days_to_match=30.0, active=1, ended=2,
        ended_by_reason=(("doel_bereikt", "Doel bereikt", 1), ("geen_klik", "Geen klik", 1)),
        average_duration_days=105.0)  # (180 + 30) / 2
    assert figures["Maatjes Zuid"] == BuddyFigures(
        waiting=1, proposed=1, longest_wait_days=30, matched=1, median_days_to_match=60.0,
        active=0, ended=1, ended_by_reason=(("verhuisd", "Verhuisd", 1),),
        average_duration_days=275.0)
    total = figures["Totaal"]
    assert (total.waiting, total.proposed, total.longest_wait_days) == (2, 1, 136)
    assert total.matched == 4
    assert total.median_days_to_match == 35.0  # 20, 30, 40, 60: mean of the middle two
    assert (total.active, total.ended) == (1, 3)
    assert total.average_duration_days == pytest.approx((180 + 30 + 275) / 3)
    assert [r[2] for r in total.ended_by_reason] == [1, 1, 1]


def test_period_limits_matched_and_ended_but_not_todays_list(engine):
    rows = buddy_figures(engine, "initiative", TODAY, date(2026, 2, 1), date(2026, 7, 31))
    total = by_label(rows)["Totaal"]
    # First starts in the period: q1 (30 d), q2 (20 d), q3 (40 d); q6 started 30-01-2026.
    assert (total.matched, total.median_days_to_match) == (3, 30.0)
    # Ended in the period: only q3's match (30 d, geen klik).
    assert (total.ended, total.average_duration_days) == (1, 30.0)
    assert total.ended_by_reason == (("geen_klik", "Geen klik", 1),)
    assert (total.waiting, total.proposed, total.active) == (2, 1, 1)


def test_per_wijk_with_unknown_wijk(engine):
    rows = buddy_figures(engine, "district", TODAY)
    assert [(r.key, r.label) for r in rows] == [
        (CENTRUM, "Binnenstad"), (OOST, "Helmond-Oost"), ("", "Wijk onbekend"),
        (None, "Totaal")]
    figures = by_label(rows)
    centrum = figures["Binnenstad"]  # q1, q2
    assert (centrum.waiting, centrum.matched, centrum.median_days_to_match) == (0, 2, 25.0)
    assert (centrum.active, centrum.ended, centrum.average_duration_days) == (1, 1, 180.0)
    assert centrum.longest_wait_days is None
    oost = figures["Helmond-Oost"]  # q3, q5, q6
    assert (oost.waiting, oost.proposed, oost.longest_wait_days) == (1, 1, 136)
    assert (oost.matched, oost.median_days_to_match) == (2, 50.0)  # 40 and 60
    assert (oost.ended, oost.average_duration_days) == (2, 152.5)  # (30 + 275) / 2
    unknown = figures["Wijk onbekend"]  # q4
    assert unknown == BuddyFigures(waiting=1, longest_wait_days=30)


def test_empty_register_gives_only_a_zero_total(register_engine):
    assert buddy_figures(register_engine, "district", TODAY) == [
        buddy_figures(register_engine, "initiative", TODAY)[0]]
    total = buddy_figures(register_engine, "initiative", TODAY)[0]
    assert total.key is None and total.figures == BuddyFigures()


def test_unknown_grouping_is_refused(register_engine):
    with pytest.raises(ValueError, match="unknown grouping"):
        buddy_figures(register_engine, "leeftijd", TODAY)
