"""The main window's pages, each built the first time it is shown (its module imported then
too, not on the way to the first paint)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from vrijwilligers_app.ui.main_window import MainWindow


def build_page(window: MainWindow, key: str, kind: str | None,
               font_scale: Callable[[int], None], lock_minutes: Callable[[int], None]) -> QWidget:
    """The page `key` (sidebar entry) of an attached window, its signals connected (the
    settings page's to `font_scale` and `lock_minutes`)."""
    register, runner, show_status = window.register, window.runner, window.statusBar().showMessage
    page: QWidget
    if kind == "matches":
        from vrijwilligers_app.ui.pages.maatjes_page import MaatjesPage

        maatjes = MaatjesPage(register.engine, runner, window.undo_stack)
        maatjes.status.connect(show_status)
        page = maatjes
    elif kind is not None:
        from vrijwilligers_app.ui.pages.register_page import RegisterPage

        records = RegisterPage(register.engine, kind, runner, window.undo_stack)
        records.status.connect(show_status)
        page = records
    elif key == "overzicht":
        from vrijwilligers_app.ui.pages.dashboard_page import DashboardPage

        dashboard = DashboardPage(register.engine, runner)
        dashboard.open_record.connect(window.open_record)
        page = dashboard
    else:
        from vrijwilligers_app.ui.pages.settings_page import SettingsPage

        settings = SettingsPage(register, window.settings, runner)
        settings.font_scale_changed.connect(font_scale)
        settings.security.lock_minutes_changed.connect(lock_minutes)
        settings.status.connect(show_status)
        page = settings
    page.setObjectName(f"page_{key}")
    return page
