"""Anonymise residents and their records, all or nothing, keeping every figure.

One write transaction does everything: the resident rows, the free text of their requests,
matches, contacts, evaluations, referrals and events, the search index (rewritten into one
segment, so no erased word survives in an old FTS5 segment), and an audit entry. The
connection runs with `secure_delete=ON` (store.engine), so the old text is overwritten with
zeros; after the commit the WAL is checkpointed and truncated, so no old page image of the
erased text stays in the WAL either. A crash or an error at any point leaves all or nothing.
"""

import logging
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, bindparam, text
from sqlmodel import Session

from vrijwilligers_app.domain import anonymisation as rules
from vrijwilligers_app.domain.person_fields import age_band
from vrijwilligers_app.services import audit
from vrijwilligers_app.store.engine import write_session

log = logging.getLogger(__name__)
BATCH = 200
Progress = Generator[tuple[int, int, str], None, "AnonymiseResult"]

# The rows of a batch of residents, per table of domain.anonymisation.CLEARED_TEXT.
_OWNED = {
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


@dataclass(frozen=True)
class AnonymiseResult:
    residents: int
    wal_truncated: bool


def _exec(session: Session, sql: str, **params: Any) -> Any:
    statement = text(sql)
    if "ids" in params:
        statement = statement.bindparams(bindparam("ids", expanding=True))
    return session.execute(statement, params)


def _anonymise_batch(session: Session, ids: list[int], today: date) -> None:
    # Referrals keep the age band their figures used (from the birth year on the signal day).
    for rid, birth_year, signalled in _exec(session, """
            SELECT r.id, p.birth_year, r.signalled_on FROM referral r
            JOIN resident p ON p.id = r.resident_id
            WHERE r.resident_id IN :ids AND r.age_band = '' AND p.birth_year IS NOT NULL""",
                                            ids=ids).all():
        band = age_band(birth_year, date.fromisoformat(str(signalled)[:10]))
        _exec(session, "UPDATE referral SET age_band = :band WHERE id = :id", band=band, id=rid)
    for rid, birth_year, band, postcode in _exec(session, """
            SELECT id, birth_year, age_band, postcode FROM resident WHERE id IN :ids""",
                                                 ids=ids).all():
        _exec(session, """
            UPDATE resident SET first_name = :first, last_name = :last, birth_year = NULL,
                   age_band = :band, postcode = :postcode, anonymised_on = :today
            WHERE id = :id""", first=rules.ANONYMOUS_FIRST_NAME,
              last=rules.anonymous_last_name(rid),
              band=rules.frozen_age_band(birth_year, band, today),
              postcode=rules.coarse_postcode(postcode or ""), today=today, id=rid)
    # Migrated free text in the consent ledger; a placeholder, as a sharing consent without
    # an organisation must name what it allowed.
    _exec(session, "UPDATE consent SET legacy_scope = :cleared WHERE resident_id IN :ids "
                   "AND legacy_scope <> ''", cleared=rules.LEGACY_SCOPE_CLEARED, ids=ids)
    for table, columns in rules.CLEARED_TEXT.items():
        assignments = ", ".join(f"{c} = ''" for c in columns)
        changed = " OR ".join(f"{c} <> ''" for c in columns)
        _exec(session, f"UPDATE {table} SET {assignments} WHERE ({_OWNED[table]}) "
                       f"AND ({changed})", ids=ids)


def clear_referral_text(session: Session, referral_ids: Sequence[int]) -> None:
    """The free text of referrals without a name (a question may still describe a person):
    question, and the notes and outcomes of their events; audited per referral."""
    ids = list(referral_ids)
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        _exec(session, "UPDATE referral SET question = '' WHERE id IN :ids AND question <> ''",
              ids=batch)
        _exec(session, "UPDATE referral_event SET note = '', outcome = '' WHERE referral_id "
                       "IN :ids AND (note <> '' OR outcome <> '')", ids=batch)
    for rid in ids:
        audit.record(session, "retention_run", "referral", rid, detail="vrije tekst gewist")


def purge_search_index(session: Session) -> None:
    """Merge the FTS5 index into one segment: deleted rows' terms are dropped, and the old
    segments' pages are freed (and zeroed, secure_delete)."""
    _exec(session, "INSERT INTO search_index(search_index) VALUES ('optimize')")


def truncate_wal(engine: Engine) -> bool:
    """Write the WAL into the main file and empty it; False when a reader kept it busy."""
    with engine.connect() as connection:
        busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy is not None and busy[0] == 0


def anonymise_steps(engine: Engine, resident_ids: Sequence[int], today: date,
                    audit_kind: str = "retention_run", detail: str = "",
                    first: Callable[[Session], None] | None = None) -> Progress:
    """Generator for the TaskRunner: yields (done, total, label); returns AnonymiseResult.

    Already anonymised residents are skipped. One transaction: nothing is committed until
    every batch, the index and the audit entry are written; `first` runs inside it before
    anything else (vergeten closes what is still open)."""
    ids = sorted(set(resident_ids))
    total = len(ids)
    with write_session(engine) as session:
        if first is not None:
            first(session)
        todo = [r for (r,) in _exec(session, "SELECT id FROM resident WHERE id IN :ids "
                                             "AND anonymised_on IS NULL", ids=ids).all()]
        for start in range(0, len(todo), BATCH):
            yield start, total, "Gegevens wissen…"
            _anonymise_batch(session, todo[start:start + BATCH], today)
        yield len(todo), total, "Zoekindex bijwerken…"
        purge_search_index(session)
        for rid in todo:  # one entry per resident, so each one's history shows it
            audit.record(session, audit_kind, "resident", rid, detail=detail)
    truncated = truncate_wal(engine)
    if not truncated:
        log.warning("WAL na anonimiseren niet geleegd (een lezer was bezig)")
    yield total, total, "Klaar"
    return AnonymiseResult(len(todo), truncated)


def anonymise(engine: Engine, resident_ids: Sequence[int], today: date,
              audit_kind: str = "retention_run", detail: str = "") -> AnonymiseResult:
    """The same, without progress (CLI, tests)."""
    steps = anonymise_steps(engine, resident_ids, today, audit_kind, detail)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            result: AnonymiseResult = stop.value
            return result
