"""Putting a backup back: checked first, and what it replaces is kept as a backup itself."""

import sqlite3
from pathlib import Path

from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import backup
from vrijwilligers_app.store.errors import BackupError, NotARegisterError
from vrijwilligers_app.store.inspect import connect_read_only, inspect_database
from vrijwilligers_app.store.location import ensure_safe_data_dir
from vrijwilligers_app.store.lock import DataDirLock
from vrijwilligers_app.store.sqlite_text import dutch_reason


def restore_backup(source: Path, data_dir: Path) -> Path | None:
    """Replace the register in `data_dir` with `source`; returns the copy of the old one."""
    if not source.is_file():
        raise NotARegisterError(f"Back-upbestand {source} bestaat niet of is geen bestand.")
    state = inspect_database(source, as_backup=True)  # refuses non-SQLite, corrupt, newer...
    if state.revision is None:
        raise NotARegisterError(f"{source} is geen back-up van een register (geen schemaversie).")
    ensure_safe_data_dir(data_dir)
    lock = DataDirLock(data_dir)
    lock.acquire()
    try:
        db_path = data_dir / DATABASE_NAME
        kept = None
        if db_path.exists() and db_path.stat().st_size > 0:
            kept = backup.backups_dir(data_dir) / backup.timestamped_name("voor-herstel-")
            backup.copy_database(db_path, kept)
        _copy_into_live(source, db_path)
        return kept
    finally:
        lock.release()


def _copy_into_live(source: Path, db_path: Path) -> None:
    """The backup API writes the whole source into the live file as one transaction,
    WAL included, so a failure leaves the live database as it was."""
    src = dst = None
    try:
        src = connect_read_only(source)
        dst = sqlite3.connect(db_path)
        src.backup(dst)
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        raise BackupError(
            f"Terugzetten van {source} mislukt ({dutch_reason(exc)}); het register is niet "
            "veranderd."
        ) from exc
    finally:
        if dst is not None:
            dst.close()
        if src is not None:
            src.close()
