"""Plain DB-API connections to a register, in one transaction each.

For work that reads a few rows and writes at most a line, where SQLAlchemy's import and
engine would cost more than the work: `rapport vrijwilligers` on the command line (store.
register's `lazy_engine`; the register keeps one such connection for all its transactions).
Same key, PRAGMAs and transaction rules as store.engine: BEGIN DEFERRED to read, BEGIN
IMMEDIATE to write, all of a transaction or none of it. SQL text stays
in store/queries, whose plain functions take the connection these give.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vrijwilligers_app.store import cipher
from vrijwilligers_app.store.pragmas import BUSY_TIMEOUT_MS, PRAGMAS

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine


def connect(db_path: Path, key: bytes | None, *, check_same_thread: bool = True) -> Any:
    """A connection with the register's PRAGMAs, in autocommit: BEGIN is ours (`on`)."""
    connection = cipher.connect(db_path, key, timeout=BUSY_TIMEOUT_MS / 1000,
                                check_same_thread=check_same_thread)
    try:
        connection.isolation_level = None  # BEGIN is ours, as in store.engine
        for pragma in PRAGMAS:
            connection.execute(pragma)
    except BaseException:
        connection.close()
        raise
    return connection


@contextmanager
def on(connection: Any, *, write: bool = False) -> Iterator[Any]:
    """One transaction on `connection` (from `connect`): committed, or rolled back on any
    error; `write` takes the write lock up front."""
    connection.execute("BEGIN IMMEDIATE" if write else "BEGIN DEFERRED")
    try:
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        # Also after a failed COMMIT (busy, disk full): the connection is used again, so it
        # must not be left inside the transaction; the first error is the one raised.
        if connection.in_transaction:
            with suppress(*cipher.Error):
                connection.execute("ROLLBACK")
        raise


@contextmanager
def engine_transaction(engine: Engine, *, write: bool = False) -> Iterator[Any]:
    """The same through a connection of `engine`'s pool (the GUI holds an engine)."""
    options = engine.execution_options(sqlite_begin="IMMEDIATE" if write else "DEFERRED")
    with options.begin() as connection:
        yield driver_connection(connection)


def driver_connection(connection: Connection) -> Any:
    """The DB-API connection under a SQLAlchemy connection, in its transaction."""
    return connection.connection.driver_connection
