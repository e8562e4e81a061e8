"""In-, door- and uitstroom counted from roles: per initiative and for the whole register."""

from datetime import date

from vrijwilligers_app.domain.report_period import parse_period
from vrijwilligers_app.domain.volunteer_flow import RoleSpan, volunteer_flow

YEAR = parse_period("2026")
CAFE, EETPUNT = 1, 2


def span(volunteer, initiative, start, end=None, reason=""):
    return RoleSpan(volunteer, initiative, start, end, reason)


SPANS = [
    span(1, CAFE, date(2026, 3, 1)),  # new at the café
    span(2, CAFE, date(2024, 1, 1), date(2026, 5, 31), "Verhuisd"),  # left altogether
    span(3, CAFE, date(2024, 1, 1), date(2026, 6, 30), "Te druk"),  # went on at the eetpunt
    span(3, EETPUNT, date(2026, 7, 1)),
    span(4, CAFE, date(2024, 1, 1), date(2025, 6, 30), "Gezondheid"),  # left before 2026
    span(5, CAFE, date(2024, 1, 1), date(2026, 2, 1)),  # two roles: the open one keeps her
    span(5, CAFE, date(2024, 1, 1)),
]


def test_per_initiative():
    cafe = volunteer_flow(SPANS, YEAR, CAFE)
    assert (cafe.at_start, cafe.inflow, cafe.through, cafe.outflow, cafe.at_end) == (3, 1, 1, 1, 2)
    assert cafe.reasons == {"Verhuisd": 1}
    eetpunt = volunteer_flow(SPANS, YEAR, EETPUNT)
    assert (eetpunt.inflow, eetpunt.outflow, eetpunt.at_end) == (1, 0, 1)


def test_whole_register_counts_each_volunteer_once():
    whole = volunteer_flow(SPANS, YEAR)
    assert (whole.at_start, whole.inflow, whole.through, whole.outflow, whole.at_end) == (
        3, 1, 1, 1, 3)
    assert whole.reasons == {"Verhuisd": 1}


def test_a_stop_without_a_reason_is_counted_as_not_recorded():
    flow = volunteer_flow([span(1, CAFE, date(2025, 1, 1), date(2026, 4, 1))], YEAR, CAFE)
    assert flow.reasons == {"niet vastgelegd": 1}
