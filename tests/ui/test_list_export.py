"""Lists out to Excel as the screen shows them; Ctrl+C; figures tables to Excel."""

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import make_window
from tests.ui.test_register_pages import open_page, rows
from vrijwilligers_app.services.editing import save_record
from vrijwilligers_app.ui.list_export import ExportFile

pytestmark = pytest.mark.gui


@pytest.fixture
def save_as(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    target = tmp_path / "lijst.xlsx"
    asked: list[str] = []

    def ask(cls, parent, suggested):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return target

    monkeypatch.setattr(ExportFile, "ask", classmethod(ask))
    return target, asked


def _sheet(path: Path):  # type: ignore[no-untyped-def]
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    return ws


def test_volunteer_list_exported_as_filtered_and_sorted(qtbot, demo_register, answers,
                                                       save_as) -> None:  # type: ignore[no-untyped-def]
    target, asked = save_as
    window = make_window(qtbot, demo_register)
    page = open_page(qtbot, window, "volunteers")
    district, name = rows(demo_register, "SELECT d.code, d.name FROM volunteer v JOIN district d "
                          "ON d.code = v.district_code GROUP BY 1 ORDER BY count(*) DESC")[0]
    box = page.filter_boxes["wijk"]
    box.setCurrentIndex(box.findData(district))
    page.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    page.view.horizontalHeader().hideSection(3)  # E-mail hidden: not exported
    said: list[str] = []
    page.status.connect(said.append)
    window.export_current_list()
    assert asked == ["vrijwilligers.xlsx"]
    count = page.model.rowCount()
    assert f"Exporteren naar {target.name}: {count} van {count} rijen…" in said
    assert said.index(f"{target.name} opslaan…") < len(said) - 1  # then: saved
    assert said[-1].startswith(f"{count} rijen opgeslagen in ")
    assert answers.asked == []  # volunteers: no residents' data, no question
    ws = _sheet(target)
    assert ws["A1"].value == "Vrijwilligers"
    assert f"Wijk: {name}" in ws["A2"].value and "Naam (aflopend)" in ws["A2"].value
    assert str(ws["A3"].value).startswith("Vertrouwelijk")
    header = [c.value for c in ws[5]]
    assert "E-mail" not in header and header[0] == "Naam"
    names = [ws.cell(r, 1).value for r in range(6, ws.max_row + 1)]
    shown = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert names == shown and len(names) > 1


def test_residents_export_asks_first_and_stops_on_no(qtbot, demo_register, answers,
                                                     save_as) -> None:  # type: ignore[no-untyped-def]
    target, asked = save_as
    window = make_window(qtbot, demo_register)
    open_page(qtbot, window, "residents")
    answers.ask = False
    window.export_current_list()
    assert answers.asked == ["Gegevens van inwoners exporteren?"]
    assert asked == [] and not target.exists()
    answers.ask = True
    window.export_current_list()
    assert target.exists()


def test_ctrl_c_copies_selected_rows_tab_separated(qtbot, register, answers) -> None:  # type: ignore[no-untyped-def]
    for first, last in (("Anna", "Jansen"), ("Piet", "=HYPERLINK(\"x\")"), ("Kees", "Bos")):
        save_record(register.engine, "volunteers", {"first_name": first, "last_name": last,
                                                    "phone": "0612345678"})
    window = make_window(qtbot, register)
    page = open_page(qtbot, window, "volunteers")
    model, selection = page.model, page.view.selectionModel()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() != "Bos, Kees":
            selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().split("\r\n")
    assert lines[0].split("\t")[:3] == ["Naam", "Wijk", "Telefoon"]
    firsts = sorted(line.split("\t")[0] for line in lines[1:] if line)
    assert firsts == ["'=HYPERLINK(\"x\"), Piet", "Jansen, Anna"]
    assert lines[1].split("\t")[2] == "06 12345678"


def test_figures_table_to_excel(qtbot, demo_register, answers, save_as) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_maatjes_page import maatjes

    target, _asked = save_as
    _window, page = maatjes(qtbot, demo_register)
    page.request_panel.figures_button.click()
    dialog = page.figures_dialog
    dialog.excel_button.click()  # the test window's runner is synchronous
    assert target.exists()
    ws = _sheet(target)
    table = dialog.table
    assert [c.value for c in ws[4]] == [table.horizontalHeaderItem(c).text()
                                        for c in range(table.columnCount())]
    last = 4 + table.rowCount()
    assert ws.cell(last, 1).value == "Totaal"
    assert ws.cell(last, 2).value == int(table.item(table.rowCount() - 1, 1).text())
    assert "Periode" in ws["A2"].value
    dialog.close()
