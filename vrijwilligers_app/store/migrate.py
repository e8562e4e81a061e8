"""Alembic, run in-process: which revision a register has, and upgrading it to head.

Callers (store.register) take a backup first and migrate a copy, so a failed migration never
touches the live database; each revision also runs inside one real transaction.
"""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Made by migrations in raw SQL, not described by the SQLModel tables: the FTS5 search index
# and the shadow tables SQLite keeps for it (search_index_data, _idx, _content, ...).
RAW_SQL_TABLES = ("search_index",)


def is_schema_object_ours(name: str | None) -> bool:
    """False for tables that Alembic's comparison with the models must leave alone."""
    return name is None or not any(name == raw or name.startswith(raw + "_")
                                   for raw in RAW_SQL_TABLES)


# Expression indexes made in raw SQL (migration 0003); the models cannot describe them.
RAW_SQL_INDEX_PREFIX = "ix_sort_"


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic `include_name` hook: compare only what the models describe."""
    if type_ == "index":
        return not (name or "").startswith(RAW_SQL_INDEX_PREFIX)
    return type_ != "table" or is_schema_object_ours(name)


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in _scripts().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
