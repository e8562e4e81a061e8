"""Screenshots of the first start (welcome steps), the demo banner, the Help window and Over:

    xvfb-run -a -s "-screen 0 1366x768x24" \
        python -m tests.helpers.screenshot_welcome EMPTY_DIR OUT_DIR

EMPTY_DIR is a new data dir: the wizard only opens on an empty register.
"""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget, QWizard

from tests.helpers.screenshot import open_for_shots
from vrijwilligers_app.ui.app import create_application
from vrijwilligers_app.ui.help.menu import open_about, open_help
from vrijwilligers_app.ui.main_window import MainWindow
from vrijwilligers_app.ui.welcome.pages import START_DEMO


def _settle(app: QApplication, window: MainWindow) -> None:
    window.runner.wait_idle()
    for _ in range(40):
        app.processEvents()


def _grab(app: QApplication, window: MainWindow, widget: QWidget, target: Path) -> None:
    _settle(app, window)
    widget.grab().save(str(target))


def main(data_dir: Path, out_dir: Path) -> None:
    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_for_shots(data_dir) as register:
        window = MainWindow(register)
        window.resize(1366, 740)
        window.show()
        wizard = window.open_welcome()
        assert isinstance(wizard, QWizard)
        wizard.organisation.name.setText("Buurtnetwerk Brouwhuis")
        _grab(app, window, wizard, out_dir / "30-welkom-organisatie.png")
        wizard.next()
        wizard.start.buttons[START_DEMO].setChecked(True)
        _grab(app, window, wizard, out_dir / "31-welkom-beginnen.png")
        wizard.next()
        _grab(app, window, wizard, out_dir / "32-welkom-sleutel.png")
        wizard.button(QWizard.WizardButton.FinishButton).click()
        _settle(app, window)
        window.sidebar.setCurrentRow(2)
        _grab(app, window, window, out_dir / "33-demogegevens-balk.png")
        help_window = open_help(window)
        assert isinstance(help_window, QWidget)
        _grab(app, window, help_window, out_dir / "34-handleiding.png")
        help_window.search_field.setText("terugzetten")  # type: ignore[attr-defined]
        _grab(app, window, help_window, out_dir / "35-handleiding-zoeken.png")
        help_window.close()
        about = open_about(window)
        assert isinstance(about, QWidget)
        _grab(app, window, about, out_dir / "36-over.png")
        about.close()
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
