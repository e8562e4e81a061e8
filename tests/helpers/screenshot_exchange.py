"""Screenshots of Exporteren naar de gemeente (before and after synchronising).

    xvfb-run -a -s "-screen 0 1366x768x24" python -m tests.helpers.screenshot_exchange \
        DATA_DIR FOLDER OUT_DIR
    xvfb-run ... python -m tests.helpers.screenshot_exchange --gemeente GEMEENTE_DIR OUT_DIR
"""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.helpers.screenshot import grab, open_for_shots
from vrijwilligers_app.ui.app import create_application
from vrijwilligers_app.ui.dialogs.exchange_dialog import ExchangeDialog
from vrijwilligers_app.ui.main_window import MainWindow


def _settle(app: QApplication, window: MainWindow) -> None:
    window.runner.wait_idle()
    for _ in range(30):
        app.processEvents()


def main(data_dir: Path, folder: Path, out_dir: Path) -> None:
    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_for_shots(data_dir) as register:
        window = MainWindow(register)
        window.showMaximized()
        _settle(app, window)
        window.open_exchange()
        dialog = window.findChildren(ExchangeDialog)[0]
        dialog.folder.setText(str(folder))
        _settle(app, window)
        grab(out_dir / "20-exporteren.png")
        dialog.sync_button.click()
        _settle(app, window)
        _settle(app, window)
        grab(out_dir / "21-synchroniseren.png")
        dialog.close()
        window.close()


def gemeente(data_dir: Path, out_dir: Path) -> None:
    from vrijwilligers_app.ui.dialogs.gemeente_dialog import GemeenteDialog

    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_for_shots(data_dir) as register:
        window = MainWindow(register)
        window.showMaximized()
        _settle(app, window)
        window.open_gemeente()
        _settle(app, window)
        dialog = window.findChildren(GemeenteDialog)[0]
        _settle(app, window)
        grab(out_dir / "22-gemeente.png")
        dialog.close()
        window.close()


def quarantine_and_status(data_dir: Path, out_dir: Path) -> None:
    """Issue 17: the quarantine list, the status entry after a search, duplicates."""
    from vrijwilligers_app.ui.dialogs.gemeente_dialog import GemeenteDialog

    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_for_shots(data_dir) as register:
        window = MainWindow(register)
        window.showMaximized()
        _settle(app, window)
        window.open_gemeente()
        _settle(app, window)
        dialog = window.findChildren(GemeenteDialog)[0]
        quarantine = dialog.open_quarantine()
        _settle(app, window)
        grab(out_dir / "23-quarantaine.png")
        quarantine.close()
        status = dialog.open_status()
        status.start.setText("01-10-2026")
        status.search()
        _settle(app, window)
        status.table.selectRow(0)
        status.kind.setCurrentIndex(status.kind.findData("contact"))
        _settle(app, window)
        grab(out_dir / "24-status-doorgeven.png")
        status.close()
        duplicates = dialog.open_duplicates()
        _settle(app, window)
        grab(out_dir / "25-dubbele-initiatieven.png")
        duplicates.close()
        dialog.close()
        window.close()


if __name__ == "__main__":
    if sys.argv[1] == "--quarantaine":  # ... --quarantaine GEMEENTE_DATA_DIR OUT_DIR
        quarantine_and_status(Path(sys.argv[2]), Path(sys.argv[3]))
    elif sys.argv[1] == "--gemeente":  # ... --gemeente GEMEENTE_DATA_DIR OUT_DIR
        gemeente(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
