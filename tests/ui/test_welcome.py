"""First start: the welcome wizard on an empty register, its seams for other steps and the
import, demo data marked in the window and emptied again after a confirmation."""


import pytest
from PySide6.QtWidgets import QWizard, QWizardPage

from tests.helpers.ui import make_window
from vrijwilligers_app.services.demo_data import is_demo, organisation_name, tables_to_empty
from vrijwilligers_app.services.exchange import keys as exchange_keys
from vrijwilligers_app.services.overview import register_counts
from vrijwilligers_app.store import cipher
from vrijwilligers_app.ui.welcome import extensions
from vrijwilligers_app.ui.welcome.pages import START_DEMO, START_EMPTY, START_IMPORT
from vrijwilligers_app.ui.welcome.wizard import WelcomeWizard, should_welcome

pytestmark = pytest.mark.gui


def rows(register, table: str) -> int:
    connection = cipher.connect(register.db_path, register.key)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def finish(qtbot, wizard: QWizard, choice: str) -> None:
    while wizard.currentPage() is not wizard.start:
        wizard.next()
    wizard.start.buttons[choice].setChecked(True)
    wizard.next()
    with qtbot.waitSignal(wizard.finished):
        wizard.button(QWizard.WizardButton.FinishButton).click()


def test_try_with_demo_marks_the_window_and_empties_again(qtbot, register, answers):
    assert should_welcome(register)
    window = make_window(qtbot, register)
    assert not window.demo_banner.isVisibleTo(window)
    wizard = window.open_welcome()
    wizard.organisation.name.setText("  Buurtnetwerk   Brouwhuis ")
    finish(qtbot, wizard, START_DEMO)
    assert organisation_name(register.engine) == "Buurtnetwerk Brouwhuis"
    assert rows(register, "resident") > 100 and is_demo(register.engine)
    assert window.demo_banner.isVisibleTo(window) and "Demogegevens" in window.windowTitle()
    assert window.remove_demo_action.isEnabled()
    assert not should_welcome(register)  # finished once: no wizard at every start

    answers.ask = False
    window.demo_banner.button.click()
    assert rows(register, "resident") > 100  # "Annuleren" changes nothing
    answers.ask = True
    window.remove_demo_action.trigger()
    assert answers.asked == ["Demogegevens verwijderen", "Demogegevens verwijderen"]
    for table in tables_to_empty():
        assert rows(register, table) == 0, table
    assert rows(register, "district") == 12  # shipped code lists stay
    assert organisation_name(register.engine) == "Buurtnetwerk Brouwhuis"
    assert not is_demo(register.engine) and register_counts(register.engine).is_empty()
    assert not window.demo_banner.isVisibleTo(window)
    assert "Demogegevens" not in window.windowTitle()


def test_start_empty_and_skip_everything(qtbot, register):
    window = make_window(qtbot, register)
    wizard = window.open_welcome()
    finish(qtbot, wizard, START_EMPTY)
    assert register_counts(register.engine).is_empty() and not is_demo(register.engine)
    assert organisation_name(register.engine) == ""
    assert not should_welcome(register)
    assert exchange_keys.pinned_gemeente_key(register.engine) is None


def test_later_closes_without_changes_and_the_wizard_comes_back(qtbot, register):
    window = make_window(qtbot, register)
    wizard = window.open_welcome()
    wizard.organisation.name.setText("Eetpunt")
    with qtbot.waitSignal(wizard.finished):
        wizard.button(QWizard.WizardButton.CancelButton).click()
    assert organisation_name(register.engine) == "" and should_welcome(register)


def test_a_filled_register_gets_no_welcome(qtbot, demo_register):
    assert not should_welcome(demo_register)


def test_plugged_in_step_and_import_starter(qtbot, register, monkeypatch):
    monkeypatch.setattr(extensions, "_steps", {})
    monkeypatch.setattr(extensions, "_import_starter", [])
    started = []

    def passphrase_step(_register):
        page = QWizardPage()
        page.setTitle("Wachtwoord instellen")
        return page

    extensions.register_welcome_step("wachtwoord", passphrase_step)
    extensions.register_welcome_step("niet-nu", lambda _register: None)
    extensions.register_import_starter(started.append)
    window = make_window(qtbot, register)
    wizard = window.open_welcome()
    titles = [wizard.page(i).title() for i in wizard.pageIds()]
    assert titles[1] == "Wachtwoord instellen" and wizard.extra_pages == ["wachtwoord"]
    assert START_IMPORT in wizard.start.buttons
    finish(qtbot, wizard, START_IMPORT)
    assert started == [window]


def test_without_an_import_the_choice_is_hidden(qtbot, register, monkeypatch):
    monkeypatch.setattr(extensions, "_import_starter", [])
    wizard = WelcomeWizard(register)
    qtbot.addWidget(wizard)
    assert set(wizard.start.buttons) == {START_DEMO, START_EMPTY}


def test_key_file_is_pinned_on_finish_and_a_bad_file_is_named(qtbot, register, tmp_path):
    gemeente = exchange_keys.create_gemeente_keys(tmp_path / "gemeente", "Gemeente Helmond")
    key_file = exchange_keys.write_public_key_file(gemeente, tmp_path / "sleutel.json")
    bad = tmp_path / "kapot.json"
    bad.write_text("{niet json", encoding="utf-8")
    window = make_window(qtbot, register)
    wizard = window.open_welcome()
    assert not wizard.key_file.load(bad)
    assert str(bad) in wizard.key_file.result.text()
    assert wizard.key_file.load(key_file)
    assert gemeente.public.fingerprint in wizard.key_file.result.text()
    finish(qtbot, wizard, START_EMPTY)
    assert exchange_keys.pinned_gemeente_key(register.engine) == gemeente.public


def test_wizard_grows_with_200_percent_text_but_stays_on_the_screen(qtbot, register):
    from PySide6.QtWidgets import QApplication

    normal = WelcomeWizard(register)
    qtbot.addWidget(normal)
    font = QApplication.font()
    doubled = font.__class__(font)
    doubled.setPointSizeF(font.pointSizeF() * 2)
    QApplication.setFont(doubled)
    try:
        large = WelcomeWizard(register)
        qtbot.addWidget(large)
    finally:
        QApplication.setFont(font)
    screen = large.screen().availableGeometry()
    assert large.width() > normal.width() or large.width() >= int(screen.width() * 0.95)
    assert large.width() <= screen.width() and large.height() <= screen.height()


def test_the_window_log_holds_no_demo_names(qtbot, register, answers):
    from tests.test_logsetup import personal_values
    from vrijwilligers_app.logsetup import log_path, session

    with session(register.data_dir, "venster"):
        window = make_window(qtbot, register)
        finish(qtbot, window.open_welcome(), START_DEMO)
        values = personal_values(register.data_dir)
        window.sidebar.setCurrentRow(3)
        window.remove_demo_action.trigger()
    text = log_path(register.data_dir).read_text(encoding="utf-8")
    assert "welkomstwizard voltooid: keuze demo" in text and "stop venster: klaar" in text
    assert len(values) > 100
    assert sorted(v for v in values if v in text) == []
