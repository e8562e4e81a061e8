"""The reads of the vrijwilligerslijst, on a plain DB-API connection (store.direct).

The list is the one report the command line prints often and fast: its reads need no
SQLAlchemy, so the `rapport vrijwilligers` process never imports it (tests/store/
test_direct.py). One connection, one transaction: the list reads one snapshot.
"""

from datetime import date
from typing import Any

Row = tuple[Any, ...]

_VOLUNTEERS = """
SELECT v.id, v.first_name, v.name_prefix, v.last_name, v.phone, v.email, v.street,
       v.postcode, v.city, v.vog_date, r.role_code, d.name
FROM volunteer v
JOIN volunteer_role r ON r.volunteer_id = v.id
JOIN duty_role d ON d.code = r.role_code
WHERE r.initiative_id = :initiative AND v.archived_at IS NULL
  AND (r.start_date IS NULL OR r.start_date <= :end)
  AND (r.end_date IS NULL OR r.end_date >= :start)
ORDER BY v.last_name COLLATE NOCASE, v.first_name COLLATE NOCASE, v.id, d.sort_order"""


def initiative_name(connection: Any, initiative_id: int) -> str | None:
    row = connection.execute("SELECT name FROM initiative WHERE id = :id",
                             {"id": initiative_id}).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def volunteers_of_initiative(connection: Any, initiative_id: int, start: date, end: date
                             ) -> list[Row]:
    """A row per volunteer and role in the period, by last name."""
    return [tuple(r) for r in connection.execute(_VOLUNTEERS, {
        "initiative": initiative_id, "start": start.isoformat(), "end": end.isoformat()})]
