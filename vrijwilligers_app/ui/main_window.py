"""The main window: a sidebar of pages beside a stack; global search, undo, unsaved guard.

Pages are built the first time they are shown (ui/window_pages.py). At start-up the frame
(menus, sidebar, "Register wordt geopend…"), `MainWindow(data_dir=...)`, is painted before
SQLAlchemy is imported; the register is opened beside it (ui/startup.py) and given to
`attach`, which fills the pages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app import APP_NAME, __version__
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.warmup import import_page_modules
from vrijwilligers_app.ui.welcome.demo import (
    DemoBanner,
    ask_remove_demo,
    banner_visible,
    start_demo,
)
from vrijwilligers_app.ui.welcome.extensions import register_import_starter
from vrijwilligers_app.ui.window_dialogs import DialogOpeners
from vrijwilligers_app.ui.window_menus import build_menus

if TYPE_CHECKING:  # SQLAlchemy is imported after the frame's first paint
    from vrijwilligers_app.store.interrupt import ConnectionsInUse
    from vrijwilligers_app.store.register import Register
    from vrijwilligers_app.ui.lock import LockController
    from vrijwilligers_app.ui.pages.register_page import RegisterPage
    from vrijwilligers_app.ui.widgets.search_dialog import SearchDialog

# (object name, sidebar title, register kind or None)
PAGES = (
    ("overzicht", "Overzicht", None),
    ("initiatieven", "Initiatieven", "initiatives"),
    ("vrijwilligers", "Vrijwilligers", "volunteers"),
    ("inwoners", "Inwoners", "residents"),
    ("maatjes", "Maatjes", "matches"),
    ("doorverwijzingen", "Doorverwijzingen", "referrals"),
    ("activiteiten", "Activiteiten", "activities"),
    ("instellingen", "Instellingen", None),
)
KIND_ROW = {kind: row for row, (_key, _title, kind) in enumerate(PAGES) if kind}
KIND_ROW["requests"] = KIND_ROW["matches"]  # the Maatjes page has a tab for each
OPENING_TEXT = "Register wordt geopend…"


class MainWindow(DialogOpeners):
    first_painted = Signal()  # the first frame is on the screen (one turn of the loop later)

    def __init__(self, register: Register | None = None, runner: TaskRunner | None = None,
                 *, data_dir: Path | None = None) -> None:
        """With a register: the whole window. With only `data_dir`: the frame, whose pages
        are filled once the register is given to `attach`."""
        super().__init__()
        data_dir = register.data_dir if register is not None else data_dir
        if data_dir is None:
            raise TypeError("MainWindow needs a register or a data_dir")
        if register is not None:  # the frame gets it in `attach` (input_guard.py)
            _install_input_guard()  # also when a test or a tool makes the QApplication itself
        self.data_dir = data_dir
        self.attached = False
        self.runner = runner or TaskRunner(self)
        # The dashboard's reads (and the imports they need) start after the first paint; a
        # window that is not shown right after it is built (tests, tools) releases them at once.
        self.runner.hold()
        self._painted = False
        QTimer.singleShot(0, self._release_if_hidden)
        self._connections: ConnectionsInUse | None = None
        self._search_dialog: SearchDialog | None = None
        self.settings = QSettings(str(data_dir / "venster.ini"),
                                  QSettings.Format.IniFormat)
        self.undo_stack = QUndoStack(self)
        self.restore_from: Path | None = None  # a backup to put back once the window closed
        self._base_point_size: float | None = None  # the application's font size at 100 %
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Onderdelen")
        self.sidebar.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()
        self.pages: dict[int, QWidget] = {}
        for key, title, _kind in PAGES:
            self.sidebar.addItem(title)
            placeholder = QWidget()
            placeholder.setObjectName(f"page_{key}")
            self.stack.addWidget(placeholder)
        self.opening = QLabel(OPENING_TEXT)  # shown until the register is open
        # Centred by a style sheet: the Qt namespace's enums (PySide6 makes all ~90 of them at
        # its first use, tens of ms) are not needed before the first paint.
        self.opening.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.opening.setAccessibleName(OPENING_TEXT)
        self.stack.addWidget(self.opening)
        self.stack.setCurrentWidget(self.opening)
        self._fit_sidebar()
        self._current_row = -1
        self.sidebar.currentRowChanged.connect(self._go_to_row)
        central = QWidget()
        outer = QVBoxLayout(central)
        self.demo_banner = DemoBanner()
        self.demo_banner.remove_requested.connect(self.remove_demo)
        outer.addWidget(self.demo_banner)
        layout = QHBoxLayout()
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)
        self.menus = build_menus(self, [title for _key, title, _kind in PAGES])
        self.statusBar().showMessage(OPENING_TEXT)
        self.lock: LockController | None = None
        if (scale := int(str(self.settings.value("font_scale", 100)))) != 100:
            self._apply_font_scale(scale)  # at 100 %: no QFont (and its enums) before the paint
        self._restore_state()
        if register is not None:
            self.attach(register)

    def attach(self, register: Register) -> None:
        """The register is open: search, lock, demo state, and the page on screen filled."""
        from vrijwilligers_app.services.exchange.keys import has_gemeente_keys
        from vrijwilligers_app.store.interrupt import ConnectionsInUse

        self.register = register
        self.attached = True
        early = self.pages.get(0)  # the Overzicht built for the counts read before the open
        if early is not None:
            early.engine = register.engine  # type: ignore[attr-defined]
        self._connections = ConnectionsInUse(register.engine)
        if has_gemeente_keys(register.data_dir):  # the gemeente's own data dir
            self.menus.file.insertAction(self.menus.audit, self.menus.gemeente)
        for action in self.menus.need_register:
            action.setEnabled(True)
        self.statusBar().showMessage(f"Register: {register.db_path}")
        self.lock = self._auto_lock()
        self._show_demo_state()
        self._go_to_row(max(self.sidebar.currentRow(), 0))
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        _install_input_guard()  # the frame's (and the pages') widgets are caught up
        self.runner.run(import_page_modules)  # after the page's own reads: it waits its turn

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._first_frame_shown)

    def _first_frame_shown(self) -> None:
        self.runner.release()
        self.first_painted.emit()

    def _release_if_hidden(self) -> None:
        if not self.isVisible():
            self.runner.release()

    def _set_lock_minutes(self, minutes: int) -> None:
        if self.lock is not None:
            self.lock.set_minutes(minutes)

    def _auto_lock(self) -> LockController | None:
        """Only an encrypted register locks (tests of other things use plain ones)."""
        if self.register.key is None:
            return None
        from vrijwilligers_app.store.settings import get_int_setting
        from vrijwilligers_app.ui.lock import DEFAULT_MINUTES, SETTING, LockController

        minutes = get_int_setting(self.register.engine, SETTING, DEFAULT_MINUTES)
        controller = LockController(self, self.register.data_dir, self.register.key,
                                    self.runner, minutes)
        controller.locked_changed.connect(self._log_unlock)
        return controller

    def _log_unlock(self, locked: bool) -> None:
        """An unlock goes into the privacy log (with the name given at set-up)."""
        if not locked:
            from vrijwilligers_app.services.audit import record_now

            self.runner.run(record_now, self.register.engine, "unlocked", write=True)

    # --- building ----------------------------------------------------------------------------
    def _fit_sidebar(self) -> None:
        widest = max(self.sidebar.fontMetrics().horizontalAdvance(t) for _k, t, _c in PAGES)
        self.sidebar.setFixedWidth(widest + 48)

    # --- first start and demo data -----------------------------------------------------------
    def open_welcome(self) -> QWidget:
        """The welcome wizard (first start, or Bestand → Welkom en eerste stappen…)."""
        from vrijwilligers_app.ui.welcome.extensions import import_starter
        from vrijwilligers_app.ui.welcome.pages import START_DEMO, START_IMPORT
        from vrijwilligers_app.ui.welcome.wizard import WelcomeWizard

        wizard = WelcomeWizard(self.register, self)

        def finished(result: int) -> None:
            if not result:
                return
            starter = import_starter()
            if wizard.choice == START_DEMO:
                start_demo(self, self.register, self.runner, self.demo_changed)
            elif wizard.choice == START_IMPORT and starter is not None:
                starter(self)

        wizard.finished.connect(finished)
        wizard.open()
        self.welcome_wizard = wizard
        return wizard

    def restore_backup(self, source: Path | None = None) -> bool:
        """Ask for a backup; when confirmed the window closes and run_gui restores it."""
        from vrijwilligers_app.ui.restore import choose_backup, confirm_restore

        source = source or choose_backup(self, self.register.data_dir)
        if source is None or not confirm_restore(self, source, self.register.key):
            return False
        self.restore_from = source
        if not self.close():  # unsaved changes kept the window open
            self.restore_from = None
            return False
        return True

    def remove_demo(self) -> None:
        ask_remove_demo(self, self.register, self.runner, self.demo_changed)

    def demo_changed(self) -> None:
        """Demo data came or went: every page shows the register anew."""
        for row in list(self.pages):
            page = self.pages.pop(row)
            placeholder = QWidget()
            placeholder.setObjectName(page.objectName())
            self.stack.insertWidget(row, placeholder)
            self.stack.removeWidget(page)
            page.deleteLater()
        current, self._current_row = self._current_row, -1
        self._go_to_row(max(current, 0))
        self._show_demo_state()

    def _show_demo_state(self) -> None:
        demo = banner_visible(self.register)
        self.demo_banner.setVisible(demo)
        self.menus.remove_demo.setEnabled(demo)
        suffix = " — Demogegevens" if demo else ""
        self.setWindowTitle(f"{APP_NAME} {__version__}{suffix}")

    @property
    def restore_action(self) -> QAction:
        return self.menus.restore

    @property
    def remove_demo_action(self) -> QAction:
        return self.menus.remove_demo

    @property
    def current_row(self) -> int:
        """The sidebar row of the page on screen (-1 while none is shown)."""
        return self._current_row

    def page_at(self, row: int) -> QWidget:
        page = self.pages.get(row)
        if page is None:
            from vrijwilligers_app.ui.window_pages import build_page

            key, _title, kind = PAGES[row]
            page = build_page(self, key, kind, self._apply_font_scale, self._set_lock_minutes)
            self.put_page(row, page)
        return page

    def put_page(self, row: int, page: QWidget) -> None:
        old = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.pages[row] = page

    def register_page(self, kind: str) -> RegisterPage:
        page = self.page_at(KIND_ROW[kind])
        if PAGES[KIND_ROW[kind]][2] == "matches":  # the Maatjes page holds two registers
            return cast("RegisterPage", page.page_for(kind))  # type: ignore[attr-defined]
        return cast("RegisterPage", page)

    def _may_leave(self, page: QWidget | None) -> bool:
        """Register and Maatjes pages ask about unsaved changes; other pages have none."""
        may_leave = getattr(page, "may_leave", None)
        return may_leave is None or bool(may_leave())

    # --- navigation --------------------------------------------------------------------------
    def _go_to_row(self, row: int) -> None:
        if row == self._current_row or row < 0 or not self.attached:
            return  # before attach: the sidebar's row is shown once the register is open
        current = self.pages.get(self._current_row)
        if not self._may_leave(current):
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(self._current_row)
            self.sidebar.blockSignals(False)
            return
        page = self.page_at(row)
        self._current_row = row
        self.statusBar().clearMessage()  # a message about the previous page no longer holds
        self.stack.setCurrentIndex(row)
        if PAGES[row][0] == "overzicht":
            page.refresh()  # type: ignore[attr-defined]

    def open_record(self, kind: str, record_id: int) -> None:
        self.sidebar.setCurrentRow(KIND_ROW[kind])
        if self._current_row == KIND_ROW[kind]:
            self.register_page(kind).show_record(record_id)

    @property
    def search_dialog(self) -> SearchDialog:
        """Built at its first use: its imports (phone numbers, the search queries) would
        otherwise stand between the first paint and the filled dashboard."""
        if self._search_dialog is None:
            from vrijwilligers_app.ui.widgets.search_dialog import SearchDialog

            self._search_dialog = SearchDialog(self.register.engine, self.runner, self)
            self._search_dialog.chosen.connect(self.open_record)
        return self._search_dialog

    def start_search(self) -> None:
        if self.attached:
            self.search_dialog.start()

    # --- appearance and state ----------------------------------------------------------------
    def _apply_font_scale(self, percent: int) -> None:
        font = QApplication.font()
        self._base_point_size = self._base_point_size or font.pointSizeF()  # first: 100 %
        font.setPointSizeF(self._base_point_size * percent / 100)
        QApplication.setFont(font)
        self.sidebar.setFont(font)  # a style-sheeted widget keeps its font otherwise
        self._fit_sidebar()
        for page in self.pages.values():
            font_changed = getattr(page, "font_changed", None)
            if font_changed is not None:
                page.setFont(font)
                font_changed()

    def _restore_state(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry()
            self.resize(min(1280, int(screen.width() * 0.95)),
                        min(760, int(screen.height() * 0.9)))
        row = int(str(self.settings.value("last_page", 0) or 0))
        self.sidebar.setCurrentRow(row if 0 <= row < len(PAGES) else 0)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.lock is not None and self.lock.locked:
            event.ignore()  # unlock first: the questions about unsaved edits show data
            return
        wizard = getattr(self, "import_wizard", None)
        if wizard is not None and wizard.isVisible():
            wizard.reject()  # a running import asks first, then rolls back
            if wizard.isVisible():
                event.ignore()
                return
        for page in self.pages.values():
            if not self._may_leave(page):
                event.ignore()
                return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("last_page", self.sidebar.currentRow())
        self.settings.sync()
        self.stop_tasks()
        super().closeEvent(event)

    def stop_tasks(self) -> None:
        """Saves finish; reads whose answer nobody will see are stopped, not waited for. On
        closing, and by the start-up when the application quit without closing the window."""
        connections, self._connections = self._connections, None
        self.runner.shutdown(connections.interrupt if connections else None)
        if connections is not None:
            connections.close()


def _install_input_guard() -> None:
    from vrijwilligers_app.ui.input_guard import install_input_guard

    install_input_guard()


def _start_import(window: QWidget) -> None:
    """The welcome's "Bestaande lijsten importeren" opens Bestand → Importeren…."""
    if isinstance(window, MainWindow):
        window.open_import()


register_import_starter(_start_import)
