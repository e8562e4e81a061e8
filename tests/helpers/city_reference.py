"""The city figures as they were computed before issue 17's SQL (rows loaded into Python,
one source at a time, services/exchange/gemeente_figures.py and city_rows.py at 3eef650):
the reference the SQL figures must equal, number for number."""

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlmodel import col

from vrijwilligers_app.domain.waiting_times import ReferralDates, referral_figures
from vrijwilligers_app.services.exchange.gemeente_figures import (
    CITY,
    WAITING_STATUSES,
    CityOverview,
    SourceFigures,
    referral_dates,
)
from vrijwilligers_app.services.exchange.initiative_merge import canonical_ids
from vrijwilligers_app.services.exchange.merge import snapshot_rows
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.gemeente.tables import ExchangeSource

SHARED = {"initiatieven": ("id",), "sociale_kaart": ("code",),
          "vrijwilligers_per_initiatief": ("initiatief",),
          "vrijwilligers_vermeld": ("id", "initiatief", "rol"), "activiteiten": ("id",)}
_COUNTED: dict[str, Any] = {}  # one shared row per resident: only their number is used
_KEEP = {"maatjes_aanvragen": ("status",),
         "maatjeskoppelingen": ("gestart_op", "beeindigd_op", "reden"),
         "doorverwijzingen": ("id", "gesignaleerd_op", "organisatie"),
         "statusmomenten": ("doorverwijzing", "soort", "moment"),
         "activiteiten": ("id", "afgelast", "datum", "vrijwilligersuren"),
         "bezoekers": ("activiteit", "bezoekerstype", "aantal"),
         "vrijwilligers_per_initiatief": ("initiatief", "actief"),
         "sociale_kaart": ("code", "reactietermijn_dagen")}


def _in_period_cr(value: str | None, start: date, end: date) -> bool:
    return value is not None and start.isoformat() <= str(value)[:10] <= end.isoformat()


class CityRows:
    def __init__(self, tables: Iterable[str], start: date, end: date) -> None:
        self.start, self.end = start, end
        self.kept: dict[str, list[dict[str, Any]]] = {t: [] for t in tables}
        self.seen: dict[str, set[tuple[Any, ...]]] = {t: set() for t in SHARED}

    def _slim(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        keys = _KEEP.get(table)
        return {k: row[k] for k in keys} if keys else row

    def add(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        """One source's rows (sources newest first)."""
        taken: set[str] = set()  # activities taken from this source and held in the period
        for table, table_rows in rows.items():
            if table == "bezoekers":
                continue
            kept = self.kept[table]
            for row in table_rows:
                if table in SHARED:
                    key = tuple(row[k] for k in SHARED[table])
                    if key in self.seen[table]:
                        continue
                    self.seen[table].add(key)
                if table == "inwoners":
                    kept.append(_COUNTED)
                elif table == "activiteiten":
                    if not row["afgelast"] and _in_period_cr(row["datum"], self.start, self.end):
                        taken.add(row["id"])
                        kept.append(self._slim(table, row))
                elif table == "doorverwijzingen":
                    if _in_period_cr(row["gesignaleerd_op"], self.start, self.end):
                        kept.append(self._slim(table, row))
                elif table != "statusmomenten":
                    kept.append(self._slim(table, row))
        cohort = {r["id"] for r in rows["doorverwijzingen"]
                  if _in_period_cr(r["gesignaleerd_op"], self.start, self.end)}
        self.kept["statusmomenten"].extend(self._slim("statusmomenten", e)
                                           for e in rows["statusmomenten"]
                                           if e["doorverwijzing"] in cohort)
        self.kept["bezoekers"].extend(self._slim("bezoekers", v) for v in rows["bezoekers"]
                                      if v["activiteit"] in taken)

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        return self.kept


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


