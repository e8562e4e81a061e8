"""Doorverwijzingen in figures: waiting and lead times per destination, leefdomein, urgency
or wijk, for the referrals signalled in a period, measured up to today.

Definitions are in `domain.waiting_times`. Here one SQL statement reduces every referral's
events to a few day counts (aanmelding, first contact, done, closed) and then counts the
referrals per group, day and state, so Python only adds up a few thousand rows and runs the
Kaplan–Meier estimator on them. For the few referrals aangemeld more than once (reopened, or
confirmed at a second organisation) "done" must come after the last aanmelding: a correlated
subquery, evaluated only for them. A second, tiny query reads the group labels.

Grouping: by the organisation first referred to (the waiting time is the resident's, from the
first aanmelding, also when the referral was forwarded later); a referral with several
leefdomeinen counts in each of them, so those rows do not add up to the total. The last row
is the total (key None).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine, text

from vrijwilligers_app.domain import referral_rules as rules
from vrijwilligers_app.domain.waiting_times import ReferralFigures, figures_from_counts

GROUPINGS = ("destination", "life_domain", "urgency", "district")
TOTAL_LABEL = "Totaal"
UNKNOWN_DISTRICT = "Wijk onbekend"


@dataclass(frozen=True)
class FigureRow:
    key: str | None  # destination id (as text), life domain / district code, urgency; None: total
    label: str
    figures: ReferralFigures


def _in(kinds: frozenset[str]) -> str:
    return ", ".join(f"'{k}'" for k in sorted(kinds))


_JD = "julianday(substr({0}, 1, 10))"
_CLOSED_STATE = " OR ".join(f"ev.last_state LIKE '%{k}'" for k in sorted(rules.CLOSING))
# One row per referral in the period: Julian days of the first aanmelding, the first contact,
# the first done event (after the last aanmelding when there were several) and the closing
# day when the last opening/closing event closes it.
_REG = "min(CASE WHEN e.kind = 'aangemeld' THEN e.occurred_at END)"
# Julian day numbers per referral first (julianday() once per value), differences after.
_PER_REFERRAL = f"""
per AS (
    SELECT e.referral_id AS rid,
        {_JD.format(_REG)} AS reg,
        {_JD.format(f"min(CASE WHEN e.kind IN ({_in(rules.FIRST_CONTACT)}) "
                    "THEN e.occurred_at END)")} AS contact,
        CASE WHEN count(CASE WHEN e.kind = 'aangemeld' THEN 1 END) > 1 THEN (
            SELECT {_JD.format("min(x.occurred_at)")} FROM referral_event x
            WHERE x.referral_id = e.referral_id AND x.kind IN ({_in(rules.DONE)})
              AND x.occurred_at >= (SELECT max(y.occurred_at) FROM referral_event y
                                    WHERE y.referral_id = e.referral_id
                                      AND y.kind = 'aangemeld'))
            ELSE {_JD.format(f"min(CASE WHEN e.kind IN ({_in(rules.DONE)}) "
                             "THEN e.occurred_at END)")} END AS done,
        max(CASE WHEN e.kind IN ({_in(rules.OPENING | rules.CLOSING)})
            THEN e.occurred_at || e.kind END) AS last_state
    FROM referral_event e
    WHERE e.referral_id IN (SELECT id FROM referral
                            WHERE signalled_on BETWEEN :start AND :end)
    GROUP BY e.referral_id),
days AS (
    SELECT per.rid,
        CAST(julianday(:today) - per.reg AS INTEGER) AS age,
        CAST(per.contact - per.reg AS INTEGER) AS contact,
        CAST(per.done - per.reg AS INTEGER) AS done,
        CASE WHEN {_CLOSED_STATE.replace("ev.", "per.")}
            THEN CAST({_JD.format("per.last_state")} - per.reg AS INTEGER) END AS closed,
        d.agreed_response_days AS agreed, r.destination_id, r.urgency, r.district_code,
        r.resident_id
    FROM per JOIN referral r ON r.id = per.rid
    JOIN destination d ON d.id = r.destination_id)"""
_STATE = ("CASE WHEN {0} IS NOT NULL THEN 'observed' WHEN closed IS NOT NULL THEN 'stopped' "
          "ELSE 'open' END")
_ON_TIME = "count(CASE WHEN contact <= agreed THEN 1 END)"
_LATE = ("count(CASE WHEN contact > agreed OR contact IS NULL AND coalesce(closed, age) > agreed "
         "THEN 1 END)")
# Counts per group, measure ('w' wachttijd, 'l' doorlooptijd, 'n' not aangemeld), days and
# state: Python only adds up a few thousand rows.
_COUNTS = """
SELECT {scope} AS scope, key, 'w', coalesce(contact, closed, age) AS days, """ + \
    _STATE.format("contact") + f""" AS state, count(*), {_ON_TIME}, {_LATE}
FROM {{source}} WHERE age IS NOT NULL GROUP BY key, days, state
UNION ALL
SELECT {{scope}}, key, 'l', coalesce(done, closed, age) AS days, """ + \
    _STATE.format("done") + """ AS state, count(*), 0, 0
FROM {source} WHERE age IS NOT NULL GROUP BY key, days, state
UNION ALL
SELECT {scope}, key, 'n', 0, '', count(*), 0, 0 FROM {source} WHERE age IS NULL GROUP BY key"""
_GROUPS = {
    "destination": "SELECT age, contact, done, closed, agreed, destination_id AS key FROM days",
    "urgency": "SELECT age, contact, done, closed, agreed, urgency AS key FROM days",
    "district": "SELECT age, contact, done, closed, agreed, "
                "coalesce(days.district_code, res.district_code) AS key FROM days "
                "LEFT JOIN resident res ON res.id = days.resident_id",
    "life_domain": "SELECT age, contact, done, closed, agreed, x.life_domain_code AS key "
                   "FROM days LEFT JOIN referral_life_domain x ON x.referral_id = days.rid",
}
_LABELS = {
    "destination": "SELECT CAST(id AS TEXT), organisation || CASE WHEN service <> '' "
                   "THEN ' – ' || service ELSE '' END, '' FROM destination",
    "district": "SELECT code, name, '' FROM district",
    "life_domain": "SELECT code, name, printf('%05d', sort_order) FROM life_domain",
}


@dataclass
class _Tally:
    waiting: list[tuple[int, str, int]] = field(default_factory=list)
    lead: list[tuple[int, str, int]] = field(default_factory=list)
    not_registered: int = 0
    on_time: int = 0
    late: int = 0

    def figures(self) -> ReferralFigures:
        return figures_from_counts(self.waiting, self.lead, self.not_registered,
                                   self.on_time, self.late)


def _sql(group_by: str) -> str:
    """The whole computation as one statement: per group, and for leefdomeinen (where a
    referral may count in several groups) the total over distinct referrals as well."""
    parts = [_COUNTS.format(scope="'g'", source="keyed")]
    if group_by == "life_domain":
        everyone = "(SELECT age, contact, done, closed, agreed, NULL AS key FROM days)"
        parts.append(_COUNTS.format(scope="'t'", source=everyone))
    return ("WITH " + _PER_REFERRAL + f", keyed AS ({_GROUPS[group_by]})\n"
            + "\nUNION ALL\n".join(parts))


def referral_figures(engine: Engine, group_by: str, period_start: date, period_end: date,
                     today: date) -> list[FigureRow]:
    """Rows of figures per group (sorted by label), then the total; groups without
    referrals in the period are left out."""
    if group_by not in _GROUPS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}, not {group_by!r}")
    params = {"start": period_start, "end": period_end, "today": today}
    with engine.connect() as connection:
        rows = connection.execute(text(_sql(group_by)), params).all()
        labels = {}
        if group_by in _LABELS:
            labels = {str(k): (name, sort) for k, name, sort in
                      connection.execute(text(_LABELS[group_by]))}
    groups: dict[str | None, _Tally] = defaultdict(_Tally)
    total = _Tally()
    separate_total = group_by == "life_domain"
    for scope, key, measure, days, state, count, on_time, late in rows:
        tallies = [total] if scope == "t" else [groups[None if key is None else str(key)]]
        if scope == "g" and not separate_total:
            tallies.append(total)
        for tally in tallies:
            if measure == "w":
                tally.waiting.append((days, state, count))
                tally.on_time += on_time
                tally.late += late
            elif measure == "l":
                tally.lead.append((days, state, count))
            else:
                tally.not_registered += count
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
