"""Looking at a database file before trusting it: is it SQLite, is it whole, which schema.

Nothing here writes: a file that fails is refused and left exactly as it is.
"""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from vrijwilligers_app.store import migrate
from vrijwilligers_app.store.errors import CorruptRegisterError, NewerSchemaError, NotARegisterError
from vrijwilligers_app.store.sqlite_text import dutch_reason

SQLITE_HEADER = b"SQLite format 3\x00"


def connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def connect_untouched(path: Path) -> sqlite3.Connection:
    """Read a file without leaving anything beside it: a read-only open of a WAL database
    still creates `-shm` and `-wal` files (in a sync folder they get synced; beside a refused
    file they are litter). When neither exists, nothing has the file open and `immutable=1`
    reads it without them; when they exist, they are in use and a plain read-only open
    shares them."""
    base = str(path)
    if Path(base + "-wal").exists() or Path(base + "-shm").exists():
        return connect_read_only(path)
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


@dataclass(frozen=True)
class FileState:
    exists: bool
    revision: str | None = None
    has_tables: bool = False


BACKUP_ADVICE = ("Kies een back-up die met deze app is gemaakt, bijvoorbeeld uit de map backups "
                 "in de gegevensmap.")


def _restore_hint(data_dir: Path | None) -> str:
    where = f" (back-ups staan in {data_dir / 'backups'})" if data_dir else ""
    return (
        "Het bestand is niet aangeraakt. Zet een back-up terug met: "
        f"vrijwilligers-app restore PAD-NAAR-BACK-UP{where}."
    )


def inspect_database(path: Path, data_dir: Path | None = None,
                     as_backup: bool = False) -> FileState:
    """Raise a RegisterError (Dutch) if `path` is not a healthy register of a known schema.
    `as_backup`: the file is a backup offered to restore, so the advice differs."""
    hint = BACKUP_ADVICE if as_backup else _restore_hint(data_dir)
    if not path.exists() or path.stat().st_size == 0:
        return FileState(exists=path.exists())
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotARegisterError(
            f"{path} is geen databasebestand van het Vrijwilligersregister (geen SQLite). "
            + hint
        )
    try:
        connection = connect_untouched(path)
        try:
            status = connection.execute("PRAGMA quick_check").fetchone()[0]
            tables = {r[0] for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
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
    return FileState(exists=True, revision=revision, has_tables=bool(user_tables))
