"""Opening a register: the safe path from a data dir to a ready engine.

1. the data dir is a real, writable, local folder (not a sync or network folder);
2. no other program has it open (OS file lock);
3. the database file is SQLite, whole, and of a schema this app knows;
4. an older schema is backed up, then migrated on a copy that replaces the original only
   after it passed its checks, so a failed migration leaves the old database untouched;
5. missing code lists are loaded; one automatic backup a day, 14 kept.
"""

import logging
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import backup, migrate
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.errors import MigrationError
from vrijwilligers_app.store.inspect import inspect_database
from vrijwilligers_app.store.location import ensure_safe_data_dir
from vrijwilligers_app.store.lock import DataDirLock
from vrijwilligers_app.store.seed import ensure_code_lists
from vrijwilligers_app.store.settings import get_int_setting

log = logging.getLogger(__name__)


@dataclass
class Register:
    data_dir: Path
    engine: Engine
    lock: DataDirLock = field(repr=False)

    @property
    def db_path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    def close(self) -> None:
        self.engine.dispose()
        self.lock.release()

    def __enter__(self) -> "Register":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_register(data_dir: Path, *, today: date | None = None,
                  daily_backup: bool = True) -> Register:
    ensure_safe_data_dir(data_dir)
    lock = DataDirLock(data_dir)
    lock.acquire()
    try:
        db_path = data_dir / DATABASE_NAME
        state = inspect_database(db_path, data_dir)
        if state.revision != migrate.head_revision():
            if state.revision is None:
                _create_new(db_path)
            else:
                _migrate_safely(db_path, data_dir, state.revision)
        engine = create_register_engine(db_path)
        ensure_code_lists(engine)
        if daily_backup:
            keep = get_int_setting(engine, "backup_keep_days", backup.DEFAULT_KEEP_DAYS)
            backup.auto_backup(db_path, data_dir, today or date.today(), keep)
        return Register(data_dir=data_dir, engine=engine, lock=lock)
    except BaseException:
        lock.release()
        raise


def _create_new(db_path: Path) -> None:
    engine = create_register_engine(db_path)
    try:
        migrate.upgrade_to_head(engine)
    finally:
        engine.dispose()


def _migrate_safely(db_path: Path, data_dir: Path, revision: str) -> None:
    _fold_wal(db_path)  # a hot WAL must never meet a replaced main file
    pre = backup.backups_dir(data_dir) / backup.timestamped_name(f"voor-update-{revision}-")
    backup.copy_database(db_path, pre)
    work = db_path.with_name(db_path.name + ".update")
    backup.copy_database(db_path, work)
    engine = create_register_engine(work)
    try:
        migrate.upgrade_to_head(engine)
        with engine.connect() as connection:
            status = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if status != "ok" or problems:
            raise MigrationError(f"controle na de update mislukt ({status}, {len(problems)})")
        engine.dispose()
        _fold_wal(work)
    except Exception as exc:
        engine.dispose()
        _remove_database_files(work)
        raise MigrationError(
            f"Het bijwerken van het register naar de nieuwe versie is mislukt ({exc}). "
            f"Het register is niet veranderd; een kopie staat in {pre}."
        ) from exc
    os.replace(work, db_path)
    _remove_database_files(work)
    Path(str(db_path) + "-shm").unlink(missing_ok=True)
    log.info("Register bijgewerkt van %s naar %s", revision, migrate.head_revision())


def _fold_wal(path: Path) -> None:
    """Write the WAL back into the main file, so the file alone holds everything.

    SQLite removes the WAL when its last connection closes; we hold the data dir lock, so
    this connection is the last one."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        connection.close()
    if busy or Path(str(path) + "-wal").exists():
        raise MigrationError("het logbestand van de update kon niet worden verwerkt")


def _remove_database_files(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.unlink(missing_ok=True)
