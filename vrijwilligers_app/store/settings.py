"""Register preferences stored in the database, so they travel with the data."""

from sqlalchemy import Engine, select
from sqlmodel import col

from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.tables import Setting


def get_setting(engine: Engine, key: str, default: str = "") -> str:
    with read_session(engine) as session:
        value = session.execute(select(col(Setting.value)).where(col(Setting.key) == key)).scalar()
    return default if value is None else value


def get_int_setting(engine: Engine, key: str, default: int) -> int:
    try:
        return int(get_setting(engine, key, str(default)))
    except ValueError:
        return default


def set_setting(engine: Engine, key: str, value: str) -> None:
    with write_session(engine) as session:
        session.merge(Setting(key=key, value=value))
