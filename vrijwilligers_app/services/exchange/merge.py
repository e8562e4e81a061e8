"""Gemeente side: merging export packages of many laptops.

Each file is read and checked (package_read) before the register is touched. A package from
a source nobody accepted yet waits in quarantine (quarantine.py, issue 17). Then, per
package, the source's key is compared with the one accepted (a different key is refused), a
package read before (same manifest hash) or with a sequence number not above the last one is
ignored and reported, and otherwise the source's snapshot is replaced in ONE transaction: the
old rows go, the new ones come, the package is logged. Refused packages change nothing; good
packages in the same run are still merged.
"""

import logging
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Session

from vrijwilligers_app.services.exchange.errors import (
    AlreadyRead,
    PackageIgnored,
    PackageRefused,
    WrongKind,
)
from vrijwilligers_app.services.exchange.keys import fingerprint, gemeente_keys, has_gemeente_keys
from vrijwilligers_app.services.exchange.package_read import (
    DEFAULT_LIMITS,
    Limits,
    Package,
    read_package,
)
from vrijwilligers_app.services.exchange.quarantine import Quarantined, Waiting, accept, hold
from vrijwilligers_app.services.exchange.scan import (
    IGNORED,
    IMPORTED,
    QUARANTINED,
    REFUSED,
    Outcome,
    Report,
    package_files,
    read_capped,
)
from vrijwilligers_app.services.exchange.snapshot import replace_rows, snapshot_rows
from vrijwilligers_app.services.steps import Progress
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.gemeente.tables import ExchangeImport, ExchangeSource
from vrijwilligers_app.store.tables.base import utcnow

log = logging.getLogger(__name__)
UNEXPECTED = ("onverwachte fout bij het inlezen; er is niets van dit bestand opgeslagen. De "
              "andere bestanden zijn wel gelezen.")

__all__ = ["accept_and_import", "import_packages", "merge_package", "snapshot_rows"]
ALREADY_READ = "al eerder ingelezen (zelfde pakket, misschien hernoemd)"


def merge_package(engine: Engine, package: Package, file_name: str,
                  file_path: Path | None = None) -> str:
    """Replace the source's snapshot by the package's; returns a note. A package signed by a
    key nobody accepted yet is put in quarantine (Quarantined); PackageRefused /
    PackageIgnored leave the register as it was."""
    try:
        held = _merge(engine, package, file_name, file_path)
    except IntegrityError:  # another user's import logged this package first: rolled back
        with read_session(engine) as session:
            if session.get(ExchangeImport, package.package_hash) is not None:
                raise AlreadyRead(ALREADY_READ) from None
        raise
    if held is not None:  # committed: the quarantine row stays, the package waits
        raise held
    return ""


def _merge(engine: Engine, package: Package, file_name: str, file_path: Path | None
           ) -> PackageRefused | None:
    with write_session(engine) as session:
        if session.get(ExchangeImport, package.package_hash) is not None:
            raise AlreadyRead(ALREADY_READ)
        source = session.get(ExchangeSource, package.source_id)
        if source is None:
            held = hold(session, package, file_path)
        elif source.public_key != package.public_key:
            raise PackageRefused(
                "ondertekend met een andere sleutel dan eerder van deze bron (vastgelegd: "
                f"{fingerprint(source.public_key)}, nu: {fingerprint(package.public_key)})")
        elif package.sequence <= source.last_sequence:
            raise PackageIgnored(f"ouder of herhaald volgnummer {package.sequence} (al "
                                 f"ingelezen t/m {source.last_sequence}); niets veranderd")
        else:
            held = None
            _replace_snapshot(session, source, package, file_name)
    return held


def _replace_snapshot(session: Session, source: ExchangeSource, package: Package,
                      file_name: str) -> None:
    source.name = str(package.manifest.get("source_name", ""))[:150]
    source.last_sequence = package.sequence
    source.snapshot_at = package.created_at
    source.schema_version = package.schema_version
    session.add(source)
    session.add(ExchangeImport(package_hash=package.package_hash, source_id=package.source_id,
                               sequence=package.sequence, file_name=file_name[:260],
                               read_at=utcnow()))
    session.flush()  # the package's key first: a second importer fails here, not later
    links = replace_rows(session.connection(), package.source_id, package.table_rows)
    # Initiatives the laptop linked to the gemeente's list count once (issue 17). Imported
    # here: initiative_merge reads snapshots through this module.
    from vrijwilligers_app.services.exchange.initiative_merge import record_canonical_links

    record_canonical_links(session, package.source_id, links)


def import_packages(engine: Engine, data_dir: Path, paths: Iterable[Path],
                    limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None) -> Report:
    """Merge every export package in `paths` (files or folders); one outcome per file."""
    box_key = gemeente_keys(data_dir).box_key if has_gemeente_keys(data_dir) else None
    paths = list(paths)
    explicit = {p for p in paths if not p.is_dir()}
    files, problems = package_files(paths)
    report = Report(list(problems))
    for number, path in enumerate(files):
        if progress:
            progress(number, len(files), path.name)
        content = read_capped(path, limits)
        if isinstance(content, Outcome):
            report.outcomes.append(content)
            continue
        try:
            package = read_package(content, expected_kind="export", box_key=box_key,
                                   limits=limits, stream=True)
            del content
            note = merge_package(engine, package, path.name, path)
        except WrongKind as exc:
            if path in explicit:
                report.outcomes.append(Outcome(path, IGNORED, exc.reason))
            continue
        except Quarantined as exc:
            report.outcomes.append(Outcome(path, QUARANTINED, exc.reason, package.source_id,
                                           package.sequence))
            continue
        except PackageIgnored as exc:
            report.outcomes.append(Outcome(path, IGNORED, exc.reason, package.source_id,
                                           package.sequence))
            continue
        except PackageRefused as exc:
            report.outcomes.append(Outcome(path, REFUSED, exc.reason))
            continue
        except (SQLAlchemyError, ArithmeticError, ValueError, TypeError, MemoryError) as exc:
            # One bad file never stops a round: whatever slipped past the checks is refused
            # (its transaction rolled back) and the remaining files are still read.
            log.warning("Pakket %s niet ingelezen: %s", path.name, type(exc).__name__)
            report.outcomes.append(Outcome(path, REFUSED, UNEXPECTED))
            continue
        report.outcomes.append(Outcome(path, IMPORTED, "", package.source_id, package.sequence,
                                       note))
    if progress:
        progress(len(files), len(files), "Klaar")
    return report


def accept_and_import(engine: Engine, data_dir: Path, given: str,
                      limits: Limits = DEFAULT_LIMITS) -> tuple[Waiting, Report]:
    """Accept a key from quarantine and read its waiting packages, newest first: the newest
    valid one wins; older ones are reported as older snapshots. A file that is gone (the
    laptop's newer export replaced it) is reported; its successor comes with the next round."""
    waiting, files = accept(engine, given)
    present = [path for path in files if path.is_file()]
    report = import_packages(engine, data_dir, present, limits) if present else Report()
    for path in files:
        if not path.is_file():
            report.outcomes.append(Outcome(path, IGNORED, "het bestand is er niet meer "
                                                          "(vervangen door een nieuwere export?)"))
    return waiting, report
