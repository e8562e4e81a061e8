"""The gemeente's view: figures per source and city-wide, reading exports, writing returns."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.helpers.registers import make_register_dir
from vrijwilligers_app.services.exchange.export import export
from vrijwilligers_app.services.exchange.keys import laptop_keys
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.gemeente_db import save_database_url
from vrijwilligers_app.store.gemeente_engine import create_gemeente_engine
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


def accept_all_in_quarantine(qtbot, dialog, monkeypatch):
    from vrijwilligers_app.ui.dialogs.confirm import Confirm

    asked = []
    monkeypatch.setattr(Confirm, "ask", classmethod(
        lambda cls, parent, title, text, **kw: asked.append(text) or True))
    quarantine = dialog.open_quarantine()
    qtbot.addWidget(quarantine)
    while quarantine.table.rowCount():
        fingerprint = quarantine.table.item(0, 0).text()
        quarantine.table.selectRow(0)
        qtbot.mouseClick(quarantine.accept_button, Qt.MouseButton.LeftButton)
        assert fingerprint in asked[-1]
        assert "1 ingelezen" in quarantine.message.text()
    quarantine.close()


def _column(dialog, column):
    return {MEASURES[row][0]: dialog.table.item(row, column).text()
            for row in range(dialog.table.rowCount())}


def test_read_exports_and_see_the_city_and_each_source(qtbot, gemeente, exports, tmp_path,
                                                        monkeypatch, gemeente_db):
    """On both engines: with a PostgreSQL URL saved in Instellingen the window (and its
    quarantine list) reads into, and figures come from, that database."""
    if gemeente_db:
        save_database_url(gemeente.engine, gemeente_db)
    dialog = GemeenteDialog(gemeente, TaskRunner(synchronous=True), today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.result_label.text() == "Nog geen exportbestanden ingelezen."
    monkeypatch.setattr(dialog, "choose_folder", lambda title: exports)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    # issue 17: new laptops wait in quarantine until accepted in the window
    assert "0 ingelezen, 0 genegeerd, 0 geweigerd, 2 in quarantaine" in dialog.result_label.text()
    accept_all_in_quarantine(qtbot, dialog, monkeypatch)
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
    in_register = gemeente_sources(gemeente.engine)
    if gemeente_db:
        store = create_gemeente_engine(gemeente_db)
        assert (gemeente_sources(store), in_register) == (2, 0)
        store.dispose()
    else:
        assert in_register == 2


def gemeente_sources(engine) -> int:
    from sqlalchemy import func, select

    from vrijwilligers_app.store.gemeente.tables import ExchangeSource

    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(ExchangeSource)).scalar())


def test_menu_entry_only_in_a_gemeente_data_dir(qtbot, gemeente, demo_register):
    from tests.helpers.ui import make_window

    def entries(register):
        window = make_window(qtbot, register)
        texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
        window.close()
        return texts

    assert "&Gemeente: sociaal domein in beeld…" in entries(gemeente)
    assert "&Gemeente: sociaal domein in beeld…" not in entries(demo_register)


def test_quarantine_list_shows_fingerprint_and_name_refuses_after_confirmation(
        qtbot, gemeente, exports, monkeypatch):
    from vrijwilligers_app.services.exchange.merge import import_packages
    from vrijwilligers_app.services.exchange.quarantine import waiting_sources
    from vrijwilligers_app.ui.dialogs.confirm import Confirm
    from vrijwilligers_app.ui.dialogs.quarantine_dialog import QuarantineDialog

    import_packages(gemeente.engine, gemeente.data_dir, [exports])
    keys = {laptop_keys(exports.parent / name).fingerprint for name in ("a", "b")}
    dialog = QuarantineDialog(gemeente, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    shown = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    assert shown == keys
    assert dialog.table.item(0, 3).text().count("-") == 2  # dd-mm-jjjj
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **kw: False))
    qtbot.mouseClick(dialog.refuse_button, Qt.MouseButton.LeftButton)
    assert len(waiting_sources(gemeente.engine)) == 2  # not confirmed: nothing changed
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **kw: True))
    first = dialog.table.item(0, 0).text()
    qtbot.mouseClick(dialog.refuse_button, Qt.MouseButton.LeftButton)
    assert "geweigerd" in dialog.message.text()
    assert [w.fingerprint for w in waiting_sources(gemeente.engine)] == sorted(keys - {first})
    assert dialog.table.rowCount() == 1


def test_status_entry_finds_a_referral_and_adds_a_dated_status(qtbot, gemeente, exports,
                                                               tmp_path):
    from sqlalchemy import text

    from tests.services.exchange.conftest import Side, enrol
    from vrijwilligers_app.services.exchange.merge import import_packages
    from vrijwilligers_app.ui.dialogs.status_dialog import StatusDialog

    for name in ("a", "b"):  # accepted earlier
        laptop = exports.parent / name
        enrol(Side(gemeente.data_dir, gemeente.engine), Side(laptop, gemeente.engine))
    import_packages(gemeente.engine, gemeente.data_dir, [exports])
    dialog = StatusDialog(gemeente, TaskRunner(synchronous=True), today=TODAY)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.start, "01-01-2026")
    qtbot.keyClicks(dialog.end, "31-03-2026")
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() > 1
    short = dialog.table.item(0, 0).text()
    dialog.number.setText(short)
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() >= 1
    assert all(dialog.table.item(row, 0).text() == short
               for row in range(dialog.table.rowCount()))
    dialog.table.selectRow(0)
    hit = dialog.selected()
    dialog.kind.setCurrentIndex(dialog.kind.findData("nagebeld"))
    dialog.on.setText("20-11-2026")
    with qtbot.waitSignal(dialog.added):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "toegevoegd" in dialog.message.text()
    with gemeente.engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT source_id, referral_key, kind, date(occurred_at) FROM "
            "gemeente_status_event")).all()
    assert [tuple(r) for r in rows] == [(hit.source_id, hit.key, "nagebeld", "2026-11-20")]

    dialog.on.setText("31-02-2026")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "Datum" in dialog.message.text()
    dialog.on.setText("01-01-2099")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "toekomst" in dialog.message.text()


def test_duplicate_initiatives_view_merges_after_confirmation(qtbot, gemeente, exports,
                                                              monkeypatch, tmp_path):
    import uuid

    from sqlalchemy import text

    from tests.services.exchange.conftest import Side, enrol
    from vrijwilligers_app.services.exchange.gemeente_figures import city_overview
    from vrijwilligers_app.services.exchange.merge import import_packages
    from vrijwilligers_app.ui.dialogs.confirm import Confirm
    from vrijwilligers_app.ui.dialogs.duplicates_dialog import DuplicatesDialog

    # laptop b entered the initiatives anew (other ids) and exports again
    b = exports.parent / "b"
    engine = create_register_engine(b / "register.sqlite")
    with engine.begin() as connection:
        for (initiative_id,) in connection.execute(text("SELECT id FROM initiative")).all():
            connection.execute(text("UPDATE initiative SET uuid = :u WHERE id = :i"),
                               {"u": str(uuid.uuid4()), "i": initiative_id})
    export(engine, b, exports, today=TODAY, allow_unencrypted=True)  # like the fixture
    engine.dispose()
    for name in ("a", "b"):
        enrol(Side(gemeente.data_dir, gemeente.engine), Side(exports.parent / name, None))
    import_packages(gemeente.engine, gemeente.data_dir, [exports])
    before = city_overview(gemeente.engine, date(2026, 1, 1), TODAY, TODAY).total
    dialog = DuplicatesDialog(gemeente, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    groups = dialog.tree.topLevelItemCount()
    assert groups > 0 and dialog.tree.topLevelItem(0).childCount() == 2
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **kw: False))
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.tree.topLevelItemCount() == groups  # not confirmed: nothing merged
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **kw: True))
    with qtbot.waitSignal(dialog.merged):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert dialog.tree.topLevelItemCount() == groups - 1
    after = city_overview(gemeente.engine, date(2026, 1, 1), TODAY, TODAY).total
    assert after.initiatives_active == before.initiatives_active - 1
