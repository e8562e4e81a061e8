"""SQL of the demo (services/demo, services/demo_data): every function runs on the caller's
Connection, inside its one transaction (the demo fills and empties all or nothing).

No table classes are imported here: `demo_data.is_demo` is asked before the window's first
paint, which must not build the SQLModel tables; callers pass the tables they mean."""

from collections.abc import Iterable, Sequence
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


def insert_tuples(conn: Connection, table: str, columns: Sequence[str],
                  params: list[tuple[Any, ...]]) -> None:
    """One executemany straight to the driver (values already converted as SQLAlchemy would
    bind them). Table and column names come from our own metadata, never from input."""
    names = ", ".join(f'"{name}"' for name in columns)
    marks = ", ".join("?" * len(columns))
    conn.exec_driver_sql(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', params)


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
