"""The import wizard with real widgets: file → header row → columns → preview → written,
undone with Ctrl+Z; a cancelled write leaves nothing."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from tests.helpers.messy_files import volunteer_workbook
from tests.ui.conftest import make_window
from vrijwilligers_app.services.editing import save_record
from vrijwilligers_app.services.importing import recall_mapping
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.tables import Volunteer
from vrijwilligers_app.ui.dialogs.import_wizard import (
    HEADER,
    MAPPING,
    PREVIEW,
    RESULT,
    SOURCE,
    ImportWizard,
)

pytestmark = pytest.mark.gui


def _names(register) -> list[str]:  # type: ignore[no-untyped-def]
    with read_session(register.engine) as session:
        return sorted(session.execute(select(Volunteer.last_name)).scalars())


def _walk_to_preview(qtbot, window, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = window.open_import()
    assert isinstance(wizard, ImportWizard)
    qtbot.addWidget(wizard)
    ImportWizard.ask_path = classmethod(lambda cls, parent: path)  # type: ignore[method-assign]
    qtbot.mouseClick(wizard.source_page.choose, Qt.MouseButton.LeftButton)
    assert wizard.source_page.file_label.text() == path.name
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == HEADER
    assert wizard.header_page.header_row.value() == 4  # the title rows are skipped
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == MAPPING
    return wizard


def test_import_wizard_end_to_end_with_undo(qtbot, register, answers, tmp_path,
                                            monkeypatch) -> None:  # type: ignore[no-untyped-def]
    original = ImportWizard.ask_path
    monkeypatch.setattr(ImportWizard, "ask_path", original)
    save_record(register.engine, "volunteers", {"first_name": "Anna", "last_name": "Jansen",
                                                "birth_year": 1949})
    path = volunteer_workbook(tmp_path / "lijst.xlsx")
    window = make_window(qtbot, register)
    wizard = _walk_to_preview(qtbot, window, path)
    boxes = wizard.mapping_page.boxes
    assert [b.currentData() for b in boxes[:3]] == ["full_name", "street", "postcode"]
    assert boxes[9].currentData() == ""  # 'Intern' is not read
    boxes[7].setCurrentIndex(0)  # VOG dates without who saw them: leave them out
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == PREVIEW
    page = wizard.preview_page
    assert "5 rijen" in page.summary.text() and "2 nieuw" in page.summary.text()
    texts = [page.table.item(r, 2).text() for r in range(page.table.rowCount())]
    assert any("'5701' is geen volledige postcode" in t for t in texts)
    assert any("Anna Jansen, 1949 (zelfde naam en geboortejaar)" in t for t in texts)
    duplicate_box = page.boxes[6]
    duplicate_box.setCurrentIndex(duplicate_box.findData("aanvullen"))
    assert wizard.next.text() == "&Inlezen"
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == RESULT
    assert "2 nieuw, 1 aangevuld" in wizard.result_page.label.text()
    assert _names(register) == ["Bos", "Heijden", "Jansen"]
    assert list((register.data_dir / "backups").glob("voor-import-*.sqlite"))
    headers = wizard.source.sheets[0].rows[3]  # type: ignore[union-attr]
    assert recall_mapping(register.engine, "volunteers", headers) is not None
    assert window.undo_stack.undoText() == "Inlezen uit lijst.xlsx"
    window.undo_stack.undo()
    assert _names(register) == ["Jansen"]
    assert "ongedaan gemaakt" in wizard.result_page.label.text()


def test_ods_with_a_hidden_column_and_error_cells(qtbot, register, answers, monkeypatch
                                                 ) -> None:  # type: ignore[no-untyped-def]
    """A LibreOffice file (tests/fixtures/import): the hidden 'Telefoon' column is shown as
    hidden and left unmapped; each error cell is named in the preview and nothing of it is
    written."""
    path = Path(__file__).parents[1] / "fixtures" / "import" / "foutcellen.ods"
    monkeypatch.setattr(ImportWizard, "ask_path", classmethod(lambda cls, parent: path))
    window = make_window(qtbot, register)
    wizard = window.open_import()
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.source_page.choose, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.header_page.header_row.value() == 1
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == MAPPING
    page = wizard.mapping_page
    labels = [label.text() for label in page.scroll_area.widget().findChildren(QLabel)]
    assert sum("(verborgen kolom)" in text for text in labels) == 1
    assert any("<b>Telefoon (verborgen kolom)</b>" in text for text in labels)
    assert page.boxes[1].accessibleName() == "Kolom Telefoon (verborgen kolom)"
    assert page.boxes[1].currentData() == ""  # hidden: not read unless the user chooses it
    assert page.boxes[2].currentData() == "phone"
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == PREVIEW
    table = wizard.preview_page.table
    texts = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert any("rij 3, kolom Postcode: de cel bevat een fout (#N/B)" in t for t in texts)
    assert any("rij 5, kolom Tel.: de cel bevat een fout (#WAARDE!)" in t for t in texts)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == RESULT
    assert _names(register) == ["Wit"]


def test_refused_file_shows_the_dutch_reason_on_the_first_step(qtbot, register, tmp_path
                                                               ) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "leeg.xlsx"
    empty.write_bytes(b"")
    window = make_window(qtbot, register)
    wizard = window.open_import()
    qtbot.addWidget(wizard)
    wizard.load_file(empty)
    assert wizard.stack.currentIndex() == SOURCE
    assert "leeg.xlsx: Het bestand is leeg" in wizard.source_page.message.text()
    assert not wizard.next.isEnabled()


@pytest.mark.parametrize("close", ["wizard", "main window"])
def test_closing_during_the_write_leaves_nothing(qtbot, register, answers, tmp_path,
                                                 close) -> None:  # type: ignore[no-untyped-def]
    """The window closes while the write reports progress (the test runner delivers progress
    synchronously, inside the write): the transaction is rolled back."""
    path = volunteer_workbook(tmp_path / "lijst.xlsx")
    window = make_window(qtbot, register)
    wizard = _walk_to_preview(qtbot, window, path)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # the preview
    original = wizard._progress
    seen: list[str] = []

    def progress_then_close(done: int, total: int, label: str) -> None:
        original(done, total, label)
        seen.append(label)
        if label == "Inlezen" and wizard.isVisible():
            (wizard if close == "wizard" else window).close()

    wizard._progress = progress_then_close  # type: ignore[method-assign]
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert seen == ["Back-up maken", "Inlezen"]  # stopped before "Opslaan"
    assert not wizard.isVisible()
    assert "Inlezen afbreken?" in answers.asked
    assert _names(register) == []
    assert window.undo_stack.count() == 0


def test_welcome_wizard_starts_the_import(qtbot, register) -> None:  # type: ignore[no-untyped-def]
    from vrijwilligers_app.ui.welcome.extensions import import_starter

    window = make_window(qtbot, register)
    starter = import_starter()
    assert starter is not None
    starter(window)
    assert isinstance(window.import_wizard, ImportWizard)
    qtbot.addWidget(window.import_wizard)
    assert window.import_wizard.isVisible()


def test_import_into_an_encrypted_register(qtbot, template_database, answers, tmp_path
                                          ) -> None:  # type: ignore[no-untyped-def]
    """The registers users have are SQLCipher files: the wizard's backup before the write
    uses the register's key (it failed without it, so nothing could be imported)."""
    from tests.helpers.registers import TEST_PASSPHRASE, make_encrypted_register_dir
    from vrijwilligers_app.store import cipher, keys
    from vrijwilligers_app.store.register import open_register

    data_dir = make_encrypted_register_dir(template_database, tmp_path / "data")
    path = volunteer_workbook(tmp_path / "lijst.xlsx")
    with open_register(data_dir, key=keys.unlock(data_dir, TEST_PASSPHRASE),
                       daily_backup=False) as register:
        window = make_window(qtbot, register)
        wizard = _walk_to_preview(qtbot, window, path)
        qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # the preview
        qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # Inlezen
        assert wizard.stack.currentIndex() == RESULT
        assert "2 nieuw" in wizard.result_page.label.text()
        assert _names(register) == ["Bos", "Jansen"]
        window.close()
    backups = list((data_dir / "backups").glob("voor-import-*.sqlite"))
    assert len(backups) == 1 and not cipher.is_plain_sqlite(backups[0])
