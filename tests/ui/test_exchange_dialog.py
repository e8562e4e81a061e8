"""Exporteren naar de gemeente in the GUI: what is shared is shown before writing; export,
sync, refusal messages, and importing the gemeente key with its fingerprint."""

import threading

import pytest
from PySide6.QtCore import Qt

from tests.helpers.registers import make_register_dir
from vrijwilligers_app.services.exchange.keys import (
    create_gemeente_keys,
    pin_gemeente_key,
    write_public_key_file,
)
from vrijwilligers_app.store.settings import get_setting, set_setting
from vrijwilligers_app.ui.dialogs.exchange_dialog import ExchangeDialog
from vrijwilligers_app.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, demo_register):
    dialog = ExchangeDialog(demo_register, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _cells(dialog):
    table = dialog.table
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def test_shows_what_is_shared_before_anything_is_written(dialog, demo_register):
    cells = _cells(dialog)
    assert len(cells) == 12
    # only residents who consented go as a row; the others are counted per wijk
    assert 0 < int(cells["Inwoners"]) < 400
    assert int(cells["Inwoners die alleen meetellen"]) > 0
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 0).text() == "Inwoners")
    assert dialog.table.item(row, 2).text().startswith(
        "pseudoniem, leeftijdsgroep, wijk en de 4 cijfers van de postcode; alleen met "
        "toestemming")
    assert "namen, telefoonnummers, e-mailadressen" in dialog.left_out.text()
    assert "niets geëxporteerd" in dialog.key_label.text()
    assert dialog.unencrypted.isVisibleTo(dialog) and not dialog.unencrypted.isChecked()
    assert not any(demo_register.data_dir.glob("**/export-*"))


def test_without_a_key_nothing_is_written_and_never_unencrypted_to_a_sync_folder(
        qtbot, dialog, tmp_path):
    folder = tmp_path / "Nextcloud" / "uitwisseling"
    dialog.folder.setText(str(folder))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Er is niets geschreven" in dialog.result_label.text()
    dialog.unencrypted.click()  # keyboard: Space on the focused box does the same
    assert dialog.unencrypted.isChecked() and "NIET versleuteld" in dialog.result_label.text()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "synchronisatiemap" in dialog.result_label.text()
    assert not folder.exists()


def test_export_writes_the_file_and_remembers_the_folder(qtbot, dialog, demo_register,
                                                         tmp_path):
    folder = tmp_path / "usb-stick" / "uitwisseling"
    dialog.folder.setText(str(folder))
    dialog.unencrypted.setChecked(True)  # a USB stick: unencrypted on purpose
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    [written] = folder.iterdir()
    assert written.name.startswith("export-") and written.suffix == ".zip"
    assert f"Exportbestand geschreven: {written}" in dialog.result_label.text()
    assert get_setting(demo_register.engine, "exchange_folder") == str(folder)
    assert not dialog.progress.isVisible() and dialog.export_button.isEnabled()


def test_refusal_is_said_in_dutch(qtbot, dialog, tmp_path):
    a_file = tmp_path / "geen-map.txt"
    a_file.write_text("x")
    dialog.folder.setText(str(a_file))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == f"Niet gelukt: {a_file} is een bestand, geen map."
    dialog.folder.setText("")
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == "Kies eerst een map voor de uitwisseling."


def test_folder_defaults_to_the_setting_and_sync_reports(qtbot, demo_register, tmp_path,
                                                          template_database):
    set_setting(demo_register.engine, "exchange_folder", str(tmp_path / "usb"))
    gemeente = make_register_dir(template_database, tmp_path / "gemeente")
    pin_gemeente_key(demo_register.engine,
                     create_gemeente_keys(gemeente, "Gemeente Helmond").public)
    dialog = ExchangeDialog(demo_register, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    assert dialog.folder.text() == str(tmp_path / "usb")
    qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert "Geen nieuwe terugmeldingen van de gemeente gevonden." in dialog.result_label.text()


def test_importing_the_gemeente_key_shows_its_fingerprint(dialog, answers, template_database,
                                                         tmp_path, monkeypatch):
    gemeente = make_register_dir(template_database, tmp_path / "gemeente")
    keys = create_gemeente_keys(gemeente, "Gemeente Helmond")
    key_file = write_public_key_file(keys, tmp_path)
    shown = []
    monkeypatch.setattr("vrijwilligers_app.ui.dialogs.confirm.Confirm.ask",
                        classmethod(lambda cls, parent, title, text, **kw:
                                    shown.append(text) or answers.ask))
    answers.ask = False
    assert not dialog.import_key(key_file)
    assert keys.public.fingerprint in shown[0]
    assert "niets geëxporteerd" in dialog.key_label.text()
    answers.ask = True
    monkeypatch.setattr(dialog, "choose_key_file", lambda: key_file)
    dialog.key_button.click()
    assert keys.public.fingerprint in dialog.key_label.text()
    assert "Versleuteld voor Gemeente Helmond" in dialog.key_label.text()
    other = create_gemeente_keys(make_register_dir(template_database, tmp_path / "g2"), "Nep")
    other_file = write_public_key_file(other, tmp_path / "nep.json")
    assert dialog.import_key(other_file)
    assert "ANDERE sleutel" in shown[-1] and keys.public.fingerprint in shown[-1]


def test_main_window_opens_the_dialog_with_ctrl_e(qtbot, demo_register):
    from tests.helpers.ui import make_window

    window = make_window(qtbot, demo_register)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialogs = window.findChildren(ExchangeDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].close()


def test_export_shows_progress_per_batch_of_rows_and_stoppen_leaves_no_file(
        qtbot, demo_register, tmp_path, monkeypatch):
    """Issue 18: the export streams; progress comes per batch of rows, and Stoppen ends it
    at the next batch with nothing half written."""
    from vrijwilligers_app.services.exchange import export_rows, package_stream

    monkeypatch.setattr(package_stream, "BATCH", 10)
    release = threading.Event()
    events = export_rows._events

    def held_events(*args):  # the status events wait until the test has pressed Stoppen
        for row in events(*args):
            release.wait(30)
            yield row

    runner = TaskRunner()
    dialog = ExchangeDialog(demo_register, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0)  # the preview, read as it opens
    monkeypatch.setattr(export_rows, "_events", held_events)
    folder = tmp_path / "usb"
    dialog.folder.setText(str(folder))
    dialog.unencrypted.setChecked(True)
    seen = []
    runner.progressed.connect(lambda _id, done, total, label: seen.append((done, total, label)))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(label == "Pakket schrijven" for _, _, label in seen)
                    or "Niet gelukt" in dialog.result_label.text(), timeout=30_000)
    assert dialog.stop_button.isVisible() and not dialog.export_button.isEnabled()
    done, total, _ = seen[-1]
    assert 0 < done < total == dialog.progress.maximum()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    release.set()
    assert runner.wait_idle()
    qtbot.waitUntil(lambda: not any(folder.iterdir()))
    assert "Gestopt" in dialog.result_label.text() and dialog.export_button.isEnabled()
    assert not dialog.stop_button.isVisible()
