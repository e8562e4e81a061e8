"""Text cells of a package are someone else's text: made harmless before they are stored.

A validly signed package can still carry cells that hurt whoever looks at them later: a
formula (`=HYPERLINK(...)`, `@SUM(...)`, `+cmd|...`) runs when the gemeente's figures or a
reporting tool's export are opened in a spreadsheet; a NUL byte truncates text in C libraries
and some drivers (PostgreSQL refuses it outright); a bidi override (U+202E) shows a text
reversed, so a name or code reads as something else. The CSV reader keeps every text exactly
(its round trip is tested); this step, applied to every package read, removes invisible
controls and keeps a formula-looking cell as text by its leading apostrophe, as Excel does.
"""

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from vrijwilligers_app.services.exchange.schema import Table

# C0 controls except tab/newline/carriage return, DEL, C1 controls, bidi embeddings,
# overrides and isolates (U+202A-U+202E, U+2066-U+2069). LRM/RLM marks are harmless: kept.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORMULA = re.compile(r"[=@\t\r]|[+\-](?![0-9 ]|$)")  # '+31 492', '- 5' and '-3' stay numbers


def clean_text(text: str) -> str:
    """`text` without invisible controls; a formula-looking text behind an apostrophe."""
    text = _CONTROLS.sub("", text)
    return "'" + text if _FORMULA.match(text) else text


def clean_tables(tables: Mapping[str, Table], rows: Mapping[str, list[dict[str, Any]]]
                 ) -> None:
    """Clean every string cell of every table in place."""
    for name, table in tables.items():
        for row in rows.get(name, ()):
            clean_row(table, row)


def clean_rows(table: Table, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The rows of one table with every string cell cleaned, as they come (streamed)."""
    for row in rows:
        clean_row(table, row)
        yield row


@lru_cache(maxsize=64)
def _texts(table: Table) -> tuple[str, ...]:
    return tuple(column.name for column in table.columns
                 if column.type == "string" and not column.formula_safe)


def clean_row(table: Table, row: dict[str, Any]) -> None:
    """Clean one row's string cells in place."""
    for key in _texts(table):
        value = row.get(key)
        if value:
            row[key] = clean_text(value)
