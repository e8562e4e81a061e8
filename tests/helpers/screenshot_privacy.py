"""Screenshots of the privacy screens: the retention list on the dashboard and the vergeten
confirmation of a resident with an open referral.

    xvfb-run -a -s "-screen 0 1366x768x24" python -m tests.helpers.screenshot_privacy DATA OUT
"""

import sys
from pathlib import Path

from tests.helpers.screenshot import _first_id, _settle, grab, open_for_shots
from vrijwilligers_app.ui.app import create_application
from vrijwilligers_app.ui.dialogs.forget_dialog import ForgetDialog
from vrijwilligers_app.ui.dialogs.retention_dialog import RetentionDialog
from vrijwilligers_app.ui.main_window import KIND_ROW, MainWindow


def main(data_dir: Path, out_dir: Path) -> None:
    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_for_shots(data_dir) as register:
        window = MainWindow(register)
        window.showMaximized()
        window.sidebar.setCurrentRow(0)
        _settle(app, window)
        grab(out_dir / "40-overzicht-bewaartermijn.png")
        dashboard = window.page_at(0)
        dashboard.open_retention()  # type: ignore[attr-defined]
        _settle(app, window)
        grab(out_dir / "41-bewaartermijn-lijst.png")
        dashboard.findChild(RetentionDialog).close()
        rid = _first_id(window, "SELECT resident_id FROM referral WHERE resident_id IS NOT "
                                "NULL AND status = 'aangemeld' ORDER BY id LIMIT 1")
        window.sidebar.setCurrentRow(KIND_ROW["residents"])
        page = window.register_page("residents")
        page.show_record(rid or 1)
        _settle(app, window)
        assert page.editor is not None and page.editor.rights is not None
        page.editor.rights.forget()
        _settle(app, window)
        grab(out_dir / "42-vergeten-bevestiging.png")
        page.editor.findChild(ForgetDialog).close()
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
