"""Starting the GUI: QApplication in Dutch, logging, error dialogs, the register, the window."""

import logging
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from vrijwilligers_app import APP_NAME, __version__
from vrijwilligers_app.logsetup import excepthook_text, log_exception, timed
from vrijwilligers_app.paths import resource
from vrijwilligers_app.store.errors import RegisterError

if TYPE_CHECKING:
    from vrijwilligers_app.store.register import Register

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Gemeente Helmond sociale basis")
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    if translator.load(QLocale(), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    QApplication.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The app icon (resources/icons, drawn for this app) in every size shipped; a missing
    file only costs its size (a damaged installation still starts)."""
    icon = QIcon()
    for size in ICON_SIZES:
        try:
            icon.addFile(str(resource("icons", f"vrijwilligers-app-{size}.png")))
        except FileNotFoundError:
            log.warning("Icoon ontbreekt: vrijwilligers-app-%d.png", size)
    return icon


def show_error(title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    if details:
        box.setDetailedText(details)
        copy = box.addButton("Kopieer details", QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton("Sluiten", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def _excepthook(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    details = excepthook_text(exc_type, exc, tb)  # no personal data (see logsetup)
    log.error("Onverwachte fout in het venster:\n%s", details)
    show_error(APP_NAME, "Er ging iets onverwacht mis. Uw opgeslagen gegevens zijn veilig. "
               "Stuur de details naar de beheerder als dit vaker gebeurt.", details)


def run_gui(data_dir: Path, with_demo: bool = False, smoke_test: bool = False) -> int:
    """Open the register and show the window; `smoke_test` quits after the first paint and
    prints 'venster getoond' (installer smoke test and start-up benchmark). When the window
    closed to restore a backup, the backup is put back and the window opens again."""
    from vrijwilligers_app.store.private import restrict_umask
    from vrijwilligers_app.store.register import open_register
    from vrijwilligers_app.store.restore import restore_backup
    from vrijwilligers_app.ui.unlock_flow import Cancelled, acquire_key

    restrict_umask()
    app = create_application()
    status = ""
    key: bytes | None = None
    while True:
        try:
            with timed("register geopend"):
                if key is None:
                    register = _open(data_dir, acquire_key)
                    key = register.key
                else:
                    register = open_register(data_dir, key=key, daily_backup=False)
        except Cancelled:
            return 0
        except RegisterError as exc:
            show_error(f"{APP_NAME}: register niet geopend", str(exc))
            return 1
        with register:
            code, restore_from = _show_window(app, register, with_demo, smoke_test, status)
        if restore_from is None:
            return code
        with_demo = False
        try:
            with timed("back-up teruggezet"):
                kept = restore_backup(restore_from, data_dir, key=key)
        except RegisterError as exc:
            log.warning("terugzetten geweigerd: %s", type(exc).__name__)
            show_error(f"{APP_NAME}: back-up niet teruggezet", str(exc))
            status = "De back-up is niet teruggezet; het register is niet veranderd."
            continue
        status = "Back-up teruggezet." + (
            f" Het vorige register is bewaard als {kept}." if kept else "")


def _show_window(app: QApplication, register: "Register", with_demo: bool, smoke_test: bool,
                 status: str) -> tuple[int, Path | None]:
    from vrijwilligers_app.services.overview import register_counts
    from vrijwilligers_app.ui.main_window import MainWindow
    from vrijwilligers_app.ui.welcome.first_start import should_welcome

    if with_demo and register_counts(register.engine).is_empty():
        with timed("demo-gegevens gemaakt"):
            _fill_demo(register.engine)
    sys.excepthook = _excepthook
    window = MainWindow(register)
    window.show()
    if status:
        window.statusBar().showMessage(status)
    if not smoke_test and should_welcome(register):
        QTimer.singleShot(0, window.open_welcome)  # first start: the welcome wizard
    if smoke_test:
        QTimer.singleShot(0, lambda: (print("venster getoond", flush=True), app.quit()))
    # The daily backup copies the whole register: do it beside the window, not before it.
    with ThreadPoolExecutor(max_workers=1) as background:
        daily = background.submit(_daily_backup, register)
        code = app.exec()  # leaving the block waits for an unfinished backup
    failure = daily.exception()
    if failure is not None:
        log_exception("Automatische back-up mislukt", failure)
    restore_from = window.restore_from
    window.deleteLater()
    return code, restore_from


def _open(data_dir: Path, acquire_key):  # type: ignore[no-untyped-def]
    """Always encrypted: a key from the user (or keyring); a keyring key that no longer
    fits (passphrase changed elsewhere, key file restored) is forgotten and asked for."""
    from vrijwilligers_app.services import remember
    from vrijwilligers_app.store.errors import EncryptedRegisterError
    from vrijwilligers_app.store.register import open_register

    key, from_keyring = acquire_key(data_dir)
    try:
        return open_register(data_dir, key=key, daily_backup=False)
    except EncryptedRegisterError:
        if not from_keyring:
            raise
        remember.forget(data_dir)
        key, _ = acquire_key(data_dir)
        return open_register(data_dir, key=key, daily_backup=False)


def _daily_backup(register) -> None:  # type: ignore[no-untyped-def]
    from vrijwilligers_app.store.backup import DEFAULT_KEEP_DAYS, auto_backup
    from vrijwilligers_app.store.settings import get_int_setting

    keep = get_int_setting(register.engine, "backup_keep_days", DEFAULT_KEEP_DAYS)
    auto_backup(register.db_path, register.data_dir, date.today(), keep, key=register.key)


def _fill_demo(engine) -> None:  # type: ignore[no-untyped-def]
    from vrijwilligers_app.services.demo_data import try_with_demo

    try_with_demo(engine)  # marked as demo: the window shows it and can empty it again
