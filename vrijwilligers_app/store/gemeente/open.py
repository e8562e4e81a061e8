"""The seam to the gemeente store: bring any engine's gemeente tables up to date.

    open_gemeente_store(engine)   # the register's engine (SQLite) or a PostgreSQL engine

Runs the gemeente's own Alembic chain (version table `gemeente_version`, next to the laptop
chain's `alembic_version` when both live in one register file). Every gemeente service takes
the engine this was called on. Idempotent and cheap when the store is at head.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # SQLAlchemy loads when an engine is there (store.direct reads HEAD bare)
    from alembic.config import Config
    from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "gemeente_version"
HEAD = "g0001"  # a test holds it equal to the chain's one head


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Compare only the gemeente's tables (the laptop's share the file on SQLite)."""
    return type_ != "table" or name is None or name.startswith("gemeente_")


def alembic_config(connection: object | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import column, inspect, select, table
    from sqlalchemy.exc import SQLAlchemyError

    if not inspect(engine).has_table(VERSION_TABLE):
        return None

    try:
        with engine.connect() as connection:
            return connection.execute(select(column("version_num")).select_from(
                table(VERSION_TABLE))).scalar()
    except SQLAlchemyError:
        return None


def revision_on(connection: Any) -> str | None:
    """The same on a DB-API connection to a register (store.direct), without SQLAlchemy."""
    if connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                          (VERSION_TABLE,)).fetchone() is None:
        return None
    row = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    return None if row is None else str(row[0])


def open_gemeente_store(engine: Engine) -> None:
    """Create or upgrade the gemeente tables on `engine`, in one transaction. A register made
    before this chain keeps its imported packages: the first revision copies them."""
    if current_revision(engine) == HEAD:
        return
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
