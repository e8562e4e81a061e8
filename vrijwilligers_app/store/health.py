"""`vrijwilligers-app check`: integrity, foreign keys, schema version and row counts."""

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from vrijwilligers_app.store import cipher, migrate
from vrijwilligers_app.store.gemeente.open import VERSION_TABLE
from vrijwilligers_app.store.inspect import connect_untouched
from vrijwilligers_app.store.sqlite_text import dutch_reason


@dataclass
class HealthReport:
    database: str
    exists: bool = False
    integrity: str = "niet gecontroleerd"
    foreign_key_problems: int = 0
    schema_revision: str | None = None
    schema_head: str = field(default_factory=migrate.head_revision)
    encrypted: bool = False
    row_counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "healthy": self.healthy}


def check_database(path: Path, key: bytes | None = None) -> HealthReport:
    """The full check; `key` opens an encrypted register (without it, an encrypted file is
    recognised and reported as such)."""
    report = HealthReport(database=str(path))
    if path.parent.exists() and not path.parent.is_dir():
        report.problems.append(f"De gegevensmap {path.parent} is een bestand, geen map.")
        return report
    if not path.exists():
        report.problems.append("Er is nog geen register (databasebestand ontbreekt).")
        return report
    report.exists = True
    use_key = None
    if not cipher.is_plain_sqlite(path):
        if not cipher.looks_encrypted(path):
            report.problems.append("Het bestand is geen SQLite-database.")
            return report
        report.encrypted = True
        if key is None:
            report.problems.append("Het register is versleuteld; geef het wachtwoord.")
            return report
        use_key = key
    try:
        connection = connect_untouched(path, use_key)
        try:
            _fill(report, connection)
        finally:
            connection.close()
    except cipher.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB" and use_key is not None:
            report.problems.append("Het register is versleuteld met een andere sleutel.")
        else:
            report.problems.append(f"De database kan niet worden gelezen: {dutch_reason(exc)}.")
    return report


def _fill(report: HealthReport, connection: Any) -> None:
    results = [r[0] for r in connection.execute("PRAGMA integrity_check")]
    report.integrity = "ok" if results == ["ok"] else "; ".join(results[:5])
    if results != ["ok"]:
        report.problems.append(f"Integriteitscontrole mislukt: {report.integrity}")
    report.foreign_key_problems = len(connection.execute("PRAGMA foreign_key_check").fetchall())
    if report.foreign_key_problems:
        report.problems.append(
            f"{report.foreign_key_problems} verwijzing(en) naar ontbrekende records."
        )
    tables = [r[0] for r in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    if "alembic_version" in tables:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        report.schema_revision = row[0] if row else None
    if report.schema_revision is None:
        report.problems.append("Geen schemaversie gevonden: dit is geen (volledig) register.")
    elif report.schema_revision not in migrate.known_revisions():
        report.problems.append(
            f"Schema {report.schema_revision} is van een nieuwere versie van de app."
        )
    for table in tables:  # version tables and the search index: implementation details
        if table not in ("alembic_version", VERSION_TABLE) and not table.startswith("search_index"):
            report.row_counts[table] = connection.execute(
                f'SELECT count(*) FROM "{table}"').fetchone()[0]
