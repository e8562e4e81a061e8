"""Register preferences stored in the database, so they travel with the data.

Plain SQL on the `setting` table (store/tables/settings.py describes it): reading a
preference must not build every SQLModel table class, which costs a command such as
`rapport` a good part of its start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine

SELECT_SQL = "SELECT value FROM setting WHERE key = :key"


def get_setting(engine: Engine, key: str, default: str = "") -> str:
    from sqlalchemy import text

    with engine.connect() as connection:
        value = connection.execute(text(SELECT_SQL), {"key": key}).scalar()
    return default if value is None else str(value)


def setting_on(connection: Any, key: str, default: str = "") -> str:
    """The same on a DB-API connection (store.direct)."""
    row = connection.execute(SELECT_SQL, {"key": key}).fetchone()
    return default if row is None or row[0] is None else str(row[0])


def get_int_setting(engine: Engine, key: str, default: int) -> int:
    try:
        return int(get_setting(engine, key, str(default)))
    except ValueError:
        return default


def set_setting(engine: Engine, key: str, value: str) -> None:
    from sqlalchemy import text

    with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as connection:
        connection.execute(text("INSERT INTO setting (key, value) VALUES (:key, :value) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                           {"key": key, "value": value})
