"""A register page to .xlsx: the ids in the page's order (its filter and sort), its columns."""

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from sqlalchemy import Engine

from vrijwilligers_app.services.exporting.xlsx import Steps, XlsxColumn, write_xlsx_steps
from vrijwilligers_app.services.steps import run_steps
from vrijwilligers_app.store.queries.registers import fetch_rows, register_spec

# Lists that name people: marked "vertrouwelijk" like the printed lists.
PERSONAL_KINDS = frozenset({"volunteers", "residents", "matches", "referrals", "requests"})
# Lists holding residents' data: the user confirms before they leave the register.
RESIDENT_KINDS = frozenset({"residents", "matches", "referrals", "requests"})
CHUNK = 1000


def export_register(engine: Engine, kind: str, ids: Sequence[int], path: Path,
                    filter_text: str = "", progress: Callable[[int], None] | None = None,
                    columns: Sequence[str] | None = None) -> int:
    """Write the rows `ids` (in that order) of register `kind` with the page's columns (or
    the column keys given); returns the number of rows written."""
    steps = export_register_steps(engine, kind, ids, path, filter_text, columns)
    return int(run_steps(steps, None if progress is None
                         else lambda done, _total, _label: progress(done)))


def export_register_steps(engine: Engine, kind: str, ids: Sequence[int], path: Path,
                          filter_text: str = "", columns: Sequence[str] | None = None
                          ) -> Steps:
    """export_register as a generator for the TaskRunner: yields (rows written, rows in
    all, label) while it streams; returns the number of rows written."""
    spec = register_spec(kind)
    keys = list(columns) if columns else [c.key for c in spec.columns]
    positions = [next(i for i, c in enumerate(spec.columns) if c.key == key) for key in keys]
    chosen = [spec.columns[i] for i in positions]

    def rows() -> Iterator[tuple[object, ...]]:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            found = fetch_rows(engine, kind, chunk)
            for record_id in chunk:
                row = found.get(record_id)
                if row is not None:
                    yield tuple(row[i] for i in positions)

    return (yield from write_xlsx_steps(
        path, spec.title, [XlsxColumn(c.header, c.kind) for c in chosen], rows(), filter_text,
        kind in PERSONAL_KINDS, len(ids)))
