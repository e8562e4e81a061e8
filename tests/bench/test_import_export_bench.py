"""Excel in and out at size: importing 10,000 volunteers from .xlsx beside reading the same
file with the reader alone, and exporting 100,000 residents (demo groot) to .xlsx beside
fetching the same rows and writing them as plain cells, all in one run.

Run: python -m pytest -m bench tests/bench/test_import_export_bench.py -s
Nothing here asserts on time; ratios are printed and written to bench-results/excel.json.
"""

import shutil
import time
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from tests.bench.common import Recorder
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.exporting import export_register
from vrijwilligers_app.services.importing import (
    apply_import,
    build_preview,
    find_header_row,
    read_source,
    suggest_mapping,
)
from vrijwilligers_app.store.engine import create_register_engine, read_session
from vrijwilligers_app.store.queries.registers import fetch_rows, list_ids
from vrijwilligers_app.store.tables import Volunteer

pytestmark = pytest.mark.bench
record = Recorder("excel.json", unit="s")
ROWS = 10_000
FIRST = ("Anna", "Jan", "Fatma", "Piet", "Els", "Mohamed", "Doriën", "Kees", "Sanne", "Ahmet",
         "Maria", "Johan", "Ayşe", "Henk", "Ingrid", "Youssef", "Tineke", "Gerrit", "Lotte",
         "Mustafa", "Wilma", "Bram", "Naima", "Theo", "Ria", "Kevin", "Emine", "Frans",
         "Joke", "Rachid", "Annie", "Sem", "Hatice", "Cor", "Greet", "Daan", "Samira",
         "Wim", "Ellen", "Bilal")
LAST = ("Jansen", "de Vries", "van der Heijden", "Yilmaz", "Bos", "El Amrani", "Smit",
        "ter Horst", "Peeters", "Şahin", "Bakker", "Visser", "Meijer", "de Boer", "Mulder",
        "de Groot", "Vos", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Kok",
        "van den Berg", "Vermeulen")


def _volunteers_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Vrijwilligers")
    ws.append(["Vrijwilligerslijst 2026"])
    ws.append([])
    ws.append(["Naam", "Adres", "Postcode", "Woonplaats", "Tel.", "E-mail", "Geb.datum",
               "Sinds"])
    for i in range(ROWS):
        name = f"{FIRST[i % 40]} {LAST[(i // 40) % 25]}"  # people of the same name exist
        area = i % 997  # not in step with the names, which repeat every 1,000 rows
        postcode = f"57{area % 10}{area // 100} {'ABCDEFGHJK'[(area // 10) % 10]}L"
        ws.append([name, f"Kerkstraat {i % 200 + 1}", postcode, "Helmond", 612000000 + i,
                   f"v{i}@example.nl", date(1930 + (i * 37 + i // 1000 * 11) % 75, 1 + i % 12,
                   1 + i % 28),
                   f"{1 + i % 28}-{1 + i % 12}-{2000 + i % 25}"])
    book.save(path)
    return path


def test_import_10000_volunteers_vs_reader_alone(template_database: Path, tmp_path: Path
                                                 ) -> None:
    source = _volunteers_xlsx(tmp_path / "vrijwilligers.xlsx")
    started = time.perf_counter()
    read_source(source)
    reader = time.perf_counter() - started
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(template_database, data / DATABASE_NAME)
    engine = create_register_engine(data / DATABASE_NAME)
    started = time.perf_counter()
    sheet = read_source(source).sheets[0]
    header = find_header_row(sheet.rows)
    preview = build_preview(engine, "volunteers", sheet, header,
                            suggest_mapping("volunteers", sheet.rows[header]), source.name)
    previewed = time.perf_counter() - started
    # 1,000 names over 10,000 people: some share a name and birth year or postcode, which the
    # duplicate rule flags; all are added anyway, so every row is written.
    add_all = {p.row_number: "toevoegen" for p in preview.rows if p.status == "dubbel"}
    for _ in apply_import(engine, data / DATABASE_NAME, data, preview, add_all):
        pass
    total = time.perf_counter() - started
    with read_session(engine) as session:
        written = session.execute(select(func.count()).select_from(Volunteer)).scalar_one()
    engine.dispose()
    assert preview.count("fout") == 0, [p.errors for p in preview.rows if p.errors][:3]
    assert written == ROWS
    record.add({"name": "rows the duplicate rule flagged", "value": len(add_all)})
    record("read + preview of 10,000 volunteers", previewed, reader, "reader alone")
    record("whole import of 10,000 volunteers (read, preview, backup, write)", total, reader,
           "reader alone")


def test_export_100000_residents(groot_dir: Path, tmp_path: Path) -> None:
    engine = create_register_engine(groot_dir / DATABASE_NAME)
    ids = list_ids(engine, "residents")
    assert len(ids) >= 100_000
    started = time.perf_counter()
    rows = [row for start in range(0, len(ids), 1000)
            for row in fetch_rows(engine, "residents", ids[start:start + 1000]).values()]
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Inwoners")
    for row in rows:
        ws.append([str(v) if v is not None else None for v in row])
    book.save(tmp_path / "plain.xlsx")
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    count = export_register(engine, "residents", ids, tmp_path / "inwoners.xlsx",
                            "Alle inwoners")
    measured = time.perf_counter() - started
    engine.dispose()
    assert count == len(ids)
    record("export of 100,000 residents to .xlsx", measured, baseline,
           "fetch + plain write-only cells")
    record.add({"name": "size of the export (MB)",
                "value": round((tmp_path / "inwoners.xlsx").stat().st_size / 1e6, 1)})
