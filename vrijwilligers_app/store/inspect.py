"""Looking at a database file before trusting it: is it SQLite (plain or encrypted), can it be
read, which schema.

Nothing here writes: a file that fails is refused and left exactly as it is. The check at
every open is cheap (header, schema table, revision); the full `PRAGMA quick_check` reads the
whole file and runs only when asked (after an unclean shutdown, in `check`, before a backup).
"""

from pathlib import Path
from typing import Any, NamedTuple

from vrijwilligers_app.store import cipher, migrate
from vrijwilligers_app.store.cipher import SQLITE_HEADER
from vrijwilligers_app.store.errors import (
    CorruptRegisterError,
    EncryptedRegisterError,
    NewerSchemaError,
    NotARegisterError,
)
from vrijwilligers_app.store.sqlite_text import dutch_reason

__all__ = ["SQLITE_HEADER", "FileState", "connect_read_only", "connect_untouched",
           "inspect_database"]


def connect_read_only(path: Path, key: bytes | None = None) -> Any:
    return cipher.connect(path, key, read_only=True)


def connect_untouched(path: Path, key: bytes | None = None) -> Any:
    """Read a file without leaving anything beside it: a read-only open of a WAL database
    still creates `-shm` and `-wal` files (in a sync folder they get synced; beside a refused
    file they are litter). When neither exists, nothing has the file open and `immutable=1`
    reads it without them; when they exist, they are in use and a plain read-only open
    shares them."""
    base = str(path)
    if Path(base + "-wal").exists() or Path(base + "-shm").exists():
        return connect_read_only(path, key)
    return cipher.connect(path, key, immutable=True)


class FileState(NamedTuple):  # immutable; not a frozen dataclass (see report_period.Period)
    exists: bool
    revision: str | None = None
    has_tables: bool = False
    encrypted: bool = False


BACKUP_ADVICE = ("Kies een back-up die met deze app is gemaakt, bijvoorbeeld uit de map backups "
                 "in de gegevensmap.")


def _restore_hint(data_dir: Path | None) -> str:
    where = f" (back-ups staan in {data_dir / 'backups'})" if data_dir else ""
    return (
        "Het bestand is niet aangeraakt. Zet een back-up terug met: "
        f"vrijwilligers-app restore PAD-NAAR-BACK-UP{where}."
    )


def file_key(path: Path, key: bytes | None, hint: str) -> bytes | None:
    """The key to read `path` with: None for a plain SQLite file, `key` for an encrypted one.
    Raises a Dutch RegisterError for a file that is neither, or encrypted without a key."""
    if cipher.is_plain_sqlite(path):
        return None
    if not cipher.looks_encrypted(path):
        raise NotARegisterError(
            f"{path} is geen databasebestand van het Vrijwilligersregister (geen SQLite). "
            + hint
        )
    if key is None:
        raise EncryptedRegisterError(
            f"{path} is een versleuteld register; het wachtwoord of de herstelsleutel is nodig "
            "om het te openen."
        )
    return key


def inspect_database(path: Path, data_dir: Path | None = None,
                     as_backup: bool = False, *, key: bytes | None = None,
                     full_check: bool = False) -> FileState:
    """Raise a RegisterError (Dutch) if `path` is not a readable register of a known schema.
    `as_backup`: the file is a backup offered to restore, so the advice differs.
    `key`: the data key for an encrypted file. `full_check`: also PRAGMA quick_check."""
    hint = BACKUP_ADVICE if as_backup else _restore_hint(data_dir)
    if not path.exists() or path.stat().st_size == 0:
        return FileState(exists=path.exists())
    use_key = file_key(path, key, hint)
    try:
        connection = connect_untouched(path, use_key)
        try:
            status = (connection.execute("PRAGMA quick_check").fetchone()[0]
                      if full_check else "ok")
            tables = {r[0] for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except cipher.DatabaseError as exc:
        if use_key is not None and getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise EncryptedRegisterError(
                f"{path} is versleuteld met een andere sleutel, of is geen register van deze "
                "app. " + hint
            ) from exc
        raise CorruptRegisterError(
            f"{path} is beschadigd en kan niet worden gelezen ({dutch_reason(exc)}). " + hint
        ) from exc
    if status != "ok":
        raise CorruptRegisterError(
            f"{path} is beschadigd (controle: {status}). " + hint
        )
    user_tables = tables - {"alembic_version"}
    if revision is None and user_tables:
        raise NotARegisterError(
            f"{path} is een SQLite-database, maar geen register van deze app. "
            + hint
        )
    if revision is not None and revision not in migrate.known_revisions():
        raise NewerSchemaError(
            f"{path} is gemaakt met een nieuwere versie van de app (schema {revision}). "
            "Installeer die nieuwere versie; deze versie past het register niet aan."
        )
    return FileState(exists=True, revision=revision, has_tables=bool(user_tables),
                     encrypted=use_key is not None)
