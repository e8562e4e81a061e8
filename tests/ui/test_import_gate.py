"""Every first-time import on a worker thread runs under ui/warmup's one import lock (two
threads importing SQLModel at once, with PySide6's import hook, once failed at start-up)."""

import subprocess
import sys

# A fresh process: nothing of what the tasks import is loaded yet. The spy is the first finder
# on sys.meta_path, so it sees each module the first time any thread imports it, and notes
# whether that thread held IMPORTS then. The tasks are started by a real TaskRunner and run
# on its read and write pools at once; the probe installs nothing itself.
WORKER_PROBE = """
import builtins, sys, threading
from PySide6.QtCore import QCoreApplication
from vrijwilligers_app.ui import warmup
from vrijwilligers_app.ui.pages import dashboard_page
from vrijwilligers_app.ui.tasks import TaskRunner

def held():
    owned = getattr(warmup.IMPORTS, "_is_owned", None)  # an RLock's; a plain Lock: locked()
    return owned() if owned is not None else warmup.IMPORTS.locked()

seen, main = [], threading.get_ident()
class Spy:
    def find_spec(self, name, path=None, target=None):
        if threading.get_ident() != main:
            seen.append((name, held()))
        return None
sys.meta_path.insert(0, Spy())

app = QCoreApplication([])
start = threading.Barrier(3)  # the three tasks import side by side

def retention():  # the Overzicht's read (no engine: it fails after its import)
    start.wait()
    dashboard_page._due(None, None)

def printing():  # a lazy import of reportlab, as the inzage and the reports do
    start.wait()
    from vrijwilligers_app.services.reports import document  # noqa: F401
    import icalendar  # noqa: F401

def writing():  # the write pool, and a library's own lazy import (importlib)
    start.wait()
    import importlib
    importlib.import_module("openpyxl")
    from PySide6 import QtPrintSupport  # noqa: F401 - a PySide6 module after the gate

runner = TaskRunner()
runner.hold()  # as the window before its first paint: nothing started, no gate yet
for fn in (retention, printing):
    runner.run(fn, on_error=lambda exc: None)
runner.run(writing, write=True)
before = builtins.__import__ is getattr(warmup, "_gated_import", None)
runner.release()
assert runner.wait_idle(120_000)
names = {name for name, _ in seen}
missing = [m for m in ("vrijwilligers_app.services.privacy.retention", "sqlmodel", "reportlab",
                       "icalendar", "openpyxl", "PySide6.QtPrintSupport") if m not in names]
print("held before release:", before)
print("missing:", missing)
print("unlocked:", sorted(name for name, locked in seen if not locked)[:20])
print("gate kept:", builtins.__import__ is getattr(warmup, "_gated_import", None))
"""


def test_every_first_import_in_a_task_runs_under_the_import_lock_in_a_fresh_process():
    result = subprocess.run([sys.executable, "-c", WORKER_PROBE], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "held before release: False",  # the frame's own imports are not gated
        "missing: []",  # the tasks really imported these for the first time
        "unlocked: []",
        "gate kept: True",  # PySide6 did not put its own hook back
    ], result.stderr


# Thread X imports slow_a through importlib's own __import__ (not the gate), so it holds
# CPython's module lock on slow_a without IMPORTS. Y takes IMPORTS for slow_b, which imports
# slow_a: Y waits for X's module lock. X then imports slow_c: if it waited for IMPORTS, the
# two would wait on each other for ever. Events only; the join's limit only catches a hang.
BYPASS_PROBE = """
import importlib, pathlib, sys, tempfile, threading, types
from vrijwilligers_app.ui import warmup

sync = types.ModuleType("probe_sync")
sync.a_started, sync.b_holds = threading.Event(), threading.Event()
sys.modules["probe_sync"] = sync
folder = pathlib.Path(tempfile.mkdtemp())
(folder / "slow_a.py").write_text(
    "import probe_sync\\nprobe_sync.a_started.set()\\nprobe_sync.b_holds.wait()\\n"
    "import slow_c\\n")
(folder / "slow_b.py").write_text(
    "import probe_sync\\nprobe_sync.b_holds.set()\\nimport slow_a\\n")
(folder / "slow_c.py").write_text("VALUE = 3\\n")
sys.path.insert(0, str(folder))
warmup.install_import_gate()

def x():
    importlib.__import__("slow_a")

def y():
    sync.a_started.wait()
    import slow_b  # noqa: F401

threads = [threading.Thread(target=x, daemon=True), threading.Thread(target=y, daemon=True)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(120)
print("hung" if any(t.is_alive() for t in threads) else sys.modules["slow_c"].VALUE)
"""


def test_an_import_inside_an_ungated_import_goes_on_when_the_lock_is_busy():
    result = subprocess.run([sys.executable, "-c", BYPASS_PROBE], capture_output=True,
                            text=True, timeout=300)
    assert result.stdout.strip() == "3", result.stderr


# Any other lock can close a cycle: T holds a lock (a log handler's, say) and imports; W holds
# IMPORTS and waits for T's lock. T waits for IMPORTS at most GATE_WAIT_SECONDS (1 s here),
# then imports without it, so both go on. Events order the steps; join's limit catches a hang.
CYCLE_PROBE = """
import pathlib, sys, tempfile, threading
from vrijwilligers_app.ui import warmup

folder = pathlib.Path(tempfile.mkdtemp())
(folder / "late_module.py").write_text("VALUE = 4\\n")
sys.path.insert(0, str(folder))
warmup.install_import_gate()
warmup.GATE_WAIT_SECONDS = 1.0
other, t_holds, w_holds = threading.Lock(), threading.Event(), threading.Event()

def t():
    with other:
        t_holds.set()
        w_holds.wait()
        import late_module  # noqa: F401

def w():
    t_holds.wait()
    with warmup.IMPORTS:
        w_holds.set()
        with other:
            pass

threads = [threading.Thread(target=t, daemon=True), threading.Thread(target=w, daemon=True)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(120)
print("hung" if any(t.is_alive() for t in threads) else sys.modules["late_module"].VALUE)
"""


def test_an_import_that_waits_on_a_cycle_of_locks_goes_on_without_the_import_lock():
    result = subprocess.run([sys.executable, "-c", CYCLE_PROBE], capture_output=True,
                            text=True, timeout=300)
    assert result.stdout.strip() == "4", result.stderr


GATE_PROBE = """
import sys, threading
from vrijwilligers_app.ui import warmup
warmup.install_import_gate()
warmup.install_import_gate()  # once: a second call changes nothing
import builtins, importlib
out = [builtins.__import__ is warmup._gated_import,
       importlib.import_module is warmup._gated_import_module]
with warmup.IMPORTS:  # reentrant: an import inside an import
    import json
    out.append(importlib.import_module("json") is json)
out.append(warmup.IMPORTS._is_owned())
from os import path  # loaded: straight through
out.append(callable(path.join))
try:
    from os import no_such_name  # noqa: F401
except ImportError:
    out.append("ImportError")
print(out)
"""


def test_the_gate_keeps_imports_working():
    result = subprocess.run([sys.executable, "-c", GATE_PROBE], capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.strip() == "[True, True, True, False, True, 'ImportError']", \
        result.stderr


# The app's own start (--smoke-test): the register is opened on a thread of its own, beside
# the painted frame; that thread and everything after it import through the gate.
START_PROBE = """
import sys
from vrijwilligers_app.ui import startup, warmup
opened = startup.WindowStart._open
def open_(self):
    print("opener gated:", warmup.import_gate_installed(), flush=True)
    opened(self)
startup.WindowStart._open = open_
from vrijwilligers_app.cli import main
code = main(['--data-dir', sys.argv[1], '--smoke-test'])
print("gate kept:", warmup.import_gate_installed(), flush=True)
sys.exit(code)
"""


def test_the_register_opener_thread_imports_through_the_gate(template_database, tmp_path):
    from tests.helpers.registers import make_encrypted_register_dir

    data_dir = make_encrypted_register_dir(template_database, tmp_path / "data")
    result = subprocess.run([sys.executable, "-c", START_PROBE, str(data_dir)],  # conftest's key
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if "gate" in line]
    assert lines == ["opener gated: True", "gate kept: True"], result.stderr


# A tool's own wrapper around PySide6's import hook (the start-up bench's probe has one) stays
# in the chain under the gate: leaving it out made that bench wait for ever.
WRAPPER_PROBE = """
import builtins, sys, threading
import PySide6.QtCore  # noqa: F401 - puts PySide6's hook in builtins.__import__
from vrijwilligers_app.ui import warmup

real, seen = builtins.__import__, []
def tool(name, *args, **kwargs):
    seen.append((name, warmup.IMPORTS._is_owned()))
    return real(name, *args, **kwargs)
builtins.__import__ = tool
warmup.install_import_gate()

def task():
    import colorsys  # noqa: F401 - first time, on a worker
thread = threading.Thread(target=task)
thread.start()
thread.join()
print(("colorsys", True) in seen, warmup.import_gate_installed())
"""


def test_a_wrapper_around_pyside6s_hook_is_kept_under_the_gate():
    result = subprocess.run([sys.executable, "-c", WRAPPER_PROBE], capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.strip() == "True True", result.stderr


# The TaskRunner installs the gate before every task it starts, on the GUI thread: once the
# gate is in, that call must not wait for IMPORTS, which a worker holds through a long import.
REINSTALL_PROBE = """
import threading
from vrijwilligers_app.ui import warmup
warmup.install_import_gate()
held, done = threading.Event(), threading.Event()

def worker():  # as a long first-time import on a read thread
    with warmup.IMPORTS:
        held.set()
        done.wait(120)

threading.Thread(target=worker, daemon=True).start()
held.wait()
gui = threading.Thread(target=warmup.install_import_gate, daemon=True)
gui.start()
gui.join(30)  # only reached on a blocked call
print("blocked" if gui.is_alive() else "free")
done.set()
"""


def test_installing_the_gate_again_never_waits_for_an_import():
    result = subprocess.run([sys.executable, "-c", REINSTALL_PROBE], capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.strip() == "free", result.stderr
