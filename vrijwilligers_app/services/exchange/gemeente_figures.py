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
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlmodel import col

from vrijwilligers_app.domain import referral_rules as rules
from vrijwilligers_app.domain.waiting_times import (
    DurationStats,
    ReferralDates,
    ReferralFigures,
    referral_figures,
)
from vrijwilligers_app.services.exchange.city_rows import CityRows
from vrijwilligers_app.services.exchange.initiative_merge import canonical_ids
from vrijwilligers_app.services.exchange.merge import snapshot_rows
from vrijwilligers_app.services.maatjes.figures import WAITING_STATES
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.gemeente.tables import ExchangeSource

SUPPRESS_BELOW = 5
# The same waiting list as the laptop's Maatjes figures (voorgesteld is not waiting).
WAITING_STATUSES = frozenset(WAITING_STATES)
CITY = "Helmond (alle bronnen)"


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


def referral_dates(signal_kinds: Iterable[tuple[str, str]], agreed_days: int | None
                   ) -> ReferralDates:
    """A referral's dates from its (kind, ISO moment) events, defined as in
    services.referral_figures: first aanmelding, first contact, first done after the last
    aanmelding, and the closing day when the last opening/closing event closes it."""
    events = sorted(signal_kinds, key=lambda e: e[1])
    registered = [m for k, m in events if k == "aangemeld"]
    contact = next((m for k, m in events if k in rules.FIRST_CONTACT), None)
    after = registered[-1] if registered else ""
    done = next((m for k, m in events if k in rules.DONE and m >= after), None)
    state = [(m, k) for k, m in events if k in rules.OPENING | rules.CLOSING]
    closed = max(state)[0] if state and max(state)[1] in rules.CLOSING else None

    def day(moment: str | None) -> date | None:
        return date.fromisoformat(moment[:10]) if moment else None

    return ReferralDates(day(registered[0] if registered else None), day(contact), day(done),
                         day(closed), agreed_days)


def _in_period(value: str | None, start: date, end: date) -> bool:
    return value is not None and start.isoformat() <= value[:10] <= end.isoformat()


def _figures(rows: dict[str, list[dict[str, Any]]], source_id: str | None, name: str,
             start: date, end: date, today: date,
             initiatives: dict[str, dict[str, Any]] | None = None) -> SourceFigures:
    initiatives = initiatives if initiatives is not None else \
        {r["id"]: r for r in rows["initiatieven"]}
    agreed = {r["code"]: r["reactietermijn_dagen"] for r in rows["sociale_kaart"]}
    events: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for event in rows["statusmomenten"]:
        events[event["doorverwijzing"]].append((event["soort"], event["moment"]))
    cohort = [r for r in rows["doorverwijzingen"] if _in_period(r["gesignaleerd_op"], start, end)]
    dates = {r["id"]: referral_dates(events[r["id"]], agreed.get(r["organisatie"]))
             for r in cohort}
    by_destination: dict[str, list[ReferralDates]] = defaultdict(list)
    for r in cohort:
        by_destination[r["organisatie"]].append(dates[r["id"]])
    held = {a["id"] for a in rows["activiteiten"]
            if not a["afgelast"] and _in_period(a["datum"], start, end)}
    visitors: Counter[str] = Counter()
    for v in rows["bezoekers"]:
        if v["activiteit"] in held:
            visitors[v["bezoekerstype"]] += v["aantal"]
    matches = rows["maatjeskoppelingen"]
    return SourceFigures(
        source_id=source_id, name=name,
        initiatives_active=sum(1 for i in initiatives.values()
                               if not i["einddatum"] and not i["gearchiveerd_op"]),
        volunteer_places=sum(r["actief"] for r in rows["vrijwilligers_per_initiatief"]),
        volunteers_listed=len({r["id"] for r in rows["vrijwilligers_vermeld"]}),
        residents=len(rows["inwoners"]) + sum(r["aantal"] for r in rows["inwoners_geteld"]),
        requests_waiting=sum(1 for r in rows["maatjes_aanvragen"]
                             if r["status"] in WAITING_STATUSES),
        matches_active=sum(1 for m in matches if m["gestart_op"] and not m["beeindigd_op"]),
        matches_ended_by_reason=dict(Counter(
            m["reden"] or "onbekend" for m in matches
            if m["beeindigd_op"] and _in_period(m["beeindigd_op"], start, end))),
        activities=len(held), visitors_by_type=dict(visitors),
        volunteer_hours=round(sum(a["vrijwilligersuren"] for a in rows["activiteiten"]
                                  if a["id"] in held), 1),
        referrals=referral_figures(dates.values(), today),
        referrals_by_destination={code: referral_figures(group, today)
                                  for code, group in sorted(by_destination.items())},
    )


TABLES = ("initiatieven", "sociale_kaart", "vrijwilligers_per_initiatief",
          "vrijwilligers_vermeld", "inwoners", "inwoners_geteld", "maatjes_aanvragen",
          "maatjeskoppelingen",
          "doorverwijzingen", "statusmomenten", "activiteiten", "bezoekers")


def city_overview(engine: Engine, period_start: date, period_end: date, today: date
                  ) -> CityOverview:
    """Exact figures per source and city-wide (see the module docstring).

    One source's rows are in memory at a time (issue 17: 200 laptops took 937 MB when every
    row of every source was loaded at once). Its figures are computed, and what the city
    figures need of it is kept in a pruned form (city_rows.CityRows): counts where a count
    is all that is used, and only the referrals and activities of the period."""
    with read_session(engine) as session:
        known = list(session.execute(select(ExchangeSource).order_by(
            col(ExchangeSource.name), col(ExchangeSource.source_id))).scalars())
    names = {s.source_id: s.name or s.source_id[:8] for s in known}
    newest_first = [s.source_id for s in sorted(
        known, key=lambda s: s.snapshot_at or datetime.min.replace(tzinfo=UTC), reverse=True)]
    aliases = canonical_ids(engine)  # initiatives merged by the gemeente count once
    city = CityRows(TABLES, period_start, period_end)
    figures: dict[str, SourceFigures] = {}
    for sid in newest_first:
        rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        for table in TABLES:
            rows[table] = [row for _, row in snapshot_rows(engine, table, sid)]
        figures[sid] = _figures(rows, sid, names[sid], period_start, period_end, today)
        city.add(_as_canonical(rows, aliases))
        del rows
    everything = city.rows()
    initiatives = {r["id"]: r for r in everything["initiatieven"]}
    total = _figures(everything, None, CITY, period_start, period_end, today, initiatives)
    return CityOverview(period_start, period_end, today,
                        [figures[s.source_id] for s in known], total)


def _as_canonical(rows: dict[str, list[dict[str, Any]]], aliases: dict[str, str]
                  ) -> dict[str, list[dict[str, Any]]]:
    """A source's rows with merged initiatives under their canonical id (copies: the
    per-source figures keep the laptop's own ids)."""
    if not aliases:
        return rows
    changed = dict(rows)
    changed["initiatieven"] = [{**r, "id": aliases.get(r["id"], r["id"])}
                               for r in rows["initiatieven"]]
    for table in ("vrijwilligers_per_initiatief", "vrijwilligers_vermeld", "activiteiten"):
        changed[table] = [{**r, "initiatief": aliases.get(r["initiatief"], r["initiatief"])}
                          for r in rows[table]]
    return changed


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
