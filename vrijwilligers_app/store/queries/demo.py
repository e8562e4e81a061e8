"""SQL of the demo (services/demo, services/demo_data): every function runs on the caller's
Connection, inside its one transaction (the demo fills and empties all or nothing).

No table classes are imported here: `demo_data.is_demo` is asked before the window's first
paint, which must not build the SQLModel tables; callers pass the tables they mean."""

import re
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

from sqlalchemy import Connection, Table, exists, func, select, text


def holds_rows(conn: Connection, tables: Iterable[Table]) -> bool:
    """Whether any of these tables holds a row."""
    return any(conn.execute(select(exists().select_from(table))).scalar() for table in tables)


def cache_size(conn: Connection) -> int:
    """SQLite's page cache size as PRAGMA cache_size reports it (negative: KiB)."""
    return int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())


def set_cache_size(conn: Connection, size: int) -> None:
    """PRAGMA cache_size = size (negative: KiB); `size` is an int, never input."""
    conn.exec_driver_sql(f"PRAGMA cache_size={int(size)}")


def next_ids(conn: Connection, tables: Iterable[Table]) -> dict[str, int]:
    """The first free id of each table that has an id column (max(id) + 1, 1 when empty)."""
    found: dict[str, int] = {}
    for table in tables:
        if "id" in table.c:
            current = conn.execute(select(func.max(table.c.id))).scalar()
            found[table.name] = (current or 0) + 1
    return found


def active_codes(conn: Connection, table: Table) -> list[str]:
    """The active codes of a code list, in its sort order."""
    query = select(table.c.code).where(table.c.active).order_by(table.c.sort_order,
                                                                table.c.code)
    return list(conn.execute(query).scalars())


def districts(conn: Connection, table: Table) -> list[tuple[str, str, int | None]]:
    """(code, name, inhabitants) of every wijk, by code."""
    return [(code, name, inhabitants) for code, name, inhabitants in conn.execute(
        select(table.c.code, table.c.name, table.c.inhabitants).order_by(table.c.code))]


def neighbourhoods(conn: Connection, table: Table) -> list[tuple[str, str, str]]:
    """(code, name, district_code) of every buurt, by code."""
    return [(code, name, district) for code, name, district in conn.execute(
        select(table.c.code, table.c.name, table.c.district_code).order_by(table.c.code))]


def active_destinations(conn: Connection, table: Table) -> dict[str, int]:
    """code → id of the active destinations (sociale kaart), in id order."""
    return {code: id_ for id_, code in conn.execute(
        select(table.c.id, table.c.code).where(table.c.active).order_by(table.c.id))}


# SQLite's default limit on ? parameters in one statement (SQLITE_MAX_VARIABLE_NUMBER since
# 3.32); builds with a lower limit are older than the SQLite this app needs.
MAX_PARAMETERS = 32_766
_INSERT_TRIGGER = re.compile(r"\b(BEFORE|AFTER)\s+INSERT\s+ON\b", re.IGNORECASE)


def full_text_writers(conn: Connection) -> set[str]:
    """Tables whose inserts fire a trigger that writes an FTS5 table (the search index)."""
    fts = fts5_tables(conn)
    return {table for table, sql in conn.exec_driver_sql(
        "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
        if _INSERT_TRIGGER.search(sql) and any(name in sql for name in fts)}


def insert_tuples(conn: Connection, table: str, columns: Sequence[str],
                  params: list[tuple[Any, ...]], *, few_statements: bool = False) -> None:
    """Rows straight to the driver (values already converted as SQLAlchemy would bind them).
    Table and column names come from our own metadata, never from input.

    Plain tables: one executemany (a prepared single-row INSERT per row, the fastest).
    `few_statements` (the tables in `full_text_writers`): as few multi-row INSERTs as the
    parameter limit allows. FTS5 writes its pending entries to a new segment at every
    statement (at each statement savepoint), so one statement per row made a segment per row
    and merges that grew with the register. Same rows, same order, same triggers."""
    if not params:
        return
    names = ", ".join(f'"{name}"' for name in columns)
    row_marks = "(" + ", ".join("?" * len(columns)) + ")"
    if not few_statements:
        conn.exec_driver_sql(f'INSERT INTO "{table}" ({names}) VALUES {row_marks}', params)
        return
    per_statement = max(1, MAX_PARAMETERS // len(columns))
    for start in range(0, len(params), per_statement):
        rows = params[start:start + per_statement]
        sql = f'INSERT INTO "{table}" ({names}) VALUES ' + ", ".join([row_marks] * len(rows))
        conn.exec_driver_sql(sql, tuple(chain.from_iterable(rows)))


def empty_tables(conn: Connection, names: Iterable[str]) -> int:
    """Delete every row of these tables (children first: the caller's order); rows removed.
    The names come from our own table metadata, never from input."""
    removed = 0
    for name in names:
        removed += conn.execute(text(f'DELETE FROM "{name}"')).rowcount or 0
    return removed


def delete_setting(conn: Connection, key: str) -> None:
    conn.execute(text("DELETE FROM setting WHERE key = :key"), {"key": key})


def drop_secondary_indexes(conn: Connection, tables: Iterable[str],
                           keep: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Drop the indexes of these tables that have their own CREATE INDEX (not the ones SQLite
    keeps for a PRIMARY KEY or UNIQUE constraint), except `keep`; returns (name, sql) of each,
    in schema order, for `create_indexes` after a bulk load. Inside the caller's transaction:
    a rollback brings them back. Names come from the schema itself, never from input."""
    wanted, kept = set(tables), set(keep)
    found = [(name, table, sql) for name, table, sql in conn.exec_driver_sql(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "ORDER BY rowid")]
    dropped = [(name, sql) for name, table, sql in found if table in wanted and name not in kept]
    for name, _sql in dropped:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return dropped


def create_indexes(conn: Connection, indexes: Iterable[tuple[str, str]]) -> None:
    """Create indexes again from their own schema SQL (as `drop_secondary_indexes` found it):
    one sort per index instead of a random B-tree insert per row."""
    for _name, sql in indexes:
        conn.exec_driver_sql(sql)


# FTS5 merges while a bulk load runs: none by choice (automerge 0), and only a crisis merge
# once a level holds this many segments (a register of a million residents stays far below
# FTS5's limit of 2000 segments). With FTS5's own defaults each entry is merged again at every
# level of a tree that deepens with the register (log n); this way it is written once, merged
# at most once or twice and then once more by the final 'optimize': a cost per row that does
# not grow.
FTS_LOAD_CONFIG = (("automerge", 0), ("crisismerge", 64))
FTS_DEFAULTS = {"automerge": 4, "crisismerge": 16}  # FTS5's documented defaults
FtsConfig = list[tuple[str, dict[str, Any]]]


def fts5_tables(conn: Connection) -> list[str]:
    """The FTS5 tables of the schema (the search index), by name."""
    return list(conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND lower(sql) LIKE 'create virtual table%using fts5%' ORDER BY name").scalars())


def pause_fts_merges(conn: Connection) -> FtsConfig:
    """Set FTS_LOAD_CONFIG on every FTS5 table for a bulk load; returns what each table's
    config table held for those keys, for `resume_fts_merges`. Inside the caller's
    transaction: a rollback brings the old settings back. Names come from the schema."""
    saved: FtsConfig = []
    keys = [key for key, _value in FTS_LOAD_CONFIG]
    for table in fts5_tables(conn):
        marks = ", ".join("?" * len(keys))
        saved.append((table, dict(conn.exec_driver_sql(
            f'SELECT k, v FROM "{table}_config" WHERE k IN ({marks})', tuple(keys)).all())))
        for key, value in FTS_LOAD_CONFIG:
            _fts_command(conn, table, key, value)
    return saved


def resume_fts_merges(conn: Connection, saved: FtsConfig) -> None:
    """Merge each FTS5 table's segments into one ('optimize': one pass over the index), then
    put its settings back as they were: the same value through FTS5's own command (every open
    connection re-reads it), and no row at all where there was none (FTS5's default)."""
    for table, before in saved:
        conn.exec_driver_sql(f'INSERT INTO "{table}"("{table}") VALUES (\'optimize\')')
        for key, _value in FTS_LOAD_CONFIG:
            _fts_command(conn, table, key, before.get(key, FTS_DEFAULTS[key]))
            if key not in before:
                conn.exec_driver_sql(f'DELETE FROM "{table}_config" WHERE k = ?', (key,))


def _fts_command(conn: Connection, table: str, key: str, value: Any) -> None:
    conn.exec_driver_sql(f'INSERT INTO "{table}"("{table}", rank) VALUES (?, ?)', (key, value))
