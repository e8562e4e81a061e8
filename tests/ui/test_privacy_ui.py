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
