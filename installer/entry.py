"""Entry point of the frozen program (PyInstaller). Not imported by the app itself.

- A missing or damaged file inside the installed folder gets a clear Dutch message (a dialog
  for the window, which has no console on Windows), not a traceback.
- `--kaal-venster` shows a bare PySide6 window and quits after the first paint: the baseline for
  the start-up time of the real window (`--smoke-test`) in the same bundle.
"""

import os
import sys
import time

STARTED = time.perf_counter()
BROKEN = (
    "Het programma is niet volledig geïnstalleerd: {what}.\n\n"
    "Installeer {app} opnieuw. Uw gegevens blijven bewaard; ze staan niet in de programmamap."
)


def bare_window() -> int:
    from PySide6.QtCore import QLibraryInfo, QTimer, QTranslator
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    label = QLabel("Kaal venster")
    label.show()
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    dutch = QTranslator().load("qtbase_nl", translations)  # the bundle carries it (smoke test)
    QTimer.singleShot(0, lambda: (print(f"venster getoond na {time.perf_counter() - STARTED:.3f} s"
                                        f"; Nederlandse Qt-vertaling: {'ja' if dutch else 'nee'}",
                                        flush=True), app.quit()))
    return app.exec()


def tell_broken(what: str) -> None:
    text = BROKEN.format(what=what, app="Vrijwilligersregister Helmond")
    print(f"Fout: {text}", file=sys.stderr)
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        return  # a command line: the message above is enough
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        _app = QApplication.instance() or QApplication(sys.argv[:1])
        QMessageBox.critical(None, "Vrijwilligersregister Helmond", text)
    except Exception:  # noqa: BLE001 - Qt itself may be the missing part
        if sys.platform == "win32":
            import ctypes

            ctypes.windll.user32.MessageBoxW(None, text, "Vrijwilligersregister Helmond", 0x10)


def run() -> int:
    # The window's .exe on Windows has no console: its sys.stdout/stderr are None, and code
    # that writes there (argparse, progress) would fail. Send it nowhere instead.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if "--kaal-venster" in sys.argv:
        return bare_window()
    try:
        from vrijwilligers_app.cli import run as run_app
    except ImportError as exc:
        tell_broken(f"onderdeel '{exc.name or exc}' ontbreekt of is beschadigd")
        return 3
    try:
        return run_app()
    except FileNotFoundError as exc:
        tell_broken(str(exc) if exc.filename is None else f"{exc.filename} ontbreekt")
        return 3
    except (ImportError, SyntaxError, UnicodeDecodeError) as exc:
        tell_broken(f"een onderdeel is beschadigd ({type(exc).__name__})")
        return 3


if __name__ == "__main__":
    raise SystemExit(run())
