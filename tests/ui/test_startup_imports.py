"""What the window needs for its first paint, and nothing more."""

import subprocess
import sys


def test_the_main_window_module_leaves_page_code_until_a_page_is_opened():
    probe = ("import sys, vrijwilligers_app.ui.main_window; "
             "print(sorted(m for m in sys.modules if m.startswith(("
             "'icalendar', 'reportlab', 'alembic', 'vrijwilligers_app.ui.pages.maatjes', "
             "'vrijwilligers_app.ui.pages.register_page', 'vrijwilligers_app.ui.pages.activity', "
             "'vrijwilligers_app.services.maatjes', 'vrijwilligers_app.services.activities'))))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip() == "[]"
