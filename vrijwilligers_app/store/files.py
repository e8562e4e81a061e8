"""Database files on disk: folding the WAL into the main file, removing a file with its
companions (-wal, -shm, -journal)."""

from pathlib import Path

from vrijwilligers_app.store import cipher
from vrijwilligers_app.store.errors import MigrationError


def fold_wal(path: Path, key: bytes | None) -> None:
    """Write the WAL back into the main file, so the file alone holds everything.

    SQLite removes the WAL when its last connection closes; callers hold the data dir lock,
    so this connection is the last one."""
    connection = cipher.connect(path, key)
    try:
        connection.isolation_level = None
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        connection.close()
    if busy or Path(str(path) + "-wal").exists():
        raise MigrationError("het logbestand van het register kon niet worden verwerkt")


def remove_database_files(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.unlink(missing_ok=True)
