"""The reads of the printed reports (services/reports/*): raw rows, one function a question.

The report builders lay these out (reportlab); figures that the screens share come from their
own services (activity, buddy and referral figures). Every function runs on the caller's
Connection (`with engine.connect()`: one transaction, so one report reads one snapshot).
SQLAlchemy Core only: the report process starts without loading SQLModel (tests/store/
test_seed.py).
"""

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

Row = tuple[Any, ...]

_INITIATIVE_FACTS = """
SELECT i.subsidised, i.subsidy_reference, i.subsidy_amount_cents, i.subsidy_year, t.name,
  (SELECT group_concat(name, ', ') FROM (SELECT d.name FROM initiative_district x
     JOIN district d ON d.code = x.district_code WHERE x.initiative_id = i.id ORDER BY d.name)),
  (SELECT group_concat(name, ', ') FROM (SELECT l.name FROM initiative_life_domain x
     JOIN life_domain l ON l.code = x.life_domain_code WHERE x.initiative_id = i.id
     ORDER BY l.sort_order))
FROM initiative i JOIN initiative_type t ON t.code = i.type_code WHERE i.id = :id"""
_REFERRAL_COUNTS = """
SELECT count(*), count(CASE WHEN status IN ('geholpen', 'afgesloten', 'teruggemeld')
                      THEN 1 END)
FROM referral WHERE initiative_id = :id AND signalled_on BETWEEN :start AND :end"""
_REFERRAL_GROUPS = """
SELECT l."group", count(DISTINCT r.id) FROM referral r
JOIN referral_life_domain x ON x.referral_id = r.id
JOIN life_domain l ON l.code = x.life_domain_code
WHERE r.initiative_id = :id AND r.signalled_on BETWEEN :start AND :end
GROUP BY l."group" ORDER BY min(l.sort_order)"""
_MAP_INITIATIVES = """
SELECT i.id, i.name, t.name, i.contact_name, i.phone, i.email, i.website, i.address,
       i.postcode
FROM initiative i JOIN initiative_type t ON t.code = i.type_code
WHERE i.archived_at IS NULL AND (i.end_date IS NULL OR i.end_date >= :today)
ORDER BY i.name COLLATE NOCASE, i.id"""
_MAP_DISTRICTS = """
SELECT x.initiative_id, d.code, d.name FROM initiative_district x
JOIN district d ON d.code = x.district_code ORDER BY d.name"""
_MAP_DOMAINS = """
SELECT x.initiative_id, l.code, l.name, l."group" FROM initiative_life_domain x
JOIN life_domain l ON l.code = x.life_domain_code ORDER BY l.sort_order"""
_MAP_DESTINATIONS = """
SELECT d.id, d.organisation, d.service, d.phone, d.website, d.agreed_response_days,
       (SELECT group_concat(name, ', ') FROM (
            SELECT l.name FROM destination_life_domain x
            JOIN life_domain l ON l.code = x.life_domain_code
            WHERE x.destination_id = d.id ORDER BY l.sort_order))
FROM destination d WHERE d.active ORDER BY d.organisation COLLATE NOCASE, d.service"""
_CONSENT_RESIDENT = """SELECT r.first_name, r.name_prefix, r.last_name, r.birth_year, d.name
               FROM resident r LEFT JOIN district d ON d.code = r.district_code
               WHERE r.id = :rid"""
_CONSENT_ORGANISATIONS = """
SELECT id, organisation || CASE WHEN service <> '' THEN ' (' || service || ')' ELSE '' END
FROM destination WHERE id IN (
    SELECT destination_id FROM consent WHERE resident_id = :rid AND purpose = 'delen'
      AND destination_id IS NOT NULL
    UNION SELECT destination_id FROM referral WHERE resident_id = :rid
    UNION SELECT value FROM json_each(:extra))
ORDER BY organisation COLLATE NOCASE, service"""
# code -> Dutch name, for the figures that carry codes (the city report).
_NAMES = {
    "destination": "SELECT code, organisation || CASE WHEN service <> '' THEN ' – ' "
                   "|| service ELSE '' END FROM destination",
    "visitor_type": "SELECT code, name FROM visitor_type",
    "match_end_reason": "SELECT code, name FROM match_end_reason",
}


def _rows(connection: Connection, sql: str, **params: object) -> list[Row]:
    return [tuple(r) for r in connection.execute(text(sql), params)]


def initiative_name(connection: Connection, initiative_id: int) -> str | None:
    name = connection.execute(text("SELECT name FROM initiative WHERE id = :id"),
                                        {"id": initiative_id}).scalar()
    return None if name is None else str(name)


def initiative_facts(connection: Connection, initiative_id: int) -> Row:
    """subsidised, reference, cents, year, type name, wijken, leefdomeinen (joined by ', ')."""
    return _rows(connection, _INITIATIVE_FACTS, id=initiative_id)[0]


def referral_counts(connection: Connection, initiative_id: int, start: date, end: date
                    ) -> tuple[int, int]:
    """(signalled, helped or closed) referrals of an initiative signalled in the period."""
    total, helped = _rows(connection, _REFERRAL_COUNTS, id=initiative_id, start=start, end=end)[0]
    return int(total), int(helped)


def referral_groups(connection: Connection, initiative_id: int, start: date, end: date
                    ) -> list[Row]:
    """(leefdomein group, referrals) of an initiative's referrals signalled in the period."""
    return _rows(connection, _REFERRAL_GROUPS, id=initiative_id, start=start, end=end)


def social_map_rows(connection: Connection, today: date
                    ) -> tuple[list[Row], list[Row], list[Row], list[Row]]:
    """(running initiatives, their wijken, their leefdomeinen, active destinations)."""
    return (_rows(connection, _MAP_INITIATIVES, today=today), _rows(connection, _MAP_DISTRICTS),
            _rows(connection, _MAP_DOMAINS), _rows(connection, _MAP_DESTINATIONS))


def initiatives_with_roles(connection: Connection) -> list[tuple[int, str]]:
    return [(int(i), str(n)) for i, n in _rows(
        connection, "SELECT id, name FROM initiative WHERE id IN "
        "(SELECT DISTINCT initiative_id FROM volunteer_role) ORDER BY name")]


def series_row(connection: Connection, series_id: int) -> Row | None:
    """(initiative id, title) of an activity series."""
    found = _rows(connection, "SELECT initiative_id, title FROM activity_series WHERE id = :id",
                  id=series_id)
    return found[0] if found else None


def series_activity_ids(connection: Connection, series_id: int, start: date, end: date
                        ) -> list[int]:
    return [int(r[0]) for r in _rows(
        connection, "SELECT id FROM activity WHERE series_id = :series AND NOT cancelled "
        "AND substr(starts_at, 1, 10) BETWEEN :start AND :end",
        series=series_id, start=start.isoformat(), end=end.isoformat())]


def consent_form_rows(connection: Connection, resident_id: int, extra_destinations: Sequence[int]
                      ) -> tuple[Row | None, list[Row]]:
    """(first, prefix, last, birth year, wijk) of the resident, and the (id, organisation)
    pairs the form asks about: shared with before, referred to, or added by the user."""
    person = _rows(connection, _CONSENT_RESIDENT, rid=resident_id)
    if not person:
        return None, []
    return person[0], _rows(connection, _CONSENT_ORGANISATIONS, rid=resident_id,
                            extra=json.dumps(list(extra_destinations)))


def code_names(connection: Connection, table: str) -> dict[str, str]:
    """code -> Dutch name for 'destination', 'visitor_type' or 'match_end_reason'."""
    return {str(code): str(name) for code, name in _rows(connection, _NAMES[table])}
