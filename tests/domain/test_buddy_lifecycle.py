"""Life-cycle rules of a maatjes request and the checks a match must pass."""

from datetime import date

import pytest

from vrijwilligers_app.domain import buddy_lifecycle as life
from vrijwilligers_app.domain.buddy_lifecycle import Period

TODAY = date(2026, 11, 23)
D = date


def test_happy_path_is_allowed_step_by_step():
    for current, target in zip(life.STATUSES, life.STATUSES[1:], strict=False):
        assert life.can_move(current, target), (current, target)
        assert life.transition_error(current, target) is None


@pytest.mark.parametrize(("current", "target"), [
    ("aanmelding", "wachtend"), ("aanmelding", "gekoppeld"), ("intake", "voorgesteld"),
    ("wachtend", "gekoppeld"), ("gekoppeld", "voorgesteld"), ("voorgesteld", "intake"),
])
def test_skipping_or_going_back_is_refused(current, target):
    message = life.transition_error(current, target)
    assert message is not None and "kan niet naar" in message and "wel naar" in message


def test_every_open_status_can_close_and_closed_is_final():
    for status in life.STATUSES[:-1]:
        assert life.can_move(status, "afgesloten")
    assert life.TRANSITIONS["afgesloten"] == frozenset()
    assert "nieuwe aanmelding" in life.transition_error("afgesloten", "wachtend")


def test_proposal_or_match_can_return_to_waiting():
    assert life.can_move("voorgesteld", "wachtend") and life.can_move("gekoppeld", "wachtend")


def test_unknown_status():
    assert "onbekend" in life.transition_error("zomaar", "intake")
    assert "onbekend" in life.transition_error("intake", "zomaar")


def test_step_dates():
    assert life.date_error(D(2026, 5, 2), D(2026, 5, 1), "de aanmelding", TODAY) is None
    assert life.date_error(D(2026, 5, 1), D(2026, 5, 1), "de aanmelding", TODAY) is None
    assert life.date_error(D(2026, 4, 30), D(2026, 5, 1), "de aanmelding", TODAY) == (
        "Deze datum (30-04-2026) ligt vóór de aanmelding (01-05-2026).")
    assert "toekomst" in life.date_error(D(2026, 11, 24), None, "", TODAY)
    assert "Vul de datum in" in life.date_error(None, None, "", TODAY)


def test_periods_overlap():
    open_since_may = Period(D(2026, 5, 1))
    assert open_since_may.overlaps(Period(D(2026, 11, 1)))
    assert Period(D(2025, 1, 1), D(2025, 12, 31)).overlaps(Period(D(2025, 12, 31)))
    assert not Period(D(2025, 1, 1), D(2025, 12, 31)).overlaps(Period(D(2026, 1, 1)))
    assert not Period(D(2026, 1, 1)).overlaps(Period(D(2025, 1, 1), D(2025, 6, 1)))
    assert life.match_period(D(2026, 1, 1), D(2026, 1, 10), None) == Period(D(2026, 1, 10))
    assert life.match_period(D(2026, 1, 1), None, None) == Period(D(2026, 1, 1))


def test_new_match_in_other_project_is_refused():
    errors = life.check_new_match(5, {6, 7}, Period(TODAY), [], 0, "Maatjes Helmond-Noord")
    assert errors == {"volunteer_id": "Deze vrijwilliger is geen actief maatje bij Maatjes "
                      "Helmond-Noord; een koppeling kan alleen binnen hetzelfde project."}


def test_overlapping_duplicate_match_is_refused_but_a_later_one_is_fine():
    earlier = [Period(D(2025, 1, 1), D(2025, 6, 1))]
    assert life.check_new_match(5, [5], Period(TODAY), earlier) == {}
    running = [Period(D(2026, 3, 1))]
    errors = life.check_new_match(5, [5], Period(TODAY), running)
    assert "al een koppeling in dezelfde periode" in errors["volunteer_id"]


def test_request_with_open_match_and_end_before_start():
    errors = life.check_new_match(5, [5], Period(D(2026, 5, 1), D(2026, 4, 1)), [], 1)
    assert "al een lopende koppeling" in errors["request_id"]
    assert errors["ended_on"].startswith("01-04-2026 ligt vóór het begin van de koppeling")


def test_ending_a_match():
    running = Period(D(2026, 3, 1))
    assert life.check_end(running, D(2026, 11, 1), TODAY) == {}
    assert life.check_end(running, D(2026, 3, 1), TODAY) == {}
    assert "vóór het begin" in life.check_end(running, D(2026, 2, 28), TODAY)["ended_on"]
    assert "toekomst" in life.check_end(running, D(2026, 12, 1), TODAY)["ended_on"]
    assert "al beëindigd op 01-06-2026" in life.check_end(
        Period(D(2026, 3, 1), D(2026, 6, 1)), D(2026, 7, 1), TODAY)["ended_on"]
    assert "contact vastgelegd op 10-11-2026" in life.check_end(
        running, D(2026, 11, 1), TODAY, last_contact=D(2026, 11, 10))["ended_on"]
    assert "Vul de einddatum" in life.check_end(running, None, TODAY)["ended_on"]


def test_contact_only_within_the_match_period():
    start, end = D(2026, 3, 1), D(2026, 9, 1)
    assert life.check_contact(D(2026, 3, 1), start, None, TODAY) == {}
    assert life.check_contact(D(2026, 9, 1), start, end, TODAY, 60) == {}
    assert "vóór het begin" in life.check_contact(D(2026, 2, 1), start, None, TODAY)[
        "occurred_on"]
    assert "na het einde van de koppeling (01-09-2026)" in life.check_contact(
        D(2026, 9, 2), start, end, TODAY)["occurred_on"]
    assert "nog niet gestart" in life.check_contact(D(2026, 3, 1), None, None, TODAY)[
        "occurred_on"]
    assert "toekomst" in life.check_contact(D(2026, 12, 1), start, None, TODAY)["occurred_on"]
    assert "Vul de datum" in life.check_contact(None, start, None, TODAY)["occurred_on"]
    assert "duration_minutes" in life.check_contact(D(2026, 4, 1), start, None, TODAY, -5)
    assert "duration_minutes" in life.check_contact(D(2026, 4, 1), start, None, TODAY, 1441)


@pytest.mark.parametrize(("reason", "back", "status"), [
    ("geen_klik", None, "wachtend"), ("vrijwilliger_gestopt", None, "wachtend"),
    ("doel_bereikt", None, "afgesloten"), ("overleden", None, "afgesloten"),
    ("verhuisd", True, "wachtend"), ("geen_klik", False, "afgesloten"),
])
def test_status_after_end(reason, back, status):
    assert life.status_after_end(reason, back) == status


def test_evaluation_held_within_the_match():
    start, end = D(2026, 3, 1), D(2026, 9, 1)
    assert life.check_evaluation_held(D(2026, 4, 15), start, None, TODAY) == {}
    assert "na het einde" in life.check_evaluation_held(D(2026, 9, 5), start, end, TODAY)[
        "held_on"]
    assert life.check_evaluation_held(None, start, None, TODAY) == {
        "held_on": "Vul de datum van het evaluatiegesprek in (dd-mm-jjjj)."}
