"""Retention on the dashboard, vergeten and inzage from a resident's record, audit viewer."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from tests.ui.conftest import make_window
from vrijwilligers_app.services.privacy.retention import due_residents
from vrijwilligers_app.ui.dialogs.retention_dialog import RetentionDialog

pytestmark = pytest.mark.gui


def rows(register, sql: str, **params: object) -> list[tuple[object, ...]]:
    with register.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql), params)]


def test_dashboard_lists_due_residents_and_anonymises_the_checked_ones(qtbot, demo_register,
                                                                       answers):
    due = due_residents(demo_register.engine, date.today())
    assert len(due) > 2
    window = make_window(qtbot, demo_register)
    window.sidebar.setCurrentRow(0)
    page = window.page_at(0)
    assert page.retention_row.isVisibleTo(window)
    assert f"Bewaartermijn verstreken: {len(due)} inwoners" in page.retention_label.text()
    page.retention_button.click()
    dialog = page.findChild(RetentionDialog)
    assert dialog is not None and dialog.list.count() == len(due)
    assert due[0].name in dialog.list.item(0).text()
    dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)  # keep this one
    answers.ask = False
    dialog.run_button.click()
    assert answers.asked == ["Inwoners anonimiseren?"]
    assert rows(demo_register, "SELECT count(*) FROM resident "
                               "WHERE anonymised_on IS NOT NULL") == [(0,)]
    answers.ask = True
    dialog.run_button.click()
    anonymised = {r[0] for r in rows(demo_register, "SELECT id FROM resident "
                                                    "WHERE anonymised_on IS NOT NULL")}
    assert anonymised == {d.resident_id for d in due[1:]}
    assert "geanonimiseerd" in dialog.status.text()
    assert page.retention_label.text().startswith("<b>Bewaartermijn verstreken: 1 inwoner<")


def test_settings_hold_the_user_name_and_the_retention_terms(qtbot, register):
    from vrijwilligers_app.services.privacy.retention import terms
    from vrijwilligers_app.store.settings import get_setting
    from vrijwilligers_app.ui.main_window import PAGES

    window = make_window(qtbot, register)
    window.sidebar.setCurrentRow(len(PAGES) - 1)
    privacy = window.page_at(len(PAGES) - 1).privacy
    assert privacy.terms["retention_months_referrals"].value() == 24
    privacy.terms["retention_months_referrals"].setValue(36)
    assert terms(register.engine).referrals == 36
    privacy.user_name.setText("Coby de Wit")
    privacy.user_name.editingFinished.emit()
    assert get_setting(register.engine, "user_name") == "Coby de Wit"
    assert "14" in privacy.backup_text.text()


def open_resident(qtbot, window, resident_id: int):  # type: ignore[no-untyped-def]
    from vrijwilligers_app.ui.main_window import KIND_ROW

    window.sidebar.setCurrentRow(KIND_ROW["residents"])
    page = window.register_page("residents")
    page.show_record(resident_id)
    assert page.editor.current_id == resident_id
    return page


def test_opening_a_resident_is_logged_by_id_with_the_user_name(qtbot, demo_register):
    from vrijwilligers_app.store.settings import set_setting

    set_setting(demo_register.engine, "user_name", "Coby de Wit")
    rid = rows(demo_register, "SELECT max(id) FROM resident")[0][0]
    open_resident(qtbot, make_window(qtbot, demo_register), rid)
    assert rows(demo_register, "SELECT actor, kind, subject_kind, subject_id, detail "
                               "FROM audit_entry WHERE subject_id = :r", r=rid) == [
        ("Coby de Wit", "record_opened", "resident", rid, "")]


def test_vergeten_of_a_resident_with_an_open_referral_needs_the_tick(qtbot, demo_register,
                                                                     tmp_path, monkeypatch):
    from vrijwilligers_app.ui.dialogs.forget_dialog import ForgetDialog

    rid, organisation = rows(demo_register, """
        SELECT r.resident_id, d.organisation FROM referral r
        JOIN destination d ON d.id = r.destination_id WHERE r.resident_id IS NOT NULL
          AND r.status = 'aangemeld' LIMIT 1""")[0]
    page = open_resident(qtbot, make_window(qtbot, demo_register), rid)
    rights = page.editor.rights
    rights.forget_button.click()
    dialog = page.editor.findChild(ForgetDialog)
    assert dialog is not None
    assert str(organisation) in dialog.text.text()
    assert "geen bericht" in dialog.text.text()
    assert dialog.understood.isVisibleTo(dialog) and not dialog.forget_button.isEnabled()
    dialog.understood.setChecked(True)
    dialog.forget_button.click()
    assert rows(demo_register, "SELECT first_name, anonymised_on IS NOT NULL FROM resident "
                               "WHERE id = :r", r=rid) == [("Inwoner", 1)]
    assert rows(demo_register, "SELECT status FROM referral WHERE resident_id = :r "
                               "AND status = 'aangemeld'", r=rid) == []
    assert f"Inwoner {rid} (geanonimiseerd)" in page.editor.title.text()
    target = tmp_path / "bewijs.pdf"
    monkeypatch.setattr(ForgetDialog, "ask_save_path", classmethod(lambda cls, p, s: target))
    dialog.receipt_button.click()
    assert target.read_bytes().startswith(b"%PDF")


def test_inzage_pdf_is_saved_and_logged(qtbot, demo_register, tmp_path, monkeypatch):
    from vrijwilligers_app.ui.pages.resident_rights import ResidentRights

    rid = rows(demo_register, "SELECT min(id) FROM resident")[0][0]
    page = open_resident(qtbot, make_window(qtbot, demo_register), rid)
    target = tmp_path / "inzage"
    monkeypatch.setattr(ResidentRights, "ask_save_path", classmethod(lambda cls, p, s: target))
    page.editor.rights.inzage_button.click()
    assert (tmp_path / "inzage.pdf").read_bytes().startswith(b"%PDF")
    assert rows(demo_register, "SELECT count(*) FROM audit_entry WHERE kind = 'inzage' "
                               "AND subject_id = :r", r=rid) == [(1,)]


def test_audit_log_viewer_filters_and_saves_a_pdf(qtbot, demo_register, tmp_path,
                                                  monkeypatch):
    from vrijwilligers_app.services import audit
    from vrijwilligers_app.ui.dialogs.audit_dialog import AuditDialog

    audit.record_now(demo_register.engine, "record_opened", "resident", 5)
    audit.record_now(demo_register.engine, "vergeten", "resident", 6)
    window = make_window(qtbot, demo_register)
    window.open_audit_log()
    dialog = window.findChild(AuditDialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "Vergeten (gegevens gewist)"
    assert dialog.table.item(0, 2).text() == "inwoner 6"
    dialog.kind.setCurrentIndex(dialog.kind.findData("record_opened"))
    assert dialog.table.rowCount() == 1
    target = tmp_path / "logboek.pdf"
    monkeypatch.setattr(AuditDialog, "ask_save_path", classmethod(lambda cls, p, s: target))
    dialog.pdf_button.click()
    assert target.read_bytes().startswith(b"%PDF")


def test_the_privacy_dialogs_fit_a_small_screen_at_200_percent_text(qtbot, demo_register):
    from PySide6.QtWidgets import QApplication

    from vrijwilligers_app.services.privacy.forget import forget_preview
    from vrijwilligers_app.ui.dialogs.audit_dialog import AuditDialog
    from vrijwilligers_app.ui.dialogs.forget_dialog import ForgetDialog
    from vrijwilligers_app.ui.tasks import TaskRunner

    app = QApplication.instance()
    font = app.font()
    original = font.pointSizeF()
    font.setPointSizeF(original * 2)
    app.setFont(font)
    try:
        runner = TaskRunner(synchronous=True)
        engine = demo_register.engine
        rid = rows(demo_register, "SELECT resident_id FROM referral WHERE resident_id IS NOT "
                                  "NULL AND status = 'aangemeld' LIMIT 1")[0][0]
        dialogs = [RetentionDialog(engine, runner, due_residents(engine, date.today()),
                                   anonymous_referrals=3),
                   ForgetDialog(engine, runner, forget_preview(engine, rid)),
                   AuditDialog(engine, runner)]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            hint = dialog.minimumSizeHint()
            assert hint.width() <= 1366 and hint.height() <= 768, type(dialog).__name__
    finally:
        font.setPointSizeF(original)
        app.setFont(font)


def test_the_settings_show_every_line_of_the_backup_text_and_roomy_fields(qtbot, register):
    """On a 1366-wide window the Instellingen form used to squeeze every field to ~110 px
    (a database address unreadable) and cut the 'Back-ups en wissen' text to its middle
    lines."""
    from vrijwilligers_app.ui.main_window import PAGES

    window = make_window(qtbot, register)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.sidebar.setCurrentRow(len(PAGES) - 1)
    page = window.page_at(len(PAGES) - 1)
    text = page.privacy.backup_text
    qtbot.waitUntil(lambda: text.isVisible() and text.width() > 0)
    qtbot.waitUntil(lambda: text.height() >= text.heightForWidth(text.width()))
    assert page.gemeente_database.width() >= 300
