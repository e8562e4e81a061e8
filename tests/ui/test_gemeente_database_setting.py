"""Instellingen: the gemeente's PostgreSQL database (issue 17). A URL is saved only without a
password; the gemeente window then works on that database, and a server that is down gives a
Dutch message naming it, with nothing written."""

import socket
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.helpers.registers import file_digest
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store.gemeente_db import DATABASE_URL_SETTING
from vrijwilligers_app.store.settings import get_setting
from vrijwilligers_app.ui.dialogs.gemeente_dialog import GemeenteDialog
from vrijwilligers_app.ui.pages.settings_page import SettingsPage
from vrijwilligers_app.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def _enter(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text) if text else field.clear()
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_url_is_saved_only_without_a_password(qtbot, gemeente, tmp_path):
    page = SettingsPage(gemeente, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                        TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    field = page.gemeente_database
    _enter(qtbot, field, "postgresql://cijfers:geheim@db.helmond.nl:5432/sociaal")
    assert get_setting(gemeente.engine, DATABASE_URL_SETTING) == ""
    assert "Niet opgeslagen" in page.database_message.text()
    assert "geheim" not in page.database_message.text()
    _enter(qtbot, field, "postgresql://cijfers@db.helmond.nl/sociaal")
    assert get_setting(gemeente.engine, DATABASE_URL_SETTING) == \
        "postgresql://cijfers@db.helmond.nl/sociaal"
    assert "db.helmond.nl:5432/sociaal" in page.database_message.text()
    _enter(qtbot, field, "")
    assert get_setting(gemeente.engine, DATABASE_URL_SETTING) == ""
    assert "in dit register" in page.database_message.text()


def test_the_window_names_a_server_that_is_down_and_writes_nothing(qtbot, gemeente, tmp_path,
                                                                    monkeypatch):
    from vrijwilligers_app.store.gemeente_db import save_database_url

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nobody listens there
    save_database_url(gemeente.engine, f"postgresql://cijfers@127.0.0.1:{port}/sociaal")
    dialog = GemeenteDialog(gemeente, TaskRunner(synchronous=True), today=date(2026, 11, 23))
    qtbot.addWidget(dialog)
    expected = f"De gemeentedatabase op 127.0.0.1:{port}/sociaal is niet bereikbaar"
    assert expected in dialog.result_label.text()
    gemeente.engine.dispose()
    before = file_digest(gemeente.data_dir / DATABASE_NAME)
    returns = tmp_path / "terug"
    monkeypatch.setattr(dialog, "choose_folder", lambda title: returns)
    qtbot.mouseClick(dialog.return_button, Qt.MouseButton.LeftButton)
    assert expected in dialog.result_label.text()
    assert not returns.exists() or not any(returns.iterdir())
    gemeente.engine.dispose()
    assert file_digest(gemeente.data_dir / DATABASE_NAME) == before
