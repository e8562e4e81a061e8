"""Alembic, run in-process: which revision a register has, and upgrading it to head.

Callers (store.register) take a backup first and migrate a copy, so a failed migration never
touches the live database; each revision also runs inside one real transaction.

Alembic itself (about 0.8 s to import on an ordinary laptop) is imported only to migrate.
Every start asks "is this register at head, or at a revision this app knows?": for the
shipped chain the answer is written out below (HEAD, REVISIONS; a test holds both equal to
the version files and to Alembic, so a new migration cannot be forgotten there), and for any
other folder (tests that add a revision) it is read from the version files without Alembic.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection, Engine

SHIPPED_MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
MIGRATIONS_DIR = SHIPPED_MIGRATIONS_DIR
# The shipped chain, as its version files say (tests/store/test_register.py holds them equal).
HEAD = "0012_m18c"
REVISIONS = frozenset({
    "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011",
    "0012_m18c",
})
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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


# `revision = "0003"` or, annotated, `revision: str = "0001"`, at the start of a line.
_LINK_LINE = r"^(revision|down_revision)\b[^=\n]*=(.*)$"  # compiled when files are read


def _links_in(text: str) -> dict[str, object]:
    """The module-level `revision` and `down_revision` values of one version file. Each is
    read from its own line when that line holds it whole (every version file so far: a
    quick look at every start); anything else is left to `ast` over the whole file."""
    found: dict[str, object] = {}
    for name, value in re.findall(_LINK_LINE, text, re.MULTILINE):
        if name in found:
            break  # a second assignment: let the parser decide
        try:
            found[name] = ast.literal_eval(value.strip())
        except (ValueError, SyntaxError):
            break
    else:
        if len(found) == 2:
            return found
    found = {}
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value_node = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value_node = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
            found[target.id] = ast.literal_eval(value_node)
    return found


def _revision_links() -> dict[str, tuple[str, ...]]:
    """revision -> the revisions it follows, read from the version files without running
    them (or Alembic)."""
    links: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = _links_in(path.read_text(encoding="utf-8"))
        revision, down = found.get("revision"), found.get("down_revision")
        if isinstance(revision, str):
            links[revision] = ((down,) if isinstance(down, str)
                               else tuple(down) if isinstance(down, tuple | list) else ())
    return links


def head_revision() -> str:
    if MIGRATIONS_DIR == SHIPPED_MIGRATIONS_DIR:
        return HEAD
    return head_in_files()


def known_revisions() -> frozenset[str]:
    if MIGRATIONS_DIR == SHIPPED_MIGRATIONS_DIR:
        return REVISIONS
    return revisions_in_files()


def head_in_files() -> str:
    """The chain's one head, read from the version files in MIGRATIONS_DIR."""
    links = _revision_links()
    followed = {down for downs in links.values() for down in downs}
    heads = [revision for revision in links if revision not in followed]
    assert len(heads) == 1, f"the migrations must have one head, not {heads}"
    return heads[0]


def revisions_in_files() -> frozenset[str]:
    return frozenset(_revision_links())


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
