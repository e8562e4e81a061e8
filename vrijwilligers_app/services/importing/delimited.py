"""CSV files: encoding and delimiter decided from the file itself, never hand-parsed.

Encodings: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode-tekst"), else
Windows-1252 (what Dutch Excel writes). The delimiter (; , or tab) is the one that makes
the most known Dutch header words appear as cells in the first lines; csv.Sniffer guesses
wrongly on short files, so it is only asked when no header word is found.
"""

import codecs
import csv
import io

from vrijwilligers_app.services.importing.cells import Sheet, Value
from vrijwilligers_app.services.importing.errors import ImportRefused
from vrijwilligers_app.services.importing.headers import SCAN_ROWS, header_score

DELIMITERS = (";", ",", "\t")
DELIMITER_NAMES = {";": "puntkomma", ",": "komma", "\t": "tab"}


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _rows(text: str, delimiter: str, limit: int | None = None) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    for row in reader:
        rows.append(row)
        if limit is not None and len(rows) >= limit:
            break
    return rows


def choose_delimiter(text: str) -> str:
    head = "\n".join(text.splitlines()[:SCAN_ROWS])
    scores = {}
    for delimiter in DELIMITERS:
        try:
            rows = _rows(head, delimiter)
        except csv.Error:
            continue
        scores[delimiter] = max((header_score(row) for row in rows), default=0)
    best = max(DELIMITERS, key=lambda d: scores.get(d, -1))
    if scores.get(best, 0) > 0:
        return best
    try:
        return csv.Sniffer().sniff(head, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return max(DELIMITERS, key=head.count)


def read_csv(data: bytes, file_name: str) -> tuple[Sheet, str, str]:
    """(sheet, encoding, delimiter). A broken quote is refused with its line number."""
    text, encoding = decode(data)
    if not text.strip():
        raise ImportRefused(file_name, "Het bestand is leeg.")
    delimiter = choose_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[Value]] = []
    try:
        for row in reader:
            rows.append(list(row))
    except csv.Error:
        raise ImportRefused(file_name, (
            f"regel {reader.line_num}: een aanhalingsteken (\") wordt niet goed afgesloten, "
            "zodat niet duidelijk is waar de tekst ophoudt. Verbeter die regel (bijvoorbeeld "
            "in Kladblok) en probeer het opnieuw.")) from None
    return Sheet(file_name, rows), encoding, delimiter
