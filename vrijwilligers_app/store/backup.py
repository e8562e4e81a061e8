"""Backups with SQLite's online backup API: consistent while the register is in use.

A backup is written to a temporary file, checked, flushed to disk and only then renamed into
place, so a full disk or a crash never leaves a half backup or harms an older one.
"""

import os
import re
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

from vrijwilligers_app.store.errors import BackupError
from vrijwilligers_app.store.inspect import connect_read_only

BACKUP_DIR_NAME = "backups"
AUTO_PREFIX = "automatisch-"
AUTO_PATTERN = re.compile(r"^automatisch-(\d{4}-\d{2}-\d{2})\.sqlite$")
# Safety copies made before an update or a restore: they hold the same personal data, so
# they rotate out after the same number of days (timestamped_name puts the day in the name).
SAFETY_PATTERN = re.compile(r"^voor-(?:update|herstel)-.*?(\d{4}-\d{2}-\d{2})_\d{6}\.sqlite$")
DEFAULT_KEEP_DAYS = 14


def _connect_destination(path: Path) -> sqlite3.Connection:
    """Seam for tests (a destination that runs out of space)."""
    return sqlite3.connect(path)


def _describe(exc: BaseException) -> str:
    name = getattr(exc, "sqlite_errorname", "")
    if name == "SQLITE_FULL" or getattr(exc, "errno", None) == 28:
        return "de schijf is vol"
    return str(exc)


def copy_database(source: Path, destination: Path) -> Path:
    """Copy the SQLite database `source` to `destination` atomically; returns destination."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".deel")
    src = dst = None
    try:
        src = connect_read_only(source)
        dst = _connect_destination(partial)
        src.backup(dst)
        status = dst.execute("PRAGMA quick_check").fetchone()[0]
        if status != "ok":
            raise sqlite3.DatabaseError(f"controle van de kopie mislukt: {status}")
        dst.close()
        dst = None
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, destination)
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(
            f"Back-up naar {destination} mislukt: {_describe(exc)}. "
            "Er is niets veranderd aan het register of aan eerdere back-ups."
        ) from exc
    finally:
        if dst is not None:
            dst.close()
        if src is not None:
            src.close()
        partial.unlink(missing_ok=True)
    return destination


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR_NAME


def timestamped_name(prefix: str, now: datetime | None = None) -> str:
    now = now or datetime.now()
    return f"{prefix}{now:%Y-%m-%d_%H%M%S}.sqlite"


def make_backup(db_path: Path, data_dir: Path, to: Path | None = None) -> Path:
    """A manual backup: to a given file or folder, or into the data dir's backups folder."""
    if to is None:
        to = backups_dir(data_dir) / timestamped_name("handmatig-")
    elif to.is_dir():
        to = to / timestamped_name("vrijwilligersregister-")
    return copy_database(db_path, to)


def auto_backup(db_path: Path, data_dir: Path, today: date,
                keep_days: int = DEFAULT_KEEP_DAYS) -> Path | None:
    """At most one automatic backup a day; keeps the newest `keep_days` of them."""
    folder = backups_dir(data_dir)
    target = folder / f"{AUTO_PREFIX}{today.isoformat()}.sqlite"
    made = None
    if not target.exists():
        made = copy_database(db_path, target)
    rotate(folder, keep_days, today)
    return made


def _day_in_name(path: Path, pattern: re.Pattern[str]) -> date | None:
    match = pattern.match(path.name)
    try:
        return date.fromisoformat(match.group(1)) if match else None
    except ValueError:
        return None


def rotate(folder: Path, keep_days: int, today: date | None = None) -> list[Path]:
    """Keep the newest `keep_days` automatic backups, and none (automatic or safety copy)
    from `keep_days` or more days before `today`: data erased from the register (vergeten,
    retention) is then gone from these backups too. Manual backups are the user's."""
    autos = sorted(p for p in folder.glob(f"{AUTO_PREFIX}*.sqlite") if AUTO_PATTERN.match(p.name))
    removed = autos[:-keep_days] if keep_days > 0 else []
    if today is not None and keep_days > 0:
        limit = today - timedelta(days=keep_days)
        for path in sorted(folder.glob("*.sqlite")):
            day = _day_in_name(path, AUTO_PATTERN) or _day_in_name(path, SAFETY_PATTERN)
            if day is not None and day <= limit and path not in removed:
                removed.append(path)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def list_backups(data_dir: Path) -> list[Path]:
    """Newest first."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
