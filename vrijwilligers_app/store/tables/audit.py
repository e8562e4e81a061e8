"""The audit log: who opened, printed, exported, looked up or erased what, and when.

Append-only: triggers made by migration 0008 refuse every UPDATE and DELETE on the table, so
even a bug (or a curious SQLite tool) cannot rewrite history without dropping the trigger.
Entries refer to records by kind and id/uuid only, never by name or free text, so
anonymising a resident leaves no identifying trace here.
"""

from datetime import datetime

from sqlmodel import Field, SQLModel

from vrijwilligers_app.store.tables.base import utcnow


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(default="", max_length=80)  # the "Uw naam" setting
    kind: str = Field(max_length=30, index=True)  # see services.audit.KINDS
    subject_kind: str = Field(default="", max_length=20)  # 'resident', 'report', ...
    subject_id: int | None = Field(default=None, index=True)
    subject_uuid: str = Field(default="", max_length=36)
    detail: str = Field(default="", max_length=300)  # codes and counts, never personal text
