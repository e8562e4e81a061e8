"""The audit log: `record(session, kind, ...)` inside the caller's own transaction.

Call it from any service (consent changes, unlocks, ...) with a kind from KINDS and the
record it is about by id/uuid. Never put a name, phone number or free text in `detail`:
entries must stay non-identifying when the resident is later anonymised. The actor is the
"Uw naam" setting (the app has no accounts); the log is append-only (migration 0008).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from vrijwilligers_app.store.direct import driver_connection, engine_transaction
from vrijwilligers_app.store.queries import audit as queries

if TYPE_CHECKING:  # SQLModel loads only for `record` and `entries`, not for `record_now`
    from sqlalchemy import Engine
    from sqlmodel import Session

    from vrijwilligers_app.store.tables import AuditEntry

ACTOR_SETTING = "user_name"
# kind -> Dutch label for the viewer and the inzage PDF.
KINDS: dict[str, str] = {
    "record_opened": "Dossier geopend",
    "report_with_names": "Rapport met namen afgedrukt of bewaard",
    "export": "Export naar de gemeente",
    "inzage": "Inzage (PDF) gemaakt",
    "vergeten": "Vergeten (gegevens gewist)",
    "retention_run": "Bewaartermijn: inwoners geanonimiseerd",
    "consent_changed": "Toestemming gewijzigd",
    "unlocked": "Register ontgrendeld",
}
DETAIL_MAX = 300


class UnknownAuditKind(ValueError):
    pass


def actor_name(session: Session) -> str:
    return queries.setting_value(driver_connection(session.connection()),
                                 ACTOR_SETTING).strip()[:80]


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise UnknownAuditKind(f"unknown audit kind {kind!r}; expected one of {sorted(KINDS)}")


def record(session: Session, kind: str, subject_kind: str = "", subject_id: int | None = None,
           subject_uuid: str = "", detail: str = "") -> AuditEntry:
    """Append one entry in `session`'s transaction (so it commits or rolls back with the
    action it describes)."""
    from vrijwilligers_app.store.tables import AuditEntry

    _check_kind(kind)
    entry = AuditEntry(actor=actor_name(session), kind=kind, subject_kind=subject_kind,
                       subject_id=subject_id, subject_uuid=subject_uuid,
                       detail=detail[:DETAIL_MAX])
    session.add(entry)
    session.flush()
    return entry


def record_now(engine: Engine, kind: str, subject_kind: str = "",
               subject_id: int | None = None, subject_uuid: str = "", detail: str = "") -> None:
    """`record` in a transaction of its own (for actions that write nothing else), in plain
    SQL: a command that only prints a report need not build the SQLModel tables."""
    _check_kind(kind)
    with engine_transaction(engine, write=True) as connection:
        record_on(connection, kind, subject_kind, subject_id, subject_uuid, detail)


def record_on(connection: Any, kind: str, subject_kind: str = "",
              subject_id: int | None = None, subject_uuid: str = "", detail: str = "") -> None:
    """The same in the caller's write transaction on a DB-API connection (store.direct)."""
    _check_kind(kind)
    actor = queries.setting_value(connection, ACTOR_SETTING).strip()[:80]
    queries.append(connection, at=datetime.now(UTC), actor=actor, kind=kind,
                   subject_kind=subject_kind, subject_id=subject_id,
                   subject_uuid=subject_uuid, detail=detail[:DETAIL_MAX])


@dataclass(frozen=True)
class AuditLine:
    at: datetime  # aware UTC
    actor: str
    kind: str
    label: str
    subject_kind: str
    subject_id: int | None
    detail: str


def entries(engine: Engine, start: date | None = None, end: date | None = None,
            kinds: Sequence[str] = (), subject_kind: str = "", subject_id: int | None = None,
            limit: int = 5000) -> list[AuditLine]:
    """Newest first; `start`/`end` are inclusive calendar days (UTC)."""
    from sqlalchemy import select
    from sqlmodel import col

    from vrijwilligers_app.store.engine import read_session
    from vrijwilligers_app.store.tables import AuditEntry

    stmt = select(AuditEntry).order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
    if start is not None:
        stmt = stmt.where(col(AuditEntry.at) >= datetime.combine(start, time(), UTC))
    if end is not None:
        stmt = stmt.where(col(AuditEntry.at) < datetime.combine(end + timedelta(days=1),
                                                                time(), UTC))
    if kinds:
        stmt = stmt.where(col(AuditEntry.kind).in_(list(kinds)))
    if subject_kind:
        stmt = stmt.where(col(AuditEntry.subject_kind) == subject_kind)
    if subject_id is not None:
        stmt = stmt.where(col(AuditEntry.subject_id) == subject_id)
    with read_session(engine) as session:
        rows = session.execute(stmt.limit(limit)).scalars().all()
        return [AuditLine(_aware(r.at), r.actor, r.kind, KINDS.get(r.kind, r.kind),
                          r.subject_kind, r.subject_id, r.detail) for r in rows]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
