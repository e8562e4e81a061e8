"""Roster rules: clashes, hours, availability fit and input checks."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vrijwilligers_app.domain import availability
from vrijwilligers_app.domain.roster import (
    Booking,
    all_clashes,
    availability_fit,
    check_counts,
    check_hours,
    check_times,
    clash_message,
    clashes_with,
    needed_mask,
    overlaps,
    shift_hours,
)


def at(h: int, m: int = 0, day: int = 17) -> datetime:
    return datetime(2026, 11, day, h, m)


def test_overlap_touching_ends_do_not_clash():
    assert overlaps(at(19), at(21), at(20), at(22))
    assert not overlaps(at(19), at(21), at(21), at(22))
    assert overlaps(at(19), at(23), at(20), at(21))  # contained


def test_clashes_only_same_volunteer_and_not_itself():
    cafe = Booking(1, 7, at(18, 30), at(21, 45), "Alzheimer Café")
    eten = Booking(2, 7, at(17), at(19), "Samen eten")
    other = Booking(3, 8, at(18), at(22), "Taalcafé")
    later = Booking(4, 7, at(21, 45), at(23), "Opruimen")
    assert clashes_with(cafe, [cafe, eten, other, later]) == [eten]
    message = clash_message("Anna de Vries", [eten])
    assert message == ("Anna de Vries staat op dat moment al ingeroosterd: Samen eten "
                       "(17-11-2026 17:00–19:00).")
    assert clash_message("Anna", []) is None
    assert all_clashes([later, cafe, other, eten]) == [(eten, cafe)]


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 40), st.integers(1, 12)),
                max_size=12))
def test_all_clashes_agrees_with_pairwise_check(items):
    quarter = timedelta(minutes=15)
    bookings = [Booking(i, v, at(0) + start * quarter, at(0) + (start + length) * quarter)
                for i, (v, start, length) in enumerate(items)]
    expected = {(a.shift_id, b.shift_id) for a in bookings for b in bookings
                if a.shift_id != b.shift_id and a.volunteer_id == b.volunteer_id
                and overlaps(a.starts_at, a.ends_at, b.starts_at, b.ends_at)}
    found = all_clashes(bookings)
    assert {(a.shift_id, b.shift_id) for a, b in found} | \
        {(b.shift_id, a.shift_id) for a, b in found} == expected
    assert len(found) * 2 == len(expected)


def test_hours_derived_override_and_no_show():
    assert shift_hours(at(18, 30), at(21, 45), "aanwezig") == pytest.approx(3.25)
    assert shift_hours(at(18, 30), at(21, 45), "gepland", 2.0) == 2.0
    assert shift_hours(at(18, 30), at(21, 45), "afwezig", 2.0) == 0.0
    assert shift_hours(at(22), at(1, day=18), "aanwezig") == 3.0


def test_checks_in_dutch():
    assert check_times(at(19), at(21)) is None
    message = check_times(at(21), at(19))
    assert message is not None and "eindtijd moet na de begintijd" in message
    assert check_times(at(19), at(19)) is not None
    assert check_times(None, at(19)) is not None
    names = {"dementie": "Mensen met dementie"}
    errors = check_counts({"dementie": -2, "overig": 3, "professional": "vijf"}, names)
    assert set(errors) == {"dementie", "professional"}
    assert "niet negatief" in errors["dementie"] and "Mensen met dementie" in errors["dementie"]
    assert check_counts({"overig": True}, {})  # a bool is not a count
    assert check_hours(-1, "Anna") is not None and check_hours(30, "Anna") is not None
    assert check_hours(2.5, "Anna") is None and check_hours(None, "Anna") is None


def test_availability_fit_by_day_parts():
    tuesday_evening = availability.slot(1, 2)
    tuesday_afternoon = availability.slot(1, 1)
    # 17-11-2026 is a Tuesday
    assert needed_mask(at(18, 30), at(21, 45)) == tuesday_evening
    assert needed_mask(at(16, 30), at(19, 30)) == tuesday_afternoon | tuesday_evening
    assert availability_fit(tuesday_evening, at(18, 30), at(21, 45)) == "ja"
    assert availability_fit(tuesday_evening, at(16, 30), at(19, 30)) == "deels"
    assert availability_fit(availability.slot(2, 2), at(18, 30), at(21, 45)) == "nee"
    assert availability_fit(0, at(9), at(10)) == "nee"
