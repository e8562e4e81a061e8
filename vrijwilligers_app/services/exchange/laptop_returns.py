"""Laptop side: reading the gemeente's return packages.

Accepted only when signed by the pinned gemeente key and addressed to this laptop; a package
read before (same manifest hash) or with a sequence number not above the last one is ignored.
Then, in one transaction: code lists and the sociale kaart are brought up to date (codes are
added or renamed, never removed: history refers to them), and the gemeente's status events
are appended to the referrals' histories (source 'gemeente', the gemeente's event id as
uuid, so reading them again adds nothing). Status and follow-up are recomputed from events.
From schema version 4 on, the package also carries the gemeente's list of initiatives (each
once, issue 17); it replaces the stored list (services/initiative_links).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from vrijwilligers_app.domain.validation import ValidationError, normalize_phone
from vrijwilligers_app.services.exchange.errors import (
    AlreadyRead,
    PackageIgnored,
    PackageRefused,
    WrongKind,
)
from vrijwilligers_app.services.exchange.keys import laptop_keys, pinned_gemeente_key
from vrijwilligers_app.services.exchange.package_read import (
    DEFAULT_LIMITS,
    Limits,
    Package,
    read_package,
)
from vrijwilligers_app.services.exchange.projection import keyer
from vrijwilligers_app.services.exchange.scan import (
    IGNORED,
    IMPORTED,
    REFUSED,
    Outcome,
    Report,
    package_files,
    read_capped,
)
from vrijwilligers_app.services.exchange.schema import TABLES_BY_VERSION
from vrijwilligers_app.services.exchange.sequence import record_accepted
from vrijwilligers_app.services.initiative_links import store_canonical_list
from vrijwilligers_app.services.referrals import refresh_cache
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.queries import exchange_returns as queries
from vrijwilligers_app.store.tables import (
    Destination,
    DestinationLifeDomain,
    ExchangePackage,
    Referral,
    ReferralEvent,
    metadata,
)
from vrijwilligers_app.store.tables.base import utcnow

RETURN_SEQUENCE_SETTING = "exchange_return_sequence"
CODE_TABLES = ("life_domain", "initiative_type", "visitor_type", "match_end_reason",
               "contact_kind", "duty_role")


@dataclass(frozen=True)
class Applied:
    events_added: int
    events_unknown: int  # for referrals this laptop does not have (any more)
    destinations_changed: int
    codes_changed: int
    listed_initiatives: int | None = None  # the gemeente's list, when the package had it


def _update_codes(session: Session, rows: Iterable[dict[str, Any]]) -> int:
    changed = 0
    for row in rows:
        if row["lijst"] not in CODE_TABLES:
            continue
        table = metadata.tables[row["lijst"]]
        values = {"name": row["naam"][:120], "sort_order": row["volgorde"],
                  "active": row["actief"]}
        if "group" in table.c:
            values["group"] = (row["groep"] or "")[:20]
        current = queries.code_row(session, table, row["code"])
        if current is None:
            queries.insert_code(session, table, row["code"], values)
            changed += 1
        elif any(current[k] != v for k, v in values.items()):
            queries.update_code(session, table, row["code"], values)
            changed += 1
    return changed


def _stored_phone(shown: str) -> str:
    """Packages carry phone numbers as shown ('0492 123 456'); the register stores E.164."""
    try:
        return normalize_phone(shown)
    except ValidationError:
        return shown[:20]


def _update_kaart(session: Session, rows: Iterable[dict[str, Any]]) -> int:
    known_domains = queries.life_domain_codes(session)
    changed = 0
    for row in rows:
        destination = queries.destination_by_code(session, row["code"])
        values = {"organisation": row["organisatie"][:120], "service": (row["dienst"] or "")[:120],
                  "phone": _stored_phone(row["telefoon"] or ""),
                  "email": (row["email"] or "")[:120],
                  "website": (row["website"] or "")[:200],
                  "agreed_response_days": row["reactietermijn_dagen"], "active": row["actief"]}
        if destination is None:
            destination = Destination(code=row["code"], **values)
        elif all(getattr(destination, k) == v for k, v in values.items()):
            continue
        else:
            for k, v in values.items():
                setattr(destination, k, v)
            destination.updated_at = utcnow()
        session.add(destination)
        session.flush()
        assert destination.id is not None  # given by the flush
        queries.clear_destination_domains(session, destination.id)
        for domain in sorted(set((row["leefdomeinen"] or "").split(";")) & known_domains):
            session.add(DestinationLifeDomain(destination_id=destination.id,
                                              life_domain_code=domain))
        changed += 1
    return changed


def _append_events(session: Session, secret: bytes, rows: list[dict[str, Any]]
                   ) -> tuple[int, int]:
    key = keyer(secret)
    referral_ids = {key("doorverwijzing", uuid): rid
                    for rid, uuid in queries.referral_uuids(session)}
    destinations = queries.destination_ids(session)
    present = queries.gemeente_event_uuids(session)
    added = unknown = 0
    touched: set[int] = set()
    for row in rows:
        if row["id"] in present:
            continue
        referral_id = referral_ids.get(row["doorverwijzing"])
        if referral_id is None:
            unknown += 1
            continue
        session.add(ReferralEvent(
            uuid=row["id"], referral_id=referral_id, kind=row["soort"],
            occurred_at=row["moment"], source="gemeente",
            destination_id=destinations.get(row["organisatie"]) if row["organisatie"] else None))
        touched.add(referral_id)
        added += 1
    session.flush()
    for referral_id in touched:  # status, follow-up and milestones follow the new events
        referral = session.get(Referral, referral_id)
        assert referral is not None
        refresh_cache(session, referral)
    return added, unknown


def apply_return(engine: Engine, data_dir: Path, package: Package, file_name: str) -> Applied:
    gemeente = pinned_gemeente_key(engine)
    if gemeente is None:
        raise PackageRefused("er is nog geen gemeentesleutel ingesteld; importeer eerst het "
                             "sleutelbestand van de gemeente")
    if package.public_key != gemeente.verify_hex:
        raise PackageRefused("niet ondertekend met de vastgelegde gemeentesleutel (onbekende "
                             "of veranderde sleutel)")
    keys = laptop_keys(data_dir)
    if package.manifest.get("target") != keys.source_id:
        raise WrongKind("terugmelding voor een andere laptop")
    with write_session(engine) as session:
        if session.get(ExchangePackage, package.package_hash) is not None:
            raise AlreadyRead("al eerder ingelezen (zelfde pakket, misschien hernoemd)")
        # Sequence numbers count per gemeente key: a replaced key starts again at 1.
        signer = gemeente.verify_hex[:36]
        last = queries.last_return_sequence(session, signer)
        if last is not None and package.sequence <= last:
            raise PackageIgnored(f"ouder of herhaald volgnummer {package.sequence} (al "
                                 f"ingelezen t/m {last}); niets veranderd")
        # The last export the gemeente accepted: a laptop restored from a backup continues
        # above it instead of being ignored.
        record_accepted(session, keys.source_id, package.manifest.get("accepted_sequence"))
        codes = _update_codes(session, package.tables["codelijsten"])
        kaart = _update_kaart(session, package.tables["sociale_kaart"])
        added, unknown = _append_events(session, keys.pseudonym_secret,
                                        package.tables["statusmomenten"])
        listed = None
        if "gemeentelijst" in TABLES_BY_VERSION[package.schema_version]["return"]:
            listed = store_canonical_list(session, package.tables["gemeentelijst"])
        session.add(ExchangePackage(package_hash=package.package_hash, kind="return",
                                    source_id=signer, sequence=package.sequence,
                                    file_name=file_name[:260], read_at=utcnow()))
    return Applied(added, unknown, kaart, codes, listed)


def read_returns(engine: Engine, data_dir: Path, paths: Iterable[Path],
                 limits: Limits = DEFAULT_LIMITS,
                 progress: Callable[[int, int, str], None] | None = None) -> Report:
    """Apply every return package for this laptop found in `paths`. Exports lying in the
    same folder (this laptop's or others') are passed over without a word."""
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
            if not content.startswith(b"PK"):
                raise WrongKind("versleuteld pakket voor de gemeente")
            package = read_package(content, expected_kind="return", limits=limits)
            applied = apply_return(engine, data_dir, package, path.name)
        except (WrongKind, AlreadyRead) as exc:
            # In a sync folder: other laptops' returns, exports, and returns read before.
            if path in explicit:
                report.outcomes.append(Outcome(path, IGNORED, exc.reason))
            continue
        except PackageIgnored as exc:
            report.outcomes.append(Outcome(path, IGNORED, exc.reason))
            continue
        except PackageRefused as exc:
            report.outcomes.append(Outcome(path, REFUSED, exc.reason))
            continue
        note = (f"{applied.events_added} statusmoment(en) toegevoegd, "
                f"{applied.destinations_changed} organisaties en {applied.codes_changed} codes "
                "bijgewerkt")
        if applied.listed_initiatives is not None:
            note += f"; gemeentelijst met {applied.listed_initiatives} initiatieven ontvangen"
        if applied.events_unknown:
            note += f"; {applied.events_unknown} voor onbekende doorverwijzingen overgeslagen"
        report.outcomes.append(Outcome(path, IMPORTED, "", package.source_id,
                                       package.sequence, note))
    return report
