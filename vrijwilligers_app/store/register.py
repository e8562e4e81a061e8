"""Opening a register: the safe path from a data dir to a ready engine.

1. the data dir is a real, writable, local folder (not a sync or network folder);
2. no other program has it open (OS file lock);
3. the database file is SQLite (plain or SQLCipher), readable with the key, and of a schema
   this app knows; the full quick_check only after an unclean shutdown (store.shutdown);
4. with a key, a plain register and plain backups are converted once (store.encrypt);
5. an older schema is backed up, then migrated on a copy that replaces the original only
   after it passed its checks, so a failed migration leaves the old database untouched;
6. missing code lists are loaded; one automatic backup a day, 14 kept.

`key` is the register's data key (store.keys); None means plain SQLite, which only tests and
the conversion use: every app entry point (GUI, CLI) passes a key.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vrijwilligers_app.paths import DATABASE_NAME, resource
from vrijwilligers_app.store import backup, direct, encrypt, migrate, shutdown
from vrijwilligers_app.store.errors import MigrationError, ReadOnlyRegisterError
from vrijwilligers_app.store.files import fold_wal, remove_database_files
from vrijwilligers_app.store.gemeente.open import HEAD as GEMEENTE_HEAD
from vrijwilligers_app.store.gemeente.open import revision_on as gemeente_revision_on
from vrijwilligers_app.store.inspect import inspect_database
from vrijwilligers_app.store.location import ensure_safe_data_dir
from vrijwilligers_app.store.lock import DataDirLock
from vrijwilligers_app.store.private import clear_private_temp_dir, secure_data_dir
from vrijwilligers_app.store.seed import LOADED_SETTING, code_lists_fingerprint
from vrijwilligers_app.store.settings import setting_on
from vrijwilligers_app.store.sqlite_text import dutch_reason

if TYPE_CHECKING:  # SQLAlchemy loads with the first engine (see Register.engine)
    from sqlalchemy import Engine

log = logging.getLogger(__name__)


class Register:
    """An open register: its folder, its lock, its key, and the engine and DB-API connection
    made on first use. A plain class (not a dataclass, whose creation at import costs the
    `rapport` process a few ms: issue 18); compared by identity, as an open resource is."""

    def __init__(self, data_dir: Path, lock: DataDirLock, key: bytes | None = None) -> None:
        self.data_dir = data_dir
        self.lock = lock
        self.key = key
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        self._direct: Any = None
        self._direct_lock = threading.RLock()

    def __repr__(self) -> str:  # never the key
        return f"Register(data_dir={self.data_dir!r})"

    @property
    def db_path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def engine(self) -> Engine:
        """Made on first use when the register was opened with `lazy_engine`."""
        with self._engine_lock:
            if self._engine is None:
                from vrijwilligers_app.store.engine import create_register_engine

                self._engine = create_register_engine(self.db_path, self.key)
            return self._engine

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Any]:
        """A plain DB-API connection in one transaction (store.direct), no engine needed.
        The register keeps one such connection for all of them (opened on first use, closed
        with the register): the open's own checks and a command's reads and its privacy-log
        line share it instead of each keying and parsing the schema again. One transaction
        at a time; another thread waits for it."""
        with self._direct_lock:
            if self._direct is None:
                self._direct = direct.connect(self.db_path, self.key, check_same_thread=False)
            with direct.on(self._direct, write=write) as connection:
                yield connection

    def close_connections(self) -> None:
        """Close the kept DB-API connection and the engine's pooled ones (the next use opens
        new ones): before the register file is replaced (store.side_file), and at close."""
        with self._direct_lock:
            if self._direct is not None:
                self._direct.close()
                self._direct = None
        if self._engine is not None:
            self._engine.dispose()

    def close(self) -> None:
        if not self.lock.held:
            return
        self.close_connections()
        shutdown.write_clean_record(self.data_dir, self.db_path)
        clear_private_temp_dir(self.data_dir)
        self.lock.release()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_register(data_dir: Path, *, key: bytes | None = None, today: date | None = None,
                  daily_backup: bool = True, lazy_engine: bool = False) -> Register:
    """`lazy_engine`: make the SQLAlchemy engine only when something asks for it, for a
    command that reads through `Register.transaction` (about 0.15 s of import saved); when
    the gemeente tables or the code lists need work, the engine is made here as always."""
    ensure_safe_data_dir(data_dir)
    lock = DataDirLock(data_dir)
    lock.acquire()
    register: Register | None = None
    try:
        secure_data_dir(data_dir)
        clear_private_temp_dir(data_dir)
        db_path = data_dir / DATABASE_NAME
        remove_database_files(encrypt.work_path(db_path))  # a conversion cut short
        backup.remove_leftovers(data_dir)  # we hold the lock: no backup is running now
        ensure_writable(db_path)
        clean = shutdown.take_clean_record(data_dir, db_path)
        state = inspect_database(db_path, data_dir, key=key, full_check=not clean)
        if key is not None:
            if state.exists and not state.encrypted and db_path.stat().st_size > 0:
                encrypt.encrypt_register(db_path, key)
            encrypt.encrypt_plain_backups(backup.backups_dir(data_dir), key)
        if state.revision != migrate.head_revision():
            if state.revision is None:
                _create_new(db_path, key)
            else:
                _migrate_safely(db_path, data_dir, state.revision, key)
        register = Register(data_dir=data_dir, lock=lock, key=key)
        if not lazy_engine or not _nothing_to_bring_up(register):
            from vrijwilligers_app.store.gemeente.open import open_gemeente_store
            from vrijwilligers_app.store.seed import ensure_code_lists

            # The gemeente store's own chain (store/gemeente); here in the register file. A
            # gemeente on PostgreSQL runs the same seam on that engine.
            open_gemeente_store(register.engine)
            ensure_code_lists(register.engine)
        if daily_backup:
            from vrijwilligers_app.store.settings import get_int_setting

            keep = get_int_setting(register.engine, "backup_keep_days",
                                   backup.DEFAULT_KEEP_DAYS)
            backup.auto_backup(db_path, data_dir, today or date.today(), keep, key=key)
        return register
    except BaseException:
        if register is not None:  # e.g. the daily backup failed: no connection stays open
            register.close_connections()
        lock.release()
        raise


def _nothing_to_bring_up(register: Register) -> bool:
    """The gemeente chain at its head and these code lists loaded: what open_gemeente_store
    and ensure_code_lists would find, read without SQLAlchemy."""
    with register.transaction() as connection:
        return (gemeente_revision_on(connection) == GEMEENTE_HEAD
                and setting_on(connection, LOADED_SETTING)
                == code_lists_fingerprint(resource("codes")))


def ensure_writable(db_path: Path) -> None:
    """Refuse a register the app could open but never save to (a read-only file, e.g. copied
    from a CD or marked read-only in Explorer, or a read-only disk): otherwise every save fails
    later with SQLite's English 'attempt to write a readonly database'."""
    if not db_path.exists():
        return
    mode = db_path.stat().st_mode
    readonly = not mode & stat.S_IWUSR or not os.access(db_path, os.W_OK)
    if not readonly:
        try:  # a read-only mount or an ACL that the mode bits do not show
            with open(db_path, "r+b"):
                pass
        except PermissionError:
            readonly = True
        except OSError as exc:
            readonly = exc.errno == errno.EROFS
    if readonly:
        raise ReadOnlyRegisterError(
            f"Het register {db_path} is alleen-lezen: het programma kan het openen maar niets "
            "opslaan. Zet het bestand op schrijfbaar (in Verkenner: rechtsklik → Eigenschappen "
            "→ vink 'Alleen-lezen' uit) of kies met --data-dir een map waarin u mag schrijven. "
            "Er is niets veranderd.")


def _create_new(db_path: Path, key: bytes | None) -> None:
    from vrijwilligers_app.store.engine import create_register_engine

    engine = create_register_engine(db_path, key)
    try:
        migrate.upgrade_to_head(engine)
    finally:
        engine.dispose()


def _migrate_safely(db_path: Path, data_dir: Path, revision: str, key: bytes | None) -> None:
    fold_wal(db_path, key)  # a hot WAL must never meet a replaced main file
    pre = backup.backups_dir(data_dir) / backup.timestamped_name(f"voor-update-{revision}-")
    backup.copy_database(db_path, pre, key=key)
    work = db_path.with_name(db_path.name + ".update")
    backup.copy_database(db_path, work, key=key)
    from vrijwilligers_app.store.engine import create_register_engine

    engine = create_register_engine(work, key)
    try:
        migrate.upgrade_to_head(engine)
        with engine.connect() as connection:
            status = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if status != "ok" or problems:
            raise MigrationError(f"controle na de update mislukt ({status}, {len(problems)})")
        engine.dispose()
        fold_wal(work, key)
    except Exception as exc:
        engine.dispose()
        remove_database_files(work)
        raise MigrationError(
            "Het bijwerken van het register naar de nieuwe versie is mislukt "
            f"({exc if isinstance(exc, MigrationError) else dutch_reason(exc)}). "
            f"Het register is niet veranderd; een kopie staat in {pre}."
        ) from exc
    os.replace(work, db_path)
    remove_database_files(work)
    Path(str(db_path) + "-shm").unlink(missing_ok=True)
    log.info("Register bijgewerkt van %s naar %s", revision, migrate.head_revision())
