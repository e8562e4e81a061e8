"""Converting a plain register (and its plain backups) to SQLCipher, once, crash-safely.

1. the WAL is folded into the plain file, so the file alone holds everything;
2. `sqlcipher_export` writes an encrypted copy beside it (`register.sqlite.versleutelen`);
3. the copy is checked: integrity_check, foreign_key_check, the same row count in every table;
4. os.replace puts the copy in place of the plain file (atomic on Windows and POSIX);
5. plain backups in the backups folder are converted the same way, one by one.

The plain file stays the register until step 4, and is the safety copy until then. A crash
before step 4 leaves the plain register (the half copy is removed at the next open); after it,
the encrypted one. Step 5 runs at every keyed open until no plain backup is left, so a crash
halfway only delays it.
"""

import logging
import os
from pathlib import Path

from vrijwilligers_app.store import cipher
from vrijwilligers_app.store.errors import MigrationError
from vrijwilligers_app.store.files import fold_wal, remove_database_files

log = logging.getLogger(__name__)

WORK_SUFFIX = ".versleutelen"
FAILURES: tuple[type[Exception], ...] = (MigrationError, OSError, *cipher.Error)


def _step(name: str) -> None:
    """Seam for crash tests: raise here to stop the conversion after a step."""


def work_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + WORK_SUFFIX)


def _row_counts(connection: object) -> dict[str, int]:
    execute = connection.execute  # type: ignore[attr-defined]
    tables = [r[0] for r in execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {t: execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _counts(path: Path, key: bytes | None) -> dict[str, int]:
    connection = cipher.connect(path, key, read_only=True)
    try:
        return _row_counts(connection)
    finally:
        connection.close()


def _verify(path: Path, key: bytes, expected: dict[str, int]) -> None:
    connection = cipher.connect(path, key)
    try:
        status = [r[0] for r in connection.execute("PRAGMA integrity_check")]
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        counts = _row_counts(connection)
    finally:
        connection.close()
    if status != ["ok"] or problems or counts != expected:
        raise MigrationError(f"controle van de versleutelde kopie mislukt ({status[:1]}, "
                             f"{len(problems)} verwijzingen, aantallen gelijk: "
                             f"{counts == expected})")


def encrypt_file(path: Path, key: bytes, work: Path) -> None:
    """Replace the plain database `path` by an encrypted, checked copy (made at `work`)."""
    fold_wal(path, None)
    remove_database_files(work)
    expected = _counts(path, None)
    _step("export")
    cipher.export_encrypted(path, work, key)
    _step("check")
    _verify(work, key, expected)
    fold_wal(work, key)
    _step("replace")
    os.replace(work, path)
    _step("replaced")
    remove_database_files(work)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def encrypt_register(db_path: Path, key: bytes) -> None:
    try:
        encrypt_file(db_path, key, work_path(db_path))
    except FAILURES as exc:
        remove_database_files(work_path(db_path))
        raise MigrationError(
            f"Het versleutelen van het register is mislukt ({exc}). Het register is niet "
            "veranderd en nog onversleuteld; probeer het opnieuw of neem contact op met de "
            "beheerder."
        ) from exc
    log.info("Register versleuteld")


def encrypt_plain_backups(folder: Path, key: bytes) -> int:
    """Convert every plain backup in `folder`; one that cannot be read is removed (it holds
    personal data in the clear and could not be restored anyway). Returns how many changed."""
    changed = 0
    if not folder.is_dir():
        return 0
    for path in sorted(folder.glob("*.sqlite")):
        try:
            if path.stat().st_size == 0 or not cipher.is_plain_sqlite(path):
                continue
        except OSError:
            continue
        work = path.with_name(path.name + WORK_SUFFIX)
        try:
            encrypt_file(path, key, work)
        except FAILURES as exc:
            log.warning("Onversleutelde back-up %s kon niet worden omgezet (%s); verwijderd",
                        path.name, type(exc).__name__)
            remove_database_files(work)
            remove_database_files(path)
        changed += 1
    return changed
