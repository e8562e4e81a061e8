"""Screenshot of the Rapporten afdrukken dialog with a built report in its preview.

    xvfb-run -a -s "-screen 0 1366x768x24" python -m tests.helpers.report_screenshot \
        DATA_DIR OUT.png [SOORT] [PERIODE] [INITIATIEF]
"""

import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.ui.app import create_application
from vrijwilligers_app.ui.main_window import MainWindow


def _settle(app: QApplication, window: MainWindow, rounds: int = 40) -> None:
    window.runner.wait_idle()
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)  # QPdfView renders its pages in the background


def main(data_dir: Path, out: Path, kind: str, period: str, initiative: int | None) -> None:
    app = create_application()
    with open_register(data_dir, daily_backup=False) as register:
        window = MainWindow(register)
        window.showMaximized()
        _settle(app, window)
        dialog = window.open_reports()
        _settle(app, window)
        dialog.select(kind, period, initiative)
        dialog.build()
        _settle(app, window, 80)
        dialog.grab().save(str(out))
        dialog.close()
        window.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]), Path(args[1]), args[2] if len(args) > 2 else "doorverwijzingen",
         args[3] if len(args) > 3 else "2026", int(args[4]) if len(args) > 4 else None)
