"""The rows the city-wide figures need, gathered one source at a time (issue 17).

Records with a stable, public id may reach the gemeente from several laptops (a register
copied to a second laptop, two coordinators of one initiative): city-wide they count once,
as in the newest snapshot (sources are added newest first). Pseudonymised records (residents,
requests, matches, referrals) cannot be linked across laptops (each has its own secret) and
are added up.

What is kept is exactly what gemeente_figures._figures reads, no more: a resident is only
counted (one shared empty row stands for each), a request keeps its status, a match its
dates and reason, and only the referrals signalled in the period (with their events) and
the activities held in it (with their visitors) are kept. The figures come out the same as
from all rows (tests compare them with the laptops' own), in a fraction of the memory.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

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


def _in_period(value: str | None, start: date, end: date) -> bool:
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
                    if not row["afgelast"] and _in_period(row["datum"], self.start, self.end):
                        taken.add(row["id"])
                        kept.append(self._slim(table, row))
                elif table == "doorverwijzingen":
                    if _in_period(row["gesignaleerd_op"], self.start, self.end):
                        kept.append(self._slim(table, row))
                elif table != "statusmomenten":
                    kept.append(self._slim(table, row))
        cohort = {r["id"] for r in rows["doorverwijzingen"]
                  if _in_period(r["gesignaleerd_op"], self.start, self.end)}
        self.kept["statusmomenten"].extend(self._slim("statusmomenten", e)
                                           for e in rows["statusmomenten"]
                                           if e["doorverwijzing"] in cohort)
        self.kept["bezoekers"].extend(self._slim("bezoekers", v) for v in rows["bezoekers"]
                                      if v["activiteit"] in taken)

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        return self.kept
