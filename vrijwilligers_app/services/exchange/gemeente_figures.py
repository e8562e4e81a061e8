"""Gemeente side: the figures per source (laptop) and city-wide, from the merged snapshots.

For the report "Sociaal domein in beeld" and the gemeente's CLI/GUI view:

    overview = city_overview(engine, period_start, period_end, today)
    overview.sources      # one SourceFigures per laptop, sorted by name
    overview.total        # the whole city (initiatives and sociale kaart counted once)
    published(overview)   # a JSON-ready dict with every count below 5 suppressed

Same definitions as on the laptop: activities and visitors are those dated in the period;
requests waiting and matches active are the state of the latest snapshot; referral waiting and
lead times are the referrals *signalled* in the period, followed up to `today`, with open ones
censored (domain.waiting_times, Kaplan–Meier), from the events in the snapshot exactly as
services.referral_figures computes them from the register (a test checks they agree).

Small numbers: the exact figures are for the gemeente's own view; `published()` is what may
leave it (printed, exported, shared): counts 1–4 become None ("<5") and the waiting-time
figures of a group with fewer than 5 referrals are left out, so no resident can be singled
out. Totals are over exact values (documented limitation: subtracting published cells from a
published total can bound a suppressed cell; no secondary suppression yet).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine, select
from sqlmodel import col

from vrijwilligers_app.domain.referral_dates import referral_dates
from vrijwilligers_app.domain.waiting_times import (
    OBSERVED,
    OPEN,
    STOPPED,
    DurationStats,
    ReferralDays,
    ReferralFigures,
    figures_from_counts,
)
from vrijwilligers_app.services.maatjes.figures import WAITING_STATES
from vrijwilligers_app.store.gemeente import figures_sql as q
from vrijwilligers_app.store.gemeente.tables import ExchangeSource

SUPPRESS_BELOW = 5
# The same waiting list as the laptop's Maatjes figures (voorgesteld is not waiting).
WAITING_STATUSES = frozenset(WAITING_STATES)
CITY = "Helmond (alle bronnen)"
__all__ = ["CityOverview", "SourceFigures", "city_overview", "published", "referral_dates"]


@dataclass(frozen=True)
class SourceFigures:
    source_id: str | None  # None: city-wide
    name: str
    initiatives_active: int
    volunteer_places: int  # active volunteers per initiative, added up (one may count twice)
    volunteers_listed: int
    residents: int
    requests_waiting: int
    matches_active: int
    matches_ended_by_reason: dict[str, int]
    activities: int  # held (not cancelled) in the period
    visitors_by_type: dict[str, int]
    volunteer_hours: float
    referrals: ReferralFigures
    referrals_by_destination: dict[str, ReferralFigures] = field(default_factory=dict)


@dataclass(frozen=True)
class CityOverview:
    period_start: date
    period_end: date
    today: date
    sources: list[SourceFigures]
    total: SourceFigures


def _days(row: q.CohortRow, agreed: int | None, today: int) -> ReferralDays | None:
    """As domain.waiting_times.to_days, from the stored day numbers."""
    start = row.registered_day
    if start is None:
        return None
    return ReferralDays(
        age=today - start,
        contact=None if row.contact_day is None else row.contact_day - start,
        done=None if row.done_day is None else row.done_day - start,
        closed=None if row.closed_day is None else row.closed_day - start,
        agreed=None if agreed is None else int(agreed))


class _Tally:
    """A group's referrals reduced to counts per (days, state), as figures_from_days reduces
    them one by one: Kaplan–Meier over a few hundred counted samples instead of every
    referral of the city (domain.waiting_times takes counted samples)."""

    def __init__(self) -> None:
        self.waiting: Counter[tuple[int, str]] = Counter()
        self.lead: Counter[tuple[int, str]] = Counter()
        self.not_registered = self.on_time = self.late = 0

    def add(self, r: ReferralDays | None) -> None:
        if r is None:
            self.not_registered += 1
            return
        self.waiting[_sample(r.contact, r.closed, r.age)] += 1
        self.lead[_sample(r.done, r.closed, r.age)] += 1
        if r.agreed is not None:
            if r.contact is not None:
                if r.contact <= r.agreed:
                    self.on_time += 1
                else:
                    self.late += 1
            elif (r.closed if r.closed is not None else r.age) > r.agreed:
                self.late += 1

    @classmethod
    def merged(cls, tallies: Iterable["_Tally"]) -> "_Tally":
        """One group's tally from its parts (a source's from its organisations')."""
        total = cls()
        for part in tallies:
            total.waiting.update(part.waiting)
            total.lead.update(part.lead)
            total.not_registered += part.not_registered
            total.on_time += part.on_time
            total.late += part.late
        return total

    def figures(self) -> ReferralFigures:
        return figures_from_counts([(*k, n) for k, n in sorted(self.waiting.items())],
                                   [(*k, n) for k, n in sorted(self.lead.items())],
                                   self.not_registered, self.on_time, self.late)


def _sample(end: int | None, closed: int | None, age: int) -> tuple[int, str]:
    if end is not None:
        return end, OBSERVED
    if closed is not None:
        return closed, STOPPED
    return age, OPEN


def _referrals(cohort: list[q.CohortRow], today: date
               ) -> dict[str | None, tuple[ReferralFigures, dict[str, ReferralFigures]]]:
    """Referral figures per source and city-wide (None), total and per organisation; each
    referral's days computed once (twice when the city's agreed term differs)."""
    groups: dict[str | None, dict[str, _Tally]] = defaultdict(lambda: defaultdict(_Tally))
    day = today.toordinal()
    for row in cohort:
        own = _days(row, row.agreed_days, day)
        city = own if row.agreed_days == row.city_agreed_days else \
            _days(row, row.city_agreed_days, day)
        groups[row.source_id][row.organisatie].add(own)
        groups[None][row.organisatie].add(city)
    return {sid: (_Tally.merged(by_code.values()).figures(),
                  {code: tally.figures() for code, tally in sorted(by_code.items())})
            for sid, by_code in groups.items()}


def city_overview(engine: Engine, period_start: date, period_end: date, today: date
                  ) -> CityOverview:
    """Exact figures per source and city-wide (see the module docstring).

    Every count and sum is a GROUP BY in the database (store/gemeente/figures_sql.py), on
    SQLite or PostgreSQL alike; only the referrals signalled in the period come to Python,
    one row each with its dates already aggregated, for the Kaplan–Meier figures (issue 17:
    200 laptops took 23 s and 937 MB when every row was loaded)."""
    start, end = period_start, period_end
    with engine.connect() as connection:
        known = [(str(sid), str(name)) for sid, name in connection.execute(
            select(col(ExchangeSource.source_id), col(ExchangeSource.name)).order_by(
                col(ExchangeSource.name), col(ExchangeSource.source_id)))]
        initiatives = q.initiatives_active(connection)
        places, listed = q.volunteer_places(connection), q.volunteers_listed(connection)
        residents = q.residents(connection)
        waiting = q.requests_waiting(connection, WAITING_STATUSES)
        active = q.matches_active(connection)
        ended = q.matches_ended_by_reason(connection, start, end)
        activities, hours, visitors = q.activities(connection, start, end)
        cohort = q.referral_cohort(connection, start, end)
    by_source = _referrals(cohort, today)
    no_referrals: tuple[ReferralFigures, dict[str, ReferralFigures]] = (_Tally().figures(), {})

    def figures(sid: str | None, name: str) -> SourceFigures:
        referrals, by_destination = by_source.get(sid, no_referrals)
        return SourceFigures(
            source_id=sid, name=name, initiatives_active=int(initiatives.get(sid) or 0),
            volunteer_places=int(places.get(sid) or 0),
            volunteers_listed=int(listed.get(sid) or 0), residents=residents.get(sid, 0),
            requests_waiting=int(waiting.get(sid) or 0),
            matches_active=int(active.get(sid) or 0),
            matches_ended_by_reason={k: int(v) for k, v in ended.get(sid, {}).items()},
            activities=int(activities.get(sid) or 0),
            visitors_by_type={k: int(v) for k, v in visitors.get(sid, {}).items()},
            volunteer_hours=round(float(hours.get(sid) or 0), 1),
            referrals=referrals, referrals_by_destination=by_destination)

    sources = [figures(sid, name or sid[:8]) for sid, name in known]
    return CityOverview(period_start, period_end, today, sources, figures(None, CITY))


def suppress(count: int) -> int | None:
    """A count that may leave the gemeente view: 1–4 become None (shown as '<5')."""
    return None if 0 < count < SUPPRESS_BELOW else count


def _published_stats(stats: DurationStats) -> dict[str, Any]:
    return {"aantal": suppress(stats.count), "bereikt": suppress(stats.observed),
            "open": suppress(stats.open), "mediaan_dagen": stats.median,
            "p90_dagen": stats.p90, "maximum_dagen": stats.maximum,
            "maximum_nog_open": stats.maximum_open}


def _published_referrals(figures: ReferralFigures) -> dict[str, Any]:
    result: dict[str, Any] = {"doorverwijzingen": suppress(figures.referrals)}
    if figures.referrals >= SUPPRESS_BELOW:
        result["wachttijd"] = _published_stats(figures.waiting)
        result["doorlooptijd"] = _published_stats(figures.lead)
        decided = figures.on_time + figures.late
        result["binnen_termijn"] = (round(figures.on_time / decided, 3)
                                    if decided >= SUPPRESS_BELOW else None)
    return result


def _published_source(f: SourceFigures) -> dict[str, Any]:
    return {
        "bron": f.source_id, "naam": f.name,
        "initiatieven_actief": f.initiatives_active,  # public data: never suppressed
        "vrijwilligersplaatsen": suppress(f.volunteer_places),
        "inwoners": suppress(f.residents),
        "maatjes_wachtend": suppress(f.requests_waiting),
        "maatjes_actief": suppress(f.matches_active),
        "maatjes_beeindigd_per_reden": {k: suppress(v) for k, v in
                                        sorted(f.matches_ended_by_reason.items())},
        "activiteiten": f.activities,
        "bezoekers_per_soort": {k: suppress(v) for k, v in sorted(f.visitors_by_type.items())},
        "vrijwilligersuren": f.volunteer_hours,
        "doorverwijzingen": _published_referrals(f.referrals),
        "doorverwijzingen_per_organisatie": {
            code: _published_referrals(fig) for code, fig in f.referrals_by_destination.items()},
    }


def published(overview: CityOverview) -> dict[str, Any]:
    """What may leave the gemeente view: counts below 5 suppressed (None)."""
    return {
        "periode": [overview.period_start.isoformat(), overview.period_end.isoformat()],
        "peildatum": overview.today.isoformat(),
        "onderdrukt_onder": SUPPRESS_BELOW,
        "stad": _published_source(overview.total),
        "bronnen": [_published_source(f) for f in overview.sources],
    }
