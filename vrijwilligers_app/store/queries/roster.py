"""Duty rosters, read side: the places of one or more activities, ready to show or print.

Stable API (used by the Activiteiten page and by the reports that print a roster):

- `roster(engine, activity_ids)` -> list[RosterActivity] in the order of start time.
- `roster_for_period(engine, start, end, initiative_id=None, include_cancelled=False)` ->
  the activities starting on `start`..`end` (dates, inclusive), with their places.

A `RosterActivity` carries the activity's facts and its `places` (role order, then start
time): each a `RosterPlace` with the role's Dutch name, the volunteer's display name (""
for a free place), local wall-clock times, status (gepland / aanwezig / afwezig), the hours
override and `worked_hours` (derived, see domain.roster.shift_hours). Plain frozen
dataclasses: no ORM objects leave this module.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, bindparam, text

from vrijwilligers_app.domain.roster import shift_hours
from vrijwilligers_app.store.queries.names import full_name_sql

VOLUNTEER_NAME = f"trim({full_name_sql('v')})"


@dataclass(frozen=True)
class RosterPlace:
    shift_id: int
    role_code: str
    role_name: str
    volunteer_id: int | None
    volunteer_name: str  # "" for a free place
    starts_at: datetime
    ends_at: datetime
    status: str  # gepland, aanwezig, afwezig
    hours: float | None  # override as entered; None = derived from the times
    worked_hours: float

    @property
    def free(self) -> bool:
        return self.volunteer_id is None


@dataclass(frozen=True)
class RosterActivity:
    activity_id: int
    initiative_id: int
    initiative_name: str
    title: str
    starts_at: datetime
    ends_at: datetime
    location: str
    theme: str
    speaker: str
    cancelled: bool
    named_attendance: bool
    places: tuple[RosterPlace, ...]

    @property
    def free_places(self) -> int:
        return sum(1 for p in self.places if p.free)


_ACTIVITY_SQL = """
SELECT t.id, t.initiative_id, i.name, t.title, t.starts_at, t.ends_at, t.location, t.theme,
       t.speaker, t.cancelled, t.named_attendance
FROM activity t JOIN initiative i ON i.id = t.initiative_id
"""
_PLACES_SQL = f"""
SELECT s.activity_id, s.id, s.role_code, coalesce(r.name, s.role_code), s.volunteer_id,
       coalesce({VOLUNTEER_NAME}, ''), s.starts_at, s.ends_at, s.status, s.hours
FROM shift s
LEFT JOIN duty_role r ON r.code = s.role_code
LEFT JOIN volunteer v ON v.id = s.volunteer_id
WHERE s.activity_id IN :ids
ORDER BY s.activity_id, coalesce(r.sort_order, 999), r.name, s.starts_at, s.id
"""


def _when(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _build(engine: Engine, activity_rows: Sequence[Sequence[object]]) -> list[RosterActivity]:
    ids = [int(str(r[0])) for r in activity_rows]
    places: dict[int, list[RosterPlace]] = {i: [] for i in ids}
    if ids:
        query = text(_PLACES_SQL).bindparams(bindparam("ids", expanding=True))
        with engine.connect() as connection:
            for row in connection.execute(query, {"ids": ids}):
                starts, ends = _when(row[6]), _when(row[7])
                hours = None if row[9] is None else float(row[9])
                places[int(row[0])].append(RosterPlace(
                    shift_id=int(row[1]), role_code=str(row[2]), role_name=str(row[3]),
                    volunteer_id=None if row[4] is None else int(row[4]),
                    volunteer_name=str(row[5]), starts_at=starts, ends_at=ends,
                    status=str(row[8]), hours=hours,
                    worked_hours=shift_hours(starts, ends, str(row[8]), hours)))
    return [RosterActivity(
        activity_id=int(str(r[0])), initiative_id=int(str(r[1])), initiative_name=str(r[2]),
        title=str(r[3]), starts_at=_when(r[4]), ends_at=_when(r[5]), location=str(r[6]),
        theme=str(r[7]), speaker=str(r[8]), cancelled=bool(r[9]),
        named_attendance=bool(r[10]), places=tuple(places[int(str(r[0]))]))
        for r in activity_rows]


def roster(engine: Engine, activity_ids: Sequence[int]) -> list[RosterActivity]:
    """The given activities (missing ids are skipped) with their places, by start time."""
    if not activity_ids:
        return []
    query = text(_ACTIVITY_SQL + "WHERE t.id IN :ids ORDER BY t.starts_at, t.id").bindparams(
        bindparam("ids", expanding=True))
    with engine.connect() as connection:
        rows = connection.execute(query, {"ids": list(activity_ids)}).all()
    return _build(engine, rows)


def roster_for_period(engine: Engine, start: date, end: date, initiative_id: int | None = None,
                      include_cancelled: bool = False) -> list[RosterActivity]:
    """Activities starting on `start`..`end` (inclusive), optionally of one initiative."""
    conditions = ["substr(t.starts_at, 1, 10) BETWEEN :start AND :end"]
    params: dict[str, object] = {"start": start.isoformat(), "end": end.isoformat()}
    if initiative_id is not None:
        conditions.append("t.initiative_id = :initiative")
        params["initiative"] = initiative_id
    if not include_cancelled:
        conditions.append("NOT t.cancelled")
    query = text(_ACTIVITY_SQL + "WHERE " + " AND ".join(conditions)
                 + " ORDER BY t.starts_at, t.id")
    with engine.connect() as connection:
        rows = connection.execute(query, params).all()
    return _build(engine, rows)
