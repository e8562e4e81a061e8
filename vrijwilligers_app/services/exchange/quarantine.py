"""Sources are enrolled, not assumed (issue 17).

A package signed by a key that no gemeente user accepted is not merged: it waits in
`gemeente_quarantine`, listed with the key's fingerprint and the name the laptop gave itself.
The laptop shows the same fingerprint on its first export, so the gemeente can compare them
(by phone or on paper) before accepting. Accepting creates the source with that key and reads
its waiting packages newest first: the newest valid one wins, older ones are then ignored as
older snapshots, and each package is read once (its manifest hash is the key of
`gemeente_package`). Refusing marks the key, so later packages with it are refused at once.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, delete, select, update
from sqlmodel import Session, col

from vrijwilligers_app.services.exchange.errors import ExchangeError, PackageIgnored, PackageRefused
from vrijwilligers_app.services.exchange.keys import fingerprint
from vrijwilligers_app.services.exchange.package_read import Package
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.gemeente.tables import ExchangeQuarantine, ExchangeSource


class Quarantined(PackageIgnored):
    """The package waits until its key is accepted; nothing of it was merged."""


def hold(session: Session, package: Package, file_path: Path | None) -> PackageRefused:
    """Inside the merge transaction: record the package as waiting (or refuse it when its key
    was refused); returns the exception the caller raises after committing."""
    refused = session.execute(select(col(ExchangeQuarantine.package_hash)).where(
        col(ExchangeQuarantine.public_key) == package.public_key,
        col(ExchangeQuarantine.refused)).limit(1)).first()
    shown = fingerprint(package.public_key)
    if refused is not None:
        return PackageRefused(f"de sleutel met vingerafdruk {shown} is door de gemeente "
                              "geweigerd")
    if session.get(ExchangeQuarantine, package.package_hash) is None:
        session.add(ExchangeQuarantine(
            package_hash=package.package_hash, source_id=package.source_id,
            public_key=package.public_key,
            source_name=str(package.manifest.get("source_name", ""))[:150],
            sequence=package.sequence,
            file_path=str(file_path.resolve()) if file_path else ""))
    return Quarantined(f"onbekende bron met vingerafdruk {shown}; wacht op goedkeuring")


@dataclass(frozen=True)
class Waiting:
    """One key in quarantine, with its packages."""

    fingerprint: str
    public_key: str
    source_id: str
    name: str
    first_seen: datetime
    packages: int
    newest_sequence: int
    refused: bool


def waiting_sources(engine: Engine, include_refused: bool = False) -> list[Waiting]:
    with read_session(engine) as session:
        rows = list(session.execute(select(ExchangeQuarantine).order_by(
            col(ExchangeQuarantine.first_seen))).scalars())
    grouped: dict[tuple[str, str], list[ExchangeQuarantine]] = {}
    for row in rows:
        grouped.setdefault((row.public_key, row.source_id), []).append(row)
    out = []
    for (key, source_id), group in grouped.items():
        newest = max(group, key=lambda r: r.sequence)
        refused = any(r.refused for r in group)
        if refused and not include_refused:
            continue
        out.append(Waiting(fingerprint(key), key, source_id, newest.source_name,
                           min(r.first_seen for r in group), len(group), newest.sequence,
                           refused))
    return out


def _normalise(text: str) -> str:
    return "".join(text.split()).upper()


def find_waiting(engine: Engine, given: str) -> Waiting:
    """The waiting key whose fingerprint is `given` (spaces and case do not matter; the
    first 8 characters or more are enough when they fit one key)."""
    typed = _normalise(given)
    matches = [w for w in waiting_sources(engine, include_refused=True)
               if len(typed) >= 8 and _normalise(w.fingerprint).startswith(typed)]
    if not matches:
        raise ExchangeError(f"Geen bron in quarantaine met vingerafdruk '{given}'; "
                            "'gemeente bronnen' toont ze.")
    if len({w.public_key for w in matches}) > 1 or len(matches) > 1:
        raise ExchangeError(f"Vingerafdruk '{given}' past bij meer dan één bron; typ meer "
                            "tekens.")
    return matches[0]


def accept(engine: Engine, given: str) -> tuple[Waiting, list[Path]]:
    """Enrol the waiting key; returns it and its packages' files, newest first, for the
    caller to import (merge.accept_and_import)."""
    waiting = find_waiting(engine, given)
    with write_session(engine) as session:
        existing = session.get(ExchangeSource, waiting.source_id)
        if existing is not None and existing.public_key != waiting.public_key:
            raise ExchangeError(
                f"Bron {waiting.source_id} is al bekend met een andere sleutel (vingerafdruk "
                f"{fingerprint(existing.public_key)}); deze sleutel wordt niet geaccepteerd.")
        rows = list(session.execute(select(ExchangeQuarantine).where(
            col(ExchangeQuarantine.public_key) == waiting.public_key,
            col(ExchangeQuarantine.source_id) == waiting.source_id)).scalars())
        if existing is None:
            session.add(ExchangeSource(source_id=waiting.source_id, name=waiting.name,
                                       public_key=waiting.public_key))
        session.execute(delete(ExchangeQuarantine).where(
            col(ExchangeQuarantine.public_key) == waiting.public_key,
            col(ExchangeQuarantine.source_id) == waiting.source_id))
    ordered = sorted(rows, key=lambda r: r.sequence, reverse=True)
    return waiting, [Path(r.file_path) for r in ordered if r.file_path]


def refuse(engine: Engine, given: str) -> Waiting:
    """Refuse the waiting key: its packages are refused from now on (they stay listed)."""
    waiting = find_waiting(engine, given)
    with write_session(engine) as session:
        session.execute(update(ExchangeQuarantine).where(
            col(ExchangeQuarantine.public_key) == waiting.public_key).values(refused=True))
    return waiting
