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

# Each code is computed straight from the cached dates, one julianday difference per code
# (a subquery of day counts would be flattened into every place it is used, so each
# difference was computed up to four times per referral). A referral not yet aangemeld
# (registered_on NULL) has a waiting code 'n' (no time figure) and no lead or agreed code
# (NULL: group_concat skips it).
_DIFF = "CAST(julianday({0}) - julianday(r.registered_on) AS INTEGER)"
_STATE = ("CASE WHEN {0} IS NOT NULL THEN 0 WHEN r.closed_on IS NOT NULL THEN 1 "
          "ELSE 2 END")
# Days up to the first contact, closing or today: 0 observed, 1 stopped, 2 open.
_WAITING = (f"CASE WHEN r.registered_on IS NULL THEN 'n' ELSE "
            f"{_DIFF.format('coalesce(r.first_contact_on, r.closed_on, :today)')} * 4 + "
            f"{_STATE.format('r.first_contact_on')} END")
# Days up to done, closing or today.
_LEAD = (f"CASE WHEN r.registered_on IS NOT NULL THEN "
         f"{_DIFF.format('coalesce(r.done_on, r.closed_on, :today)')} * 4 + "
         f"{_STATE.format('r.done_on')} END")
# 1 on time, 2 late (domain.waiting_times: contact within the agreed days, or none while the
# term has passed), NULL neither.
_CONTACT = _DIFF.format("r.first_contact_on")
_AGREED = (f"CASE WHEN r.registered_on IS NULL THEN NULL "
           f"WHEN r.first_contact_on IS NOT NULL THEN CASE "
           f"WHEN {_CONTACT} <= d.agreed_response_days THEN 1 "
           f"WHEN {_CONTACT} > d.agreed_response_days THEN 2 END "
           f"WHEN {_DIFF.format('coalesce(r.closed_on, :today)')} > d.agreed_response_days "
           f"THEN 2 END")
_KEY = "coalesce(r.{column}, '') || '|' || "
_CONCAT = f"""
SELECT group_concat({_KEY}({_WAITING}), '{_SEPARATOR}'),
    group_concat({_KEY}({_LEAD}), '{_SEPARATOR}'),
    group_concat({_KEY}({_AGREED}), '{_SEPARATOR}')
FROM referral r JOIN destination d ON d.id = r.destination_id
WHERE r.signalled_on BETWEEN :start AND :end"""
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
    return _CONCAT.replace("{column}", _KEY_COLUMNS[group_by])


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
