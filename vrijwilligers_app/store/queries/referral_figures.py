"""The read side of the referral figures (services/referral_figures.py): one statement that
turns the milestones cached on each referral into counts per group, day and state.

The days each referral is measured between (aanmelding, first contact, done, closed) are
cached on the referral by the service (`domain.referral_rules.milestones`, migration 0004) and
covered by the index `ix_referral_figures` (signalled_on first, so a period is a range scan).
`keyed` is MATERIALIZED: the referrals in the period are read from that index and turned into
day counts once, then counted three ways (waiting, lead, not aangemeld). Left to itself SQLite
inlines the CTE into each of the three and reads and converts every referral three times
(demo groot: about a third of the time).
"""

from datetime import date
from typing import Any

from sqlalchemy import Connection, text

GROUPINGS = ("destination", "life_domain", "urgency", "district")

# One row per referral in the period: days from the aanmelding to today, to the first
# contact, to done and to closing, and the key of its group.
_DIFF = "CAST(julianday({0}) - julianday(r.registered_on) AS INTEGER)"
_KEYED = f"""
keyed AS MATERIALIZED (
    SELECT {_DIFF.format(":today")} AS age, {_DIFF.format("r.first_contact_on")} AS contact,
        {_DIFF.format("r.done_on")} AS done, {_DIFF.format("r.closed_on")} AS closed,
        d.agreed_response_days AS agreed, r.{{column}} AS key
    FROM referral r JOIN destination d ON d.id = r.destination_id
    WHERE r.signalled_on BETWEEN :start AND :end)"""
_KEY_COLUMNS = {
    "destination": "destination_id",
    "urgency": "urgency",
    # The wijk stored on the referral: the resident's wijk when it was signalled.
    "district": "district_code",
    # The referral's leefdomeinen as one cached key ('financien,wonen'): SQL groups by the
    # combination, the service adds each combination to each of its leefdomeinen.
    "life_domain": "life_domain_key",
}
_STATE = ("CASE WHEN {0} IS NOT NULL THEN 'observed' WHEN closed IS NOT NULL THEN 'stopped' "
          "ELSE 'open' END")
_ON_TIME = "count(CASE WHEN contact <= agreed THEN 1 END)"
_LATE = ("count(CASE WHEN contact > agreed OR contact IS NULL AND coalesce(closed, age) > agreed "
         "THEN 1 END)")
# Counts per group, measure ('w' wachttijd, 'l' doorlooptijd, 'n' not aangemeld), days and
# state: the service only adds up a few thousand rows.
_COUNTS = f"""
SELECT key, 'w', coalesce(contact, closed, age) AS days, {_STATE.format("contact")} AS state,
    count(*), {_ON_TIME}, {_LATE}
FROM keyed WHERE age IS NOT NULL GROUP BY key, days, state
UNION ALL
SELECT key, 'l', coalesce(done, closed, age) AS days, {_STATE.format("done")} AS state,
    count(*), 0, 0
FROM keyed WHERE age IS NOT NULL GROUP BY key, days, state
UNION ALL
SELECT key, 'n', 0, '', count(*), 0, 0 FROM keyed WHERE age IS NULL GROUP BY key"""
_LABELS = {
    "destination": "SELECT CAST(id AS TEXT), organisation || CASE WHEN service <> '' "
                   "THEN ' – ' || service ELSE '' END, '' FROM destination",
    "district": "SELECT code, name, '' FROM district",
    "life_domain": "SELECT code, name, printf('%05d', sort_order) FROM life_domain",
}


def figures_sql(group_by: str) -> str:
    """The whole computation as one statement (parameters :start, :end, :today)."""
    return "WITH " + _KEYED.format(column=_KEY_COLUMNS[group_by]) + "\n" + _COUNTS


def count_rows(connection: Connection, group_by: str, period_start: date, period_end: date,
               today: date) -> list[tuple[Any, ...]]:
    """(key, measure, days, state, count, on_time, late) rows of the referrals signalled in
    the period."""
    params = {"start": period_start, "end": period_end, "today": today}
    return [tuple(row) for row in connection.execute(text(figures_sql(group_by)), params)]


def labels(connection: Connection, group_by: str) -> dict[str, tuple[str, str]]:
    """Key (as text) -> (name, sort key) of the groups that have a table of names."""
    if group_by not in _LABELS:
        return {}
    return {str(k): (name, sort) for k, name, sort in connection.execute(text(_LABELS[group_by]))}
