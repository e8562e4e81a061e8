"""Activity figures from plain rows: activities held, visitors per type, unique named
participants, volunteer hours. Pure Python; the SQL that reads the rows is in
services.activities.figures.

Definitions:
- an activity counts when it is not cancelled (cancelled ones are counted apart);
- visitors: the counts entered per visitor type, summed;
- participants: distinct named residents over the group (the total row counts a resident
  once, even when she came to several initiatives, so groups need not add up to it);
- volunteer hours: per rostered volunteer, `domain.roster.shift_hours` (override, no-show
  0), for places marked aanwezig, and for places still 'gepland' of activities that began
  before `today` (rostered and not marked absent: they came). Future places are not hours
  yet. `volunteers` counts the distinct volunteers with hours > 0; `no_shows` the places
  marked afwezig.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from vrijwilligers_app.domain.roster import shift_hours


@dataclass(frozen=True)
class ActivityFact:
    activity_id: int
    group_key: str | None
    group_label: str
    starts_at: datetime
    cancelled: bool


@dataclass(frozen=True)
class ShiftFact:
    activity_id: int
    volunteer_id: int
    starts_at: datetime
    ends_at: datetime
    status: str
    hours: float | None


@dataclass
class FigureRow:
    key: str | None  # group key (initiative id as text, wijk code, 'JJJJ-MM'); None = total
    label: str
    activities: int = 0
    cancelled: int = 0
    visitors: dict[str, int] = field(default_factory=dict)  # visitor type code -> count
    participants: int = 0
    volunteer_hours: float = 0.0
    volunteers: int = 0
    no_shows: int = 0

    @property
    def visitors_total(self) -> int:
        return sum(self.visitors.values())


@dataclass
class _Acc:
    row: FigureRow
    residents: set[int] = field(default_factory=set)
    volunteers: set[int] = field(default_factory=set)


def aggregate(activities: Iterable[ActivityFact],
              attendance: Iterable[tuple[int, str, int]],
              shifts: Iterable[ShiftFact],
              participations: Iterable[tuple[int, int]],
              visitor_types: Sequence[str], today: date,
              total_label: str = "Totaal") -> list[FigureRow]:
    """Rows per group (sorted by label), then the total row (key None)."""
    groups: dict[str | None, _Acc] = {}
    total = _Acc(FigureRow(None, total_label, visitors=dict.fromkeys(visitor_types, 0)))
    held: dict[int, tuple[_Acc, datetime]] = {}
    for fact in activities:
        acc = groups.get(fact.group_key)
        if acc is None:
            acc = groups[fact.group_key] = _Acc(FigureRow(
                fact.group_key, fact.group_label, visitors=dict.fromkeys(visitor_types, 0)))
        for target in (acc, total):
            if fact.cancelled:
                target.row.cancelled += 1
            else:
                target.row.activities += 1
        if not fact.cancelled:
            held[fact.activity_id] = (acc, fact.starts_at)
    _add_each(held, attendance, total, _add_visitors)
    _add_each(held, participations, total, lambda acc, item: acc.residents.add(item[1]))
    for shift in shifts:
        found = held.get(shift.activity_id)
        if found is None:
            continue
        acc, starts = found
        for target in (acc, total):
            if shift.status == "afwezig":
                target.row.no_shows += 1
            elif shift.status == "aanwezig" or starts.date() < today:
                hours = shift_hours(shift.starts_at, shift.ends_at, shift.status, shift.hours)
                target.row.volunteer_hours += hours
                if hours > 0:
                    target.volunteers.add(shift.volunteer_id)
    rows = []
    for acc in sorted(groups.values(), key=lambda a: (a.row.label.casefold(), a.row.key or "")):
        rows.append(_finish(acc))
    rows.append(_finish(total))
    return rows


def _add_visitors(acc: _Acc, item: tuple[int, str, int]) -> None:
    acc.row.visitors[item[1]] = acc.row.visitors.get(item[1], 0) + item[2]


def _add_each(held: dict[int, tuple[_Acc, datetime]], items: Iterable[Any], total: _Acc,
              add: Callable[[_Acc, Any], None]) -> None:
    for item in items:
        found = held.get(item[0])
        if found is not None:
            add(found[0], item)
            add(total, item)


def _finish(acc: _Acc) -> FigureRow:
    acc.row.participants = len(acc.residents)
    acc.row.volunteers = len(acc.volunteers)
    acc.row.volunteer_hours = round(acc.row.volunteer_hours, 2)
    return acc.row
