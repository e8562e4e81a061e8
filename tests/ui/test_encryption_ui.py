"""First-start passphrase page, unlock form with growing waits, auto-lock, Beveiliging."""

import pytest
from keyring.backend import KeyringBackend
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from tests.helpers.registers import TEST_PASSPHRASE, make_register_dir
from tests.ui.conftest import make_window
from tests.ui.test_register_pages import field, open_page, type_into
from vrijwilligers_app.services import audit, remember
from vrijwilligers_app.store import keys
from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.ui.dialogs.change_passphrase import ChangePassphraseDialog
from vrijwilligers_app.ui.dialogs.passphrase_setup import (
    PassphraseSetupDialog,
    PassphraseSetupPage,
)
from vrijwilligers_app.ui.main_window import PAGES
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.lock_page import CoverPage, LockPage
from vrijwilligers_app.ui.widgets.unlock_form import UnlockForm, wait_after

GOOD = "de fiets staat achter het huis"


def _setup_page(qtbot, tmp_path) -> PassphraseSetupPage:
    page = PassphraseSetupPage(tmp_path, TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    page.show()
    return page


def test_setup_refuses_a_mismatch_or_a_weak_passphrase_and_creates_nothing(qtbot, tmp_path):
    page = _setup_page(qtbot, tmp_path)
    page.passphrase.setText(GOOD)
    page.repeat.setText(GOOD + "!")
    page.create_button.click()
    assert "niet gelijk" in page.message.text()
    page.passphrase.setText("welkom01")
    page.repeat.setText("welkom01")
    assert "heel zwak" in page.strength_label.text()
    page.create_button.click()
    assert "minstens 10 tekens" in page.message.text()
    assert not keys.has_key_file(tmp_path) and page.data_key is None


def test_setup_shows_the_herstelsleutel_and_completes_only_when_kept(qtbot, tmp_path,
                                                                     monkeypatch):
    page = _setup_page(qtbot, tmp_path)
    page.passphrase.setText(GOOD)
    assert "goed" in page.strength_label.text() or "sterk" in page.strength_label.text()
    page.repeat.setText(GOOD)
    with qtbot.assertNotEmitted(page.complete_changed):
        page.create_button.click()
    assert page.steps.currentIndex() == 1
    shown = page.recovery_label.text().replace("\n", "-")  # two lines of four groups
    assert len(shown.split("-")) == 8
    assert not page.is_complete()
    with qtbot.waitSignal(page.complete_changed):
        page.kept.setChecked(True)
    assert page.is_complete()
    assert keys.unlock(tmp_path, GOOD) == page.data_key
    assert keys.unlock(tmp_path, shown.replace("-", " ")) == page.data_key
    target = tmp_path / "elders" / "herstel"
    target.parent.mkdir()
    monkeypatch.setattr(PassphraseSetupPage, "ask_save_path",
                        classmethod(lambda cls, parent, suggested: target))
    saved = page.save_sheet()
    assert saved == target.with_name("herstel.pdf") and saved.read_bytes().startswith(b"%PDF")


def test_the_setup_dialog_accepts_only_a_complete_page(qtbot, tmp_path):
    dialog = PassphraseSetupDialog(tmp_path, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    assert not dialog.done_button.isEnabled() and dialog.data_key is None
    dialog.page.passphrase.setText(GOOD)
    dialog.page.repeat.setText(GOOD)
    dialog.page.create_button.click()
    dialog.page.kept.setChecked(True)
    assert dialog.done_button.isEnabled() and dialog.data_key is not None


def test_three_wrong_tries_then_a_growing_wait_shown_as_a_countdown(qtbot, tmp_path):
    data_key, recovery = keys.create_keys(tmp_path, GOOD)
    form = UnlockForm(lambda text: keys.unlock(tmp_path, text), TaskRunner(synchronous=True))
    qtbot.addWidget(form)
    for _ in range(2):
        form.field.setText("verkeerd wachtwoord")
        form.button.click()
        assert "klopt niet" in form.message.text() and form.button.isEnabled()
    form.field.setText("de derde keer verkeerd")
    form.button.click()
    assert not form.button.isEnabled() and "wacht nog 5 seconden" in form.message.text()
    form.field.setText(GOOD)
    form.try_unlock()  # during the wait nothing is tried
    assert form.failures == 3
    for _ in range(4):
        form.countdown.timeout.emit()
    assert "wacht nog 1 seconde." in form.message.text()
    form.countdown.timeout.emit()
    assert form.button.isEnabled() and "opnieuw proberen" in form.message.text()
    with qtbot.waitSignal(form.unlocked) as unlocked:
        form.field.setText(recovery.lower().replace("-", " "))
        form.button.click()
    assert unlocked.args == [data_key] and form.failures == 0
    assert [wait_after(n) for n in range(2, 7)] == [0, 5, 10, 20, 40]
    assert wait_after(30) == 300


@pytest.fixture
def encrypted(template_database, tmp_path):
    data_dir = make_register_dir(template_database, tmp_path / "data")
    data_key, _recovery = keys.create_keys(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=data_key, daily_backup=False) as register:
        yield register


def _unlock(form: UnlockForm, passphrase: str) -> None:
    form.field.setText(passphrase)
    form.button.click()


def test_the_window_locks_hides_all_data_and_keeps_unsaved_edits(qtbot, encrypted, answers):
    window = make_window(qtbot, encrypted)
    page = open_page(qtbot, window, "initiatives")
    page.editor.new()
    type_into(qtbot, page, "name", "Nog niet opgeslagen")
    window.search_dialog.show()
    central = window.centralWidget()
    with qtbot.waitSignal(window.lock.locked_changed):
        window.lock.timer.timeout.emit()  # what N minutes without input would do
    assert isinstance(window.centralWidget(), LockPage) and window.centralWidget().isVisible()
    assert not central.isVisible() and not page.isVisible()
    assert not window.menuBar().isEnabled()
    covers = window.search_dialog.findChildren(CoverPage)
    assert covers and covers[0].isVisible()
    assert not any(w.isEnabled() for w in window.search_dialog.findChildren(QLineEdit)
                   if w.parent() is window.search_dialog)
    lock_form = window.centralWidget().form
    _unlock(lock_form, "fout wachtwoord")
    assert window.lock.locked and "klopt niet" in lock_form.message.text()
    with qtbot.waitSignal(window.lock.locked_changed):
        _unlock(lock_form, TEST_PASSPHRASE)
    assert window.centralWidget() is central and page.isVisible()
    assert field(page, "name").get() == "Nog niet opgeslagen" and page.editor.form.dirty
    assert not window.search_dialog.findChildren(CoverPage) or not any(
        c.isVisible() for c in window.search_dialog.findChildren(CoverPage))
    assert window.menuBar().isEnabled() and window.lock.timer.isActive()
    # The unlock is in the privacy log (the window's test runner is synchronous).
    assert [line.kind for line in audit.entries(encrypted.engine, kinds=["unlocked"])] == [
        "unlocked"]


def test_the_lock_asks_on_top_of_an_open_modal_dialog(qtbot, encrypted, answers):
    window = make_window(qtbot, encrypted)
    dialog = ChangePassphraseDialog(encrypted.data_dir, encrypted.key,
                                    TaskRunner(synchronous=True), window)
    dialog.open()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    dialog.current.setText("half getypt")
    window.lock.lock()
    on_dialog = dialog.findChildren(LockPage)
    assert len(on_dialog) == 1 and on_dialog[0].isVisible()
    _unlock(on_dialog[0].form, TEST_PASSPHRASE)
    assert not window.lock.locked and dialog.isVisible()
    assert dialog.current.text() == "half getypt"


def test_input_restarts_the_lock_timer_and_settings_change_the_minutes(qtbot, encrypted,
                                                                     answers):
    window = make_window(qtbot, encrypted)
    assert window.lock.timer.interval() == 10 * 60_000  # the default: 10 minutes
    window.sidebar.setCurrentRow(len(PAGES) - 1)
    settings = window.page_at(len(PAGES) - 1)
    settings.security.lock_minutes.setValue(3)
    assert window.lock.timer.interval() == 3 * 60_000
    with encrypted.engine.connect() as c:
        stored = c.exec_driver_sql(
            "SELECT value FROM setting WHERE key = 'auto_lock_minutes'").scalar()
    assert stored == "3"
    window.lock.timer.stop()
    qtbot.mouseMove(window.sidebar)
    qtbot.keyClick(window.sidebar, "a")
    assert window.lock.timer.isActive()


def test_change_passphrase_checks_the_current_one(qtbot, encrypted):
    dialog = ChangePassphraseDialog(encrypted.data_dir, encrypted.key,
                                    TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.current.setText("niet het wachtwoord")
    dialog.new.setText(GOOD)
    dialog.repeat.setText(GOOD)
    dialog.submit()
    assert "klopt niet" in dialog.message.text()
    assert keys.unlock(encrypted.data_dir, TEST_PASSPHRASE) == encrypted.key
    dialog.current.setText(TEST_PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert keys.unlock(encrypted.data_dir, GOOD) == encrypted.key
    with pytest.raises(keys.WrongKeyError):
        keys.unlock(encrypted.data_dir, TEST_PASSPHRASE)


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


def test_remember_on_this_account_is_off_by_default_and_stores_the_key(qtbot, encrypted):
    import keyring

    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        window = make_window(qtbot, encrypted)
        window.sidebar.setCurrentRow(len(PAGES) - 1)
        security = window.page_at(len(PAGES) - 1).security
        assert security.remember.isEnabled() and not security.remember.isChecked()
        assert remember.recall(encrypted.data_dir) is None
        security.remember.setChecked(True)
        assert remember.recall(encrypted.data_dir) == encrypted.key
        security.remember.setChecked(False)
        assert memory.store == {}
    finally:
        keyring.set_keyring(previous)


def test_a_plain_register_window_has_no_lock(qtbot, template_database, tmp_path):
    """A plain register (only tests and the one-time conversion open one) has nothing to lock."""
    data_dir = make_register_dir(template_database, tmp_path / "plain")
    with open_register(data_dir, daily_backup=False) as register:
        window = make_window(qtbot, register)
        _no_lock(window)
        window.close()


def _no_lock(window):
    assert window.lock is None
    assert isinstance(window.centralWidget(), QWidget)
