"""Gemeente side: a source's snapshot in the typed tables (store/gemeente, issue 17).

Replacing a snapshot happens inside the caller's merge transaction: the source's rows go from
every table, the package's rows come in batches (Core executemany, no ORM objects), so the
memory used is one batch whatever the package holds. Reading gives plain dicts with dates as
ISO text, as the packages wrote them.
"""

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, select

from vrijwilligers_app.store.gemeente.tables import SNAPSHOT

BATCH = 2000


def _batches(source_id: str, rows: Iterable[Mapping[str, Any]]
             ) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append({**row, "source_id": source_id})
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def replace_rows(connection: Connection, source_id: str,
                 tables: Mapping[str, Iterable[Mapping[str, Any]]]) -> int:
    """Inside an open transaction: the source's snapshot becomes `tables`; returns the number
    of rows written. Tables not in `tables` end up empty for this source."""
    for table in reversed(SNAPSHOT.values()):
        connection.execute(delete(table).where(table.c.source_id == source_id))
    written = 0
    for name, rows in tables.items():
        table = SNAPSHOT[name]
        for batch in _batches(source_id, rows):
            connection.execute(table.insert(), batch)
            written += len(batch)
    return written


def _text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def snapshot_rows(engine: Engine, table: str, source_id: str | None = None
                  ) -> list[tuple[str, dict[str, Any]]]:
    """(source id, row) of one export table, of one source or all; dates as ISO text."""
    typed = SNAPSHOT[table]
    stmt = select(typed)
    if source_id is not None:
        stmt = stmt.where(typed.c.source_id == source_id)
    stmt = stmt.order_by(*typed.primary_key.columns)
    with engine.connect() as connection:
        return [(row["source_id"], {k: _text(v) for k, v in row.items() if k != "source_id"})
                for row in connection.execute(stmt).mappings()]
