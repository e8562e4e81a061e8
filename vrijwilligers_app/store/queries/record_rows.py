"""Whole rows of one table by one column, for deleting a record and undoing it
(services/editing/deletion.py). Table and column names come from the schema (the models),
never from input; values are bound. Every function runs on the caller's Session.
"""

from collections.abc import Sequence

from sqlmodel import Session


def count_where(session: Session, table: str, column: str, value: int) -> int:
    return int(session.connection().exec_driver_sql(
        f'SELECT count(*) FROM "{table}" WHERE "{column}" = ?', (value,)).scalar_one())


def rows_where(session: Session, table: str, column: str, value: int
               ) -> list[dict[str, object]]:
    result = session.connection().exec_driver_sql(
        f'SELECT * FROM "{table}" WHERE "{column}" = ?', (value,))
    return [dict(row._mapping) for row in result]


def delete_where(session: Session, table: str, column: str, value: int) -> None:
    session.connection().exec_driver_sql(f'DELETE FROM "{table}" WHERE "{column}" = ?',
                                         (value,))


def insert_rows(session: Session, table: str, rows: Sequence[dict[str, object]]) -> None:
    """The rows back as they were (same ids); all rows have the same columns."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" * len(columns))
    session.connection().exec_driver_sql(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                                         [tuple(row[c] for c in columns) for row in rows])
