"""Filling a register beside itself: a bulk write goes into a copy next to the register that
replaces it in one rename, only once it is complete and checked.

Why: the demo writes a million rows in one transaction. In WAL mode every page it writes, and
every page rewritten after a cache spill, is appended to the WAL until the commit (1.1 GB at
100,000 residents while the main file stayed 540 KB), and reading pages back through a WAL
that size made the run superlinear (100k → 300k residents: 61 s → 221 s CPU).

The side file `register.sqlite.vullen` starts as a copy of the register (code lists, settings),
is written with an in-memory rollback journal and no syncs (store.engine.BULK_PRAGMAS: no WAL
at all; only the copy's few original pages are journalled), then passes `quick_check` and
`foreign_key_check`, is flushed to disk and renamed over the register. Until the rename the
register is as it was; after it, complete. A crash or a full disk leaves at most the side file,
removed here on failure and by the next open (store.backup.remove_leftovers) after a crash.
The side file has the register's data key: SQLCipher's backup copies pages keyed alike.
"""

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Engine

from vrijwilligers_app.store import backup
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.errors import RegisterError
from vrijwilligers_app.store.files import fold_wal, remove_database_files

if TYPE_CHECKING:
    from vrijwilligers_app.store.register import Register

T = TypeVar("T")


class SideFileCheckError(RegisterError):
    """The filled side file failed its checks; the register was not touched."""


def side_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + backup.SIDE_FILE_SUFFIX)


def fill_beside(register: "Register", fill: Callable[[Engine], T], *,
                cache_kib: int | None = None) -> T:
    """Run `fill` on an engine of a side copy of the register, then put the copy in its place.

    `fill` must do all its writing in the engine's transactions (it may raise: then nothing
    changes). The register's connections are closed before the rename (Windows cannot
    replace an open file); its engine and its transactions open the new file on their next
    use. Call with no connection of the register checked out (the data dir lock keeps other
    processes away).
    `cache_kib`: the side file's page cache, for the fill and the checks after it (the
    foreign key check looks parents up at random; a cache that holds them keeps it linear)."""
    db_path = register.db_path
    side = side_path(db_path)
    remove_database_files(side)
    try:
        backup.copy_database(db_path, side, key=register.key)
        engine = create_register_engine(side, register.key, bulk=True, cache_kib=cache_kib)
        try:
            result = fill(engine)
            _check(engine)
        finally:
            engine.dispose()
        with open(side, "rb+") as handle:
            os.fsync(handle.fileno())
        register.close_connections()  # all of them, not only the engine's pool
        fold_wal(db_path, register.key)  # a WAL must never meet a replaced main file
        os.replace(side, db_path)
        Path(str(db_path) + "-shm").unlink(missing_ok=True)
    finally:
        remove_database_files(side)
    return result


def _check(engine: Engine) -> None:
    connection = engine.raw_connection()  # outside any transaction: the journal mode changes
    try:
        cursor = connection.cursor()
        status = cursor.execute("PRAGMA quick_check").fetchone()[0]
        problems = cursor.execute("PRAGMA foreign_key_check").fetchall()
        # Back to WAL, as the register always is (the side file's only connection).
        cursor.execute("PRAGMA journal_mode=WAL").fetchall()
        cursor.close()
    finally:
        connection.close()
    if status != "ok" or problems:
        raise SideFileCheckError(
            f"De demo-gegevens zijn niet in het register gezet: de controle van de gevulde "
            f"kopie is mislukt ({status}, {len(problems)} verwijzingen). Het register is niet "
            "veranderd.")
