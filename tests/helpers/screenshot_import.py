"""Screenshots of the import wizard (column mapping; preview with errors and duplicates) and
of an exported list opened by LibreOffice (converted to PDF, rendered to PNG).

    xvfb-run -a -s "-screen 0 1366x768x24" python -m tests.helpers.screenshot_import \
        DATA_DIR OUT_DIR
DATA_DIR: a register (demo klein is fine); a messy volunteer list is written beside it.
"""

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.helpers.messy_files import soffice, volunteer_workbook
from tests.helpers.screenshot import grab, open_for_shots
from vrijwilligers_app.services.editing import save_record
from vrijwilligers_app.services.exporting import export_register
from vrijwilligers_app.store.queries.registers import list_ids
from vrijwilligers_app.ui.app import create_application
from vrijwilligers_app.ui.dialogs.import_wizard import ImportWizard
from vrijwilligers_app.ui.main_window import MainWindow


def _settle(app: QApplication, window: MainWindow) -> None:
    window.runner.wait_idle()
    for _ in range(30):
        app.processEvents()


def main(data_dir: Path, out_dir: Path) -> None:
    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    messy = volunteer_workbook(data_dir / "ledenlijst-buurtkamer.xlsx")
    with open_for_shots(data_dir) as register:
        save_record(register.engine, "volunteers", {
            "first_name": "Anna", "last_name": "Jansen", "birth_year": 1949})
        window = MainWindow(register)
        window.showMaximized()
        _settle(app, window)
        wizard = window.open_import()
        assert isinstance(wizard, ImportWizard)
        wizard.load_file(messy)
        _settle(app, window)
        wizard.go_next()
        _settle(app, window)
        wizard.go_next()
        _settle(app, window)
        grab(out_dir / "30-import-kolommen.png")
        wizard.go_next()
        _settle(app, window)
        grab(out_dir / "31-import-voorbeeld.png")
        wizard.close()
        _settle(app, window)
        sheet = out_dir / "vrijwilligers-export.xlsx"
        export_register(register.engine, "volunteers",
                        list_ids(register.engine, "volunteers")[:60], sheet,
                        "Filter: Wijk: alle. Gesorteerd op Naam (oplopend).")
        window.close()
    exe = soffice()
    if exe is not None:
        profile = out_dir / "lo-profile"
        subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out_dir), str(sheet)],
                       check=True, capture_output=True, timeout=180)
        shutil.rmtree(profile, ignore_errors=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1",
                        str(out_dir / "vrijwilligers-export.pdf"),
                        str(out_dir / "32-export-in-libreoffice")], check=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
