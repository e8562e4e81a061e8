"""Screenshots of the real window, for looking at it and for docs/screenshots.

    xvfb-run -a -s "-screen 0 1366x768x24" python -m tests.helpers.screenshot DATA_DIR OUT_DIR

Shows the main window at 1366×768 on a real X server and saves one PNG per page.
"""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.ui.app import create_application
from vrijwilligers_app.ui.main_window import PAGES, MainWindow


def _settle(app: QApplication, window: MainWindow) -> None:
    window.runner.wait_idle()
    for _ in range(30):
        app.processEvents()


def main(data_dir: Path, out_dir: Path) -> None:
    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_register(data_dir, daily_backup=False) as register:
        window = MainWindow(register)
        window.showMaximized()
        for index, (key, _title, kind) in enumerate(PAGES):
            window.sidebar.setCurrentRow(index)
            _settle(app, window)
            if kind is not None:
                page = window.register_page(kind)
                page.select_id(page.model.id_at(2) or 0)
                _settle(app, window)
            screen = QApplication.primaryScreen()
            screen.grabWindow(0).save(str(out_dir / f"{index:02d}-{key}.png"))
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
