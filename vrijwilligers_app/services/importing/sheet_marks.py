"""What calamine does not hand over: error cells (#N/B, #WAARDE!) and hidden columns.

Calamine reads an error cell as '' and does not say which columns are hidden, so each format
gets a second pass with a well-kept reader of its own: openpyxl (.xlsx), xlrd (.xls) and
odfpy (.ods). For .xlsx and .ods a byte search of the sheets' XML decides first whether there
is anything to find, so the slower pass only runs for files that need it.
"""

import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vrijwilligers_app.services.importing.cells import ERROR_NAMES_NL, CellError

_ENGLISH = {dutch: english for english, dutch in ERROR_NAMES_NL.items()}


@dataclass
class Marks:
    """Per sheet: error cells by (row, column), 0-based, and the hidden columns."""

    errors: dict[tuple[int, int], CellError] = field(default_factory=dict)
    hidden: set[int] = field(default_factory=set)


def read_marks(path: Path, fmt: str) -> dict[str, Marks]:
    """Sheet name -> Marks; sheets without any are left out."""
    if fmt == "xlsx":
        return _xlsx(path)
    if fmt == "xls":
        return _xls(path)
    if fmt == "ods":
        return _ods(path)
    return {}


def _members_contain(path: Path, members: Iterable[str], needles: Iterable[bytes]) -> set[bytes]:
    """Which of the needles occur in the (decompressed) zip members, read in chunks."""
    wanted = set(needles)
    found: set[bytes] = set()
    overlap = max(len(n) for n in wanted)
    with zipfile.ZipFile(path) as archive:
        for name in members:
            tail = b""
            with archive.open(name) as member:
                while chunk := member.read(1 << 20):
                    window = tail + chunk
                    found |= {n for n in wanted - found if n in window}
                    if found == wanted:
                        return found
                    tail = chunk[-overlap:]
    return found


def _xlsx(path: Path) -> dict[str, Marks]:
    import openpyxl  # only when needed: a second pass over the same file

    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist()
                  if n.startswith("xl/worksheets/") and n.endswith(".xml")]
    found = _members_contain(path, sheets, (b't="e"', b'hidden="1"', b'hidden="true"'))
    if not found:
        return {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # e.g. "Data Validation extension is not supported"
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    marks: dict[str, Marks] = {}
    try:
        for ws in book.worksheets:
            mark = Marks()
            if found - {b't="e"'}:
                mark.hidden = _hidden_columns(ws)
            if b't="e"' in found:
                for row in ws.iter_rows():
                    for cell in row:
                        if getattr(cell, "data_type", None) == "e" and cell.value is not None:
                            place = (cell.row - 1, cell.column - 1)
                            mark.errors[place] = CellError(str(cell.value))
            if mark.errors or mark.hidden:
                marks[ws.title] = mark
    finally:
        book.close()
    return marks


def _hidden_columns(ws: Any) -> set[int]:
    """openpyxl's read-only sheets keep no column widths, but its own sheet parser reads
    them: <cols> comes before the first row, so it stops there. Should that (internal)
    parser ever change, the workbook is loaded in full instead (slower, same answer)."""
    try:
        dims = _hidden_by_parser(ws)
    except (ImportError, AttributeError, KeyError, IndexError, TypeError, ValueError):
        return _hidden_columns_full(ws)
    return {c - 1 for low, high in dims for c in range(low, min(high, low + 1024) + 1)}


def _hidden_by_parser(ws: Any) -> list[tuple[int, int]]:
    from openpyxl.worksheet._reader import WorkSheetParser

    with ws._get_source() as source:
        parser = WorkSheetParser(source, ws._shared_strings)
        next(parser.parse(), None)
    return [(int(a["min"]), int(a.get("max", a["min"])))
            for a in parser.column_dimensions.values()
            if str(a.get("hidden", "")).lower() in ("1", "true")]


def _hidden_columns_full(ws: Any) -> set[int]:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(ws.parent._archive.filename, data_only=True)
    try:
        full = book[ws.title]
        return {c - 1 for dim in full.column_dimensions.values()
                if dim.hidden and dim.min is not None and dim.max is not None
                for c in range(dim.min, dim.max + 1)}
    finally:
        book.close()


def _xls(path: Path) -> dict[str, Marks]:
    import xlrd  # only for the old .xls format

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except NotImplementedError:  # formatting of very old BIFF versions: errors only
        book = xlrd.open_workbook(str(path), on_demand=True)
    marks: dict[str, Marks] = {}
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            mark = Marks(hidden={c for c, info in sheet.colinfo_map.items() if info.hidden})
            for r in range(sheet.nrows):
                for c, kind in enumerate(sheet.row_types(r)):
                    if kind == xlrd.XL_CELL_ERROR:
                        code = xlrd.error_text_from_code.get(sheet.cell_value(r, c), "#?")
                        mark.errors[(r, c)] = CellError(code)
            if mark.errors or mark.hidden:
                marks[sheet.name] = mark
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return marks


def _ods(path: Path) -> dict[str, Marks]:
    found = _members_contain(path, ["content.xml"],
                             (b'value-type="error"', b'table:visibility="collapse"'))
    if not found:
        return {}
    from vrijwilligers_app.services.importing.ods_marks import ods_marks

    return ods_marks(path)


def english_code(text: str) -> str:
    """The file format's error code for a displayed one ('#N/B' -> '#N/A')."""
    return _ENGLISH.get(text, text)
