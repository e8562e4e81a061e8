"""Activity figures per initiative, wijk or month for a period (Activiteiten, jaarverslag).

Stable API (the reports use it):

    activity_figures(engine, start, end, grouping="initiative", initiative_id=None,
                     district_code=None, today=None) -> ActivityFigures

- `start`, `end`: dates, inclusive; an activity belongs to the day it starts.
- `grouping`: "initiative" (key = initiative id as text), "district" (key = wijk code;
  None-key rows are labelled "Wijk onbekend"), "month" (key 'JJJJ-MM', label 'november
  2026') or "none" (only the total row).
- `initiative_id` / `district_code` narrow the activities first. An activity's wijk is its
  own wijk, else its initiative's wijk when the initiative works in exactly one (the wijk
  filter also accepts an activity without wijk whose initiative works in that wijk, as the
  register's filter does).
- `today` (default: date.today()) decides which still-'gepland' places count as worked.

`ActivityFigures.rows` are `domain.activity_figures.FigureRow`s sorted by label, the total
row (key None, label "Totaal") last; `visitor_types` lists (code, Dutch name) in the code
list's order, and every row's `visitors` has all those codes. Definitions: see
domain.activity_figures.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Engine

from vrijwilligers_app.domain.activity_figures import (
    ActivityFact,
    FigureRow,
    ShiftFact,
    aggregate,
)
from vrijwilligers_app.domain.dutch_format import month_name
from vrijwilligers_app.store.queries.activity_figures import figure_facts

GROUPINGS = ("initiative", "district", "month", "none")
TOTAL_LABEL = "Totaal"
UNKNOWN_DISTRICT = "Wijk onbekend"

@dataclass(frozen=True)
class ActivityFigures:
    start: date
    end: date
    grouping: str
    visitor_types: list[tuple[str, str]]
    rows: list[FigureRow]

    @property
    def total(self) -> FigureRow:
        return self.rows[-1]


def _when(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)  # type: ignore[arg-type]


def activity_figures(engine: Engine, start: date, end: date, grouping: str = "initiative",
                     initiative_id: int | None = None, district_code: str | None = None,
                     today: date | None = None) -> ActivityFigures:
    with engine.connect() as connection:
        return activity_figures_in(connection, start, end, grouping, initiative_id,
                                   district_code, today)


def activity_figures_in(connection: Connection, start: date, end: date,
                        grouping: str = "initiative", initiative_id: int | None = None,
                        district_code: str | None = None, today: date | None = None
                        ) -> ActivityFigures:
    """`activity_figures` on the caller's connection (from a Session: `session.connection()`)."""
    if grouping not in GROUPINGS:
        raise ValueError(f"onbekende indeling: {grouping}")
    if end < start:
        raise ValueError("De einddatum van de periode ligt vóór de begindatum.")
    facts_in = figure_facts(connection, start, end, initiative_id, district_code)
    types = facts_in.visitor_types
    shifts = [ShiftFact(r[0], r[1], _when(r[2]), _when(r[3]), r[4],
                        None if r[5] is None else float(r[5])) for r in facts_in.shifts]
    facts = [_fact(row, grouping) for row in facts_in.activities]
    rows = aggregate(facts, facts_in.attendance, shifts, facts_in.participations,
                     [c for c, _ in types], today or date.today(), TOTAL_LABEL)
    if grouping == "none":
        rows = rows[-1:]
    elif grouping == "month":  # in time order, not alphabetical
        rows = sorted(rows[:-1], key=lambda r: r.key or "") + rows[-1:]
    return ActivityFigures(start, end, grouping, types, rows)


def _fact(r: Sequence[object], grouping: str) -> ActivityFact:
    starts = _when(r[5])
    key: str | None
    if grouping == "initiative":
        key, label = str(r[1]), str(r[2])
    elif grouping == "district":
        key = None if r[3] is None else str(r[3])
        label = UNKNOWN_DISTRICT if r[3] is None else str(r[4] or r[3])
    elif grouping == "month":
        key, label = f"{starts:%Y-%m}", f"{month_name(starts.month)} {starts.year}"
    else:
        key, label = "", TOTAL_LABEL
    return ActivityFact(int(str(r[0])), key, label, starts, bool(r[6]))
