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


# The key given (as the start-up benchmark does), so nothing of the unlock is on the path.
EARLY_PROBE = """
import os, sys
from vrijwilligers_app.ui import unlock_flow, window_pages
from vrijwilligers_app.ui.main_window import MainWindow
key = bytes.fromhex(os.environ['PROBE_KEY'])
unlock_flow.acquire_key = lambda data_dir: (key, False)
HEAVY = ('sqlalchemy', 'sqlmodel', 'alembic', 'nacl', 'keyring', 'platformdirs',
         'logging.handlers', 'concurrent.futures', 'vrijwilligers_app.ui.input_guard')
# Not for the frame either, but needed soon after it: modules, and PySide6 types (PySide6
# makes a type with all its enums when it is first looked up).
LATER = ('dataclasses', 'datetime', 'unicodedata', 'vrijwilligers_app.ui.help.catalogue')
LATER_TYPES = (('QtWidgets', 'QMessageBox'), ('QtWidgets', 'QDialog'), ('QtCore', 'QEventLoop'),
               ('QtGui', 'QFont'))
def heavy():
    return sorted(m for m in sys.modules if m in HEAVY or m.split('.')[0] in HEAVY)
def later():
    import PySide6
    made = [f'{module}.{name}' for module, name in LATER_TYPES
            if name in vars(getattr(PySide6, module))]
    return sorted(m for m in sys.modules if m in LATER) + made
paint, attach, early = MainWindow.paintEvent, MainWindow.attach, window_pages.show_early_counts
def first_paint(self, event):
    if not getattr(self, 'probed', False):
        self.probed = True
        print('eerste paint, geladen:', heavy(), 'later:', later(), flush=True)
    paint(self, event)
def early_counts(window, counts):
    early(window, counts)
    page = window.stack.currentWidget()
    print('overzicht getoond', page.objectName(), 'gekoppeld' if window.attached else 'los',
          page.numbers['residents'].text(), 'geladen:', heavy(), flush=True)
def attached(self, register):
    attach(self, register)
    print('register gekoppeld', self.stack.currentWidget().objectName(), flush=True)
MainWindow.paintEvent, MainWindow.attach = first_paint, attached
window_pages.show_early_counts = early_counts
from vrijwilligers_app.cli import main
sys.exit(main(['--data-dir', sys.argv[1], '--smoke-test']))
"""


def test_the_dashboard_counts_show_before_sqlalchemy_and_the_frame_needs_no_key_code(
        demo_klein_database, tmp_path):
    """First paint: none of the database layer, PyNaCl, keyring, platformdirs, the file log's
    handlers or the input guard, nor what only comes after it (dataclasses, datetime, the help
    catalogue, the message box and dialog types). Then the Overzicht shows the register's
    counts, read without SQLAlchemy, before the register is attached."""
    from tests.helpers.registers import TEST_PASSPHRASE, make_encrypted_register_dir
    from vrijwilligers_app.domain.dutch_format import thousands
    from vrijwilligers_app.services.overview import register_counts
    from vrijwilligers_app.store import keys
    from vrijwilligers_app.store.register import open_register

    data_dir = make_encrypted_register_dir(demo_klein_database, tmp_path / "data")
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register:
        residents = register_counts(register.engine).residents
    assert residents > 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PROBE_KEY": key.hex()}
    env.pop("VRIJWILLIGERS_WACHTWOORD", None)
    result = subprocess.run([sys.executable, "-c", EARLY_PROBE, str(data_dir)],
                            capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines()
             if line.startswith(("eerste paint", "venster getoond", "overzicht getoond",
                                 "register gekoppeld"))]
    assert lines == ["eerste paint, geladen: [] later: []", "venster getoond",
                     f"overzicht getoond page_overzicht los {thousands(residents)} geladen: []",
                     "register gekoppeld page_overzicht"]
