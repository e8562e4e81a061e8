"""Reading the audit log (services.audit writes it): the lines for the viewer, the inzage
PDF and the audit-log report, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from vrijwilligers_app.services.audit import KINDS

if TYPE_CHECKING:
    from sqlalchemy import Engine


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
