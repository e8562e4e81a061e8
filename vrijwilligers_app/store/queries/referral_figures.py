"""The read side of the referral figures (services/referral_figures.py): one statement that
turns the milestones cached on each referral into counts per group, day and state.

The days each referral is measured between (aanmelding, first contact, done, closed) are
cached on the referral by the service (`domain.referral_rules.milestones`, migration 0004) and
covered by the index `ix_referral_figures` (signalled_on first, so a period is a range scan).

One pass, no GROUP BY: each referral in the period becomes three short codes, '<key>|<code>'
(waiting, lead, on time/late), and SQLite concatenates each kind into one string that Python
splits and counts (`collections.Counter`). GROUP BY made SQLite sort every referral twice
(waiting and lead) after materialising them; on demo groot (100,000 referrals) those sorts
were most of the time, and counting the codes in Python costs less than one of them.
A code packs days and state into one integer: days * 4 + 0 observed, 1 stopped, 2 open.
"""

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

GROUPINGS = ("destination", "life_domain", "urgency", "district")
STATES = ("observed", "stopped", "open")
# Separates the codes in a concatenation: a control character no key can contain. The key is
# split from its code at the last '|', so a '|' in a key is harmless.
_SEPARATOR = "\x1e"

# Days from the aanmelding to today, to the first contact, to done and to closing (NULL while
# not aangemeld), the agreed response days and the key of the referral's group ('' for none).
_DIFF = "CAST(julianday({0}) - julianday(r.registered_on) AS INTEGER)"
_DAYS = f"""
    SELECT {_DIFF.format(":today")} AS age, {_DIFF.format("r.first_contact_on")} AS contact,
        {_DIFF.format("r.done_on")} AS done, {_DIFF.format("r.closed_on")} AS closed,
        d.agreed_response_days AS agreed, coalesce(r.{{column}}, '') AS key
    FROM referral r JOIN destination d ON d.id = r.destination_id
    WHERE r.signalled_on BETWEEN :start AND :end"""
_CODE = ("coalesce({0}, closed, age) * 4 + CASE WHEN {0} IS NOT NULL THEN 0 "
         "WHEN closed IS NOT NULL THEN 1 ELSE 2 END")
# 1 on time, 2 late (domain.waiting_times: contact within the agreed days, or none while the
# term has passed), NULL neither.
_AGREED = ("CASE WHEN contact <= agreed THEN 1 WHEN contact > agreed OR contact IS NULL AND "
           "coalesce(closed, age) > agreed THEN 2 END")
# Waiting ('n' for a referral not yet aangemeld: no time figure), lead, agreed time.
_CONCAT = f"""
SELECT group_concat(key || '|' || coalesce({_CODE.format("contact")}, 'n'), '{_SEPARATOR}'),
    group_concat(key || '|' || ({_CODE.format("done")}), '{_SEPARATOR}'),
    group_concat(key || '|' || ({_AGREED}), '{_SEPARATOR}')
FROM ({{days}})"""
_KEY_COLUMNS = {
    "destination": "destination_id",
    "urgency": "urgency",
    # The wijk stored on the referral: the resident's wijk when it was signalled.
    "district": "district_code",
    # The referral's leefdomeinen as one cached key ('financien,wonen'): the service adds each
    # combination to each of its leefdomeinen.
    "life_domain": "life_domain_key",
}
_LABELS = {
    "destination": "SELECT CAST(id AS TEXT), organisation || CASE WHEN service <> '' "
                   "THEN ' – ' || service ELSE '' END, '' FROM destination",
    "district": "SELECT code, name, '' FROM district",
    "life_domain": "SELECT code, name, printf('%05d', sort_order) FROM life_domain",
}


def figures_sql(group_by: str) -> str:
    """The whole computation as one statement (parameters :start, :end, :today): one row of
    three concatenations of '<key>|<code>' (see the module docstring)."""
    return _CONCAT.format(days=_DAYS.format(column=_KEY_COLUMNS[group_by]))


def _counted(concatenation: str | None) -> Counter[str]:
    return Counter(concatenation.split(_SEPARATOR)) if concatenation else Counter()


def count_rows(connection: Connection, group_by: str, period_start: date, period_end: date,
               today: date) -> list[tuple[Any, ...]]:
    """(key, measure, days, state, count, on_time, late) rows of the referrals signalled in
    the period; measure 'w' wachttijd, 'l' doorlooptijd, 'n' not aangemeld (count only), 'a'
    agreed time (on_time, late only). key None: no group (no wijk, no leefdomein)."""
    params = {"start": period_start, "end": period_end, "today": today}
    waiting, lead, agreed = connection.execute(text(figures_sql(group_by)), params).one()
    rows: list[tuple[Any, ...]] = []
    for measure, concatenation in (("w", waiting), ("l", lead)):
        for item, count in _counted(concatenation).items():
            key, _, code = item.rpartition("|")
            if code == "n":
                rows.append((key or None, "n", 0, "", count, 0, 0))
            else:
                days, state = divmod(int(code), 4)
                rows.append((key or None, measure, days, STATES[state], count, 0, 0))
    on_time_late: dict[str, list[int]] = {}
    for item, count in _counted(agreed).items():
        key, _, code = item.rpartition("|")
        on_time_late.setdefault(key, [0, 0])[int(code) - 1] += count
    rows.extend((key or None, "a", 0, "", 0, on_time, late)
                for key, (on_time, late) in on_time_late.items())
    return rows


def labels(connection: Connection, group_by: str) -> dict[str, tuple[str, str]]:
    """Key (as text) -> (name, sort key) of the groups that have a table of names."""
    if group_by not in _LABELS:
        return {}
    return {str(k): (name, sort) for k, name, sort in connection.execute(text(_LABELS[group_by]))}
