"""One sheet of typed cells with openpyxl in write-only mode (constant memory: 100,000 rows).

Why openpyxl: it is needed anyway to find error cells on import, it writes every cell with
an explicit type, and its write-only mode streams rows. Each text cell is given data_type
's' explicitly, because openpyxl (like Excel) would otherwise store text starting with '='
as a formula.
"""

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from vrijwilligers_app.domain.display_format import format_value
from vrijwilligers_app.services.reports.document import CONFIDENTIAL_NOTE

DATE_FORMAT = "DD-MM-YYYY"
DATETIME_FORMAT = "DD-MM-YYYY HH:MM"
WIDTH_SAMPLE = 2000  # rows measured for the column widths
MAX_WIDTH = 60
FORMULA_STARTS = ("=", "+", "-", "@")
Progress = Callable[[int], None]


@dataclass(frozen=True)
class XlsxColumn:
    header: str  # Dutch
    kind: str = "text"  # the register column kinds: text|date|int|bool|phone|count, + number


def _text_cell(ws: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _display(value: object, kind: str) -> object:
    """The cell value: dates and numbers native, everything else as the screen shows it."""
    if value is None or value == "":
        return None
    if isinstance(value, (date, datetime)):
        return value
    if kind in ("int", "count", "number") and isinstance(value, (int, float)) and \
            not isinstance(value, bool):
        return value
    return format_value(value, kind)


def _width(value: object) -> int:
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def write_xlsx(path: Path, title: str, columns: Sequence[XlsxColumn],
               rows: Iterable[Sequence[object]], filter_text: str = "",
               confidential: bool = False, progress: Progress | None = None) -> int:
    """Write the sheet to `path` (via a temporary name, then renamed); returns row count."""
    book = Workbook(write_only=True)
    ws = book.create_sheet(title[:31].replace("/", "-") or "Lijst")
    iterator = iter(rows)
    sample: list[list[object]] = []
    for row in iterator:
        sample.append([_display(v, c.kind) for v, c in zip(row, columns, strict=True)])
        if len(sample) >= WIDTH_SAMPLE:
            break
    widths = [len(c.header) + 2 for c in columns]
    for row_values in sample:
        for i, value in enumerate(row_values):
            if value is not None:
                widths[i] = max(widths[i], _width(value) + 2)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(width, MAX_WIDTH)
    top = [title, filter_text or "Alle records (geen filter)"]
    if confidential:
        top.append(CONFIDENTIAL_NOTE)
    header_row = len(top) + 2
    ws.freeze_panes = f"A{header_row + 1}"
    # Printing (or a PDF): landscape, all columns on the page width, the header row on
    # every page.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{header_row}:{header_row}"
    if confidential:
        ws.oddHeader.center.text = "VERTROUWELIJK"
        ws.oddFooter.center.text = CONFIDENTIAL_NOTE
    for i, line in enumerate(top):
        cell = _text_cell(ws, line)
        if i == 0:
            cell.font = Font(bold=True, size=13)
        elif confidential and i == 2:
            cell.font = Font(bold=True, color="9C0006")
        ws.append([cell])
    ws.append([])
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    header_cells = []
    for column in columns:
        cell = _text_cell(ws, column.header)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=False)
        header_cells.append(cell)
    ws.append(header_cells)
    count = 0

    def emit(values: list[object]) -> None:
        out: list[object] = []
        for value in values:
            if isinstance(value, str):
                # openpyxl stores other text as text already; only these need the type set
                out.append(_text_cell(ws, value) if value.startswith(FORMULA_STARTS)
                           else value)
            elif isinstance(value, (date, datetime)):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = DATETIME_FORMAT if isinstance(value, datetime) \
                    else DATE_FORMAT
                out.append(cell)
            else:
                out.append(value)
        ws.append(out)

    for row_values in sample:
        emit(row_values)
        count += 1
    for row in iterator:
        emit([_display(v, c.kind) for v, c in zip(row, columns, strict=True)])
        count += 1
        if progress is not None and count % 1000 == 0:
            progress(count)
    partial = path.with_name(path.name + ".deel")
    try:
        book.save(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return count
