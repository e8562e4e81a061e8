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

from collections import defaultdict
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
    ReferralFigures,
    tally_stats,
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


Tally = dict[tuple[int, str], int]  # (days, OBSERVED | OPEN | STOPPED) -> referrals


class _Group:
    """A group's referrals reduced to counts per (days, state), as figures_from_days reduces
    them one by one: Kaplan–Meier over counted samples instead of every referral of the city.
    On time / late need no per-referral pass: a referral's waiting sample (first contact, else
    closed, else its age) is exactly the day the agreed term is checked against."""

    __slots__ = ("waiting", "lead", "not_registered")

    def __init__(self) -> None:
        self.waiting: Tally = {}
        self.lead: Tally = {}
        self.not_registered = 0

    def add(self, other: "_Group") -> None:
        for mine, theirs in ((self.waiting, other.waiting), (self.lead, other.lead)):
            for key, n in theirs.items():
                mine[key] = mine.get(key, 0) + n
        self.not_registered += other.not_registered

    def terms(self, agreed: int | None) -> tuple[int, int]:
        """(on time, late) against `agreed` days (domain.waiting_times' rule)."""
        if agreed is None:
            return 0, 0
        on_time = late = 0
        for (days, state), n in self.waiting.items():
            if days > agreed:
                late += n
            elif state == OBSERVED:
                on_time += n
        return on_time, late

    def figures(self, on_time: int, late: int) -> ReferralFigures:
        return ReferralFigures(
            referrals=sum(self.waiting.values()) + self.not_registered,
            not_registered=self.not_registered, waiting=tally_stats(self.waiting),
            lead=tally_stats(self.lead), on_time=on_time, late=late)


def _tallied(cohort: q.Cohort, today: date) -> dict[tuple[str, str], _Group]:
    """Each (source, organisation)'s referrals counted per (days, state); one pass, inline."""
    groups: dict[tuple[str, str], _Group] = {}
    day = today.toordinal()
    for sid, code, start, contact, done, closed in cohort.rows:
        group = groups.get((sid, code))
        if group is None:
            group = groups[(sid, code)] = _Group()
        if start is None:
            group.not_registered += 1
            continue
        stop = None if closed is None else (closed - start, STOPPED)
        waiting = (contact - start, OBSERVED) if contact is not None else \
            stop or (day - start, OPEN)
        lead = (done - start, OBSERVED) if done is not None else stop or (day - start, OPEN)
        group.waiting[waiting] = group.waiting.get(waiting, 0) + 1
        group.lead[lead] = group.lead.get(lead, 0) + 1
    return groups


def _referrals(cohort: q.Cohort, today: date
               ) -> dict[str | None, tuple[ReferralFigures, dict[str, ReferralFigures]]]:
    """Referral figures per source and city-wide (None), total and per organisation: the
    per-source groups on their laptop's agreed terms, the city's per organisation merged from
    them on the city's terms."""
    per_source: dict[str, dict[str, _Group]] = defaultdict(dict)
    for (sid, code), group in _tallied(cohort, today).items():
        per_source[sid][code] = group
    result: dict[str | None, tuple[ReferralFigures, dict[str, ReferralFigures]]] = {}
    city: dict[str, _Group] = defaultdict(_Group)
    for sid, by_code in per_source.items():
        total, on_time, late = _Group(), 0, 0
        by_destination: dict[str, ReferralFigures] = {}
        for code in sorted(by_code):
            group = by_code[code]
            terms = group.terms(cohort.agreed.get((sid, code)))
            by_destination[code] = group.figures(*terms)
            total.add(group)
            city[code].add(group)
            on_time, late = on_time + terms[0], late + terms[1]
        result[sid] = (total.figures(on_time, late), by_destination)
    if city:
        total, on_time, late = _Group(), 0, 0
        by_destination = {}
        for code in sorted(city):
            terms = city[code].terms(cohort.city_agreed.get(code))
            by_destination[code] = city[code].figures(*terms)
            total.add(city[code])
            on_time, late = on_time + terms[0], late + terms[1]
        result[None] = (total.figures(on_time, late), by_destination)
    return result


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
    no_referrals: tuple[ReferralFigures, dict[str, ReferralFigures]] = (
        _Group().figures(0, 0), {})

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
