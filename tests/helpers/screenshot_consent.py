"""Screenshots of the consent ledger: the Toestemming tab of a resident with several
consents (one withdrawn), and the new-referral form explaining a missing consent.

    xvfb-run -a -s "-screen 0 1366x768x24" python -m tests.helpers.screenshot_consent DATA_DIR OUT
"""

import sys
from pathlib import Path

from sqlalchemy import text

from tests.helpers.screenshot import _settle, grab, open_for_shots
from vrijwilligers_app.ui.app import create_application
from vrijwilligers_app.ui.main_window import KIND_ROW, MainWindow

RESIDENT = """SELECT c.resident_id FROM consent c GROUP BY c.resident_id
              HAVING count(*) >= 4 AND sum(c.withdrawn_on IS NOT NULL) >= 1
              ORDER BY c.resident_id LIMIT 1"""


def main(data_dir: Path, out_dir: Path) -> None:
    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_for_shots(data_dir) as register:
        with register.engine.connect() as connection:
            resident_id = connection.execute(text(RESIDENT)).scalar()
        window = MainWindow(register)
        window.showMaximized()
        window.sidebar.setCurrentRow(KIND_ROW["residents"])
        _settle(app, window)
        page = window.register_page("residents")
        page.show_record(int(resident_id))
        page.tabs.setCurrentWidget(page.consent_panel)
        _settle(app, window)
        grab(out_dir / "03b-inwoner-toestemming.png")
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
