"""The support log: a rotating file in the data dir (logs/vrijwilligers-app.log) for the window
and every CLI command: start, stop, version, errors with their traceback, long operations with
their duration.

Never personal data: messages here are fixed texts with counts, durations and kinds; an
error's traceback keeps its frames (file, line, code) and the exception's type, but drops the
exception's message unless it is an OSError (a path and a system reason), because messages of
database and validation errors may carry names, phone numbers or free text.
"""

import logging
import platform
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from vrijwilligers_app import __version__

LOG_NAME = "vrijwilligers-app.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("vrijwilligers_app")
_handler: RotatingFileHandler | None = None
_previous_level = logging.WARNING


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / LOG_NAME


def start_file_log(data_dir: Path) -> Path | None:
    """Log to data_dir/logs (replacing an earlier file handler of this process); None when the
    folder cannot be written (the caller's own checks give the Dutch message)."""
    global _handler, _previous_level
    stop_file_log()
    from vrijwilligers_app.store.location import network_reason, sync_folder_reason

    if sync_folder_reason(data_dir) or network_reason(data_dir):
        return None  # opening the register refuses such a folder; write nothing there
    path = log_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                      encoding="utf-8", delay=False)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    _previous_level = root.level
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    _handler = handler
    return path


def stop_file_log() -> None:
    global _handler
    if _handler is not None:
        root = logging.getLogger()
        root.removeHandler(_handler)
        root.setLevel(_previous_level)
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
    frozen = "bundel" if getattr(sys, "frozen", False) else "broncode"
    return (f"versie {__version__}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}, {frozen}")


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
def session(data_dir: Path, command: str) -> Iterator[None]:
    """Start/stop lines with version and duration around one run of the program; an uncaught
    error is logged with its (safe) traceback and raised again."""
    start_file_log(data_dir)
    started = time.perf_counter()
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


def excepthook_text(exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> str:
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    return safe_traceback(exc)
