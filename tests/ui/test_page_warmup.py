"""The register pages' modules are imported in the background once the register is open, so
the first click on a register page does not wait a second for imports."""

import subprocess
import sys
import threading

from vrijwilligers_app.ui import main_window

FRESH_PROCESS_PROBE = """
import sys
from vrijwilligers_app.ui.warmup import PAGE_MODULES, import_page_modules
before = [m for m in PAGE_MODULES if m in sys.modules]
failed = import_page_modules()
after = [m for m in PAGE_MODULES if m not in sys.modules]
print(before, failed, after)
"""


def test_every_listed_module_imports_in_a_fresh_process():
    result = subprocess.run([sys.executable, "-c", FRESH_PROCESS_PROBE], capture_output=True,
                            text=True, timeout=180, check=True)
    # none loaded beforehand (so the warm-up does real work), none failed, all loaded after
    assert result.stdout.strip() == "[] [] []", result.stderr


def test_the_window_imports_the_page_modules_on_a_worker_after_opening(
        qtbot, register, monkeypatch):
    threads: list[str] = []

    def recorded(modules=main_window.import_page_modules.__defaults__[0]):
        threads.append(threading.current_thread().name)
        return []

    monkeypatch.setattr(main_window, "import_page_modules", recorded)
    window = main_window.MainWindow(register)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(threads), timeout=30_000)
    assert threads != [threading.main_thread().name]
    assert len(threads) == 1
    assert window.runner.wait_idle()
    window.close()


def test_the_register_pages_leave_reportlab_and_icalendar_until_they_print():
    """A click on a register page right after the start waits for the page's imports: the
    PDF and calendar libraries come only when a PDF or a roster is made."""
    probe = ("import sys, vrijwilligers_app.ui.pages.register_page, "
             "vrijwilligers_app.ui.pages.maatjes_page; "
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'icalendar'}))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=180, check=True)
    assert result.stdout.strip() == "[]", result.stderr


DASHBOARD_IMPORT_PROBE = """
import sys
from vrijwilligers_app.ui.pages import dashboard_page
RETENTION = "vrijwilligers_app.services.privacy.retention"
seen = []
class Spy:  # stands in for the IMPORTS lock: notes whether the module was loaded on entry/exit
    def __enter__(self):
        seen.append(("in", RETENTION in sys.modules))
    def __exit__(self, *exc):
        seen.append(("out", RETENTION in sys.modules))
dashboard_page.IMPORTS = Spy()
try:
    dashboard_page._due(None, None)  # no engine: fails after the import, which is all we need
except Exception:
    pass
print(seen)
"""


def test_the_overzicht_imports_its_services_under_the_warm_up_lock_in_a_fresh_process():
    """The Overzicht's retention read runs on one of the two read threads beside the warm-up;
    its first import of SQLModel must not run beside another thread's (both take IMPORTS)."""
    result = subprocess.run([sys.executable, "-c", DASHBOARD_IMPORT_PROBE], capture_output=True,
                            text=True, timeout=180, check=True)
    assert result.stdout.strip() == "[('in', False), ('out', True)]", result.stderr
