"""Reading and writing a register directly in tests: one copy of each helper for every module."""

from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlmodel import SQLModel

from vrijwilligers_app.store.engine import read_session, write_session


def add(engine: Engine, *records: SQLModel) -> list[int]:
    """Insert the records in one transaction; their new ids, in order."""
    with write_session(engine) as session:
        session.add_all(records)
        session.flush()
        return [record.id for record in records]  # type: ignore[attr-defined]


def rows(engine: Engine, sql: str, **params: object) -> list[tuple[Any, ...]]:
    """The rows of one SELECT, as plain tuples."""
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params)]


def count(engine: Engine, table: str | type[SQLModel]) -> int:
    """How many rows a table holds (by name or by its SQLModel class)."""
    if isinstance(table, str):
        return int(rows(engine, f'SELECT count(*) FROM "{table}"')[0][0])
    with read_session(engine) as session:
        return int(session.execute(select(func.count()).select_from(table)).scalar_one())
