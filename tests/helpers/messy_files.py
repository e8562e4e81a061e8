"""Realistic, messy lists as volunteers keep them, built by the tests themselves."""

import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

VOLUNTEER_HEADER = ["Naam", "Adres", "Postcode", "Woonplaats", "Tel.", "E-mail", "Geb.datum",
                    "VOG", "Sinds"]


def volunteer_workbook(path: Path) -> Path:
    """Title and date above the header, a merged title, a hidden column, blank rows between
    two blocks, a repeated header, a totals row, error cells, numbers for phone numbers,
    serial and text dates, a formula (value cached only after LibreOffice recalculates)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Vrijwilligers 2024"
    ws.append(["Vrijwilligerslijst Buurtkamer De Bus"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:I1")
    ws.append(["Bijgewerkt: 3 maart 2024"])
    ws.append([])
    ws.append(VOLUNTEER_HEADER + ["Intern"])
    ws.append(["Jan van der Heijden", "Kerkstraat 1", "5701 AB", "Helmond", 612345678,
               "jan@example.nl", date(1950, 3, 4), date(2023, 1, 10), "01-02-2020", "x"])
    ws.append(["Jansen, Anna", "Molenweg 12", "5702 CD", "Helmond", "6.12345679E8", "",
               18000, "", 43831, "x"])  # 18000 = 13-04-1949; 43831 = 01-01-2020
    ws.append(["Pieter de Vries", "Hoofdstraat 3", "5701", "Helmond", 492123456, "", "4-7-55",
               "", "3 maart 2024", "x"])
    ws.append([])
    ws.append([])
    ws.append(VOLUNTEER_HEADER + ["Intern"])
    ws.append(["Fatma Yilmaz", "Steenweg 8", "5707 HH", "Helmond", "#N/A", "", 1980, "", "",
               "x"])
    ws["E11"].data_type = "e"
    ws.append(["Kees Bos", "Dorpsstraat 5", "5708 JK", "Helmond", "06-28765432", "", "1971",
               "", "", "=1+1"])
    ws.append(["Totaal", "", "", "", "", "", "", "", "", "=COUNTA(A5:A12)"])
    ws.column_dimensions["J"].hidden = True
    wb.save(path)
    return path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, fmt: str, out_dir: Path) -> Path:
    """Convert with LibreOffice headless (recalculates formulas and stores their values)."""
    exe = soffice()
    assert exe is not None
    profile = out_dir / "lo-profile"
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", fmt, "--outdir", str(out_dir), str(source)],
                   check=True, capture_output=True, timeout=180)
    return out_dir / f"{source.stem}.{fmt.split(':')[0]}"


ERROR_HEADER = ["Naam", "Telefoon", "Tel.", "Postcode", "Geboortejaar"]


def error_workbook(path: Path) -> Path:
    """Error cells of four kinds and a hidden column whose header the mapping knows
    ('Telefoon'). The formulas get their (error) values only when LibreOffice recalculates:
    convert the file before reading it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Deelnemers"
    ws.append(ERROR_HEADER)
    ws.append(["Anna de Wit", "oud nummer", "0492-123456", "5701 AB", 1950])
    ws.append(["Bert Smit", "", "0612345678", "=NA()", 1948])  # #N/B
    ws.append(["Carla Bos", "", "0612345679", "5702 CD", "=1/0"])  # #DEEL/0!
    ws.append(["Dirk Aa", "", '="a"+1', "5703 EF", 1960])  # #WAARDE!
    ws.append(["Els Kok", "", "0612345670", "5704 GH", "=INDIRECT(\"ZZZ0\")"])  # #VERW!
    ws.column_dimensions["B"].hidden = True
    wb.save(path)
    return path
