"""What the window needs for its first paint, and nothing more."""

import os
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


# The app's own start, --smoke-test, with probes on the window's first paint and on attach.
FIRST_PAINT_PROBE = """
import sys
from vrijwilligers_app.ui.main_window import MainWindow
seen = []
paint, attach = MainWindow.paintEvent, MainWindow.attach
def first_paint(self, event):
    if not seen:
        seen.append(sorted(m for m in sys.modules
                           if m.split('.')[0] in ('sqlalchemy', 'sqlmodel', 'alembic')))
        print('eerste paint, geladen:', seen[0], flush=True)
    paint(self, event)
def attached(self, register):
    attach(self, register)
    print('register gekoppeld', self.stack.currentWidget().objectName(), flush=True)
MainWindow.paintEvent, MainWindow.attach = first_paint, attached
from vrijwilligers_app.cli import main
sys.exit(main(['--data-dir', sys.argv[1], '--smoke-test']))
"""


def test_the_window_is_painted_before_sqlalchemy_is_imported_and_filled_after(
        template_database, tmp_path):
    from tests.helpers.registers import make_encrypted_register_dir

    data_dir = make_encrypted_register_dir(template_database, tmp_path / "data")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # passphrase: tests/conftest
    result = subprocess.run([sys.executable, "-c", FIRST_PAINT_PROBE, str(data_dir)],
                            capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines()
             if line.startswith(("eerste paint", "venster getoond", "register gekoppeld"))]
    assert lines == ["eerste paint, geladen: []", "venster getoond",
                     "register gekoppeld page_overzicht"]
