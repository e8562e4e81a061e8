"""Screenshots of the Activiteiten page: a roster with free places, filling a place, a new
series, attendance entry and the figures.

    xvfb-run -a -s "-screen 0 1366x768x24" python -m tests.helpers.screenshot_activities \
        DATA_DIR OUT_DIR
"""

import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import text

from tests.helpers.screenshot import grab, open_for_shots
from vrijwilligers_app.ui.app import create_application
from vrijwilligers_app.ui.main_window import KIND_ROW, MainWindow


def _settle(app: QApplication, window: MainWindow) -> None:
    window.runner.wait_idle()
    for _ in range(30):
        app.processEvents()
    window.runner.wait_idle()
    for _ in range(30):
        app.processEvents()


def _grab(out_dir: Path, name: str) -> None:
    grab(out_dir / name)


def _first(register, sql: str) -> int:
    with register.engine.connect() as connection:
        return int(connection.execute(text(sql), {"today": date.today().isoformat()})
                   .scalar_one())


def main(data_dir: Path, out_dir: Path) -> None:
    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_for_shots(data_dir) as register:
        window = MainWindow(register)
        window.showMaximized()
        window.sidebar.setCurrentRow(KIND_ROW["activities"])
        _settle(app, window)
        page = window.register_page("activities")
        panel = page.activity_panel
        assert panel is not None
        # an upcoming Alzheimer café (themed) whose roster still has a free place
        upcoming = _first(register, (
            "SELECT t.id FROM activity t WHERE t.starts_at >= :today AND t.theme <> '' "
            "AND EXISTS (SELECT 1 FROM shift s WHERE s.activity_id = t.id "
            "AND s.volunteer_id IS NULL) ORDER BY t.starts_at LIMIT 1"))
        page.show_record(upcoming)
        _settle(app, window)
        free_row = next(r for r in range(panel.table.rowCount())
                        if panel.table.item(r, 1).text() == "— vrij —")
        panel.table.selectRow(free_row)
        _settle(app, window)
        _grab(out_dir, "06-activiteiten-rooster.png")
        panel.fill_place()
        _settle(app, window)
        _grab(out_dir, "06b-plaats-invullen.png")
        panel.fill_dialog.reject()
        panel.open_new("series")
        _settle(app, window)
        _grab(out_dir, "06c-nieuwe-reeks.png")
        panel.activity_dialog.reject()
        past = _first(register, (
            "SELECT t.id FROM activity t WHERE t.starts_at < :today AND t.theme <> '' "
            "AND NOT t.cancelled ORDER BY t.starts_at DESC LIMIT 1"))
        page.show_record(past)
        _settle(app, window)
        panel.open_attendance()
        _settle(app, window)
        dialog: QWidget = panel.attendance_dialog
        dialog.adjustSize()
        _settle(app, window)
        _grab(out_dir, "06d-bezoekers-en-uren.png")
        dialog.close()
        panel.open_figures()
        _settle(app, window)
        _grab(out_dir, "06e-cijfers-activiteiten.png")
        panel.figures_dialog.close()
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
