"""The sociale kaart's read side: every destination with its leefdomeinen and usage."""

from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session, col, select

from vrijwilligers_app.store.tables import Destination, DestinationLifeDomain, LifeDomain


@dataclass(frozen=True)
class DestinationRow:
    id: int
    code: str
    organisation: str
    service: str
    phone: str
    email: str
    website: str
    agreed_response_days: int | None
    life_domains: tuple[str, ...]
    active: bool
    referrals: int  # referrals that were sent here first

    @property
    def name(self) -> str:
        return f"{self.organisation} – {self.service}" if self.service else self.organisation


def destination_rows(session: Session) -> list[DestinationRow]:
    """All destinations, active first, by organisation and service."""
    domains: dict[int, list[str]] = {}
    for destination_id, code in session.exec(
            select(DestinationLifeDomain.destination_id,
                   DestinationLifeDomain.life_domain_code)
            .join(LifeDomain, col(LifeDomain.code) == DestinationLifeDomain.life_domain_code)
            .order_by(col(LifeDomain.sort_order))):
        domains.setdefault(destination_id, []).append(code)
    used = dict(session.execute(text(  # type: ignore[call-overload]
        "SELECT destination_id, count(*) FROM referral GROUP BY destination_id")).all())
    rows = session.exec(select(Destination).order_by(
        col(Destination.active).desc(), col(Destination.organisation),
        col(Destination.service))).all()
    return [DestinationRow(d.id or 0, d.code, d.organisation, d.service, d.phone, d.email,
                           d.website, d.agreed_response_days,
                           tuple(domains.get(d.id or 0, ())), d.active,
                           int(used.get(d.id, 0)))
            for d in rows]
