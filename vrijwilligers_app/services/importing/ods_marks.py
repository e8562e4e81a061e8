"""Error cells and hidden columns of an .ods file, read with odfpy (the OpenDocument library
pandas uses too). LibreOffice marks an error cell with calcext:value-type="error" and shows
its code (#N/A, Err:502) as the cell's text; a hidden column has table:visibility="collapse".
Repeated rows, columns and cells (number-*-repeated) are counted, never expanded."""

from pathlib import Path
from typing import Any

from odf import table
from odf.namespaces import TABLENS
from odf.opendocument import load

from vrijwilligers_app.services.importing.cells import CellError
from vrijwilligers_app.services.importing.sheet_marks import Marks, english_code

CALCEXTNS = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_CELLS = {(TABLENS, "table-cell"), (TABLENS, "covered-table-cell")}


def _repeated(element: Any, name: str) -> int:
    return int(element.attributes.get((TABLENS, name), "1") or "1")


def ods_marks(path: Path) -> dict[str, Marks]:
    document = load(str(path))
    marks: dict[str, Marks] = {}
    for sheet in document.spreadsheet.getElementsByType(table.Table):
        mark = Marks()
        column = 0
        for col in sheet.getElementsByType(table.TableColumn):
            count = _repeated(col, "number-columns-repeated")
            if col.attributes.get((TABLENS, "visibility")) == "collapse":
                mark.hidden.update(range(column, column + min(count, 1024)))
            column += count
        row_index = 0
        for row in sheet.getElementsByType(table.TableRow):
            column = 0
            for cell in row.childNodes:
                if cell.qname not in _CELLS:
                    continue
                count = _repeated(cell, "number-columns-repeated")
                if cell.attributes.get((CALCEXTNS, "value-type")) == "error":
                    error = CellError(english_code(str(cell).strip() or "#?"))
                    for offset in range(min(count, 1024)):
                        mark.errors[(row_index, column + offset)] = error
                column += count
            row_index += _repeated(row, "number-rows-repeated")
        if mark.errors or mark.hidden:
            marks[str(sheet.getAttribute("name"))] = mark
    return marks
