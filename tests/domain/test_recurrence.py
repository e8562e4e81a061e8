"""Recurrence in plain Dutch, expanded by dateutil; local times across DST."""

from datetime import UTC, date, datetime, time

import pytest

from vrijwilligers_app.domain.recurrence import (
    RuleChoice,
    check_wall_time,
    combine,
    describe_rule,
    occurrences,
    parse_rule,
    to_utc,
)

TUESDAY = 1


def test_every_third_tuesday():
    rule = RuleChoice("monthly", TUESDAY, 3).to_rule()
    assert rule == "FREQ=MONTHLY;BYDAY=3TU"
    assert describe_rule(rule) == "elke 3e dinsdag van de maand"
    days = occurrences(rule, date(2026, 1, 1), date(2026, 6, 30))
    assert days == [date(2026, 1, 20), date(2026, 2, 17), date(2026, 3, 17),
                    date(2026, 4, 21), date(2026, 5, 19), date(2026, 6, 16)]
    assert all(d.weekday() == TUESDAY and 15 <= d.day <= 21 for d in days)


def test_months_without_a_fifth_tuesday_are_skipped():
    days = occurrences(RuleChoice("monthly", TUESDAY, 5).to_rule(), date(2026, 1, 1),
                       date(2026, 12, 31))
    # 2026: fifth Tuesdays only in March, June, September and December.
    assert days == [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 29),
                    date(2026, 12, 29)]


def test_last_weekday_and_first_on_not_fitting():
    rule = RuleChoice("monthly", 3, -1).to_rule()  # last Thursday
    assert describe_rule(rule) == "elke laatste donderdag van de maand"
    # first_on (a Monday) does not fit the rule, so it is not an occurrence.
    assert occurrences(rule, date(2026, 2, 2), date(2026, 3, 31)) == [
        date(2026, 2, 26), date(2026, 3, 26)]


def test_weekly_and_biweekly_include_the_until_day():
    weekly = RuleChoice("weekly", 2).to_rule()
    assert describe_rule(weekly) == "elke woensdag"
    assert occurrences(weekly, date(2026, 11, 4), date(2026, 11, 25)) == [
        date(2026, 11, 4), date(2026, 11, 11), date(2026, 11, 18), date(2026, 11, 25)]
    biweekly = RuleChoice("biweekly", 2).to_rule()
    assert describe_rule(biweekly) == "om de week op woensdag"
    assert occurrences(biweekly, date(2026, 11, 4), date(2026, 11, 25)) == [
        date(2026, 11, 4), date(2026, 11, 18)]


@pytest.mark.parametrize("choice", [RuleChoice("weekly", 0), RuleChoice("biweekly", 6),
                                    RuleChoice("monthly", 1, 3), RuleChoice("monthly", 4, -1)])
def test_parse_is_inverse_of_to_rule(choice):
    assert parse_rule(choice.to_rule()) == choice


def test_unknown_rules_and_too_many_dates():
    assert parse_rule("FREQ=DAILY") is None
    assert describe_rule("FREQ=DAILY") == "herhaling FREQ=DAILY"
    with pytest.raises(ValueError, match="Meer dan 400 datums"):
        occurrences("FREQ=WEEKLY;BYDAY=MO", date(2026, 1, 1), date(2036, 1, 1))
    with pytest.raises(ValueError, match="onleesbaar"):
        occurrences("FREQ=NOOIT", date(2026, 1, 1), date(2026, 2, 1))
    with pytest.raises(ValueError):
        RuleChoice("monthly", 1, 7).to_rule()


def test_local_time_stays_across_dst():
    """Third Tuesdays at 19:00 around the October 2026 and March 2027 clock changes:
    the wall clock stays 19:00, the UTC moment moves by an hour."""
    days = occurrences("FREQ=MONTHLY;BYDAY=3TU", date(2026, 9, 1), date(2027, 4, 30))
    utc = [to_utc(datetime.combine(d, time(19))) for d in days]
    assert [(u.month, u.hour) for u in utc] == [
        (9, 17), (10, 17), (11, 18), (12, 18), (1, 18), (2, 18), (3, 18), (4, 17)]
    # the Sundays of the changes themselves: 25-10-2026 and 28-03-2027
    assert to_utc(datetime(2026, 10, 25, 19)) == datetime(2026, 10, 25, 18, tzinfo=UTC)
    assert to_utc(datetime(2027, 3, 28, 19)) == datetime(2027, 3, 28, 17, tzinfo=UTC)
    weekly_sundays = occurrences("FREQ=WEEKLY;BYDAY=SU", date(2026, 10, 18), date(2026, 11, 1))
    assert date(2026, 10, 25) in weekly_sundays and len(weekly_sundays) == 3


def test_the_spring_gap_does_not_exist():
    message = check_wall_time(datetime(2027, 3, 28, 2, 30))
    assert message is not None and "02:30 niet" in message and "28-03-2027" in message
    assert check_wall_time(datetime(2027, 3, 28, 3, 30)) is None
    assert check_wall_time(datetime(2026, 10, 25, 2, 30)) is None  # exists (twice)


def test_combine_past_midnight_only_for_night_ends():
    assert combine(date(2026, 1, 1), time(22), time(1)) == (
        datetime(2026, 1, 1, 22), datetime(2026, 1, 2, 1))
    starts, ends = combine(date(2026, 1, 1), time(19), time(18))
    assert ends < starts  # left for the check to refuse
