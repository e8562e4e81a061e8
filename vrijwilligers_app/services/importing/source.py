"""Open a file to import: check that it is what its name says, then hand it to its reader."""

import zipfile
from pathlib import Path

from vrijwilligers_app.services.importing.cells import Source
from vrijwilligers_app.services.importing.delimited import read_csv
from vrijwilligers_app.services.importing.errors import ImportRefused
from vrijwilligers_app.services.importing.spreadsheet import PASSWORD, read_workbook

EXTENSIONS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".ods": "ods", ".csv": "csv",
              ".txt": "csv", ".tsv": "csv"}
FORMAT_NAMES = {"xlsx": "een Excel-bestand (.xlsx)", "xls": "een oud Excel-bestand (.xls)",
                "ods": "een LibreOffice-rekenblad (.ods)", "csv": "een CSV-bestand",
                "ole": "een Office-bestand", "zip": "een zip-bestand", "pdf": "een PDF",
                "docx": "een Word-document", "other": "een ander soort bestand"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
SUPPORTED = "Kies een .xlsx-, .xls-, .ods- of .csv-bestand."


def sniff_format(path: Path, head: bytes) -> str:
    """What the bytes say the file is: xlsx, ods, xls, encrypted, csv or another name."""
    if head.startswith(OLE_MAGIC):
        with open(path, "rb") as handle:
            if ENCRYPTED in handle.read(1 << 20):
                return "encrypted"  # an Office file protected with a password
        return "xls"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and b"spreadsheet" in archive.read("mimetype"):
                    return "ods"
        except zipfile.BadZipFile:
            return "zip"
        if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
            return "xlsx"
        return "docx" if "word/document.xml" in names else "zip"
    if head.startswith(b"%PDF"):
        return "pdf"
    if b"\x00" in head[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "other"
    return "csv"


def read_source(path: Path) -> Source:
    """Read every sheet of the file. Raises ImportRefused (Dutch, names the file) for an
    empty file, a password, a file that is not what its extension says, or damage."""
    name = path.name
    wanted = EXTENSIONS.get(path.suffix.lower())
    if wanted is None:
        raise ImportRefused(name, f"Dit soort bestand kan niet ingelezen worden. {SUPPORTED}")
    try:
        with open(path, "rb") as handle:
            head = handle.read(8192)
    except OSError:
        raise ImportRefused(name, "Het bestand kan niet geopend worden; is het nog open in "
                            "een ander programma, of verplaatst?") from None
    if not head.strip():
        raise ImportRefused(name, "Het bestand is leeg.")
    found = sniff_format(path, head)
    if found == "encrypted":
        raise ImportRefused(name, PASSWORD)
    if found != wanted:
        raise ImportRefused(name, (
            f"De naam zegt {FORMAT_NAMES[wanted]}, maar het is {FORMAT_NAMES[found]}. "
            f"Sla het bestand opnieuw op in de juiste vorm. {SUPPORTED}"))
    if found == "csv":
        sheet, encoding, delimiter = read_csv(path.read_bytes(), name)
        source = Source(name, [sheet], encoding, delimiter)
    else:
        source = Source(name, read_workbook(path, found))
    if not any(any(c not in ("", None) for c in row) for s in source.sheets for row in s.rows):
        raise ImportRefused(name, "Het bestand bevat geen gegevens.")
    return source
