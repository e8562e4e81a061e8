"""One lock for every first-time import once threads run, and the register pages' warm-up.

Two threads must never import at once. CPython's per-module locks let two threads import
different modules side by side, and when their chains need each other's modules one of them
gets a partly initialised module: an ImportError. PySide6's import hook made this likely: it
reads each newly imported module's source (`inspect.getsource`, which walks `sys.modules` and
touches modules that import more on first use, such as pydantic's module `__getattr__`), and
while it does it swaps `builtins.__import__` for the whole process, so another thread's import
skips any wrapper. Two read tasks importing SQLModel at once failed once at start-up
("Onverwachte fout").

So `install_import_gate` puts `_gated_import` in `builtins.__import__` (and wraps
`importlib.import_module`): from then on each import of a module that is not loaded yet runs
while its thread holds `IMPORTS`, wherever it happens (a task's own lazy import, a service's, a
library's) and on every thread (the read and write pools, the register opener, the daily
backup, the GUI thread). Imports of loaded modules pass straight through, so a task's real
work never waits on the lock. The TaskRunner and the window's start install it before they
start their first thread (after the first paint: the frame's imports pay nothing); before that
no second thread can import. The gate calls PySide6's own plain import (`__orig_import__`), so
PySide6's hook is left out from then on: it only serves `from __feature__ import …`, which this
app never uses, and reading every new module's source cost a sixth of the warm-up's CPU time.
(A wrapper another tool put around PySide6's hook, such as a benchmark's probe, is kept; then
the hook still runs, and `__orig_import__`, which it calls and swaps in, is gated as well.)

`IMPORTS` is reentrant: an import imports more. A thread already inside an import that did not
come through the gate (C code or `importlib._bootstrap` called directly) may hold CPython's
module locks; when `IMPORTS` is busy it goes on without it, as before the gate, rather than
wait on a thread that may be waiting for those module locks (a hang). Any lock held around a
first-time import can make such a cycle (a log handler's, if an import logs on another
thread), so no thread waits longer than `GATE_WAIT_SECONDS`: far longer than the longest
import, it then imports without the lock, as before the gate, instead of hanging.

The warm-up: the first visit of a register page (Inwoners, Vrijwilligers, …) imports the
editing services, the SQLModel tables and the consent ledger: more than a second on an older
laptop, spent after the click. The window queues `import_page_modules` as a background read
right after it opened the register, so by the time the user clicks the page only has to be
built. It takes `IMPORTS` per module, so a click waits at most for the module being imported.
The pages import reportlab and icalendar only when they print or export, so those come last.
"""

import builtins
import importlib
import inspect  # loaded with PySide6 already: no cost before the first paint
import logging
import sys
import threading
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)
IMPORTS = threading.RLock()
# The pages first (a click waits at most for the module being imported), then what printing
# and the roster export need (reportlab, icalendar), which the pages import only when used.
PAGE_MODULES = (
    "vrijwilligers_app.store.tables",
    "vrijwilligers_app.services.editing",
    "vrijwilligers_app.services.consents",
    "vrijwilligers_app.ui.pages.register_page",
    "vrijwilligers_app.ui.pages.maatjes_page",
    "phonenumbers",  # checks a typed phone number; showing stored Dutch ones does without it
    "vrijwilligers_app.services.reports.document",
    "vrijwilligers_app.services.activities.ics_export",
)
GATE_WAIT_SECONDS = 10.0  # a cycle we did not foresee stalls this long, never for ever
_BOOTSTRAP = "<frozen importlib._bootstrap"  # CPython's import machinery (its module locks)
_plain: dict[str, Any] = {}  # the functions the gate wraps, once installed


def install_import_gate() -> None:
    """From now on every first-time import runs under `IMPORTS` (see the module doc). Call it
    before starting a thread that may import; once per process, later calls do nothing.
    Those later calls (the TaskRunner makes one per task, on the GUI thread) return without
    taking `IMPORTS`: a worker's long first import would otherwise hold up the GUI."""
    if _plain:
        return
    with IMPORTS:
        if _plain:
            return
        current = builtins.__import__
        orig = getattr(builtins, "__orig_import__", None)  # PySide6's: the import it replaced
        feature = getattr(builtins, "__feature_import__", None)  # PySide6's hook
        # PySide6's hook is left out; a wrapper someone put around it (a tool) is kept.
        _plain["import"] = orig if orig is not None and current is feature else current
        _plain["orig"], _plain["import_module"] = orig, importlib.import_module
        setattr(builtins, "__import__", _gated_import)  # noqa: B010 - for mypy
        if orig is not None:  # what PySide6's hook calls, and swaps in while it inspects
            setattr(builtins, "__orig_import__", _gated_orig_import)  # noqa: B010
        setattr(importlib, "import_module", _gated_import_module)  # noqa: B010


def import_gate_installed() -> bool:
    return builtins.__import__ in (_gated_import, _gated_orig_import)


def _gated_import(name: str, *args: Any, **kwargs: Any) -> ModuleType:
    return _gated(_plain["import"], name, args, kwargs)


def _gated_orig_import(name: str, *args: Any, **kwargs: Any) -> ModuleType:
    return _gated(_plain["orig"], name, args, kwargs)


def _gated(plain: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> ModuleType:
    fromlist = args[2] if len(args) > 2 else kwargs.get("fromlist")
    level = args[3] if len(args) > 3 else kwargs.get("level", 0)
    if level == 0 and _loaded(name, fromlist):
        return plain(name, *args, **kwargs)  # type: ignore[no-any-return]
    held = _take()
    try:
        return plain(name, *args, **kwargs)  # type: ignore[no-any-return]
    finally:
        if held:
            IMPORTS.release()


def _gated_import_module(name: str, package: str | None = None) -> ModuleType:
    if not name.startswith(".") and _loaded(name, None):
        return _plain["import_module"](name, package)  # type: ignore[no-any-return]
    held = _take()
    try:
        return _plain["import_module"](name, package)  # type: ignore[no-any-return]
    finally:
        if held:
            IMPORTS.release()


def _loaded(name: str, fromlist: Any) -> bool:
    """`name` (and each name of `fromlist`) is loaded and not being imported: nothing to lock."""
    module = sys.modules.get(name)
    if module is None or getattr(getattr(module, "__spec__", None), "_initializing", False):
        return False
    if fromlist:
        # Its __dict__, not getattr: a module `__getattr__` may import (pydantic's).
        names = getattr(module, "__dict__", None)
        return names is not None and all(item in names for item in fromlist)  # "*": locked
    return True


def _take() -> bool:
    """Takes `IMPORTS` for this thread's import; False if it must go on without it."""
    if IMPORTS.acquire(blocking=False):
        return True  # free, or this thread's own (an import inside an import)
    frame = inspect.currentframe()  # the gate's own frames are not the machinery's
    while frame is not None:
        if frame.f_code.co_filename.startswith(_BOOTSTRAP):
            return False  # inside an ungated import: waiting could wait on our module locks
        frame = frame.f_back
    return IMPORTS.acquire(timeout=GATE_WAIT_SECONDS)


def import_page_modules(modules: tuple[str, ...] = PAGE_MODULES) -> list[str]:
    """Imports `modules`; returns the names that failed (the window imports those itself
    when the page is opened, and shows the error then)."""
    failed = []
    for name in modules:
        try:
            with IMPORTS:  # one module (and what it imports) at a time; a click may come between
                importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the page import reports it properly later
            log.warning("Vooraf laden van %s mislukt", name, exc_info=True)  # not under IMPORTS
            failed.append(name)
    return failed
