"""Appending one entry to the privacy log in plain SQL on a DB-API connection
(services.audit.record_now and record_on; store.direct gives the connection).

A command that prints one report with names only appends a line: building the SQLModel
tables for it cost more than the report (most of the `rapport` process's own time). `at` is
stored as SQLModel's UTCDateTime stores it (UTC wall time with microseconds, no offset); a
test compares this row with one written through the ORM.
"""

from datetime import UTC, datetime
from typing import Any

_ACTOR = "SELECT value FROM setting WHERE key = :key"
_INSERT = (
    "INSERT INTO audit_entry (at, actor, kind, subject_kind, subject_id, subject_uuid, detail) "
    "VALUES (:at, :actor, :kind, :subject_kind, :subject_id, :subject_uuid, :detail)")


def stored_utc(moment: datetime) -> str:
    """What UTCDateTime stores on SQLite for an aware datetime."""
    return moment.astimezone(UTC).isoformat(" ", "microseconds")[:26]


def setting_value(connection: Any, key: str) -> str:
    row = connection.execute(_ACTOR, {"key": key}).fetchone()
    return "" if row is None or row[0] is None else str(row[0])


def append(connection: Any, *, at: datetime, actor: str, kind: str, subject_kind: str,
           subject_id: int | None, subject_uuid: str, detail: str) -> None:
    connection.execute(_INSERT, {
        "at": stored_utc(at), "actor": actor, "kind": kind, "subject_kind": subject_kind,
        "subject_id": subject_id, "subject_uuid": subject_uuid, "detail": detail})
