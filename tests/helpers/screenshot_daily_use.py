"""Screenshots for issue 16 (daily use) at text size 100 % and 200 % on a real X server:

    xvfb-run -a -s "-screen 0 1366x768x24" python -m tests.helpers.screenshot_daily_use \
        DATA_DIR OUT_DIR

A volunteer with two initiatives, an initiative's volunteers, the dashboard (VOG due), the
activities page with its actions, and the export and add-role dialogs.
"""

import sys
from pathlib import Path

from sqlalchemy import text

from tests.helpers.screenshot import _settle, grab, open_for_shots
from vrijwilligers_app.ui.app import create_application
from vrijwilligers_app.ui.main_window import KIND_ROW, MainWindow

TWO_INITIATIVES = """
SELECT volunteer_id FROM volunteer_role WHERE end_date IS NULL GROUP BY volunteer_id
HAVING count(DISTINCT initiative_id) >= 2 ORDER BY count(*) DESC, volunteer_id LIMIT 1"""
BUSY_INITIATIVE = """
SELECT initiative_id FROM volunteer_role GROUP BY initiative_id
HAVING count(DISTINCT exit_reason_code) >= 1 ORDER BY count(*) DESC LIMIT 1"""


def main(data_dir: Path, out_dir: Path) -> None:
    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_for_shots(data_dir) as register:
        window = MainWindow(register)
        window.showMaximized()

        def shot(name: str) -> None:
            _settle(app, window)
            grab(out_dir / f"{name}.png")

        with register.engine.connect() as connection:
            volunteer = connection.execute(text(TWO_INITIATIVES)).scalar()
            initiative = connection.execute(text(BUSY_INITIATIVE)).scalar()
        for scale in (100, 200):
            window._apply_font_scale(scale)
            window.sidebar.setCurrentRow(0)
            _settle(app, window)
            items = window.page_at(0).items  # type: ignore[attr-defined]
            due = [items.item(i) for i in range(items.count())
                   if "VOG aanvragen" in items.item(i).text() and " is op " in items.item(i).text()]
            if due:  # a VOG that will pass its maximum age soon, in sight and selected
                items.setCurrentItem(due[0])
                items.scrollToItem(due[0])
            shot(f"16-overzicht-{scale}")
            window.open_record("volunteers", volunteer)
            page = window.register_page("volunteers")
            assert page.editor is not None and page.editor.roles is not None
            page.editor.tabs.setCurrentWidget(page.editor.roles)
            shot(f"16-vrijwilliger-twee-initiatieven-{scale}")
            page.editor.roles.table.selectRow(0)
            page.editor.roles.add()
            shot(f"16-rol-toevoegen-{scale}")
            page.editor.roles.dialog.reject()
            window.open_record("initiatives", initiative)
            page = window.register_page("initiatives")
            assert page.editor is not None and page.editor.roles is not None
            page.editor.tabs.setCurrentWidget(page.editor.roles)
            shot(f"16-initiatief-vrijwilligers-{scale}")
            window.sidebar.setCurrentRow(KIND_ROW["activities"])
            activities = window.register_page("activities")
            activities.select_id(activities.model.id_at(0) or 0)
            shot(f"16-activiteiten-{scale}")
            window.sidebar.setCurrentRow(KIND_ROW["residents"])
            shot(f"16-inwoners-filters-{scale}")
            window.open_exchange()
            shot(f"16-export-{scale}")
            for dialog in app.topLevelWidgets():
                if type(dialog).__name__ == "ExchangeDialog":
                    dialog.close()
        window._apply_font_scale(100)
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
