"""Bringing in the lists people already keep: Excel (.xlsx, .xls), LibreOffice (.ods) and CSV.

Steps, each usable alone (the wizard, the CLI and tests walk them in order):
1. `read_source(path)` -> Source with its sheets (rows of plain cell values; spreadsheet error
   cells as CellError). Refusals are ImportRefused with a Dutch message naming the file.
2. `find_header_row(rows)` and `suggest_mapping(kind, headers)` (remembered per set of
   headers: `recall_mapping` / `remember_mapping`), adjustable by the user.
3. `build_preview(engine, kind, sheet, header_row, mapping)` -> Preview: per row new /
   duplicate / error with Dutch reasons per cell. Nothing is written.
4. `apply_import(...)` writes the chosen rows in ONE transaction after a "voor-import-" backup
   (generator: progress and cancel); `undo_import` removes them again.
Residents' consent goes through `consent.imported_consent` only (one place to adapt).
"""

from vrijwilligers_app.services.importing.cells import CellError, Sheet, Source
from vrijwilligers_app.services.importing.errors import ImportCancelled, ImportRefused
from vrijwilligers_app.services.importing.headers import find_header_row
from vrijwilligers_app.services.importing.mapping import (
    IMPORT_FIELDS,
    KIND_WORDS,
    recall_mapping,
    remember_mapping,
    suggest_mapping,
)
from vrijwilligers_app.services.importing.preview import Preview, RowPlan, build_preview
from vrijwilligers_app.services.importing.source import read_source
from vrijwilligers_app.services.importing.write import ImportResult, apply_import, undo_import

__all__ = [
    "IMPORT_FIELDS", "KIND_WORDS", "CellError", "ImportCancelled", "ImportRefused",
    "ImportResult", "Preview", "RowPlan", "Sheet", "Source", "apply_import", "build_preview",
    "find_header_row", "read_source", "recall_mapping", "remember_mapping", "suggest_mapping",
    "undo_import",
]
