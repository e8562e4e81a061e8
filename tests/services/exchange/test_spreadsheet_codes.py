"""Codes in the package CSVs stay text when someone opens them in a spreadsheet: the age
band "85+" (which Excel and LibreOffice read as the number 85) is written "85 en ouder"."""

import json
import subprocess

import openpyxl
import pytest

from tests.helpers.messy_files import soffice
from tests.services.exchange.conftest import export_to, unpack
from vrijwilligers_app.services.exchange.cells import read_csv, write_csv
from vrijwilligers_app.services.exchange.package_read import read_package
from vrijwilligers_app.services.exchange.schema import AGE_BANDS_ALL, TABLES

EXPORT = TABLES["export"]
AGE_TABLES = [t for t in EXPORT.values() if any(c.name == "leeftijdsgroep" for c in t.columns)]
FILE_TEXTS = ("0-17", "18-26", "27-44", "45-64", "65-74", "75-84", "85 en ouder", "onbekend",
              "18-44", "18-64", "65 en ouder")


def _age_cells(data: bytes, table_name: str) -> list[str]:
    lines = data.decode("utf-8-sig").splitlines()
    index = lines[0].split(";").index("leeftijdsgroep")
    return [line.split(";")[index] for line in lines[1:]]


def test_package_writes_85_plus_as_text_and_reads_it_back(laptop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    exported = export_to(laptop, tmp_path / "sync").read_bytes()
    files = unpack(exported)
    assert {t.name for t in AGE_TABLES} == {"inwoners", "doorverwijzingen"}
    seen: set[str] = set()
    for table in AGE_TABLES:
        cells = _age_cells(files[table.path], table.name)
        assert set(cells) <= set(FILE_TEXTS) | {""}, table.name
        seen.update(cells)
    assert "85 en ouder" in seen and not {"85+", "65+"} & seen
    package = json.loads(files["datapackage.json"])
    for resource in package["resources"]:
        for spec in resource["schema"]["fields"]:
            if spec["name"] == "leeftijdsgroep":
                assert spec["type"] == "string"
                assert spec["constraints"]["enum"] == list(FILE_TEXTS)
    bands = {row["leeftijdsgroep"] for row in read_package(exported).tables["inwoners"]}
    assert "85+" in bands and "85 en ouder" not in bands
    # A package of schema version 1 wrote the code itself: still read.
    table = EXPORT["inwoners"]
    old = files[table.path].replace(b"85 en ouder", b"85+").replace(b"65 en ouder", b"65+")
    assert "85+" in {row["leeftijdsgroep"] for row in read_csv(table, old)}


@pytest.mark.slow
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("language", ["", "1043"])  # LibreOffice's default, and nl-NL
def test_libreoffice_keeps_every_age_band_as_text(tmp_path, language: str) -> None:  # type: ignore[no-untyped-def]
    table = AGE_TABLES[0]
    rows = []
    for number, band in enumerate(AGE_BANDS_ALL):
        row = {c.name: None for c in table.columns}
        row.update(id=f"{number:032x}", leeftijdsgroep=band)
        rows.append(row)
    source = tmp_path / "inwoners.csv"
    source.write_bytes(write_csv(table, rows))
    exe = soffice()
    assert exe is not None
    subprocess.run([exe, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
                    "--infilter=CSV:59,34,76,1,," + language, "--convert-to", "xlsx",
                    "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    ws = openpyxl.load_workbook(tmp_path / "inwoners.xlsx").active
    assert ws is not None
    column = [c.value for c in ws[1]].index("leeftijdsgroep") + 1
    cells = [ws.cell(r, column) for r in range(2, ws.max_row + 1)]
    assert [c.value for c in cells] == list(FILE_TEXTS)
    assert {c.data_type for c in cells} == {"s"}
