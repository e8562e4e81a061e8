"""Starting the GUI: QApplication in Dutch, logging, error dialogs, the unlock, the window
(whose frame is painted before the register is opened: ui/startup.py)."""

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from vrijwilligers_app import APP_NAME, __version__
from vrijwilligers_app.logsetup import excepthook_text, timed
from vrijwilligers_app.paths import resource
from vrijwilligers_app.store.errors import RegisterError

log = logging.getLogger(__name__)


class _MnemonicFallback(QTranslator):
    """Qt 6 added '&' shortcuts to texts such as "&Look in:" that the shipped Dutch file
    still has without ('Look in:' -> 'Zoeken in:'), so those stayed English in the file
    dialog. This asks the Dutch file for the text without '&' and puts the '&' in front."""

    def __init__(self, base: QTranslator, parent: QApplication) -> None:
        super().__init__(parent)
        self.base = base

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if "&" not in source:
            return ""
        found = self.base.translate(context, source.replace("&", ""), disambiguation, n)
        return "&" + found if found else ""

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


def install_dutch_translations(app: QApplication) -> QTranslator | None:
    """Qt's own texts in Dutch: file dialogs ("Zoeken in:", "Bestandstype:"), standard
    buttons, context menus. Returns the installed translator, None when Qt has no file."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    if not translator.load(QLocale(), "qtbase", "_",
                           QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        log.warning("Geen Nederlandse vertaling van Qt gevonden")
        return None
    app.installTranslator(translator)
    app.installTranslator(_MnemonicFallback(translator, app))  # asked first
    return translator


def create_application(argv: list[str] | None = None, input_guard: bool = True) -> QApplication:
    """The application in Dutch with its icon; `input_guard=False`: the caller installs the
    input guard itself (run_gui: before a dialog, or after the window's first paint)."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Gemeente Helmond sociale basis")
    install_dutch_translations(app)  # type: ignore[arg-type]
    if input_guard:
        from vrijwilligers_app.ui.input_guard import install_input_guard

        install_input_guard(app)  # type: ignore[arg-type]
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
    from PySide6.QtWidgets import QMessageBox  # its type and enums: not before the first paint

    from vrijwilligers_app.ui.input_guard import install_input_guard

    install_input_guard()  # the start may not have installed it yet
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
    """Show the window's frame, then open the register beside it (ui/startup.py);
    `smoke_test` prints 'venster getoond' after the first paint and quits once the register is
    open (installer smoke test and start-up benchmark). When the window closed to restore a
    backup, the backup is put back and the window opens again."""
    from vrijwilligers_app.store.private import restrict_umask
    from vrijwilligers_app.ui import unlock_flow
    from vrijwilligers_app.ui.startup import WindowStart

    restrict_umask()
    app = create_application(input_guard=False)  # before a dialog, or after the first paint
    status = ""
    key: bytes | None = None
    while True:
        from_keyring = False
        try:
            if key is None:  # the unlock dialog comes before the frame, as before
                key, from_keyring = unlock_flow.acquire_key(data_dir)
        except unlock_flow.Cancelled:
            return 0
        except RegisterError as exc:
            show_error(f"{APP_NAME}: register niet geopend", str(exc))
            return 1
        sys.excepthook = _excepthook
        start = WindowStart(app, data_dir, key, from_keyring, unlock_flow.acquire_key,
                            show_error, with_demo=with_demo, smoke_test=smoke_test,
                            status=status)
        code, restore_from, key = start.run()
        if restore_from is None:
            return code
        with_demo = False
        from vrijwilligers_app.store.restore import restore_backup

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
