"""Which database holds the gemeente store: the gemeente's register (default) or the
PostgreSQL database of a URL (`--database`, or the URL saved in Instellingen).

`gemeente_store(register_engine, url)` yields the engine the gemeente services work on. The
register itself (keys, code lists, sociale kaart, return numbering) stays in the gemeente's
data dir either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine

from vrijwilligers_app.store.gemeente_engine import create_gemeente_engine, translate_errors
from vrijwilligers_app.store.settings import get_setting, set_setting

DATABASE_URL_SETTING = "gemeente_database_url"

def prepare_gemeente_store(engine: Engine) -> None:
    """Bring the gemeente's tables on a PostgreSQL database up to date: the gemeente chain
    (store.gemeente.open), as one writer (the advisory lock of store.gemeente_engine)."""
    from vrijwilligers_app.store.gemeente.open import open_gemeente_store

    with translate_errors(engine):
        open_gemeente_store(engine.execution_options(sqlite_begin="IMMEDIATE"))


@contextmanager
def gemeente_store(register_engine: Engine, url: str | None) -> Iterator[Engine]:
    """The gemeente store's engine: the register's without a URL, else a PostgreSQL engine
    (made, brought up to date, and disposed of here). Connection failures raise
    GemeenteDatabaseError (Dutch, naming host:port/database)."""
    if not url:
        yield register_engine
        return
    engine = create_gemeente_engine(url)
    try:
        prepare_gemeente_store(engine)
        with translate_errors(engine):
            yield engine
    finally:
        engine.dispose()


def saved_database_url(register_engine: Engine) -> str | None:
    """The URL saved in Instellingen, or None (the store in the register)."""
    return get_setting(register_engine, DATABASE_URL_SETTING) or None


def save_database_url(register_engine: Engine, url: str) -> None:
    """Save (or with "" clear) the URL; callers check it with parse_database_url first."""
    set_setting(register_engine, DATABASE_URL_SETTING, url.strip())
