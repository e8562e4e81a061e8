"""Workbooks (.xlsx, .xls, .ods) read with python-calamine: cached values of formulas, dates
as dates, every sheet. Calamine hands error cells (#N/B) back as empty text and does not say
which columns are hidden: `sheet_marks` finds both with each format's own reader, and the
error cells are put back as CellError (never a value)."""

from pathlib import Path

import python_calamine

from vrijwilligers_app.services.importing.cells import Sheet, Value
from vrijwilligers_app.services.importing.errors import ImportRefused
from vrijwilligers_app.services.importing.sheet_marks import read_marks

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
    try:
        marks = read_marks(path, fmt)
    except Exception:  # noqa: BLE001 - the second reader failing must not hide error cells
        raise ImportRefused(path.name, UNREADABLE) from None
    for found in sheets:
        mark = marks.get(found.name)
        if mark is not None:
            for (row, column), error in mark.errors.items():
                _put(found, row, column, error)
            found.hidden_columns = frozenset(mark.hidden)
    return sheets


def _put(sheet: Sheet, row: int, column: int, value: Value) -> None:
    while len(sheet.rows) <= row:
        sheet.rows.append([])
    cells = sheet.rows[row]
    while len(cells) <= column:
        cells.append("")
    cells[column] = value
