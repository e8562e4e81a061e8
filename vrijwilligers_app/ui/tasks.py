"""Background work: nothing slow runs on the GUI thread.

`TaskRunner.run(fn, ...)` runs `fn` on a read pool (or the one-thread write pool, so writes
never race) and delivers its result, error or progress on the GUI thread through signals of
this main-thread object. A function that returns a generator reports progress by yielding
(done, total, label) and may be cancelled between yields. Tests use `synchronous=True`.
Never touch a widget from `fn`: pass ids and plain data. Imports in `fn` (its own, a service's,
a library's) need no care: the runner installs ui/warmup's import gate before it starts its first
thread, so each first-time import runs under the one import lock and never beside another.
"""

import itertools
import logging
import threading
import time
from collections.abc import Callable
from types import GeneratorType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from vrijwilligers_app.logsetup import log_exception
from vrijwilligers_app.ui.warmup import install_import_gate

log = logging.getLogger(__name__)
LONG_TASK_SECONDS = 0.5  # tasks at least this long get a line with their duration in the log


class _Task:
    # A plain class, not a dataclass: the runner is made before the window's first paint and
    # `dataclasses` (with `copy`) would be imported for this alone.
    __slots__ = ("on_done", "on_error", "on_progress", "write", "cancelled")

    def __init__(self, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None,
                 on_progress: Callable[[int, int, str], None] | None,
                 write: bool = False) -> None:
        self.on_done, self.on_error, self.on_progress = on_done, on_error, on_progress
        self.write = write
        self.cancelled = threading.Event()


class TaskRunner(QObject):
    # Only plain ints and strings cross threads in a signal; results and errors wait in
    # `_outcomes` under a lock. (Python objects in queued cross-thread signals have crashed
    # PySide6 with refcount errors under load.)
    finished = Signal(int)
    failed = Signal(int)
    progressed = Signal(int, int, int, str)

    def __init__(self, parent: QObject | None = None, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._tasks: dict[int, _Task] = {}
        self._outcomes: dict[int, object] = {}
        self._outcomes_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._held: list[tuple[bool, Callable[[], None]]] | None = None  # (write, start)
        self._reading: set[int] = set()  # threads running a read task now
        self._reading_lock = threading.Lock()
        self._read_pool = QThreadPool(self)
        self._read_pool.setMaxThreadCount(2)
        self._write_pool = QThreadPool(self)
        self._write_pool.setMaxThreadCount(1)
        self.finished.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    def run(self, fn: Callable[..., Any], *args: Any, write: bool = False,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[int, int, str], None] | None = None) -> int:
        task_id = next(self._ids)
        task = _Task(on_done, on_error, on_progress, write)
        self._tasks[task_id] = task
        if self.synchronous:
            self._execute(task_id, task, fn, args)
        else:
            pool = self._write_pool if write else self._read_pool
            def start() -> None:
                install_import_gate()  # before the first thread: see ui/warmup.py
                pool.start(lambda: self._execute(task_id, task, fn, args))

            if self._held is not None:
                self._held.append((write, start))
            else:
                start()
        return task_id

    def hold(self) -> None:
        """Queue new tasks instead of starting them, until release(): the window's first
        paint must not share the GIL with the dashboard's first queries and imports."""
        if not self.synchronous and self._held is None:
            self._held = []

    def release(self, reads: bool = True) -> None:
        """Start the held tasks; `reads=False` (closing) drops the held reads unstarted."""
        held, self._held = self._held, None
        for write, start in held or ():
            if write or reads:
                start()

    def cancel(self, task_id: int) -> None:
        task = self._tasks.get(task_id)
        if task is not None:
            task.cancelled.set()

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """True once no task runs, waits in a pool or is held; False after `msecs`. Held tasks
        (the window holds its first reads until its first paint) count: while there are any,
        the calling (GUI) thread's events are processed so that the paint, or the release of
        a window that is not shown, can come. Results are delivered by the event loop, as
        always; this only waits for the work."""
        from PySide6.QtCore import QEventLoop  # its enum is made at first use: not at start-up

        deadline = time.monotonic() + msecs / 1000
        while self._held:
            if time.monotonic() >= deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        left = max(0, int((deadline - time.monotonic()) * 1000))
        return self._read_pool.waitForDone(left) and self._write_pool.waitForDone(left)

    def shutdown(self, interrupt_reads: Callable[[set[int]], object] | None = None,
                 msecs: int = 30_000) -> bool:
        """The window closes: no answer is wanted any more. Queued reads are dropped, running
        reads are cancelled and, through `interrupt_reads(thread ids)`, stopped in the
        database; writes always run to their end. True when everything stopped in time."""
        self.release(reads=False)  # held writes still run; held reads never start
        for task in self._tasks.values():
            if not task.write:
                task.cancelled.set()
        self._read_pool.clear()  # queued, not started: never run
        writes_done = self._write_pool.waitForDone(msecs)
        waited = 0
        while not self._read_pool.waitForDone(20):
            waited += 20
            if waited >= msecs:
                return False
            if interrupt_reads is not None:
                with self._reading_lock:
                    running = set(self._reading)
                interrupt_reads(running)  # again: a read may start its next statement
        return writes_done

    def _execute(self, task_id: int, task: _Task, fn: Callable[..., Any],
                 args: tuple[Any, ...]) -> None:
        name = getattr(fn, "__qualname__", type(fn).__name__)  # code, never data
        started = time.perf_counter()
        if not task.write:
            with self._reading_lock:
                self._reading.add(threading.get_ident())
        try:
            result = fn(*args)
            if isinstance(result, GeneratorType):  # = inspect.isgenerator
                result = self._drain(task_id, task, result)
        except BaseException as exc:  # noqa: BLE001 - every failure goes to the GUI
            log.warning("taak %s mislukt na %.2f s: %s", name, time.perf_counter() - started,
                        type(exc).__name__)
            with self._outcomes_lock:
                self._outcomes[task_id] = exc
            self.failed.emit(task_id)
        else:
            seconds = time.perf_counter() - started
            if seconds >= LONG_TASK_SECONDS:
                log.info("taak %s: %.2f s", name, seconds)
            with self._outcomes_lock:
                self._outcomes[task_id] = result
            self.finished.emit(task_id)
        finally:
            if not task.write:
                with self._reading_lock:
                    self._reading.discard(threading.get_ident())

    def _drain(self, task_id: int, task: _Task, generator: Any) -> Any:
        try:
            while True:
                if task.cancelled.is_set():
                    generator.close()
                    return None
                done, total, label = next(generator)
                self.progressed.emit(task_id, done, total, label)
        except StopIteration as stop:
            return stop.value

    def _take(self, task_id: int) -> object:
        with self._outcomes_lock:
            return self._outcomes.pop(task_id, None)

    def _deliver_result(self, task_id: int) -> None:
        result = self._take(task_id)
        task = self._tasks.pop(task_id, None)
        if task and task.on_done and not task.cancelled.is_set():
            task.on_done(result)

    def _deliver_error(self, task_id: int) -> None:
        exc = self._take(task_id)
        task = self._tasks.pop(task_id, None)
        if task and task.cancelled.is_set():
            return  # nobody waits for it (e.g. a read interrupted because the window closed)
        if task and task.on_error:
            task.on_error(exc)  # type: ignore[arg-type]
        elif not isinstance(exc, Exception):
            raise exc  # type: ignore[misc]
        else:
            log_exception("Achtergrondtaak mislukt", exc)
            raise exc

    def _deliver_progress(self, task_id: int, done: int, total: int, label: str) -> None:
        task = self._tasks.get(task_id)
        if task and task.on_progress:
            task.on_progress(done, total, label)
