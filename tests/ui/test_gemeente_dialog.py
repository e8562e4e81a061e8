"""The gemeente's view: figures per source and city-wide, reading exports, writing returns."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.helpers.registers import make_register_dir
from vrijwilligers_app.services.exchange.export import export
from vrijwilligers_app.services.exchange.keys import create_gemeente_keys, laptop_keys
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.ui.dialogs.gemeente_dialog import MEASURES, GemeenteDialog
from vrijwilligers_app.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui
TODAY = date(2026, 11, 23)


@pytest.fixture
def exports(demo_klein_database, tmp_path):
    """A folder with the exports of two laptops holding the demo register."""
    folder = tmp_path / "sync"
    for name in ("a", "b"):
        laptop = make_register_dir(demo_klein_database, tmp_path / name)
        laptop_keys(laptop)
        engine = create_register_engine(laptop / "register.sqlite")
        export(engine, laptop, folder, today=TODAY, allow_unencrypted=True)
        engine.dispose()
    return folder


@pytest.fixture
def gemeente(template_database, tmp_path):
    data_dir = make_register_dir(template_database, tmp_path / "gemeente")
    create_gemeente_keys(data_dir, "Gemeente Helmond")
    with open_register(data_dir, daily_backup=False) as register:
        yield register


def _column(dialog, column):
    return {MEASURES[row][0]: dialog.table.item(row, column).text()
            for row in range(dialog.table.rowCount())}


def test_read_exports_and_see_the_city_and_each_source(qtbot, gemeente, exports, tmp_path,
                                                        monkeypatch):
    dialog = GemeenteDialog(gemeente, TaskRunner(synchronous=True), today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.result_label.text() == "Nog geen exportbestanden ingelezen."
    monkeypatch.setattr(dialog, "choose_folder", lambda title: exports)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "2 ingelezen, 0 genegeerd, 0 geweigerd" in dialog.result_label.text()
    assert dialog.table.columnCount() == 3
    assert dialog.table.horizontalHeaderItem(0).text() == "Helmond (alle bronnen)"
    city, one = _column(dialog, 0), _column(dialog, 1)
    assert city["Inwoners"] == "800" and one["Inwoners"] == "400"
    assert city["Initiatieven (actief)"] == one["Initiatieven (actief)"]  # shared, once
    assert int(city["Doorverwijzingen (gesignaleerd in de periode)"]) == \
        2 * int(one["Doorverwijzingen (gesignaleerd in de periode)"]) > 0
    assert city["Wachttijd: mediaan"].endswith(" d")

    returns = tmp_path / "terug"
    monkeypatch.setattr(dialog, "choose_folder", lambda title: returns)
    qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text().startswith("2 terugmelding(en) geschreven: terugmelding-")
    assert len(list(returns.iterdir())) == 2


def test_menu_entry_only_in_a_gemeente_data_dir(qtbot, gemeente, demo_register):
    from tests.helpers.ui import make_window

    def entries(register):
        window = make_window(qtbot, register)
        texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
        window.close()
        return texts

    assert "&Gemeente: sociaal domein in beeld…" in entries(gemeente)
    assert "&Gemeente: sociaal domein in beeld…" not in entries(demo_register)
