"""Backups with SQLite's online backup API: consistent while the register is in use.

A backup is written to a temporary file, checked, flushed to disk and only then renamed into
place, so a full disk or a crash never leaves a half backup or harms an older one. An
encrypted register's backup is encrypted with the same data key (SQLCipher copies pages
between two connections keyed alike), so the passphrase and the herstelsleutel open it too.
The full `PRAGMA quick_check` runs on every copy: that is the check "before a backup" is
trusted (a damaged register gives a copy that fails it).
"""

import os
import re
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import cipher
from vrijwilligers_app.store.errors import BackupError
from vrijwilligers_app.store.inspect import connect_read_only
from vrijwilligers_app.store.keys import KEY_FILE_NAME, key_file_path
from vrijwilligers_app.store.private import make_private_dir, make_private_file
from vrijwilligers_app.store.sqlite_text import dutch_reason

BACKUP_DIR_NAME = "backups"
AUTO_PREFIX = "automatisch-"
# Patterns as text, compiled (and cached by `re`) when backups are rotated: opening a register
# without its daily backup (a command such as rapport) never needs them.
AUTO_PATTERN = r"^automatisch-(\d{4}-\d{2}-\d{2})\.sqlite$"
# Safety copies made before an update or a restore: they hold the same personal data, so
# they rotate out after the same number of days (timestamped_name puts the day in the name).
SAFETY_PATTERN = r"^voor-(?:update|herstel)-.*?(\d{4}-\d{2}-\d{2})_\d{6}\.sqlite$"
DEFAULT_KEEP_DAYS = 14
# A register being filled beside the live one (store.side_file), left by a crash.
SIDE_FILE_SUFFIX = ".vullen"


def _connect_destination(path: Path, key: bytes | None = None) -> Any:
    """Seam for tests (a destination that runs out of space)."""
    return cipher.connect(path, key)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, _CheckFailed):  # our own Dutch sentence
        return str(exc)
    return dutch_reason(exc)


class _CheckFailed(Exception):
    pass


FAILURES: tuple[type[Exception], ...] = (*cipher.Error, OSError, _CheckFailed)


def copy_database(source: Path, destination: Path, *, key: bytes | None = None) -> Path:
    """Copy the database `source` to `destination` atomically; returns destination.
    `key`: the data key of an encrypted `source`; the copy gets the same key."""
    if not destination.parent.exists():
        make_private_dir(destination.parent)
    partial = destination.with_name(destination.name + ".deel")
    src = dst = None
    try:
        src = connect_read_only(source, key)
        dst = _connect_destination(partial) if key is None else _connect_destination(partial, key)
        src.backup(dst)
        status = dst.execute("PRAGMA quick_check").fetchone()[0]
        if status != "ok":
            raise _CheckFailed(f"controle van de kopie mislukt: {status}")
        dst.close()
        dst = None
        make_private_file(partial)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, destination)
    except FAILURES as exc:
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


_LEFTOVER_SUFFIXES = ("-wal", "-shm", "-journal")


def _names_in(folder: Path) -> list[tuple[Path, str]]:
    """(path, name as the file system compares it) of each entry of `folder`: the globs
    `*.update*` and the like as one listing and plain string tests (each glob pattern is
    compiled to a regex first: about 1 ms of every open)."""
    try:
        with os.scandir(folder) as entries:
            return [(Path(entry.path), os.path.normcase(entry.name)) for entry in entries]
    except (FileNotFoundError, NotADirectoryError):
        return []


def remove_leftovers(data_dir: Path) -> list[Path]:
    """Remove what a killed or failed backup or update left behind (up to hundreds of MB):
    `*.sqlite.deel` with its `-wal`/`-shm`/`-journal`, the `.update` work copy and its
    companions, and `-wal`/`-shm`/`-journal` beside finished backups (a backup is closed
    cleanly before it is renamed, so such files only come from a reader that was killed).
    Call with the data dir lock held. Never the live register or its own WAL and SHM."""
    live = data_dir / DATABASE_NAME
    keep = {live, *(Path(str(live) + suffix) for suffix in _LEFTOVER_SUFFIXES)}
    candidates = [path for path, name in _names_in(data_dir)
                  if name.startswith((f"{DATABASE_NAME}.update",
                                      f"{DATABASE_NAME}{SIDE_FILE_SUFFIX}"))
                  or ".sqlite.deel" in name]
    candidates += [path for path, name in _names_in(backups_dir(data_dir))
                   if ".deel" in name
                   or name.endswith(tuple(f".sqlite{s}" for s in _LEFTOVER_SUFFIXES))]
    removed = []
    for path in candidates:
        if path in keep or not path.is_file():
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            continue  # in use by another program (Windows) or not ours to delete: next time
    return removed


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR_NAME


def timestamped_name(prefix: str, now: datetime | None = None) -> str:
    now = now or datetime.now()
    return f"{prefix}{now:%Y-%m-%d_%H%M%S}.sqlite"


def make_backup(db_path: Path, data_dir: Path, to: Path | None = None, *,
                key: bytes | None = None) -> Path:
    """A manual backup: to a given file or folder, or into the data dir's backups folder.
    Outside the data dir, the key file (no secret in it) is copied beside an encrypted backup
    as BACKUP.sleutel, so the backup opens on another computer with passphrase or
    herstelsleutel."""
    if to is None:
        to = backups_dir(data_dir) / timestamped_name("handmatig-")
    elif to.is_dir():
        to = to / timestamped_name("vrijwilligersregister-")
    made = copy_database(db_path, to, key=key)
    if key is not None and key_file_path(data_dir).is_file() and to.parent != backups_dir(data_dir):
        shutil.copyfile(key_file_path(data_dir), companion_key_file(made))
    return made


def companion_key_file(backup_file: Path) -> Path:
    return backup_file.with_name(backup_file.name + "." + KEY_FILE_NAME.rsplit(".", 1)[-1])


def auto_backup(db_path: Path, data_dir: Path, today: date,
                keep_days: int = DEFAULT_KEEP_DAYS, *, key: bytes | None = None) -> Path | None:
    """At most one automatic backup a day; keeps the newest `keep_days` of them."""
    folder = backups_dir(data_dir)
    target = folder / f"{AUTO_PREFIX}{today.isoformat()}.sqlite"
    made = None
    if not target.exists():
        made = copy_database(db_path, target, key=key)
    rotate(folder, keep_days, today)
    return made


def _day_in_name(path: Path, pattern: str) -> date | None:
    match = re.match(pattern, path.name)
    try:
        return date.fromisoformat(match.group(1)) if match else None
    except ValueError:
        return None


def rotate(folder: Path, keep_days: int, today: date | None = None) -> list[Path]:
    """Keep the newest `keep_days` automatic backups, and none (automatic or safety copy)
    from `keep_days` or more days before `today`: data erased from the register (vergeten,
    retention) is then gone from these backups too. Manual backups are the user's."""
    autos = sorted(p for p in folder.glob(f"{AUTO_PREFIX}*.sqlite")
                   if re.match(AUTO_PATTERN, p.name))
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
