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

from sqlalchemy import Engine
from sqlmodel import Session

from vrijwilligers_app.domain import anonymisation as rules
from vrijwilligers_app.domain.person_fields import age_band
from vrijwilligers_app.services import audit
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.queries import anonymise as queries

log = logging.getLogger(__name__)
BATCH = 200
Progress = Generator[tuple[int, int, str], None, "AnonymiseResult"]

@dataclass(frozen=True)
class AnonymiseResult:
    residents: int
    wal_truncated: bool


def _anonymise_batch(session: Session, ids: list[int], today: date) -> None:
    # Referrals keep the age band their figures used (from the birth year on the signal day).
    for rid, birth_year, signalled in queries.referrals_without_band(session, ids):
        band = age_band(birth_year, date.fromisoformat(str(signalled)[:10]))
        queries.set_referral_band(session, rid, band)
    for rid, birth_year, band, postcode in queries.resident_facts(session, ids):
        queries.overwrite_resident(
            session, rid, rules.ANONYMOUS_FIRST_NAME, rules.anonymous_last_name(rid),
            rules.frozen_age_band(birth_year, band, today),
            rules.coarse_postcode(postcode or ""), today)
    # Migrated free text in the consent ledger; a placeholder, as a sharing consent without
    # an organisation must name what it allowed.
    queries.clear_legacy_scope(session, ids, rules.LEGACY_SCOPE_CLEARED)
    for table, columns in rules.CLEARED_TEXT.items():
        queries.clear_owned_text(session, table, columns, ids)


def clear_referral_text(session: Session, referral_ids: Sequence[int]) -> None:
    """The free text of referrals without a name (a question may still describe a person):
    question, and the notes and outcomes of their events; audited per referral."""
    ids = list(referral_ids)
    for start in range(0, len(ids), BATCH):
        queries.clear_referral_text(session, ids[start:start + BATCH])
    for rid in ids:
        audit.record(session, "retention_run", "referral", rid, detail="vrije tekst gewist")


def purge_search_index(session: Session) -> None:
    """Merge the FTS5 index into one segment (store.queries.anonymise)."""
    queries.optimize_search_index(session)


def truncate_wal(engine: Engine) -> bool:
    """Write the WAL into the main file and empty it; False when a reader kept it busy."""
    return queries.truncate_wal(engine)


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
        todo = queries.not_anonymised(session, ids)
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
