"""Error cells (#N/B, #WAARDE!) and hidden columns in every workbook format: reported per
cell in the preview, never imported as a value; hidden columns are not mapped by default."""

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine, select

from tests.helpers.messy_files import ERROR_HEADER, convert, error_workbook, soffice
from vrijwilligers_app.services.importing import (
    CellError,
    apply_import,
    build_preview,
    read_source,
    suggest_mapping,
)
from vrijwilligers_app.store.engine import create_register_engine, read_session
from vrijwilligers_app.store.tables import Volunteer

TODAY = date(2026, 12, 6)
FIXTURES = Path(__file__).parents[2] / "fixtures" / "import"
EXPECTED_ERRORS = {
    3: "rij 3, kolom Postcode: de cel bevat een fout (#N/B).",
    4: "rij 4, kolom Geboortejaar: de cel bevat een fout (#DEEL/0!).",
    5: "rij 5, kolom Tel.: de cel bevat een fout (#WAARDE!).",
    6: "rij 6, kolom Geboortejaar: de cel bevat een fout (#VERW!).",
}


@pytest.fixture
def register(template_database: Path, tmp_path: Path) -> Iterator[tuple[Engine, Path, Path]]:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    db = data_dir / "register.sqlite"
    shutil.copyfile(template_database, db)
    engine = create_register_engine(db)
    yield engine, db, data_dir
    engine.dispose()


def _check_marks(path: Path) -> None:
    sheet = read_source(path).sheets[0]
    assert sheet.rows[0] == ERROR_HEADER
    assert sheet.hidden_columns == {1}
    assert sheet.rows[2][3] == CellError("#N/A")
    assert sheet.rows[3][4] == CellError("#DIV/0!")
    assert sheet.rows[4][2] == CellError("#VALUE!")
    assert sheet.rows[5][4] == CellError("#REF!")
    assert [str(sheet.rows[r][c]) for r, c in ((2, 3), (3, 4), (4, 2), (5, 4))] == [
        "#N/B", "#DEEL/0!", "#WAARDE!", "#VERW!"]


def _check_preview_and_write(path: Path, engine: Engine, db: Path, data_dir: Path) -> None:
    sheet = read_source(path).sheets[0]
    mapping = suggest_mapping("volunteers", sheet.rows[0], sheet.hidden_columns)
    assert 1 not in mapping  # 'Telefoon' is hidden: the visible 'Tel.' is the phone
    assert mapping[2] == "phone"
    preview = build_preview(engine, "volunteers", sheet, 0, mapping, path.name, TODAY)
    by_row = {plan.row_number: plan for plan in preview.rows}
    assert by_row[2].status == "nieuw"
    assert by_row[2].values["phone"] == "+31492123456"
    for row, message in EXPECTED_ERRORS.items():
        assert by_row[row].status == "fout"
        assert message in by_row[row].errors
    gen = apply_import(engine, db, data_dir, preview, {}, TODAY)
    with pytest.raises(StopIteration):
        while True:
            next(gen)
    with read_session(engine) as session:
        stored = session.execute(select(Volunteer.first_name, Volunteer.postcode,
                                        Volunteer.birth_year, Volunteer.phone)).all()
    assert [tuple(row) for row in stored] == [("Anna", "5701 AB", 1950, "+31492123456")]


@pytest.mark.parametrize("name", ["foutcellen.ods", "foutcellen.xls"])
def test_committed_libreoffice_files(name: str, register: tuple[Engine, Path, Path]) -> None:
    _check_marks(FIXTURES / name)
    _check_preview_and_write(FIXTURES / name, *register)


@pytest.mark.slow
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("fmt", ["ods", "xls", "xlsx"])
def test_fresh_libreoffice_files(fmt: str, tmp_path: Path,
                                 register: tuple[Engine, Path, Path]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "bron").mkdir()
    converted = convert(error_workbook(tmp_path / "bron" / "foutcellen.xlsx"), fmt, out)
    _check_marks(converted)
    _check_preview_and_write(converted, *register)


def test_openpyxl_workbook_with_error_cells_and_hidden_columns(tmp_path: Path) -> None:
    """An .xlsx as Excel stores it: error cells typed 'e', a range of hidden columns."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Naam", "Intern", "Notitie", "Telefoon", "Postcode"])
    ws.append(["Anna de Wit", "a", "b", "#N/A", "#VALUE!"])
    ws["D2"].data_type = "e"
    ws["E2"].data_type = "e"
    ws.column_dimensions.group("B", "C", hidden=True)
    wb.save(tmp_path / "lijst.xlsx")
    sheet = read_source(tmp_path / "lijst.xlsx").sheets[0]
    assert sheet.hidden_columns == {1, 2}
    assert sheet.rows[1][3:5] == [CellError("#N/A"), CellError("#VALUE!")]


def test_a_workbook_without_errors_or_hidden_columns_has_none(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Naam", "Telefoon"])
    ws.append(["Anna de Wit", "#N/A"])
    ws["B2"].data_type = "s"  # typed text that looks like an error stays text
    wb.save(tmp_path / "lijst.xlsx")
    sheet = read_source(tmp_path / "lijst.xlsx").sheets[0]
    assert sheet.hidden_columns == frozenset()
    assert sheet.rows[1] == ["Anna de Wit", "#N/A"]


def test_hidden_columns_without_openpyxls_sheet_parser(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Should openpyxl's internal sheet parser go away, the full load gives the same answer."""
    from vrijwilligers_app.services.importing import sheet_marks

    def gone(ws: object) -> list[tuple[int, int]]:
        raise ImportError("WorkSheetParser")

    monkeypatch.setattr(sheet_marks, "_hidden_by_parser", gone)
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Naam", "Telefoon", "Tel."])
    ws.append(["Anna de Wit", "oud", "0492-123456"])
    ws.column_dimensions["B"].hidden = True
    wb.save(tmp_path / "lijst.xlsx")
    assert read_source(tmp_path / "lijst.xlsx").sheets[0].hidden_columns == {1}
