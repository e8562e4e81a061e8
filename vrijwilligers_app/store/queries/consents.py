"""The consent ledger's reads (services/consents/ledger.py): a resident's consents with the
organisation's name, and the named referrals already shared. Rows on the caller's Session.
"""

from typing import Any

from sqlalchemy import text
from sqlmodel import Session

Row = Any  # a Row with named columns: id, purpose, destination_id, org, legacy_scope, …


def ledger_rows(session: Session, resident_id: int) -> list[Row]:
    """Every consent of a resident, current ones first, newest first; named columns id,
    purpose, destination_id, org, legacy_scope, given_on, how, recorded_by, withdrawn_on."""
    return list(session.execute(text("""
        SELECT c.id, c.purpose, c.destination_id,
               coalesce(d.organisation || CASE WHEN d.service <> '' THEN ' – ' || d.service
                                       ELSE '' END, '') AS org,
               c.legacy_scope, c.given_on, c.how, c.recorded_by, c.withdrawn_on
        FROM consent c LEFT JOIN destination d ON d.id = c.destination_id
        WHERE c.resident_id = :rid
        ORDER BY c.withdrawn_on IS NOT NULL, c.given_on DESC, c.id DESC"""),
        {"rid": resident_id}).all())


def shared_referral_rows(session: Session, resident_id: int, destination_id: int | None
                         ) -> list[tuple[Any, ...]]:
    """(referral id, organisation, signalled_on) of the resident's named referrals (to this
    organisation, or to any), oldest first."""
    sql = ("SELECT r.id, d.organisation, r.signalled_on FROM referral r JOIN destination d "
           "ON d.id = r.destination_id WHERE r.resident_id = :rid")
    params: dict[str, object] = {"rid": resident_id}
    if destination_id is not None:
        sql += " AND r.destination_id = :did"
        params["did"] = destination_id
    return [tuple(r) for r in session.execute(text(sql + " ORDER BY r.signalled_on, r.id"),
                                              params)]
