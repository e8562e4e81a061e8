"""The audit log: `record(session, kind, ...)` inside the caller's own transaction.

Call it from any service (consent changes, unlocks, ...) with a kind from KINDS and the
record it is about by id/uuid. Never put a name, phone number or free text in `detail`:
entries must stay non-identifying when the resident is later anonymised. The actor is the
"Uw naam" setting (the app has no accounts); the log is append-only (migration 0008).

Reading the log (`entries`, `AuditLine`) lives in services.audit_entries and is reached here
as well, imported on first use: a command that only appends a line (`rapport`) does not
build the reading side's class.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from vrijwilligers_app.store.direct import driver_connection, engine_transaction
from vrijwilligers_app.store.queries import audit as queries

if TYPE_CHECKING:  # SQLModel loads only for `record` and `entries`, not for `record_now`
    from sqlalchemy import Engine
    from sqlmodel import Session

    from vrijwilligers_app.services.audit_entries import AuditLine as AuditLine
    from vrijwilligers_app.services.audit_entries import entries as entries
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


def __getattr__(name: str) -> Any:
    """`audit.entries` and `audit.AuditLine`, from services.audit_entries on first use."""
    if name in ("AuditLine", "entries"):
        from vrijwilligers_app.services import audit_entries

        return getattr(audit_entries, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
