"""Waiting and lead times of referrals, with open referrals counted as censored. Pure Python.

Two measures per referral, both counted in whole days from the (first) aanmelding:
- wachttijd: aanmelding -> first contact ('contact', 'in_behandeling' or 'geholpen');
- doorlooptijd: aanmelding -> 'geholpen' or 'afgesloten' of the referral's last episode (a
  reopened referral that is open again is still running: its question came back).

A referral that has not reached the end point is never dropped. When it is still open it is
*censored* at its current age (today - aanmelding) and counted as still waiting; when it was
closed without reaching the end point (refused, or closed without contact) it is censored at
the day it was closed. Median and 90th percentile then come from the Kaplan–Meier estimator
(E. L. Kaplan and P. Meier, "Nonparametric estimation from incomplete observations", JASA 53,
1958): S(t) = Π over event days t_i <= t of (1 - d_i / n_i), with d_i referrals reaching the end
point on day t_i and n_i still at risk (not ended, not censored before t_i). On a tie, ends
come before censorings (a referral censored on day t was at risk on day t). The p-quantile is
the first event day t with S(t) <= 1 - p; when the curve never gets that low the quantile is
None ("not reached": more than that share is still waiting, beyond `maximum` days). Without
censoring this is the lower empirical quantile: the median of 2, 4, 6, 8 days is 4.

The maximum is the longest time of all referrals, open ones at their current age; when that
is an open referral, `maximum_open` is True and the figure is a lower bound.

Agreed time: for referrals whose destination agreed a response time, a referral counts as
on time when its first contact came within that many days, late when contact came later or
has not come while the term has passed (open or closed); a referral still within its term
without contact is not yet counted either way.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

OBSERVED, OPEN, STOPPED = "observed", "open", "stopped"


@dataclass(frozen=True)
class ReferralDates:
    """One referral as dates. `closed_on`: the day it was closed (afgesloten/afgewezen) when
    it is closed now; None while open."""

    registered_on: date | None  # aangemeld; None: not yet aangemeld
    first_contact_on: date | None = None
    done_on: date | None = None  # geholpen/afgesloten in the last episode
    closed_on: date | None = None
    agreed_days: int | None = None


class ReferralDays(NamedTuple):
    """One aangemelde referral as days since its aanmelding (`age`: up to today). A named
    tuple: the figures service makes one per referral, 100,000 at a time."""

    age: int
    contact: int | None = None
    done: int | None = None
    closed: int | None = None
    agreed: int | None = None


@dataclass(frozen=True)
class DurationStats:
    count: int  # referrals measured: observed + open + stopped
    observed: int  # reached the end point
    open: int  # still waiting, censored at their current age
    stopped: int  # closed without reaching the end point, censored at the closing day
    median: int | None  # Kaplan–Meier; None when not reached
    p90: int | None
    maximum: int | None
    maximum_open: bool
    oldest_open: int | None  # age of the longest-waiting open referral


@dataclass(frozen=True)
class ReferralFigures:
    referrals: int  # all referrals, aangemeld or not
    not_registered: int  # only gesignaleerd so far: in no time figure
    waiting: DurationStats  # aanmelding -> first contact
    lead: DurationStats  # aanmelding -> geholpen/afgesloten
    on_time: int
    late: int

    @property
    def share_on_time(self) -> float | None:
        decided = self.on_time + self.late
        return self.on_time / decided if decided else None


Sample = tuple[int, str]  # (days, OBSERVED | OPEN | STOPPED)
Counted = tuple[int, str, int]  # (days, state, number of referrals)


def kaplan_meier(samples: Iterable[Sample | Counted]) -> list[tuple[int, float]]:
    """The survival curve as (event day, S(day)) at every day on which an end occurred.
    Samples may carry a count (days, state, n): the service counts in SQL."""
    ended: dict[int, int] = {}
    censored: dict[int, int] = {}
    at_risk = 0
    for sample in samples:
        day, state = sample[0], sample[1]
        n = sample[2] if len(sample) > 2 else 1  # type: ignore[misc]
        target = ended if state == OBSERVED else censored
        target[day] = target.get(day, 0) + n
        at_risk += n
    survival = 1.0
    curve: list[tuple[int, float]] = []
    for day in sorted(ended.keys() | censored.keys()):
        d = ended.get(day, 0)
        if d:
            survival *= 1 - d / at_risk
            curve.append((day, survival))
        at_risk -= d + censored.get(day, 0)
    return curve


def quantile(curve: Sequence[tuple[int, float]], p: float) -> int | None:
    """The first event day with S <= 1 - p (p = 0.5: the median); None if never."""
    for day, survival in curve:
        if survival <= 1 - p + 1e-9:
            return day
    return None


def duration_stats(samples: Sequence[Sample | Counted]) -> DurationStats:
    tally: dict[tuple[int, str], int] = {}
    for s in samples:
        n = s[2] if len(s) > 2 else 1  # type: ignore[misc]
        if n > 0:
            key = (s[0], s[1])
            tally[key] = tally.get(key, 0) + n
    return tally_stats(tally)


_MEDIAN, _P90 = 1 - 0.5 + 1e-9, 1 - 0.9 + 1e-9  # quantile()'s thresholds, bit for bit


def tally_stats(tally: Mapping[tuple[int, str], int]) -> DurationStats:
    """duration_stats of samples already counted per (days, state) (n > 0): one pass, the
    curve's median and 90th percentile found on the way (the city figures reduce thousands of
    groups this way; same floating-point steps as kaplan_meier and quantile)."""
    ended: dict[int, int] = {}
    censored: dict[int, int] = {}
    observed = open_ = stopped = 0
    longest: int | None = None
    oldest_open: int | None = None
    longest_open = False
    for (day, state), n in tally.items():
        if state == OBSERVED:
            ended[day] = ended.get(day, 0) + n
            observed += n
        else:
            censored[day] = censored.get(day, 0) + n
            if state == OPEN:
                open_ += n
                if oldest_open is None or day > oldest_open:
                    oldest_open = day
            else:
                stopped += n
        if longest is None or day > longest:
            longest, longest_open = day, state == OPEN
        elif day == longest and state == OPEN:
            longest_open = True
    at_risk = observed + open_ + stopped
    survival = 1.0
    median: int | None = None
    p90: int | None = None
    for day in sorted(ended.keys() | censored.keys()):
        d = ended.get(day, 0)
        if d:
            survival *= 1 - d / at_risk
            if median is None and survival <= _MEDIAN:
                median = day
            if survival <= _P90:
                p90 = day
                break
        at_risk -= d + censored.get(day, 0)
    return DurationStats(
        count=observed + open_ + stopped, observed=observed, open=open_, stopped=stopped,
        median=median, p90=p90, maximum=longest, maximum_open=longest_open,
        oldest_open=oldest_open,
    )


def _sample(end: int | None, closed: int | None, age: int) -> Sample:
    if end is not None:
        return end, OBSERVED
    if closed is not None:
        return closed, STOPPED
    return age, OPEN


def figures_from_days(referrals: Iterable[ReferralDays], not_registered: int = 0
                      ) -> ReferralFigures:
    """Figures of aangemelde referrals; `not_registered` counts the others in the group."""
    waiting: list[Sample] = []
    lead: list[Sample] = []
    on_time = late = 0
    for r in referrals:
        waiting.append(_sample(r.contact, r.closed, r.age))
        lead.append(_sample(r.done, r.closed, r.age))
        if r.agreed is not None:
            if r.contact is not None:
                if r.contact <= r.agreed:
                    on_time += 1
                else:
                    late += 1
            elif (r.closed if r.closed is not None else r.age) > r.agreed:
                late += 1
    return figures_from_counts(waiting, lead, not_registered, on_time, late)


def figures_from_counts(waiting: Sequence[Sample | Counted], lead: Sequence[Sample | Counted],
                        not_registered: int = 0, on_time: int = 0, late: int = 0
                        ) -> ReferralFigures:
    """Figures from samples already reduced (the same referrals in `waiting` and `lead`)."""
    waiting_stats, lead_stats = duration_stats(waiting), duration_stats(lead)
    return ReferralFigures(
        referrals=waiting_stats.count + not_registered, not_registered=not_registered,
        waiting=waiting_stats, lead=lead_stats, on_time=on_time, late=late,
    )


def to_days(referral: ReferralDates, today: date) -> ReferralDays | None:
    """Days since the aanmelding; None for a referral not yet aangemeld."""
    start = referral.registered_on
    if start is None:
        return None

    def since(day: date | None) -> int | None:
        return None if day is None else (day - start).days

    return ReferralDays(age=(today - start).days, contact=since(referral.first_contact_on),
                        done=since(referral.done_on), closed=since(referral.closed_on),
                        agreed=referral.agreed_days)


def referral_figures(referrals: Iterable[ReferralDates], today: date) -> ReferralFigures:
    """Figures of a group of referrals, measured up to `today`."""
    days: list[ReferralDays] = []
    not_registered = 0
    for referral in referrals:
        converted = to_days(referral, today)
        if converted is None:
            not_registered += 1
        else:
            days.append(converted)
    return figures_from_days(days, not_registered)
