"""CSV for Excel and back: UTF-8 with BOM, ';' (what Dutch Excel expects), formula-safe cells,
and the Table Schema check that every CSV of a package must pass before anything is merged.

A text cell starting with = + - @ (or a tab or carriage return) would be run as a formula by
spreadsheet programs; it gets a leading apostrophe, which Excel hides and which the reader
takes off again (`restore_text`). Numbers are written as numbers and never start with those.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import IO, Any

from vrijwilligers_app.domain.dutch_format import thousands
from vrijwilligers_app.services.exchange.errors import PackageRefused
from vrijwilligers_app.services.exchange.schema import Column, Table

DELIMITER = ";"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A text that itself starts with the apostrophe gets one more, so that reading takes off
# exactly the one writing put on ("'=" -> "''=" -> "'=", not "=").
_ESCAPED_START = (*FORMULA_START, "'")
DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def neutralise(text: str) -> str:
    return "'" + text if text.startswith(_ESCAPED_START) else text


def restore_text(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_ESCAPED_START) else text


class Formatted:
    """Rows whose cells are already as the CSV writes them, made with this module's
    formatters by the code that reads them (the export's biggest table): the writer skips
    its own converters for them."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        self._rows = rows

    def __iter__(self) -> Iterator[Sequence[Any]]:
        return iter(self._rows)


def text_cell(value: Any) -> str:
    """A text cell: a leading apostrophe when it would start a formula."""
    return _text(value)


def moment_cell(value: Any) -> str:
    """A datetime cell (UTC, ...Z)."""
    return _moment(value)


def _text(value: Any) -> str:
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text[:1] in _ESCAPED_FIRST and text else text


def _moment(value: Any) -> str:
    if isinstance(value, str):
        if len(value) in (19, 26) and value[10] in " T":  # no offset: SQLite text
            return value[:10] + "T" + value[11:19] + "Z"  # SQLite text, stored as UTC
        value = datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return str(value.strftime(DATETIME_FORMAT))


def _day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)[:10]


_FORMATTERS: dict[str, Callable[[Any], str]] = {
    "string": _text,
    "boolean": lambda value: "true" if value else "false",
    "datetime": _moment,
    "date": _day,
    "number": lambda value: repr(round(float(value), 4)),
    "integer": lambda value: str(int(value)),
}
_ESCAPED_FIRST = frozenset(_ESCAPED_START)


def format_cell(column: Column, value: Any) -> str:
    if value is None or value == "":
        return ""
    return _FORMATTERS[column.type](value)


def _file_text(column: Column) -> Callable[[Any], str]:
    texts = dict(column.file_texts)
    return lambda value: texts.get(value, value)  # type: ignore[no-any-return]


def _converter(column: Column) -> Callable[[Any], Any] | None:
    """How one column's non-empty value becomes its cell; None when it goes as it is: csv
    writes None as '', texts that match a pattern or list cannot start a formula, and
    integers need no help (most cells of the big tables)."""
    if column.file_texts:
        return _file_text(column)
    if column.formula_safe or column.type == "integer":
        return None
    return _FORMATTERS[column.type]


def row_converter(table: Table) -> Callable[[Sequence[Any]], Sequence[Any]] | None:
    """The table's cells from one row in column order, compiled once per table: only the
    columns that need a formatter are touched; None when no column needs one."""
    plan = tuple((index, convert) for index, column in enumerate(table.columns)
                 if (convert := _converter(column)) is not None)
    if not plan:
        return None

    def convert_row(row: Sequence[Any]) -> Sequence[Any]:
        cells = list(row)
        for index, convert in plan:
            value = cells[index]
            if value is not None and value != "":
                cells[index] = convert(value)
        return cells

    return convert_row


def write_csv(table: Table, rows: Iterable[Mapping[str, Any]]) -> bytes:
    """One table as CSV bytes (the small return packages and tests); the export streams
    instead (package_stream.py) with the same converters."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(table.header)
    names = table.header
    cells = (tuple(row.get(name) for name in names) for row in rows)
    convert = row_converter(table)
    writer.writerows(map(convert, cells) if convert else cells)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_TRUE, _FALSE = ("true", "True", "TRUE", "1"), ("false", "False", "FALSE", "0")


def _typed(kind: str) -> Callable[[str], Any]:
    """A parser for one Table Schema type: text -> value, or ValueError in Dutch."""
    def integer(text: str) -> Any:
        if not _INTEGER.fullmatch(text):
            raise ValueError(f"'{text[:30]}' is geen geheel getal")
        return int(text)

    def number(text: str) -> Any:
        if not _NUMBER.fullmatch(text):
            raise ValueError(f"'{text[:30]}' is geen getal")
        return float(text)

    def boolean(text: str) -> Any:
        if text not in _TRUE + _FALSE:
            raise ValueError(f"'{text[:30]}' is geen ja/nee-waarde (true/false)")
        return text in _TRUE

    def day(text: str) -> Any:
        try:
            if _DATE.fullmatch(text):
                return date.fromisoformat(text)
        except ValueError:
            pass
        raise ValueError(f"'{text[:30]}' is geen datum (jjjj-mm-dd)")

    def moment(text: str) -> Any:
        try:
            if _DATETIME.fullmatch(text):
                return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
        except ValueError:
            pass
        raise ValueError(f"'{text[:30]}' is geen tijdstip (jjjj-mm-ddTuu:mm:ssZ)")

    parsers: dict[str, Callable[[str], Any]] = {
        "string": restore_text, "integer": integer, "number": number, "boolean": boolean,
        "date": day, "datetime": moment}
    return parsers[kind]


def _parser(column: Column) -> Callable[[str], Any]:
    """The column's type parser plus its constraints (enum, pattern, length, minimum)."""
    typed = _typed(column.type)
    if column.file_texts:  # back to the code; the code itself is accepted too (version 1)
        codes = {text: code for code, text in column.file_texts}
        as_typed = typed

        def typed(text: str) -> Any:
            return codes.get(text, as_typed(text))

    enum = frozenset(column.enum) if column.enum is not None else None
    pattern = re.compile(column.pattern) if column.pattern is not None else None
    numeric = column.type in ("integer", "number")
    if enum is None and pattern is None and column.max_length is None and not numeric:
        return typed

    def parse(text: str) -> Any:
        value = typed(text)
        if enum is not None and value not in enum:
            raise ValueError(f"'{text[:30]}' staat niet in de lijst "
                             f"({', '.join(column.enum or ())})")
        if pattern is not None and not pattern.search(text):
            raise ValueError(f"'{text[:30]}' heeft niet de vorm die het schema vraagt")
        if column.max_length is not None and len(text) > column.max_length:
            raise ValueError(f"langer dan {column.max_length} tekens")
        if numeric and value < 0:
            raise ValueError("negatief getal")
        return value

    return parse


def read_csv(table: Table, data: bytes) -> list[dict[str, Any]]:
    """Parse and check a CSV against its Table Schema; PackageRefused naming file, row and
    field on the first problem."""
    return read_csv_stream(table, io.BytesIO(data))


_CSV_REASONS = (
    ("expected after", "een aanhalingsteken staat op een onverwachte plek"),
    ("unexpected end of data", "het bestand houdt midden in een veld op"),
    ("nul", "bevat een NUL-teken"),
    ("field larger than field limit", "een veld is te lang"),
    ("new-line character seen in unquoted field", "een regeleinde midden in een veld"),
)


def csv_reason(exc: csv.Error) -> str:
    """Python's csv module speaks English; the user reads Dutch."""
    text = str(exc).lower()
    return next((reason for needle, reason in _CSV_REASONS if needle in text),
                "ongeldige opbouw")


MAX_LINE_CHARS = 1024 * 1024  # no cell of an export comes near; a bomb's one line does


def _lines(text: io.TextIOBase, where: str) -> Iterator[str]:
    """Lines of at most MAX_LINE_CHARS, so a package of one endless line is refused after
    reading one megabyte instead of being decoded whole."""
    while True:
        line = text.readline(MAX_LINE_CHARS + 1)
        if not line:
            return
        if len(line) > MAX_LINE_CHARS:
            raise PackageRefused(f"{where}: een regel is langer dan "
                                 f"{thousands(MAX_LINE_CHARS)} tekens; geen geldige export.")
        yield line


def read_csv_stream(table: Table, stream: IO[bytes]) -> list[dict[str, Any]]:
    """read_csv from a binary stream (an entry of the zip), decoded as it is read, so the
    inflated file is never held whole in memory beside its rows."""
    return list(iter_csv_stream(table, stream))


def iter_csv_stream(table: Table, stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    """The rows of read_csv_stream one at a time, checked as they come (the gemeente writes
    them to its store while reading: issue 17); PackageRefused at the first bad row."""
    where = table.path
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(_lines(text, where), delimiter=DELIMITER, strict=True)
    try:
        header = next(reader, None)
        if header != table.header:
            raise PackageRefused(f"{where}: de kolommen kloppen niet met het schema (verwacht "
                                 f"{', '.join(table.header)}).")
        yield from _rows(table, reader)
    except csv.Error as exc:
        raise PackageRefused(f"{where}, rij {reader.line_num}: geen geldige CSV "
                             f"({csv_reason(exc)}).") from exc
    except UnicodeDecodeError as exc:
        raise PackageRefused(f"{where} is geen UTF-8-tekst (rij {reader.line_num + 1})."
                             ) from exc
    finally:
        text.detach()


def _rows(table: Table, reader: Iterable[Sequence[str]]) -> Iterator[dict[str, Any]]:
    where, columns, width = table.path, table.columns, len(table.columns)
    parsers = [(column, _parser(column)) for column in columns]
    keys: set[tuple[Any, ...]] = set()
    for number, cells in enumerate(reader, start=2):
        if len(cells) != width:
            raise PackageRefused(f"{where}, rij {number}: {len(cells)} velden in plaats van "
                                 f"{width}.")
        row: dict[str, Any] = {}
        for (column, parse), text in zip(parsers, cells, strict=True):
            if text == "":
                if column.required:
                    raise PackageRefused(f"{where}, rij {number}, veld {column.name}: verplicht "
                                         "veld is leeg.")
                row[column.name] = None
                continue
            try:
                row[column.name] = parse(text)
            except ValueError as exc:
                raise PackageRefused(f"{where}, rij {number}, veld {column.name}: {exc}.") from exc
        key = tuple(row[name] for name in table.primary_key)
        if key in keys:
            raise PackageRefused(f"{where}, rij {number}: dubbele sleutel "
                                 f"({', '.join(str(k) for k in key)}).")
        keys.add(key)
        yield row
