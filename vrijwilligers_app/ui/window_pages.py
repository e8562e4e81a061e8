"""The main window's pages, each built the first time it is shown (its module imported then
too, not on the way to the first paint)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from vrijwilligers_app.services.overview import Counts
    from vrijwilligers_app.ui.main_window import MainWindow


def build_page(window: MainWindow, key: str, kind: str | None,
               font_scale: Callable[[int], None], lock_minutes: Callable[[int], None]) -> QWidget:
    """The page `key` (sidebar entry) of an attached window, its signals connected (the
    settings page's to `font_scale` and `lock_minutes`)."""
    register, runner, show_status = window.register, window.runner, window.statusBar().showMessage
    page: QWidget
    if kind == "matches":
        # Under ui/warmup's import lock: not beside the warm-up's import of the same modules.
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


def show_early_counts(window: MainWindow, counts: Counts) -> None:
    """Counts read while the register is still being opened: when the Overzicht is the page
    to be shown, it is built now (without the register) and shows them; `attach` gives it the
    register and refreshes it (the attention list, and the counts again)."""
    if window.attached or max(window.sidebar.currentRow(), 0) != 0 or 0 in window.pages:
        return
    from vrijwilligers_app.ui.main_window import PAGES
    from vrijwilligers_app.ui.pages.dashboard_page import DashboardPage

    page = DashboardPage(None, window.runner)
    page.open_record.connect(window.open_record)
    page.setObjectName(f"page_{PAGES[0][0]}")
    window.put_page(0, page)
    window.stack.setCurrentIndex(0)
    page.show_counts(counts)
