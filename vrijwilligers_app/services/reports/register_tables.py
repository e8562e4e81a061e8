"""Printing a register list as the pages show it: the columns are the register specs'
(store.queries), so a list on paper has the same headers, order and formats as on screen."""

from collections.abc import Mapping, Sequence

from sqlalchemy import Engine

from vrijwilligers_app.domain.display_format import format_value
from vrijwilligers_app.store.queries.registers import fetch_rows, list_ids, register_spec


def register_rows(engine: Engine, kind: str, filters: Mapping[str, str],
                  keys: Sequence[str]) -> list[dict[str, object]]:
    """The register's rows in its default order, as {column key: native value}."""
    spec = register_spec(kind)
    ids = list_ids(engine, kind, filters)
    rows = fetch_rows(engine, kind, ids)
    wanted = [spec.column(k) for k in keys]
    positions = {c.key: i for i, c in enumerate(spec.columns)}
    return [{c.key: rows[i][positions[c.key]] for c in wanted} | {"id": i}
            for i in ids if i in rows]


def cells(kind: str, row: dict[str, object], keys: Sequence[str]) -> list[str]:
    spec = register_spec(kind)
    return [format_value(row[k], spec.column(k).kind) for k in keys]


def headers(kind: str, keys: Sequence[str]) -> list[str]:
    spec = register_spec(kind)
    return [spec.column(k).header for k in keys]
