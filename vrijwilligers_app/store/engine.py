"""The one place where a database engine is made.

Every connection gets WAL, synchronous=FULL, foreign keys and a busy timeout. pysqlite's own
transaction handling is switched off and SQLAlchemy emits BEGIN itself, so transactions
(including DDL in migrations) are real: all of a transaction or none of it.
With a key the connections are SQLCipher's (store.cipher): the raw data key and the explicit
cipher settings are applied before SQLAlchemy sees the connection, so nothing ever reads the
file unkeyed. `key=None` is plain SQLite, for tests and for tools that convert old files.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event

if TYPE_CHECKING:  # SQLModel (and pydantic) load on the first session, not on every start
    from sqlmodel import Session

from vrijwilligers_app.store import cipher
from vrijwilligers_app.store.pragmas import BULK_PRAGMAS, BUSY_TIMEOUT_MS, PRAGMAS

__all__ = ["BULK_PRAGMAS", "BUSY_TIMEOUT_MS", "PRAGMAS", "create_register_engine",
           "read_session", "write_session"]


def create_register_engine(db_path: Path, key: bytes | None = None, *,
                           bulk: bool = False, cache_kib: int | None = None) -> Engine:
    """`bulk`: only for a side file nothing else has open (BULK_PRAGMAS).
    `cache_kib`: every connection's page cache, where the default would not hold the pages
    a bulk job looks up at random (store.side_file)."""
    pragmas: tuple[str, ...] = BULK_PRAGMAS if bulk else PRAGMAS
    if cache_kib is not None:
        pragmas = (*pragmas, f"PRAGMA cache_size=-{int(cache_kib)}")
    if key is None:
        engine = create_engine(
            f"sqlite:///{db_path}",
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
    else:
        def _connect() -> Any:
            return cipher.connect(db_path, key, timeout=BUSY_TIMEOUT_MS / 1000,
                                  check_same_thread=False)

        # module=: SQLAlchemy translates sqlcipher3's own exception classes.
        engine = create_engine(f"sqlite:///{db_path}", module=sqlcipher, creator=_connect)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see below
        cursor = dbapi_connection.cursor()
        try:
            for pragma in pragmas:
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        # Writers take the write lock up front (IMMEDIATE) so two writers never deadlock
        # on a lock upgrade; readers start a plain deferred snapshot.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session for one unit of work: committed on success, rolled back on any error."""
    from sqlmodel import Session

    with (
        Session(engine.execution_options(sqlite_begin="IMMEDIATE")) as session,
        session.begin(),
    ):
        yield session


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    from sqlmodel import Session

    with Session(engine) as session:
        yield session
