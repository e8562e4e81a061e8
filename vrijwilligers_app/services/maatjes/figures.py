"""Maatjes in figures, per project (initiative) or per wijk (the resident's), for a period.

Stable API (used by the Cijfers dialog and the Maatjesoverzicht report):

    buddy_figures(engine, group_by, today, start=None, end=None) -> list[BuddyFigureRow]

`group_by` is "initiative" or "district" (GROUPINGS). One row per group that has any request
or match, sorted by label, then the total (key None, label "Totaal"). Each row holds a
BuddyFigures:

- waiting: requests on the waiting list *today*: status aanmelding, intake or wachtend;
- proposed: requests with a volunteer proposed, koppelingsgesprek not yet held (today);
- longest_wait_days: the longest current wait among `waiting`, counted from waiting_since
  (back on the list after a match ended), else from the aanmelding; None when nobody waits;
- matched: requests whose *first* match started (gekoppeld) in the period;
- median_days_to_match: median days from aanmelding to that first start over `matched`
  (the mean of the middle two for an even count); None when matched is 0;
- active: matches started and not ended today;
- ended: matches that had started and ended in the period (a proposal that never started is
  not a match and is not counted);
- ended_by_reason: (reason code, Dutch name, count) for `ended`, most first, then by name;
- average_duration_days: mean days from start to end over `ended`; None when ended is 0.

The period is inclusive; `start`/`end` None means unbounded. "Today" figures (waiting,
proposed, active) ignore the period: a waiting list is a fact of today. Requests of residents
without a wijk are grouped under "Wijk onbekend" (key ""). Two small SQL reads, grouping and
maths in Python (a few thousand rows even on demo groot).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from sqlalchemy import Connection, Engine

from vrijwilligers_app.store.queries import buddy_figures as queries

GROUPINGS = ("initiative", "district")
TOTAL_LABEL = "Totaal"
WAITING_STATES = ("aanmelding", "intake", "wachtend")


@dataclass(frozen=True)
class BuddyFigures:
    waiting: int = 0
    proposed: int = 0
    longest_wait_days: int | None = None
    matched: int = 0
    median_days_to_match: float | None = None
    active: int = 0
    ended: int = 0
    ended_by_reason: tuple[tuple[str, str, int], ...] = ()
    average_duration_days: float | None = None


@dataclass(frozen=True)
class BuddyFigureRow:
    key: str | None  # initiative id (as text) or district code ("" = unknown); None: total
    label: str
    figures: BuddyFigures


@dataclass
class _Acc:
    waiting: int = 0
    proposed: int = 0
    waits: list[int] = field(default_factory=list)
    to_match: list[int] = field(default_factory=list)
    active: int = 0
    durations: list[int] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)

    def figures(self, reason_names: dict[str, str]) -> BuddyFigures:
        by_reason = sorted(((code, reason_names.get(code, code), n)
                            for code, n in self.reasons.items()),
                           key=lambda r: (-r[2], r[1].lower(), r[0]))
        return BuddyFigures(
            waiting=self.waiting, proposed=self.proposed,
            longest_wait_days=max(self.waits) if self.waits else None,
            matched=len(self.to_match),
            median_days_to_match=float(median(self.to_match)) if self.to_match else None,
            active=self.active, ended=len(self.durations), ended_by_reason=tuple(by_reason),
            average_duration_days=(sum(self.durations) / len(self.durations)
                                   if self.durations else None))


def _day(value: object) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _in_period(day: date | None, start: date | None, end: date | None) -> bool:
    return day is not None and (start is None or day >= start) and (end is None or day <= end)


def buddy_figures(engine: Engine, group_by: str, today: date, start: date | None = None,
                  end: date | None = None) -> list[BuddyFigureRow]:
    """Figures per group and the total last; see the module notes for every definition."""
    if group_by not in GROUPINGS:
        raise ValueError(f"unknown grouping {group_by!r}; use one of {GROUPINGS}")
    with engine.connect() as connection:
        return buddy_figures_in(connection, group_by, today, start, end)


def buddy_figures_in(connection: Connection, group_by: str, today: date,
                     start: date | None = None, end: date | None = None
                     ) -> list[BuddyFigureRow]:
    """`buddy_figures` on the caller's connection (from a Session: `session.connection()`)."""
    if group_by not in GROUPINGS:
        raise ValueError(f"unknown grouping {group_by!r}; use one of {GROUPINGS}")
    requests, matches, reason_names = queries.figure_rows(connection, group_by)
    groups: defaultdict[str, _Acc] = defaultdict(_Acc)
    labels: dict[str, str] = {}
    total = _Acc()
    for key, label, status, requested, waiting_since, first_start in requests:
        labels[key] = label
        accs = (groups[key], total)
        requested_on = _day(requested)
        if status in WAITING_STATES:
            since = _day(waiting_since) if status == "wachtend" and waiting_since else requested_on
            for acc in accs:
                acc.waiting += 1
                if since is not None:
                    acc.waits.append(max(0, (today - since).days))
        elif status == "voorgesteld":
            for acc in accs:
                acc.proposed += 1
        started = _day(first_start)
        if requested_on is not None and _in_period(started, start, end):
            for acc in accs:
                acc.to_match.append((started - requested_on).days)  # type: ignore[operator]
    for key, label, started_raw, ended_raw, reason in matches:
        labels[key] = label
        accs = (groups[key], total)
        started, ended = _day(started_raw), _day(ended_raw)
        if ended is None:
            if started is not None and started <= today:
                for acc in accs:
                    acc.active += 1
        elif _in_period(ended, start, end):
            for acc in accs:
                acc.durations.append((ended - started).days)  # type: ignore[operator]
                acc.reasons[reason or "onbekend"] += 1
    reason_names.setdefault("onbekend", "Reden onbekend")
    rows = [BuddyFigureRow(key, labels[key], acc.figures(reason_names))
            for key, acc in sorted(groups.items(),
                                   key=lambda kv: (labels[kv[0]].lower(), kv[0]))]
    rows.append(BuddyFigureRow(None, TOTAL_LABEL, total.figures(reason_names)))
    return rows
