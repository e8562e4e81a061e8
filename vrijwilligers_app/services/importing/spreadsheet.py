"""Workbooks (.xlsx, .xls, .ods) read with python-calamine: cached values of formulas, dates
as dates, every sheet. Calamine hands error cells (#N/B) back as empty text, so for .xlsx
the error cells are looked up with openpyxl (read-only) and put back as CellError."""

import warnings
import zipfile
from pathlib import Path

import python_calamine

from vrijwilligers_app.services.importing.cells import CellError, Sheet, Value
from vrijwilligers_app.services.importing.errors import ImportRefused

UNREADABLE = ("Het bestand kan niet gelezen worden; misschien is het beschadigd of maar half "
              "gekopieerd. Open het in Excel of LibreOffice en sla het opnieuw op.")
PASSWORD = ("Het bestand is met een wachtwoord beveiligd. Open het in Excel of LibreOffice, "
            "haal het wachtwoord eraf (of sla een kopie zonder wachtwoord op) en probeer het "
            "opnieuw.")


def read_workbook(path: Path, fmt: str) -> list[Sheet]:
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise ImportRefused(path.name, PASSWORD) from None
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise ImportRefused(path.name, PASSWORD) from None
        raise ImportRefused(path.name, UNREADABLE) from None
    sheets = []
    with book:
        for meta in book.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            try:
                sheet = book.get_sheet_by_name(meta.name)
                rows: list[list[Value]] = sheet.to_python(skip_empty_area=False)  # type: ignore[assignment]
                merged = sheet.merged_cell_ranges or []
            except python_calamine.CalamineError:
                raise ImportRefused(path.name, UNREADABLE) from None
            sheets.append(Sheet(meta.name, rows, merged=list(merged)))
    if fmt == "xlsx" and _has_error_cells(path):
        _mark_errors_xlsx(path, sheets)
    return sheets


def _has_error_cells(path: Path) -> bool:
    """Does any worksheet hold a cell of type error (t="e")? A byte search through the
    decompressed sheets: the slow openpyxl pass runs only for files that have them."""
    needle = b't="e"'
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            tail = b""
            with archive.open(name) as member:
                while chunk := member.read(1 << 20):
                    if needle in tail + chunk:
                        return True
                    tail = chunk[-len(needle):]
    return False


def _mark_errors_xlsx(path: Path, sheets: list[Sheet]) -> None:
    """Put error cells back (calamine hands them over as ''). Hidden columns are read like
    any other: the mapping shows every column and leaves unknown headers unmapped."""
    import openpyxl  # only for .xlsx; a second, read-only pass over the same file

    by_name = {sheet.name: sheet for sheet in sheets}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # e.g. "Data Validation extension is not supported"
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for ws in book.worksheets:
            sheet = by_name.get(ws.title)
            if sheet is None:
                continue
            for row in ws.iter_rows():
                for cell in row:
                    if getattr(cell, "data_type", None) == "e" and cell.value is not None:
                        _put(sheet, cell.row - 1, cell.column - 1, CellError(str(cell.value)))
    finally:
        book.close()


def _put(sheet: Sheet, row: int, column: int, value: Value) -> None:
    while len(sheet.rows) <= row:
        sheet.rows.append([])
    cells = sheet.rows[row]
    while len(cells) <= column:
        cells.append("")
    cells[column] = value
