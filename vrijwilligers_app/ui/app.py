"""Starting the GUI: QApplication in Dutch, logging, error dialogs, the register, the window."""

import logging
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from vrijwilligers_app import APP_NAME, __version__
from vrijwilligers_app.store.errors import RegisterError

log = logging.getLogger(__name__)


def setup_logging(data_dir: Path) -> None:
    logs = data_dir / "logs"
    try:
        logs.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            logs / "vrijwilligers-app.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)


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
    return app  # type: ignore[return-value]


def show_error(title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    if details:
        box.setDetailedText(details)
        copy = box.addButton("Kopieer details", QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton("Sluiten", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def _excepthook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("Onverwachte fout:\n%s", details)
    show_error(APP_NAME, "Er ging iets onverwacht mis. Uw opgeslagen gegevens zijn veilig. "
               "Stuur de details naar de beheerder als dit vaker gebeurt.", details)


def run_gui(data_dir: Path, with_demo: bool = False, smoke_test: bool = False) -> int:
    """Open the register and show the window; `smoke_test` quits after the first paint and
    prints 'venster getoond' (installer smoke test and start-up benchmark)."""
    from vrijwilligers_app.services.overview import register_counts
    from vrijwilligers_app.store.private import restrict_umask
    from vrijwilligers_app.ui.main_window import MainWindow
    from vrijwilligers_app.ui.unlock_flow import Cancelled, acquire_key

    restrict_umask()
    app = create_application()
    try:
        register = _open(data_dir, acquire_key)
    except Cancelled:
        return 0
    except RegisterError as exc:
        show_error(f"{APP_NAME}: register niet geopend", str(exc))
        return 1
    setup_logging(data_dir)
    with register:
        if with_demo and register_counts(register.engine).is_empty():
            _fill_demo(register.engine)
        sys.excepthook = _excepthook
        window = MainWindow(register)
        window.show()
        if smoke_test:
            QTimer.singleShot(0, lambda: (print("venster getoond", flush=True), app.quit()))
        # The daily backup copies the whole register: do it beside the window, not before it.
        with ThreadPoolExecutor(max_workers=1) as background:
            daily = background.submit(_daily_backup, register)
            code = app.exec()  # leaving the block waits for an unfinished backup
        if daily.exception() is not None:
            log.error("Automatische back-up mislukt: %s", daily.exception())
        return code


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
    from vrijwilligers_app.services.demo import demo_size, fill_demo

    fill_demo(engine, demo_size("klein"), seed=1)
