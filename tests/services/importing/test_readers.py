"""Every reader on real files the test writes: messy workbooks, CSV dialects, refusals."""

import codecs
import csv
import io
import zipfile
from pathlib import Path

import pytest

from tests.helpers.messy_files import VOLUNTEER_HEADER, convert, soffice
from vrijwilligers_app.services.importing import CellError, ImportRefused, read_source
from vrijwilligers_app.services.importing.headers import find_header_row


def test_messy_workbook_reads_values_errors_and_hidden_column(messy_xlsx: Path) -> None:
    source = read_source(messy_xlsx)
    sheet = source.sheets[0]
    assert sheet.name == "Vrijwilligers 2024"
    assert find_header_row(sheet.rows) == 3
    assert sheet.rows[3][:9] == VOLUNTEER_HEADER
    assert sheet.rows[10][4] == CellError("#N/A")
    assert str(sheet.rows[10][4]) == "#N/B"
    assert sheet.rows[4][9] == "x"  # the hidden column is read like any other ...
    assert sheet.hidden_columns == {9}  # ... and known to be hidden
    assert ((0, 0), (0, 8)) in sheet.merged


def _csv_bytes(rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


ROWS = [["Voornaam", "Achternaam", "Woonplaats"], ["Doriën", "de Vries", "Helmond, Brouwhuis"]]


@pytest.mark.parametrize(("delimiter", "encoding", "bom"), [
    (";", "cp1252", b""), (",", "utf-8", codecs.BOM_UTF8), ("\t", "utf-8", b""),
    (";", "utf-8", codecs.BOM_UTF8), ("\t", "utf-16-le", codecs.BOM_UTF16_LE),
])
def test_csv_dialects_of_a_short_file(tmp_path: Path, delimiter: str, encoding: str,
                                      bom: bytes) -> None:
    path = tmp_path / "lijst.csv"
    path.write_bytes(bom + _csv_bytes(ROWS, delimiter, encoding))
    source = read_source(path)
    assert source.delimiter == delimiter
    assert source.sheets[0].rows == ROWS


def test_csv_with_a_broken_quote_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "kapot.csv"
    path.write_bytes(b'Voornaam;Achternaam\r\nJan;"Bos\r\nPiet;Smit\r\n')
    with pytest.raises(ImportRefused, match=r"kapot\.csv: regel \d+: een aanhalingsteken"):
        read_source(path)


@pytest.mark.parametrize("content", [b"", b"   \r\n"])
def test_empty_files_are_refused(tmp_path: Path, content: bytes) -> None:
    for name in ("leeg.csv", "leeg.xlsx"):
        (tmp_path / name).write_bytes(content)
        with pytest.raises(ImportRefused, match=f"{name}: Het bestand is leeg"):
            read_source(tmp_path / name)


def test_a_workbook_without_data_is_refused(tmp_path: Path) -> None:
    import openpyxl

    openpyxl.Workbook().save(tmp_path / "niets.xlsx")
    with pytest.raises(ImportRefused, match="bevat geen gegevens"):
        read_source(tmp_path / "niets.xlsx")


def test_password_protected_workbook_is_refused(messy_xlsx: Path, tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    locked = tmp_path / "beveiligd.xlsx"
    with open(messy_xlsx, "rb") as plain, open(locked, "wb") as out:
        OOXMLFile(plain).encrypt("geheim", out)
    with pytest.raises(ImportRefused, match="met een wachtwoord beveiligd"):
        read_source(locked)


def test_files_that_are_not_what_their_name_says(messy_xlsx: Path, tmp_path: Path) -> None:
    fake_xlsx = tmp_path / "lijst.xlsx"
    fake_xlsx.write_bytes(_csv_bytes(ROWS, ";", "utf-8"))
    with pytest.raises(ImportRefused, match=r"De naam zegt een Excel-bestand \(\.xlsx\), maar het "
                                            "is een CSV-bestand"):
        read_source(fake_xlsx)
    fake_csv = tmp_path / "lijst.csv"
    fake_csv.write_bytes(messy_xlsx.read_bytes())
    with pytest.raises(ImportRefused, match="maar het is een Excel-bestand"):
        read_source(fake_csv)
    docx = tmp_path / "brief.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ImportRefused, match="Word-document"):
        read_source(docx)
    truncated = tmp_path / "half.xlsx"
    truncated.write_bytes(messy_xlsx.read_bytes()[:2000])
    with pytest.raises(ImportRefused, match="half.xlsx: .*(beschadigd|zip-bestand)"):
        read_source(truncated)


@pytest.mark.slow
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("fmt", ["ods", "xls", "xlsx"])
def test_libreoffice_formats_and_formula_values(messy_xlsx: Path, tmp_path: Path,
                                                fmt: str) -> None:
    """LibreOffice recalculates the formulas and stores their values: those are read."""
    out = tmp_path / "out"
    out.mkdir()
    converted = convert(messy_xlsx, fmt, out)
    sheet = read_source(converted).sheets[0]
    assert find_header_row(sheet.rows) == 3
    assert sheet.rows[11][9] == 2  # '=1+1'
    assert sheet.rows[12][9] == 6  # '=COUNTA(A5:A12)': 5 names and the repeated header
    assert sheet.rows[4][0] == "Jan van der Heijden"
