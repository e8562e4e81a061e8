"""Writing demo rows fast: chunked executemany straight to the driver, and progress reports.

At a million rows SQLAlchemy's per-row parameter processing is a third of the run (groot:
31 s with Core `insert(table)` and lists of dicts, 23 s like this on a 2-core machine), so rows
go to the driver as tuples, converted per column as SQLAlchemy would bind them
(`column_converter`, checked against SQLAlchemy and the ORM in the tests). Tables whose
triggers feed the search index get multi-row INSERTs instead of an executemany (FTS5 makes a
segment per statement; see store.queries.demo.insert_tuples). A writer thread
overlapping inserts with generation was tried and gained nothing (the GIL), so it is all one
thread, on the caller's connection and inside its transaction.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Dialect, Table
from sqlalchemy.types import TypeEngine
from sqlmodel.sql.sqltypes import UTCDateTime

from vrijwilligers_app.store.queries.demo import full_text_writers, insert_tuples
from vrijwilligers_app.store.tables import metadata

Row = dict[str, Any]
ProgressCallback = Callable[[int, int, str], None]
Converter = Callable[[Any], Any]

CHUNK_ROWS = 5_000


def _aware_utc(value: datetime | None) -> str | None:
    """What SQLModel's UTCDateTime stores on SQLite: UTC wall time, microseconds, no offset."""
    if value is None:
        return None
    if value.tzinfo is not UTC:
        if value.utcoffset() is None:
            raise ValueError("demo: created_at/updated_at/occurred_at must be aware datetimes")
        value = value.astimezone(UTC)
    return value.isoformat(" ", "microseconds")[:26]


def _naive(value: datetime | None) -> str | None:
    """SQLAlchemy's SQLite DATETIME storage format (local wall-clock time)."""
    return None if value is None else value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def column_converter(column_type: TypeEngine[Any], dialect: Dialect) -> Converter | None:
    """Python value -> stored value, as SQLAlchemy would bind it for this column.

    The three types that fill most of the demo's cells get fast formatters (checked against
    SQLAlchemy in the tests); any other type uses SQLAlchemy's own bind processor, so a
    column type added later is still stored correctly, just not faster.
    """
    if isinstance(column_type, UTCDateTime):
        return _aware_utc
    if type(column_type) is DateTime:
        return _naive
    if type(column_type) is Date:
        return _date
    return column_type.dialect_impl(dialect).bind_processor(dialect)


def insert_rows(conn: Connection, table: Table, rows: list[Row], *,
                few_statements: bool = False) -> None:
    names = list(rows[0])
    convert = [(i, c) for i, name in enumerate(names)
               if (c := column_converter(table.c[name].type, conn.dialect)) is not None]
    params: list[tuple[Any, ...]] = []
    for row in rows:
        values = list(row.values())
        last_in: Any = None
        last_out: Any = None
        for i, converter in convert:
            value = values[i]
            # created_at, updated_at and occurred_at are often the very same object.
            if value is not last_in:
                last_in, last_out = value, converter(value)
            values[i] = last_out
        params.append(tuple(values))
    insert_tuples(conn, table.name, names, params, few_statements=few_statements)


class Writer:
    """Buffers rows per table and writes them in chunks, parents first.

    A flush writes every buffer in foreign-key order, so a child row never precedes a parent
    row generated before it. Every row of one table must have the same keys in the same order.
    """

    def __init__(self, conn: Connection, chunk_rows: int = CHUNK_ROWS) -> None:
        self.conn = conn
        self.chunk_rows = chunk_rows
        self.buffers: dict[str, list[Row]] = {t.name: [] for t in metadata.sorted_tables}
        self.counts: dict[str, int] = dict.fromkeys(self.buffers, 0)
        # Inserts that feed the search index go in as few statements as possible (see
        # store.queries.demo.insert_tuples): a statement per row cost a segment per row.
        self.few_statements = full_text_writers(conn)

    def add(self, table: str, row: Row) -> None:
        buffer = self.buffers[table]
        buffer.append(row)
        if len(buffer) >= self.chunk_rows:
            self.flush()

    def flush(self) -> None:
        for table in metadata.sorted_tables:
            rows = self.buffers[table.name]
            if rows:
                insert_rows(self.conn, table, rows,
                            few_statements=table.name in self.few_statements)
                self.counts[table.name] += len(rows)
                rows.clear()


class Progress:
    def __init__(self, callback: ProgressCallback | None) -> None:
        self.callback = callback
        self.total = 0
        self.done = 0
        self._reported = 0
        self._label = ""

    def advance(self, label: str, n: int = 1) -> None:
        self.done += n
        step = max(1, min(CHUNK_ROWS, self.total // 100))
        if label != self._label or self.done - self._reported >= step:
            self.report(label)

    def report(self, label: str) -> None:
        self._label, self._reported = label, self.done
        if self.callback is not None:
            self.callback(min(self.done, self.total), self.total, label)
