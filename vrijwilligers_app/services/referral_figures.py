"""Doorverwijzingen in figures: waiting and lead times per destination, leefdomein, urgency
or wijk, for the referrals signalled in a period, measured up to today.

Definitions are in `domain.waiting_times`. The days each referral is measured between
(aanmelding, first contact, done, closed) are cached on the referral by the service
(`domain.referral_rules.milestones`, migration 0004), so one SQL statement
(store/queries/referral_figures.py) turns them into day counts per group, day and state
(SQLite concatenates short codes, Python counts them); Python then only adds up a few
thousand rows and runs the Kaplan–Meier estimator on them. A second, tiny query reads the labels.

Grouping: by the organisation first referred to (the waiting time is the resident's, from the
first aanmelding, also when the referral was forwarded later); a referral with several
leefdomeinen counts in each of them, so those rows do not add up to the total. The last row
is the total (key None).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine

from vrijwilligers_app.domain import referral_rules as rules
from vrijwilligers_app.domain.waiting_times import ReferralFigures, figures_from_counts
from vrijwilligers_app.store.queries import referral_figures as queries
from vrijwilligers_app.store.queries.referral_figures import GROUPINGS

__all__ = ["GROUPINGS", "FigureRow", "referral_figures"]
TOTAL_LABEL = "Totaal"
UNKNOWN_DISTRICT = "Wijk onbekend"


@dataclass(frozen=True)
class FigureRow:
    key: str | None  # destination id (as text), life domain / district code, urgency; None: total
    label: str
    figures: ReferralFigures


@dataclass
class _Tally:
    # (days, state) -> referrals: a total or a leefdomein gets the same day from many keys,
    # so adding them up here keeps the Kaplan–Meier input short.
    waiting: defaultdict[tuple[int, str], int] = field(default_factory=lambda: defaultdict(int))
    lead: defaultdict[tuple[int, str], int] = field(default_factory=lambda: defaultdict(int))
    not_registered: int = 0
    on_time: int = 0
    late: int = 0

    def figures(self) -> ReferralFigures:
        return figures_from_counts(_counted(self.waiting), _counted(self.lead),
                                   self.not_registered, self.on_time, self.late)


def _counted(counts: dict[tuple[int, str], int]) -> list[tuple[int, str, int]]:
    return [(days, state, n) for (days, state), n in counts.items()]


def _keys(group_by: str, key: object) -> list[str | None]:
    """The groups a row counts in: each leefdomein of its combination (none: None)."""
    if group_by == "life_domain":
        return [code or None for code in str(key or "").split(",")]
    return [None if key is None else str(key)]


def referral_figures(engine: Engine, group_by: str, period_start: date, period_end: date,
                     today: date) -> list[FigureRow]:
    """Rows of figures per group (sorted by label), then the total; groups without
    referrals in the period are left out."""
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}, not {group_by!r}")
    with engine.connect() as connection:
        rows = queries.count_rows(connection, group_by, period_start, period_end, today)
        labels = queries.labels(connection, group_by)
    groups: dict[str | None, _Tally] = defaultdict(_Tally)
    total = _Tally()
    targets: dict[object, list[_Tally]] = {}  # per key: the total and its groups
    for key, measure, days, state, count, on_time, late in rows:
        # every referral once in the total, and in each group it belongs to
        tallies = targets.get(key)
        if tallies is None:
            tallies = targets[key] = [total, *(groups[k] for k in _keys(group_by, key))]
        for tally in tallies:
            if measure == "w":
                tally.waiting[days, state] += count
            elif measure == "l":
                tally.lead[days, state] += count
            elif measure == "n":
                tally.not_registered += count
            else:
                tally.on_time += on_time
                tally.late += late
    result = sorted(((_sort_key(group_by, key, labels),
                      FigureRow(key, _label(group_by, key, labels), tally.figures()))
                     for key, tally in groups.items()), key=lambda pair: pair[0])
    return [row for _, row in result] + [FigureRow(None, TOTAL_LABEL, total.figures())]


def _label(group_by: str, key: str | None, labels: dict[str, tuple[str, str]]) -> str:
    if group_by == "urgency":
        return rules.URGENCIES.get(key or "", key or "")
    if key is None:
        return UNKNOWN_DISTRICT if group_by == "district" else "Geen leefdomein"
    return labels.get(key, (key, ""))[0]


def _sort_key(group_by: str, key: str | None, labels: dict[str, tuple[str, str]]
              ) -> tuple[int, str]:
    if key is None:
        return 1, ""
    if group_by == "urgency":
        return 0, str(list(rules.URGENCIES).index(key)) if key in rules.URGENCIES else key
    if group_by == "life_domain":
        return 0, labels.get(key, ("", key))[1]
    return 0, _label(group_by, key, labels).casefold()
