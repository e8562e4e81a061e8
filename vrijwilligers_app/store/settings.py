"""Register preferences stored in the database, so they travel with the data.

Plain SQL on the `setting` table (store/tables/settings.py describes it): reading a
preference must not build every SQLModel table class, which costs a command such as
`rapport` a good part of its start.
"""

from sqlalchemy import Engine, text


def get_setting(engine: Engine, key: str, default: str = "") -> str:
    with engine.connect() as connection:
        value = connection.execute(text("SELECT value FROM setting WHERE key = :key"),
                                   {"key": key}).scalar()
    return default if value is None else str(value)


def get_int_setting(engine: Engine, key: str, default: int) -> int:
    try:
        return int(get_setting(engine, key, str(default)))
    except ValueError:
        return default


def set_setting(engine: Engine, key: str, value: str) -> None:
    with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as connection:
        connection.execute(text("INSERT INTO setting (key, value) VALUES (:key, :value) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                           {"key": key, "value": value})
