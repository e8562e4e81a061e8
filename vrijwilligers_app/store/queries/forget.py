"""What vergeten (art. 17 AVG) shows before it erases: the resident, how many of their rows
each kind has, and what is still open (services/privacy/forget.py). Rows on the caller's
Session.
"""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

COUNTED = {  # Dutch label -> SQL counting the resident's rows (:rid)
    "maatjesaanvragen": "SELECT count(*) FROM buddy_request WHERE resident_id = :rid",
    "maatjeskoppelingen": "SELECT count(*) FROM buddy_match m JOIN buddy_request q "
                          "ON q.id = m.request_id WHERE q.resident_id = :rid",
    "contactmomenten": "SELECT count(*) FROM contact_moment c JOIN buddy_match m "
                       "ON m.id = c.match_id JOIN buddy_request q ON q.id = m.request_id "
                       "WHERE q.resident_id = :rid",
    "evaluaties": "SELECT count(*) FROM evaluation c JOIN buddy_match m ON m.id = c.match_id "
                  "JOIN buddy_request q ON q.id = m.request_id WHERE q.resident_id = :rid",
    "doorverwijzingen": "SELECT count(*) FROM referral WHERE resident_id = :rid",
    "statusmomenten": "SELECT count(*) FROM referral_event e JOIN referral r "
                      "ON r.id = e.referral_id WHERE r.resident_id = :rid",
    "activiteiten (deelname)": "SELECT count(*) FROM participation WHERE resident_id = :rid",
}


def resident_row(session: Session, resident_id: int) -> Any:
    """uuid, first_name, name_prefix, last_name, anonymised_on (named), or None."""
    return session.connection().execute(text(
        "SELECT uuid, first_name, name_prefix, last_name, anonymised_on "
        "FROM resident WHERE id = :rid"), {"rid": resident_id}).first()


def counts(session: Session, resident_id: int) -> dict[str, int]:
    """Dutch label -> how many of the resident's rows of that kind."""
    connection = session.connection()
    return {label: int(connection.execute(text(sql), {"rid": resident_id}).scalar_one())
            for label, sql in COUNTED.items()}


def open_referrals(session: Session, resident_id: int, closed_states: Iterable[str]
                   ) -> list[tuple[Any, ...]]:
    """(organisation, signalled_on, status) of the resident's referrals not closed."""
    closed = ", ".join(f"'{s}'" for s in closed_states)
    return [tuple(r) for r in session.connection().execute(text(f"""
        SELECT d.organisation, r.signalled_on, r.status FROM referral r
        JOIN destination d ON d.id = r.destination_id
        WHERE r.resident_id = :rid AND r.status NOT IN ({closed})
        ORDER BY r.signalled_on"""), {"rid": resident_id})]


def open_requests(session: Session, resident_id: int) -> list[tuple[Any, ...]]:
    """(initiative name, status) of the resident's maatjes requests not closed."""
    return [tuple(r) for r in session.connection().execute(text("""
        SELECT i.name, q.status FROM buddy_request q JOIN initiative i
        ON i.id = q.initiative_id WHERE q.resident_id = :rid AND q.closed_on IS NULL
        ORDER BY q.requested_on"""), {"rid": resident_id})]
