"""Appending one entry to the privacy log in plain SQL (services.audit.record_now).

A command that prints one report with names only appends a line: building the SQLModel
tables for it cost more than the report (most of the `rapport` process's own time). `at` is
stored as SQLModel's UTCDateTime stores it (UTC wall time with microseconds, no offset); a
test compares this row with one written through the ORM.
"""

from datetime import UTC, datetime

from sqlalchemy import Connection, text

_ACTOR = text("SELECT value FROM setting WHERE key = :key")
_INSERT = text(
    "INSERT INTO audit_entry (at, actor, kind, subject_kind, subject_id, subject_uuid, detail) "
    "VALUES (:at, :actor, :kind, :subject_kind, :subject_id, :subject_uuid, :detail)")


def stored_utc(moment: datetime) -> str:
    """What UTCDateTime stores on SQLite for an aware datetime."""
    return moment.astimezone(UTC).isoformat(" ", "microseconds")[:26]


def setting_value(connection: Connection, key: str) -> str:
    value = connection.execute(_ACTOR, {"key": key}).scalar()
    return "" if value is None else str(value)


def append(connection: Connection, *, at: datetime, actor: str, kind: str, subject_kind: str,
           subject_id: int | None, subject_uuid: str, detail: str) -> None:
    connection.execute(_INSERT, {
        "at": stored_utc(at), "actor": actor, "kind": kind, "subject_kind": subject_kind,
        "subject_id": subject_id, "subject_uuid": subject_uuid, "detail": detail})
