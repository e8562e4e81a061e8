"""SQL of reading a gemeente return package on the laptop (services/exchange/laptop_returns).

Every function runs on the caller's Session: the whole package is applied in one transaction
(code lists, sociale kaart, status events, the package record), all or nothing. The service
keeps the rules (which code lists, what changed, how rows are shaped).
"""

from collections.abc import Mapping
from typing import Any

from sqlalchemy import RowMapping, Table, insert, select, text, update
from sqlmodel import Session, col

from vrijwilligers_app.store.tables import Destination, ExchangePackage


def code_row(session: Session, table: Table, code: str) -> RowMapping | None:
    """The stored row of `code` in a code list, or None."""
    return session.execute(select(table).where(table.c.code == code)).mappings().first()


def insert_code(session: Session, table: Table, code: str, values: Mapping[str, Any]) -> None:
    session.execute(insert(table).values(code=code, **values))


def update_code(session: Session, table: Table, code: str, values: Mapping[str, Any]) -> None:
    session.execute(update(table).where(table.c.code == code).values(**values))


def life_domain_codes(session: Session) -> set[str]:
    return set(session.execute(text("SELECT code FROM life_domain")).scalars())


def destination_by_code(session: Session, code: str) -> Destination | None:
    return session.execute(select(Destination).where(
        col(Destination.code) == code)).scalars().first()


def clear_destination_domains(session: Session, destination_id: int) -> None:
    """Remove a destination's life domains (the package's list replaces them)."""
    session.execute(text("DELETE FROM destination_life_domain WHERE destination_id = :d"),
                    {"d": destination_id})


def referral_uuids(session: Session) -> list[tuple[int, str]]:
    """(id, uuid) of every referral."""
    return [(rid, uuid) for rid, uuid in session.execute(text("SELECT id, uuid FROM referral"))]


def destination_ids(session: Session) -> dict[str, int]:
    """Destination code -> id."""
    return {code: did for code, did in session.execute(text("SELECT code, id FROM destination"))}


def gemeente_event_uuids(session: Session) -> set[str]:
    """The uuids of the status events read from the gemeente before."""
    return set(session.execute(text(
        "SELECT uuid FROM referral_event WHERE source = 'gemeente'")).scalars())


def last_return_sequence(session: Session, signer: str) -> int | None:
    """The highest sequence number of the return packages read from this gemeente key."""
    return session.execute(select(col(ExchangePackage.sequence)).where(
        col(ExchangePackage.kind) == "return",
        col(ExchangePackage.source_id) == signer).order_by(
        col(ExchangePackage.sequence).desc())).scalars().first()
