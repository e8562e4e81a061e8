"""Screenshots of the first-start passphrase dialog, the herstelsleutel and the lock screen.

    xvfb-run -a -s "-screen 0 1366x768x24" python -m tests.helpers.screenshot_encryption OUT
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.helpers.screenshot import grab
from vrijwilligers_app.services.demo import demo_size, fill_demo
from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.ui.app import create_application
from vrijwilligers_app.ui.dialogs.passphrase_setup import PassphraseSetupDialog
from vrijwilligers_app.ui.main_window import KIND_ROW, MainWindow
from vrijwilligers_app.ui.tasks import TaskRunner


def _settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()


def _shot(app: QApplication, path: Path) -> None:
    _settle(app)
    grab(path)


def main(out_dir: Path) -> None:
    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp()) / "data"
    data_dir.mkdir()
    dialog = PassphraseSetupDialog(data_dir, TaskRunner(synchronous=True))
    dialog.show()
    dialog.page.passphrase.setText("de fiets staat achter het huis")
    dialog.page.repeat.setText("de fiets staat achter het huis")
    _shot(app, out_dir / "30-wachtwoord-instellen.png")
    dialog.page.create_button.click()
    dialog.page.kept.setChecked(True)
    _shot(app, out_dir / "31-herstelsleutel.png")
    key = dialog.data_key
    dialog.accept()
    with open_register(data_dir, key=key, daily_backup=False) as register:
        fill_demo(register.engine, demo_size("klein"), seed=1)
        window = MainWindow(register)
        window.showMaximized()
        window.sidebar.setCurrentRow(KIND_ROW["residents"])
        _settle(app)
        assert window.lock is not None
        window.lock.lock()
        window.lock.page.form.field.setText("fout")
        window.lock.page.form.failures = 2
        window.lock.page.form.button.click()
        window.runner.wait_idle()
        _shot(app, out_dir / "32-vergrendeld.png")
        window.lock.page.form.countdown.stop()
        window.lock.unlock()
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
