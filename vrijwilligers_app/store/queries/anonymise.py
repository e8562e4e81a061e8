"""The writes of anonymisation (services/privacy/anonymise.py): overwrite a batch of
residents and the free text of what they own, clear anonymous referrals' text, merge the
search index, empty the WAL. The rules (placeholder names, frozen age bands, coarse
postcodes, which columns are free text) come from domain.anonymisation through the service;
every statement runs on the caller's Session, so the whole run stays one transaction.
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Engine, bindparam, text
from sqlmodel import Session

# The rows of a batch of residents, per table of domain.anonymisation.CLEARED_TEXT.
OWNED = {
    "resident": "id IN :ids",
    "buddy_request": "resident_id IN :ids",
    "buddy_match": "request_id IN (SELECT id FROM buddy_request WHERE resident_id IN :ids)",
    "contact_moment": "match_id IN (SELECT m.id FROM buddy_match m JOIN buddy_request q "
                      "ON q.id = m.request_id WHERE q.resident_id IN :ids)",
    "evaluation": "match_id IN (SELECT m.id FROM buddy_match m JOIN buddy_request q "
                  "ON q.id = m.request_id WHERE q.resident_id IN :ids)",
    "referral": "resident_id IN :ids",
    "referral_event": "referral_id IN (SELECT id FROM referral WHERE resident_id IN :ids)",
}


def _exec(session: Session, sql: str, **params: Any) -> Any:
    statement = text(sql)
    if "ids" in params:
        statement = statement.bindparams(bindparam("ids", expanding=True))
    return session.execute(statement, params)


def not_anonymised(session: Session, ids: Sequence[int]) -> list[int]:
    return [r for (r,) in _exec(session, "SELECT id FROM resident WHERE id IN :ids "
                                         "AND anonymised_on IS NULL", ids=list(ids)).all()]


def referrals_without_band(session: Session, ids: list[int]) -> list[tuple[Any, ...]]:
    """(referral id, birth year, signalled_on) of the residents' referrals with no age band."""
    return [tuple(r) for r in _exec(session, """
        SELECT r.id, p.birth_year, r.signalled_on FROM referral r
        JOIN resident p ON p.id = r.resident_id
        WHERE r.resident_id IN :ids AND r.age_band = '' AND p.birth_year IS NOT NULL""",
        ids=ids).all()]


def set_referral_band(session: Session, referral_id: int, band: str) -> None:
    _exec(session, "UPDATE referral SET age_band = :band WHERE id = :id", band=band,
          id=referral_id)


def resident_facts(session: Session, ids: list[int]) -> list[tuple[Any, ...]]:
    """(id, birth_year, age_band, postcode) of the residents."""
    return [tuple(r) for r in _exec(session, """
        SELECT id, birth_year, age_band, postcode FROM resident WHERE id IN :ids""",
        ids=ids).all()]


def overwrite_resident(session: Session, resident_id: int, first: str, last: str, band: str,
                       postcode: str, today: date) -> None:
    _exec(session, """
        UPDATE resident SET first_name = :first, last_name = :last, birth_year = NULL,
               age_band = :band, postcode = :postcode, anonymised_on = :today
        WHERE id = :id""", first=first, last=last, band=band, postcode=postcode, today=today,
          id=resident_id)


def clear_legacy_scope(session: Session, ids: list[int], cleared: str) -> None:
    """Migrated free text in the consent ledger becomes the placeholder `cleared`."""
    _exec(session, "UPDATE consent SET legacy_scope = :cleared WHERE resident_id IN :ids "
                   "AND legacy_scope <> ''", cleared=cleared, ids=ids)


def clear_owned_text(session: Session, table: str, columns: Sequence[str], ids: list[int]
                     ) -> None:
    """Empty these free-text columns of the residents' rows in `table` (a key of OWNED)."""
    assignments = ", ".join(f"{c} = ''" for c in columns)
    changed = " OR ".join(f"{c} <> ''" for c in columns)
    _exec(session, f"UPDATE {table} SET {assignments} WHERE ({OWNED[table]}) "
                   f"AND ({changed})", ids=ids)


def clear_referral_text(session: Session, referral_ids: list[int]) -> None:
    """The question of these referrals and the notes and outcomes of their events."""
    _exec(session, "UPDATE referral SET question = '' WHERE id IN :ids AND question <> ''",
          ids=referral_ids)
    _exec(session, "UPDATE referral_event SET note = '', outcome = '' WHERE referral_id "
                   "IN :ids AND (note <> '' OR outcome <> '')", ids=referral_ids)


def optimize_search_index(session: Session) -> None:
    """Merge the FTS5 index into one segment: deleted rows' terms are dropped, and the old
    segments' pages are freed (and zeroed, secure_delete)."""
    _exec(session, "INSERT INTO search_index(search_index) VALUES ('optimize')")


def truncate_wal(engine: Engine) -> bool:
    """Write the WAL into the main file and empty it; False when a reader kept it busy."""
    with engine.connect() as connection:
        busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy is not None and busy[0] == 0
