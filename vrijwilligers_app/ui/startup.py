"""One start of the main window: the frame first, the register beside it (issue 18).

The frame (menus, sidebar, "Register wordt geopend…") is painted before SQLAlchemy is even
imported. After that first paint a worker thread reads the dashboard's counts without
SQLAlchemy (read-only, only at the schema head: store/early_counts.py; the Overzicht shows
them at once), then imports the store, opens the register (lock, header check, conversion,
migrations check, code lists) and, for `--demo`, fills an empty one; the window then fills its
pages. Errors opening the register show the same Dutch dialogs as
before; a key from the keyring that no longer fits is forgotten and the passphrase asked for.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from vrijwilligers_app import APP_NAME
from vrijwilligers_app.logsetup import log_exception, open_deferred_file_log, timed
from vrijwilligers_app.store.errors import EncryptedRegisterError, RegisterError
from vrijwilligers_app.ui.main_window import MainWindow
from vrijwilligers_app.ui.unlock_flow import Cancelled
from vrijwilligers_app.ui.warmup import install_import_gate

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from vrijwilligers_app.services.overview import Counts
    from vrijwilligers_app.store.register import Register

log = logging.getLogger(__name__)
KeySource = Callable[[Path], tuple[bytes, bool]]  # data dir -> (data key, from the keyring)


class WindowStart(QObject):
    """Show the frame, open the register after its first paint, attach it; `run` returns
    (exit code, backup to restore or None, the key that opened the register)."""

    _done = Signal()  # the worker finished (emitted from its thread, handled in the GUI's)
    _counted = Signal()  # the worker read the dashboard's counts before opening the register

    def __init__(self, app: QApplication, data_dir: Path, key: bytes, from_keyring: bool,
                 acquire_key: KeySource, show_error: Callable[[str, str], None], *,
                 with_demo: bool = False, smoke_test: bool = False, status: str = "") -> None:
        super().__init__()
        self.app, self.data_dir, self.key = app, data_dir, key
        self.from_keyring, self.acquire_key, self.show_error = from_keyring, acquire_key, show_error
        self.with_demo, self.smoke_test, self.status = with_demo, smoke_test, status
        self.register: Register | None = None
        self.code: int | None = None  # set when the start ends before the window's own exit
        self._failure: BaseException | None = None
        self._unexpected: BaseException | None = None
        self._worker: threading.Thread | None = None
        self._backups: ThreadPoolExecutor | None = None
        self._daily: Future[None] | None = None
        self.window = MainWindow(data_dir=data_dir)
        self.window.first_painted.connect(self._painted)
        self._done.connect(self._opened_or_failed)
        self._counted.connect(self._show_early_counts)
        self._early: Counts | None = None
        self._early_shown = threading.Event()

    def run(self) -> tuple[int, Path | None, bytes]:
        self.window.show()
        code = self.app.exec()
        self.window.stop_tasks()  # quit without closing (smoke test, errors): reads stop here
        self._early_shown.set()  # a worker waiting for its counts to be shown goes on
        if self._worker is not None:
            self._worker.join()  # closed while opening: the open finishes, then is closed
        if self._backups is not None:
            self._backups.shutdown(wait=True)  # an unfinished daily backup is waited for
            failure = self._daily.exception() if self._daily is not None else None
            if failure is not None:
                log_exception("Automatische back-up mislukt", failure)
        restore_from = self.window.restore_from
        self.window.deleteLater()
        if self.register is not None:
            self.register.close()
        if self._unexpected is not None:
            raise self._unexpected
        return (code if self.code is None else self.code), restore_from, self.key

    # --- the register, beside the painted frame ------------------------------------------------
    @Slot()
    def _painted(self) -> None:
        if self.smoke_test:
            print("venster getoond", flush=True)
        self._start_worker()

    def _start_worker(self) -> None:
        install_import_gate()  # this thread and the ones after it import beside the GUI's
        self._failure = None
        self._worker = threading.Thread(target=self._open, name="register-openen")
        self._worker.start()

    def _open(self) -> None:
        """On the worker thread: nothing here touches Qt but the `_done` signal."""
        try:
            if not self.with_demo:  # the counts first: no SQLAlchemy needed for them
                from vrijwilligers_app.services.overview import counts_before_open

                self._early = counts_before_open(self.data_dir, self.key)
                if self._early is not None:
                    self._counted.emit()
                    # Importing SQLAlchemy holds the GIL: it waits until they are shown.
                    self._early_shown.wait(timeout=2.0)
            from vrijwilligers_app.store.register import open_register

            with timed("register geopend"):
                self.register = open_register(self.data_dir, key=self.key, daily_backup=False)
            if self.with_demo:
                _fill_demo_if_empty(self.register)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            if self.register is not None:
                self.register.close()
                self.register = None
            self._failure = exc
        self._done.emit()

    @Slot()
    def _show_early_counts(self) -> None:
        early, self._early = self._early, None
        try:
            if early is not None and self.window.isVisible():
                from vrijwilligers_app.ui.window_pages import show_early_counts

                show_early_counts(self.window, early)
        finally:
            self._early_shown.set()

    @Slot()
    def _opened_or_failed(self) -> None:
        if self._worker is not None:
            self._worker.join()
        if not self.window.isVisible():
            return  # closed while the register was opened; run() closes it
        if self._failure is not None:
            self._failed(self._failure)
            return
        assert self.register is not None
        self._attach(self.register)

    def _attach(self, register: Register) -> None:
        from vrijwilligers_app.ui.welcome import first_start

        self.key = register.key or self.key
        self.window.attach(register)
        if self.status:
            self.window.statusBar().showMessage(self.status)
        if self.smoke_test:
            QTimer.singleShot(0, self.app.quit)
        elif first_start.should_welcome(register):
            QTimer.singleShot(0, self.window.open_welcome)  # first start: the welcome wizard
        # The daily backup copies the whole register: beside the window, not before it.
        from concurrent.futures import ThreadPoolExecutor

        self._backups = ThreadPoolExecutor(max_workers=1)
        # The file log (deferred by cli.main; lines logged so far are kept) opens here too.
        self._backups.submit(open_deferred_file_log)
        self._daily = self._backups.submit(_daily_backup, register)

    def _failed(self, failure: BaseException) -> None:
        if isinstance(failure, EncryptedRegisterError) and self.from_keyring:
            from vrijwilligers_app.services import remember

            remember.forget(self.data_dir)  # the remembered key no longer fits: ask
            self.from_keyring = False
            try:
                self.key, _ = self.acquire_key(self.data_dir)
            except BaseException as exc:  # noqa: BLE001 - Cancelled or a RegisterError
                self._failed(exc)
                return
            self._start_worker()
            return
        if isinstance(failure, Cancelled):
            self._end(0)
        elif isinstance(failure, RegisterError):
            self.show_error(f"{APP_NAME}: register niet geopend", str(failure))
            self._end(1)
        else:
            self._unexpected = failure  # raised from run(), as before the frame came first
            self._end(1)

    def _end(self, code: int) -> None:
        self.code = code
        self.app.exit(code)


def _fill_demo_if_empty(register: Register) -> None:
    from vrijwilligers_app.services.demo_data import try_with_demo
    from vrijwilligers_app.services.overview import register_counts

    if register_counts(register.engine).is_empty():
        with timed("demo-gegevens gemaakt"):
            try_with_demo(register.engine)  # marked as demo: the window can empty it again


def _daily_backup(register: Register) -> None:
    from datetime import date  # here, not before the frame's first paint

    from vrijwilligers_app.store.backup import DEFAULT_KEEP_DAYS, auto_backup
    from vrijwilligers_app.store.settings import get_int_setting

    keep = get_int_setting(register.engine, "backup_keep_days", DEFAULT_KEEP_DAYS)
    auto_backup(register.db_path, register.data_dir, date.today(), keep, key=register.key)
