"""Putting a backup back: checked first, and what it replaces is kept as a backup itself.

Into an encrypted register, a plain backup (from before the register was encrypted) is first
converted to an encrypted copy with the register's key, so plain and encrypted are never
mixed; an encrypted backup must have the register's key.
"""

from pathlib import Path

from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import backup, cipher
from vrijwilligers_app.store.errors import BackupError, NotARegisterError
from vrijwilligers_app.store.files import remove_database_files
from vrijwilligers_app.store.inspect import connect_read_only, inspect_database
from vrijwilligers_app.store.location import ensure_safe_data_dir
from vrijwilligers_app.store.lock import DataDirLock
from vrijwilligers_app.store.sqlite_text import dutch_reason


def restore_backup(source: Path, data_dir: Path, *, key: bytes | None = None) -> Path | None:
    """Replace the register in `data_dir` with `source`; returns the copy of the old one.
    `key`: the register's data key (None: a plain register, only in tests)."""
    if not source.is_file():
        raise NotARegisterError(f"Back-upbestand {source} bestaat niet of is geen bestand.")
    state = inspect_database(source, as_backup=True, key=key, full_check=True)
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
            backup.copy_database(db_path, kept, key=key)
        if key is not None and not state.encrypted:
            _restore_converted(source, db_path, key)
        else:
            _copy_into_live(source, db_path, key)
        return kept
    finally:
        lock.release()


def _restore_converted(source: Path, db_path: Path, key: bytes) -> None:
    """A plain backup into an encrypted register: encrypt a copy, then restore that."""
    work = db_path.with_name(db_path.name + ".herstel")
    plain = db_path.with_name(db_path.name + ".herstel-plain")
    try:
        remove_database_files(work)
        remove_database_files(plain)
        backup.copy_database(source, plain)  # the source (maybe on a USB stick) stays as it is
        cipher.export_encrypted(plain, work, key)
        remove_database_files(plain)
        _copy_into_live(work, db_path, key)
    finally:
        remove_database_files(plain)
        remove_database_files(work)


def _copy_into_live(source: Path, db_path: Path, key: bytes | None) -> None:
    """The backup API writes the whole source into the live file as one transaction,
    WAL included, so a failure leaves the live database as it was."""
    src = dst = None
    try:
        src = connect_read_only(source, key)
        dst = cipher.connect(db_path, key)
        src.backup(dst)
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except cipher.Error as exc:
        raise BackupError(
            f"Terugzetten van {source} mislukt ({dutch_reason(exc)}); het register is niet "
            "veranderd."
        ) from exc
    finally:
        if dst is not None:
            dst.close()
        if src is not None:
            src.close()
