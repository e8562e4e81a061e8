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



# The Overzicht's retention read importing its services under the import lock, in a fresh
# process, is now one of the tasks of tests/ui/test_import_gate.py (through a real TaskRunner,
# with every other first-time import of those tasks).
