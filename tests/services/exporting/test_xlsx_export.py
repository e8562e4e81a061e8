"""Lists to .xlsx: typed cells, no formulas from text, frozen header; and back in again."""

import shutil
from datetime import date
from pathlib import Path

import openpyxl
from sqlalchemy import Engine, select

from vrijwilligers_app.services.editing import save_record
from vrijwilligers_app.services.exporting import XlsxColumn, export_register, write_xlsx
from vrijwilligers_app.services.exporting.xlsx import write_xlsx_steps
from vrijwilligers_app.services.importing import (
    apply_import,
    build_preview,
    find_header_row,
    read_source,
    suggest_mapping,
)
from vrijwilligers_app.store.engine import create_register_engine, read_session
from vrijwilligers_app.store.queries.registers import list_ids
from vrijwilligers_app.store.tables import Volunteer

TODAY = date(2026, 12, 6)
INJECTIONS = ['=HYPERLINK("http://x.example","klik")', "+31 6 1234", "-2+3", "@SUM(A1)"]


def test_text_never_becomes_a_formula_and_types_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "lijst.xlsx"
    columns = [XlsxColumn("Naam"), XlsxColumn("Sinds", "date"), XlsxColumn("Telefoon", "phone"),
               XlsxColumn("Postcode"), XlsxColumn("Aantal", "count")]
    rows = [(text, date(2024, 3, 5), "+31612345678", "0570", 3) for text in INJECTIONS]
    assert write_xlsx(path, "Vrijwilligers", columns, rows, "Filter: Wijk = Brandevoort",
                      confidential=True) == 4
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    assert ws["A1"].value == "Vrijwilligers"
    assert ws["A2"].value == "Filter: Wijk = Brandevoort"
    assert str(ws["A3"].value).startswith("Vertrouwelijk")
    assert ws.freeze_panes == "A6"
    assert [c.value for c in ws[5]] == ["Naam", "Sinds", "Telefoon", "Postcode", "Aantal"]
    for r, text in enumerate(INJECTIONS, start=6):
        assert ws.cell(r, 1).value == text
        assert ws.cell(r, 1).data_type == "s"
        assert ws.cell(r, 2).is_date and ws.cell(r, 2).number_format == "DD-MM-YYYY"
        assert ws.cell(r, 3).value == "06 12345678" and ws.cell(r, 3).data_type == "s"
        assert ws.cell(r, 4).value == "0570" and ws.cell(r, 4).data_type == "s"
        assert ws.cell(r, 5).value == 3 and ws.cell(r, 5).data_type == "n"
    assert ws.column_dimensions["A"].width >= len(INJECTIONS[0])
    assert ws.oddHeader.center.text == "VERTROUWELIJK"


PEOPLE = [
    {"first_name": "Jan", "name_prefix": "van der", "last_name": "Heijden",
     "district_code": "WK079421", "phone": "06-12345678", "email": "jan@example.nl",
     "start_date": date(2020, 2, 1)},
    {"first_name": "Doriën", "last_name": "Şahin", "phone": "0492-123456"},
    {"first_name": "Anna Maria", "last_name": "Jansen", "start_date": date(2024, 3, 5)},
]
KEPT = ("first_name", "name_prefix", "last_name", "district_code", "phone", "email",
        "start_date")


def _people(engine: Engine) -> list[tuple[object, ...]]:
    with read_session(engine) as session:
        rows = session.execute(select(*(getattr(Volunteer, k) for k in KEPT))).all()
    return sorted(tuple(row) for row in rows)


def test_round_trip_export_then_import_into_an_empty_register(
        register_engine: Engine, template_database: Path, tmp_path: Path) -> None:
    for person in PEOPLE:
        save_record(register_engine, "volunteers", person, today=TODAY)
    path = tmp_path / "vrijwilligers.xlsx"
    ids = list_ids(register_engine, "volunteers")
    assert export_register(register_engine, "volunteers", ids, path, "Alle") == 3
    data_dir = tmp_path / "leeg"
    data_dir.mkdir()
    db = data_dir / "register.sqlite"
    shutil.copyfile(template_database, db)
    empty = create_register_engine(db)
    try:
        sheet = read_source(path).sheets[0]
        header = find_header_row(sheet.rows)
        preview = build_preview(empty, "volunteers", sheet, header,
                                suggest_mapping("volunteers", sheet.rows[header]), path.name,
                                TODAY)
        assert [p.status for p in preview.rows] == ["nieuw"] * 3, [p.errors for p in
                                                                  preview.rows]
        gen = apply_import(empty, db, data_dir, preview, {}, TODAY)
        for _ in gen:
            pass
        assert _people(empty) == _people(register_engine)
    finally:
        empty.dispose()


def test_the_export_streams_and_reports_progress_while_it_writes(tmp_path: Path) -> None:
    """Progress comes while rows are still being written (not only at the end), and the
    file appears only once it is complete."""
    path = tmp_path / "groot.xlsx"
    made: list[int] = []

    def rows():  # type: ignore[no-untyped-def]
        for i in range(4500):
            made.append(i)
            yield (f"Naam {i}", date(2020, 1, 1 + i % 28), i)

    columns = [XlsxColumn("Naam"), XlsxColumn("Sinds", "date"), XlsxColumn("Nummer", "int")]
    steps = write_xlsx_steps(path, "Lijst", columns, rows(), total=4500)
    seen = []
    try:
        while True:
            done, total, label = next(steps)
            seen.append((done, total, label, len(made), path.exists()))
    except StopIteration as stop:
        assert stop.value == 4500
    assert seen == [(2000, 4500, "Exporteren", 2000, False),
                    (4000, 4500, "Exporteren", 4000, False),
                    (4500, 4500, "Opslaan", 4500, False)]
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    assert ws.cell(4 + 4500, 1).value == "Naam 4499"
    assert ws.cell(5, 2).is_date and ws.cell(5, 3).value == 0
