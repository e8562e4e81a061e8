"""The read side of the register pages: ordered id lists, row tuples, filter options.

A page holds the ordered ids (sorting and filtering done here, in SQL) and fetches rows for
the part it shows by primary key. Values are native (str, int, date, datetime, bool, None);
the UI formats them by column kind. Keys from the UI are checked against the spec (unknown
key -> ValueError) and user values are bind parameters only.
"""

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from sqlalchemy import Engine, bindparam
from sqlalchemy import text as sql_text  # `text` is the quick filter's parameter name

from vrijwilligers_app.store.queries.care_specs import MATCHES, REFERRALS, REQUESTS
from vrijwilligers_app.store.queries.initiative_specs import ACTIVITIES, INITIATIVES
from vrijwilligers_app.store.queries.people_specs import RESIDENTS, VOLUNTEERS
from vrijwilligers_app.store.queries.search import KIND_NUMBERS, STRIDE, fts_query
from vrijwilligers_app.store.queries.spec import Column, FilterSpec, RegisterSpec

__all__ = ["REGISTERS", "Column", "FilterSpec", "RegisterSpec", "count", "fetch_rows",
           "filter_options", "first_rows", "list_ids"]

REGISTERS: dict[str, RegisterSpec] = {spec.kind: spec for spec in (
    INITIATIVES, VOLUNTEERS, RESIDENTS, MATCHES, REFERRALS, ACTIVITIES, REQUESTS)}
FETCH_CHUNK = 500
_VALUE = re.compile(r":value\b")


def register_spec(kind: str) -> RegisterSpec:
    try:
        return REGISTERS[kind]
    except KeyError:
        raise ValueError(f"unknown register {kind!r}") from None


def _where(spec: RegisterSpec, filters: Mapping[str, str] | None, user_text: str,
           today: date | None) -> tuple[str, dict[str, object]]:
    given = {key: value for key, value in (filters or {}).items()}
    for key in given:
        spec.filter(key)  # raises ValueError for a key the page does not have
    clauses = [spec.base_where]
    params: dict[str, object] = {}
    for spec_filter in spec.filters:
        if not given.get(spec_filter.key) and spec_filter.default_where:
            clauses.append(f"({spec_filter.default_where})")
            continue
        value = given.get(spec_filter.key) or spec_filter.default
        if not value:
            continue
        if spec_filter.options and value != spec_filter.default and value not in dict(
                spec_filter.options):
            raise ValueError(f"unknown value {value!r} for filter {spec_filter.key!r}")
        name = f"f_{spec_filter.key}"
        clauses.append("(" + _VALUE.sub(":" + name, spec_filter.where) + ")")
        params[name] = str(value)
    words = user_text.split()
    if words and spec.like_sql is not None:
        for i, word in enumerate(words):
            clauses.append(f"({spec.like_sql}) LIKE :like_{i} ESCAPE '\\'")
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params[f"like_{i}"] = f"%{escaped}%"
    elif words:
        query = fts_query(user_text)
        if query is not None:
            base = KIND_NUMBERS[spec.kind] * STRIDE
            clauses.append("t.id IN (SELECT rowid - :fts_base FROM search_index WHERE "
                           "search_index MATCH :fts AND rowid > :fts_base AND rowid < :fts_end)")
            params.update(fts=query, fts_base=base, fts_end=base + STRIDE)
    where = " AND ".join(clauses)
    if ":today" in where:
        params["today"] = (today or date.today()).isoformat()
    return where, params


def list_ids(engine: Engine, kind: str, filters: Mapping[str, str] | None = None,
             sort_key: str | None = None, descending: bool = False, text: str = "",
             *, today: date | None = None, limit: int | None = None) -> list[int]:
    """Ids in display order. Without sort_key the spec's default order is used (then
    `descending` reverses it). Ties are broken by id, always ascending, for a stable order.
    An empty filter value means "not set"; `today` exists for tests (default: the clock).
    With `limit`, only the first ids: read along the sort index, so the time does not grow
    with the register."""
    spec = register_spec(kind)
    if sort_key is None:
        column, descending = spec.column(spec.default_sort), spec.default_descending != descending
    else:
        column = spec.column(sort_key)
    where, params = _where(spec, filters, text, today)
    direction = "DESC" if descending else "ASC"
    sql = (f"SELECT t.id FROM {spec.from_sql} WHERE {where} "
           f"ORDER BY {column.order_sql} {direction}, t.id")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    with engine.connect() as conn:
        # The driver's own cursor: 100,000 ids through SQLAlchemy's result rows cost ~4x more.
        cursor = conn.connection.driver_connection.execute(sql, params)  # type: ignore[union-attr]
        try:
            return [row[0] for row in cursor]
        finally:
            cursor.close()


def first_rows(engine: Engine, kind: str, filters: Mapping[str, str] | None = None,
               sort_key: str | None = None, descending: bool = False, text: str = "",
               limit: int = 200, *, today: date | None = None
               ) -> tuple[list[int], dict[int, tuple[object, ...]]]:
    """The first screenful: its ids in display order and their rows, in one short read."""
    ids = list_ids(engine, kind, filters, sort_key, descending, text, today=today, limit=limit)
    return ids, fetch_rows(engine, kind, ids)


def count(engine: Engine, kind: str, filters: Mapping[str, str] | None = None, text: str = "",
          *, today: date | None = None) -> int:
    spec = register_spec(kind)
    where, params = _where(spec, filters, text, today)
    with engine.connect() as conn:
        return int(conn.execute(sql_text(f"SELECT count(*) FROM {spec.from_sql} WHERE {where}"),
                                params).scalar_one())


def fetch_rows(engine: Engine, kind: str, ids: Sequence[int]) -> dict[int, tuple[object, ...]]:
    """id -> values in column order, by primary key; ids that no longer exist are absent."""
    spec = register_spec(kind)
    select_list = ", ".join(column.sql for column in spec.columns)
    statement = sql_text(f"SELECT t.id, {select_list} FROM {spec.from_sql} WHERE t.id IN :ids"
                      ).bindparams(bindparam("ids", expanding=True))
    kinds = [column.kind for column in spec.columns]
    rows: dict[int, tuple[object, ...]] = {}
    wanted = list(dict.fromkeys(int(i) for i in ids))
    with engine.connect() as conn:
        for start in range(0, len(wanted), FETCH_CHUNK):
            chunk = wanted[start:start + FETCH_CHUNK]
            for record_id, *values in conn.execute(statement, {"ids": chunk}):
                rows[record_id] = tuple(_native(k, v) for k, v in zip(kinds, values,
                                                                       strict=True))
    return rows


def filter_options(engine: Engine, kind: str, filter_key: str) -> list[tuple[str, str]]:
    """(value, Dutch label) choices of a filter; fixed ones or read from the register."""
    spec_filter = register_spec(kind).filter(filter_key)
    if spec_filter.options_sql is None:
        return list(spec_filter.options)
    with engine.connect() as conn:
        return [(str(value), str(label)) for value, label in
                conn.execute(sql_text(spec_filter.options_sql))]


def _native(kind: str, value: object) -> object:
    """Raw SQL gives dates as ISO text and booleans as 0/1; hand back Python values."""
    if value is None:
        return None
    if kind == "date" and isinstance(value, str):
        return datetime.fromisoformat(value) if len(value) > 10 else date.fromisoformat(value)
    if kind == "bool":
        return bool(value)
    if kind in ("int", "count"):
        return int(value)  # type: ignore[call-overload]
    return value
