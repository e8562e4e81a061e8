"""Waiting and lead time figures on hand-computed cases, with open referrals censored."""

import math
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vrijwilligers_app.domain.waiting_times import (
    OBSERVED,
    OPEN,
    STOPPED,
    ReferralDates,
    ReferralDays,
    duration_stats,
    figures_from_counts,
    figures_from_days,
    kaplan_meier,
    quantile,
    referral_figures,
)

TODAY = date(2026, 6, 30)
START = date(2026, 6, 1)


def on(day: int) -> date:
    return START + timedelta(days=day)


def test_none_open_is_the_lower_empirical_quantile():
    stats = duration_stats([(2, OBSERVED), (4, OBSERVED), (6, OBSERVED), (8, OBSERVED)])
    # S: 0.75 after day 2, 0.5 after 4, 0.25 after 6, 0 after 8.
    assert (stats.median, stats.p90, stats.maximum) == (4, 8, 8)
    assert (stats.count, stats.observed, stats.open, stats.stopped) == (4, 4, 0, 0)
    assert stats.maximum_open is False and stats.oldest_open is None


def test_all_open_has_no_median_but_shows_the_oldest():
    stats = duration_stats([(3, OPEN), (5, OPEN)])
    assert stats.median is None and stats.p90 is None
    assert (stats.maximum, stats.maximum_open, stats.open, stats.oldest_open) == (5, True, 2, 5)


def test_open_referrals_are_not_dropped():
    # Contact after 2 and 4 days; two still waiting at 5 and 6 days.
    stats = duration_stats([(2, OBSERVED), (4, OBSERVED), (5, OPEN), (6, OPEN)])
    # KM: S(2) = 3/4, S(4) = 3/4 * 2/3 = 1/2 -> median 4; never <= 0.1 -> p90 not reached.
    # Dropping the open ones would give median 2 and p90 4: too rosy.
    assert stats.median == 4
    assert stats.p90 is None
    assert (stats.maximum, stats.maximum_open, stats.oldest_open) == (6, True, 6)


def test_censoring_in_the_middle():
    curve = kaplan_meier([(1, OBSERVED), (2, OPEN), (3, OBSERVED), (4, OBSERVED)])
    # n=4 at day 1: S=3/4; one censored at 2; n=2 at day 3: S=3/8; n=1 at day 4: S=0.
    assert curve == [(1, 0.75), (3, 0.375), (4, 0.0)]
    assert quantile(curve, 0.5) == 3
    assert quantile(curve, 0.9) == 4


def test_ties_ends_before_censorings():
    curve = kaplan_meier([(3, OBSERVED), (3, OBSERVED), (3, OPEN), (5, OBSERVED)])
    # Day 3: 4 at risk (the one censored on day 3 counts), 2 end: S=1/2; day 5: n=1, S=0.
    assert curve == [(3, 0.5), (5, 0.0)]
    stats = duration_stats([(3, OBSERVED), (3, OBSERVED), (3, OPEN), (5, OBSERVED)])
    assert (stats.median, stats.p90, stats.maximum, stats.maximum_open) == (3, 5, 5, False)


def test_an_open_referral_as_long_as_the_longest_marks_the_maximum_open():
    stats = duration_stats([(5, OBSERVED), (5, OPEN)])
    assert (stats.maximum, stats.maximum_open) == (5, True)


def test_counted_samples_equal_single_ones():
    single = [(2, OBSERVED), (2, OBSERVED), (4, OPEN), (7, STOPPED), (9, OBSERVED)]
    counted = [(2, OBSERVED, 2), (4, OPEN, 1), (7, STOPPED, 1), (9, OBSERVED, 1),
               (11, OPEN, 0)]
    assert duration_stats(single) == duration_stats(counted)


def test_empty_group():
    stats = duration_stats([])
    assert stats.count == 0 and stats.median is None and stats.maximum is None
    figures = figures_from_counts([], [], not_registered=2)
    assert figures.referrals == 2 and figures.share_on_time is None


def test_referral_figures_from_dates():
    referrals = [
        # helped: contact after 2 days, geholpen after 10
        ReferralDates(on(0), on(2), on(10), on(11), agreed_days=7),
        # contact after 9 days, still being helped (open, age 29)
        ReferralDates(on(1), on(10), None, None, agreed_days=7),
        # refused after 5 days without contact: stopped for both measures
        ReferralDates(on(3), None, None, on(8), agreed_days=7),
        # still waiting for contact, 27 days: open, late
        ReferralDates(on(3), None, None, None, agreed_days=7),
        # still waiting but within the agreed time
        ReferralDates(on(27), None, None, None, agreed_days=7),
        # never aangemeld: counted, but in no time figure
        ReferralDates(None),
    ]
    figures = referral_figures(referrals, TODAY)
    assert figures.referrals == 6 and figures.not_registered == 1
    waiting = figures.waiting
    assert (waiting.count, waiting.observed, waiting.open, waiting.stopped) == (5, 2, 2, 1)
    # Waiting samples: 2 obs, 9 obs, 5 stopped, 26 open, 2 open.
    # Day 2: n=5 (the open one at 2 is at risk) -> S=4/5; day 9: n=2 -> S=2/5 -> median 9.
    assert waiting.median == 9 and waiting.p90 is None
    assert (waiting.maximum, waiting.maximum_open, waiting.oldest_open) == (26, True, 26)
    lead = figures.lead
    # Lead samples: 10 obs, 28 open, 5 stopped, 26 open, 2 open: S(10) = 1 - 1/3 = 2/3.
    assert (lead.observed, lead.open, lead.stopped) == (1, 3, 1)
    assert lead.median is None and (lead.maximum, lead.maximum_open) == (28, True)
    # On time: 2 <= 7; late: 9 > 7, refused after 5 days without contact is not late (5 <= 7),
    # waiting 26 days is late; waiting 2 days is not decided.
    assert (figures.on_time, figures.late) == (1, 2)
    assert figures.share_on_time == pytest.approx(1 / 3)


def test_reopened_referral_runs_from_the_first_aanmelding():
    # Helped after 5 days, closed, reopened later and open again: the lead time is still
    # running (censored at 29 days), the waiting time stays the first contact (2 days).
    reopened = ReferralDates(on(0), on(2), None, None, agreed_days=None)
    figures = referral_figures([reopened], TODAY)
    assert figures.waiting.median == 2
    assert figures.lead.median is None
    assert (figures.lead.open, figures.lead.oldest_open) == (1, 29)
    # Helped again after the reopening: the lead time ends at the second geholpen.
    helped_again = ReferralDates(on(0), on(2), on(20), on(21))
    assert referral_figures([helped_again], TODAY).lead.median == 20


def test_figures_from_days_matches_dates():
    days = [ReferralDays(10, 2, None, None, 3), ReferralDays(10, None, None, 6, 3)]
    figures = figures_from_days(days)
    assert (figures.on_time, figures.late) == (1, 1)
    assert figures.waiting.stopped == 1 and figures.lead.open == 1


@given(st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=300))
def test_without_censoring_km_is_the_lower_empirical_quantile(days):
    stats = duration_stats([(d, OBSERVED) for d in days])
    ordered = sorted(days)
    assert stats.median == ordered[math.ceil(len(days) * 0.5) - 1]
    assert stats.p90 == ordered[math.ceil(len(days) * 0.9 - 1e-9) - 1]
    assert stats.maximum == ordered[-1]


@given(st.lists(st.tuples(st.integers(min_value=0, max_value=60),
                          st.sampled_from([OBSERVED, OPEN, STOPPED])), max_size=200))
def test_censoring_never_lowers_the_median_below_dropping_nothing(samples):
    """Counting open referrals as censored gives a median at least that of treating them
    as ended on the day they were last seen (the most optimistic reading)."""
    censored = duration_stats(samples).median
    optimistic = duration_stats([(d, OBSERVED) for d, _ in samples]).median
    if censored is not None:
        assert optimistic is not None and censored >= optimistic


def test_counted_stats_equal_the_curve_step_by_step() -> None:
    """tally_stats (one pass, used for thousands of city groups) gives what kaplan_meier and
    quantile give, with ties, negative days and groups without ends or without open ones."""
    import random

    from vrijwilligers_app.domain.waiting_times import OPEN, STOPPED, kaplan_meier, quantile

    chance = random.Random(17)
    for _ in range(400):
        samples = [(chance.randint(-2, 40), chance.choice((OBSERVED, OPEN, STOPPED)))
                   for _ in range(chance.randint(0, 60))]
        stats = duration_stats(samples)
        curve = kaplan_meier(samples)
        assert (stats.median, stats.p90) == (quantile(curve, 0.5), quantile(curve, 0.9))
        longest = max(samples, default=None, key=lambda s: (s[0], s[1] == OPEN))
        assert stats.maximum == (longest[0] if longest else None)
        assert stats.maximum_open == bool(longest and longest[1] == OPEN)
        assert stats.oldest_open == max((d for d, s in samples if s == OPEN), default=None)
        assert (stats.count, stats.observed, stats.open, stats.stopped) == (
            len(samples), *(sum(s == state for _, s in samples)
                            for state in (OBSERVED, OPEN, STOPPED)))
