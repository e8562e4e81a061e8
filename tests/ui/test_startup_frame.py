"""The window's frame comes first (issue 18): "Register wordt geopend…" until the register is
attached; opening errors show the same Dutch dialog; a stale keyring key is asked again."""

import stat
import sys

import pytest

from tests.helpers.registers import TEST_PASSPHRASE, make_encrypted_register_dir
from vrijwilligers_app.services import remember
from vrijwilligers_app.store import cipher, keys
from vrijwilligers_app.ui import app as app_module
from vrijwilligers_app.ui import unlock_flow
from vrijwilligers_app.ui.main_window import KIND_ROW, OPENING_TEXT, MainWindow
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.welcome import first_start

pytestmark = pytest.mark.gui


def test_counts_read_before_the_open_fill_the_overzicht_which_attach_keeps(
        qtbot, demo_register):
    from vrijwilligers_app.domain.dutch_format import thousands
    from vrijwilligers_app.services.overview import Counts, register_counts
    from vrijwilligers_app.ui.window_pages import show_early_counts

    window = MainWindow(data_dir=demo_register.data_dir, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    early = Counts(1, 2, 3, 4, 5, 6)  # not the register's: attach must read its own
    show_early_counts(window, early)
    page = window.stack.currentWidget()
    assert page.objectName() == "page_overzicht" and not window.attached
    assert page.numbers["residents"].text() == "3" and page.engine is None
    assert window.statusBar().currentMessage() == OPENING_TEXT
    window.attach(demo_register)
    assert window.stack.currentWidget() is page and page.engine is demo_register.engine
    wanted = register_counts(demo_register.engine)
    assert page.numbers["residents"].text() == thousands(wanted.residents) != "3"
    assert window.opening not in [window.stack.widget(i) for i in range(window.stack.count())]


def test_early_counts_are_not_shown_over_another_chosen_page(qtbot, demo_register):
    from vrijwilligers_app.services.overview import Counts
    from vrijwilligers_app.ui.window_pages import show_early_counts

    window = MainWindow(data_dir=demo_register.data_dir, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    window.sidebar.setCurrentRow(KIND_ROW["residents"])
    show_early_counts(window, Counts(1, 2, 3, 4, 5, 6))
    assert window.stack.currentWidget() is window.opening and window.pages == {}


def test_the_frame_shows_the_page_chosen_while_the_register_opened(qtbot, demo_register):
    window = MainWindow(data_dir=demo_register.data_dir, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.opening
    assert window.opening.text() == OPENING_TEXT == window.statusBar().currentMessage()
    assert not window.restore_action.isEnabled() and not window.attached
    window.start_search()  # Ctrl+F before the register is open: nothing happens
    window.sidebar.setCurrentRow(KIND_ROW["volunteers"])
    assert window.stack.currentWidget() is window.opening
    window.attach(demo_register)
    assert window.current_row == KIND_ROW["volunteers"]
    page = window.register_page("volunteers")
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    connection = cipher.connect(demo_register.db_path, demo_register.key, read_only=True)
    try:
        count = connection.execute("SELECT count(*) FROM volunteer").fetchone()[0]
    finally:
        connection.close()
    assert page.model.rowCount() == count > 0
    assert window.restore_action.isEnabled()
    assert window.statusBar().currentMessage() != OPENING_TEXT


@pytest.fixture
def gui_start(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setattr(first_start, "should_welcome", lambda register: False)
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(app_module, "show_error",
                        lambda title, text, details="": errors.append((title, text)))
    return errors


def test_a_register_that_cannot_be_opened_shows_the_dutch_dialog(
        template_database, tmp_path, gui_start, capsys):
    data_dir = make_encrypted_register_dir(template_database, tmp_path / "data")
    db_path = data_dir / "register.sqlite"
    db_path.chmod(stat.S_IRUSR)
    try:
        assert app_module.run_gui(data_dir, smoke_test=True) == 1
    finally:
        db_path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert "venster getoond" in capsys.readouterr().out  # the frame came first
    assert len(gui_start) == 1
    title, text = gui_start[0]
    assert title.endswith("register niet geopend") and "alleen-lezen" in text


def test_a_keyring_key_that_no_longer_fits_is_forgotten_and_asked_again(
        template_database, tmp_path, gui_start, monkeypatch, capsys):
    data_dir = make_encrypted_register_dir(template_database, tmp_path / "data")
    right = keys.unlock(data_dir, TEST_PASSPHRASE)
    answers = [(bytes(32), True), (right, False)]  # the keyring's stale key, then the user's
    forgotten: list[object] = []
    monkeypatch.setattr(unlock_flow, "acquire_key", lambda folder: answers.pop(0))
    monkeypatch.setattr(remember, "forget", forgotten.append)
    assert app_module.run_gui(data_dir, smoke_test=True) == 0
    assert forgotten == [data_dir] and answers == [] and gui_start == []
    assert "venster getoond" in capsys.readouterr().out


def test_cancelling_the_second_question_ends_the_start(template_database, tmp_path, gui_start,
                                                        monkeypatch):
    data_dir = make_encrypted_register_dir(template_database, tmp_path / "data")
    answers = iter([(bytes(32), True)])

    def acquire(folder):
        for answer in answers:
            return answer
        raise unlock_flow.Cancelled()

    monkeypatch.setattr(unlock_flow, "acquire_key", acquire)
    monkeypatch.setattr(remember, "forget", lambda folder: None)
    assert app_module.run_gui(data_dir, smoke_test=True) == 0
    assert gui_start == []
