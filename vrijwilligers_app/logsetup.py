"""The support log: a rotating file in the data dir (logs/vrijwilligers-app.log) for the window
and every CLI command: start, stop, version, errors with their traceback, long operations with
their duration.

Never personal data: messages here are fixed texts with counts, durations and kinds; an
error's traceback keeps its frames (file, line, code) and the exception's type, but drops the
exception's message unless it is an OSError (a path and a system reason), because messages of
database and validation errors may carry names, phone numbers or free text.
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # logging.handlers (socket, queue, selectors) loads when a rollover is due
    from logging.handlers import RotatingFileHandler

from vrijwilligers_app import __version__

LOG_NAME = "vrijwilligers-app.log"
MAX_BYTES = 1_000_000
NEAR_FULL_MARGIN = 64_000  # this close to MAX_BYTES the rollover's module is imported ahead
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("vrijwilligers_app")
_handler: FileLog | None = None
_previous_level = logging.WARNING


class _Deferred(logging.Handler):
    """Stands in for the file log of a window start until its first paint: keeps the lines
    logged meanwhile, then hands them and everything after them to the file's handler."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(logging.INFO)
        self.data_dir = data_dir
        self.opened = False
        self.target: logging.Handler | None = None
        self.kept: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:  # called under self.lock
        if not self.opened:
            self.kept.append(record)
        elif self.target is not None:
            self.target.handle(record)

    def open(self) -> None:
        # Imported before this handler's lock is taken (see FileLog.handle).
        import vrijwilligers_app.store.location  # noqa: F401

        self.acquire()
        try:
            if self.opened:
                return
            self.target = _open_file_handler(self.data_dir)
            self.opened = True
            kept, self.kept = self.kept, []
            if self.target is not None:
                for record in kept:
                    self.target.handle(record)
        finally:
            self.release()


_deferred: _Deferred | None = None


class FileLog(logging.FileHandler):
    """The log file, rotated by logging.handlers.RotatingFileHandler (MAX_BYTES, BACKUP_COUNT
    files kept). That module imports socket, selectors and queue: about 5 ms of every
    command's start, for a rollover that is due once in many runs. So lines go to the file
    plainly until one would reach MAX_BYTES (RotatingFileHandler's own size test); from then
    on a RotatingFileHandler on the same file takes every line and decides and rotates as
    always."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=False)
        self.rotating: RotatingFileHandler | None = None
        self.near_full = _near_full(Path(self.baseFilename).stat().st_size)

    def handle(self, record: logging.LogRecord) -> bool:
        if self.near_full and self.rotating is None:
            # logging.handlers is imported here, before this handler's lock is taken, not in
            # _hand_over under it: a first-time import may wait for ui/warmup.IMPORTS, which a
            # thread importing a module that logs may hold while it waits for this lock.
            import logging.handlers  # noqa: F401
        return super().handle(record)

    def _may_roll_over(self, record: logging.LogRecord) -> bool:
        if self.stream is None:  # closed before: reopened, as RotatingFileHandler does
            self.stream = self._open()
        self.stream.seek(0, 2)  # as RotatingFileHandler.shouldRollover (Windows)
        size = self.stream.tell()
        self.near_full = _near_full(size)
        return bool(size + len(f"{self.format(record)}\n") >= MAX_BYTES)

    def emit(self, record: logging.LogRecord) -> None:  # called under self.lock
        try:
            if self.rotating is None and self._may_roll_over(record):
                self._hand_over()
        except Exception:  # as RotatingFileHandler.emit: a log line never raises
            self.handleError(record)
            return
        if self.rotating is not None:
            self.rotating.emit(record)
        else:
            super().emit(record)

    def _hand_over(self) -> None:
        from logging.handlers import RotatingFileHandler

        if self.stream is not None:  # closed first: Windows renames no file held open
            self.stream.close()
            self.stream = None
        self.rotating = RotatingFileHandler(self.baseFilename, maxBytes=MAX_BYTES,
                                            backupCount=BACKUP_COUNT, encoding="utf-8",
                                            delay=False)
        self.rotating.setFormatter(self.formatter)

    def close(self) -> None:
        self.acquire()
        try:
            if self.rotating is not None:
                self.rotating.close()
        finally:
            self.release()
        super().close()


def _near_full(size: int) -> bool:
    return size >= MAX_BYTES - NEAR_FULL_MARGIN


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / LOG_NAME


def _open_file_handler(data_dir: Path) -> FileLog | None:
    from vrijwilligers_app.store.location import network_reason, sync_folder_reason

    if sync_folder_reason(data_dir) or network_reason(data_dir):
        return None  # opening the register refuses such a folder; write nothing there
    path = log_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = FileLog(path)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    return handler


def _add_to_root(handler: logging.Handler) -> None:
    global _previous_level
    root = logging.getLogger()
    root.addHandler(handler)
    _previous_level = root.level
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)


def start_file_log(data_dir: Path) -> Path | None:
    """Log to data_dir/logs (replacing an earlier file handler of this process); None when the
    folder cannot be written (the caller's own checks give the Dutch message)."""
    global _handler
    stop_file_log()
    handler = _open_file_handler(data_dir)
    if handler is None:
        return None
    _add_to_root(handler)
    _handler = handler
    return log_path(data_dir)


def defer_file_log(data_dir: Path) -> None:
    """Like start_file_log, but the file (with its folder checks and the import of
    logging.handlers) is opened by `open_deferred_file_log`, after the window's first paint;
    lines logged before are kept and written first. Stopping opens it too: no line is lost."""
    global _deferred
    stop_file_log()
    _deferred = _Deferred(data_dir)
    _add_to_root(_deferred)


def open_deferred_file_log() -> None:
    """Open the file log that `defer_file_log` put off (any thread; once; no-op otherwise)."""
    deferred = _deferred
    if deferred is not None:
        deferred.open()


def stop_file_log() -> None:
    global _handler, _deferred
    handler: logging.Handler | None = _handler
    if _deferred is not None:
        _deferred.open()
        handler, _handler = _deferred, _deferred.target  # type: ignore[assignment]
        _deferred = None
    if handler is not None:
        root = logging.getLogger()
        root.removeHandler(handler)
        root.setLevel(_previous_level)
        handler.close()
        if _handler is not None and _handler is not handler:
            _handler.close()
        _handler = None


def safe_traceback(exc: BaseException) -> str:
    """The traceback of exc and its causes without exception messages (see module doc)."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_list(traceback.extract_tb(current.__traceback__)))
        parts.append(f"Traceback:\n{frames}{_describe(current)}")
        current = current.__cause__ or current.__context__
    return "\n\nveroorzaakt door / tijdens:\n".join(reversed(parts))


def _describe(exc: BaseException) -> str:
    name = f"{type(exc).__module__}.{type(exc).__qualname__}"
    if isinstance(exc, OSError):
        return f"{name}: [errno {exc.errno}] {exc.strerror or ''} {exc.filename or ''}".rstrip()
    return f"{name} (melding weggelaten: kan persoonsgegevens bevatten)"


def log_exception(message: str, exc: BaseException) -> None:
    log.error("%s\n%s", message, safe_traceback(exc))


def environment() -> str:
    import platform  # not on the way to the window's first paint: its lines are kept

    frozen = "bundel" if getattr(sys, "frozen", False) else "broncode"
    return (f"versie {__version__}, Python {platform.python_version()}, "
            f"{_system()}, {frozen}")


def _system() -> str:
    """`platform.system() platform.release()`, but on Windows from sys.getwindowsversion():
    there platform.uname() runs `cmd /c ver` in a new process (Python 3.11; a WMI query
    from 3.12) at every start of every command. The real version, not a compatibility
    mode's, with its build number (which tells Windows 10 from 11)."""
    if sys.platform == "win32":
        major, minor, build = sys.getwindowsversion().platform_version
        return f"Windows {major}.{minor}.{build}"
    import platform

    return f"{platform.system()} {platform.release()}"


@contextmanager
def timed(what: str, threshold: float = 0.0) -> Iterator[None]:
    """Log how long `what` took (a fixed text, never data), if at least `threshold` seconds."""
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds = time.perf_counter() - started
        if seconds >= threshold:
            log.info("%s: %.2f s", what, seconds)


@contextmanager
def session(data_dir: Path, command: str, defer_file: bool = False) -> Iterator[None]:
    """Start/stop lines with version and duration around one run of the program; an uncaught
    error is logged with its (safe) traceback and raised again. `defer_file`: the window
    opens the file after its first paint (see `defer_file_log`)."""
    started = time.perf_counter()
    if defer_file:
        defer_file_log(data_dir)
        log.info("start %s (%s)", command, _Lazy(environment))
    else:
        start_file_log(data_dir)
        log.info("start %s (%s)", command, environment())
    outcome = "fout"
    try:
        yield
        outcome = "klaar"
    except SystemExit as exc:
        outcome = f"klaar (code {exc.code})"
        raise
    except KeyboardInterrupt:
        outcome = "afgebroken"
        raise
    except BaseException as exc:
        log_exception(f"onverwachte fout in {command}", exc)
        raise
    finally:
        log.info("stop %s: %s na %.2f s", command, outcome, time.perf_counter() - started)
        stop_file_log()


class _Lazy:
    """A log argument computed when the line is written (after the first paint)."""

    def __init__(self, make: Callable[[], str]) -> None:
        self.make = make

    def __str__(self) -> str:
        return self.make()


def excepthook_text(exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> str:
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    return safe_traceback(exc)
