"""What a reader hands on: sheets of rows of plain values, independent of the file format."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

# Excel's error codes in English (the file format) with the Dutch names users see in Excel.
ERROR_NAMES_NL = {
    "#N/A": "#N/B", "#VALUE!": "#WAARDE!", "#REF!": "#VERW!", "#NAME?": "#NAAM?",
    "#DIV/0!": "#DEEL/0!", "#NUM!": "#GETAL!", "#NULL!": "#LEEG!",
}


@dataclass(frozen=True)
class CellError:
    """A spreadsheet error cell (#N/B, #WAARDE!): never a value, always reported."""

    code: str  # as stored in the file, e.g. '#N/A'

    def __str__(self) -> str:
        return ERROR_NAMES_NL.get(self.code, self.code)


Value = str | int | float | bool | date | datetime | time | timedelta | CellError | None


@dataclass
class Sheet:
    name: str
    rows: list[list[Value]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    hidden_columns: frozenset[int] = frozenset()  # 0-based; shown as such, unmapped by default

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


@dataclass
class Source:
    file_name: str  # the name only (messages and the log never hold the folder)
    sheets: list[Sheet]
    encoding: str = ""  # CSV only: what the file was read as
    delimiter: str = ""  # CSV only

    def sheet(self, name: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)
