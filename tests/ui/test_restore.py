"""Bestand → Back-up terugzetten…: a bad file is named and changes nothing; a confirmed
backup closes the window, is put back (the current register kept) and the window reopens."""

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.helpers.registers import TEST_PASSPHRASE, make_register_dir
from tests.helpers.ui import make_window
from vrijwilligers_app.store import cipher, keys
from vrijwilligers_app.store.backup import make_backup
from vrijwilligers_app.ui import app as app_module
from vrijwilligers_app.ui import restore as restore_module
from vrijwilligers_app.ui.main_window import MainWindow
from vrijwilligers_app.ui.welcome import first_start as wizard_module

pytestmark = pytest.mark.gui


def residents(db_path) -> int:
    """Residents in a register file: plain, or encrypted with the test passphrase's key."""
    key = (keys.unlock(db_path.parent, TEST_PASSPHRASE) if keys.has_key_file(db_path.parent)
           else None)
    connection = cipher.connect(db_path, key, read_only=True)
    try:
        return int(connection.execute("SELECT count(*) FROM resident").fetchone()[0])
    finally:
        connection.close()


def test_a_file_that_is_no_backup_is_named_and_nothing_happens(qtbot, register, tmp_path,
                                                               monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    bad = tmp_path / "boodschappen.sqlite"
    bad.write_text("geen database", encoding="utf-8")
    window = make_window(qtbot, register)
    assert not window.restore_backup(bad)
    assert warned and str(bad) in warned[0]
    assert window.isVisible() and window.restore_from is None


def test_saying_no_keeps_the_window(qtbot, demo_register, answers, tmp_path):
    backup = make_backup(demo_register.db_path, demo_register.data_dir, tmp_path / "b.sqlite",
                         key=demo_register.key)
    window = make_window(qtbot, demo_register)
    answers.ask = False
    assert not window.restore_backup(backup)
    assert window.isVisible() and window.restore_from is None


def test_restore_closes_puts_back_and_reopens(qtbot, template_database, demo_template,
                                              tmp_path, answers, monkeypatch):
    data_dir = make_register_dir(template_database, tmp_path / "data")  # empty register
    backup = tmp_path / "usb" / "demo.sqlite"
    backup.parent.mkdir()
    backup.write_bytes(demo_template.read_bytes())
    monkeypatch.setattr(restore_module, "choose_backup", lambda parent, folder: backup)
    monkeypatch.setattr(wizard_module, "should_welcome", lambda register: False)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    seen: list[str] = []

    def drive() -> None:
        windows = [w for w in QApplication.topLevelWidgets()  # the frame, once its register
                   if isinstance(w, MainWindow) and w.isVisible() and w.attached]  # is open
        if not windows:
            return
        window = windows[0]
        if not seen:
            seen.append("eerste")
            window.restore_action.trigger()
        elif len(seen) == 1:
            seen.append(window.statusBar().currentMessage())
            window.close()

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(20)
    try:
        assert app_module.run_gui(data_dir) == 0
    finally:
        timer.stop()
    assert seen[1].startswith("Back-up teruggezet. Het vorige register is bewaard als")
    assert residents(data_dir / "register.sqlite") == residents(demo_template)
    assert list((data_dir / "backups").glob("voor-herstel-*.sqlite"))
