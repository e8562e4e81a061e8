"""Gemeente side: finding a laptop's referral to add a status to (issue 17).

The gemeente knows a referral by what the laptop's volunteer tells it on the phone or in a
mail: the short number (the first characters of the pseudonymous id that the laptop shows),
the laptop (source), the organisation it went to, or roughly when it was signalled. Any of
those narrows the list; the status itself is added with gemeente_returns.add_status_event.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, and_, func, select

from vrijwilligers_app.store.gemeente.tables import SNAPSHOT, gemeente_metadata

_SOURCES = gemeente_metadata.tables["gemeente_source"]
SHORT = 8  # characters of the referral key the laptop shows as its number


@dataclass(frozen=True)
class ReferralHit:
    source_id: str
    source_name: str
    key: str
    signalled_on: date
    status: str
    organisation: str  # code
    organisation_name: str
    urgency: str

    @property
    def short(self) -> str:
        return self.key[:SHORT]


def find_referrals(engine: Engine, number: str = "", source: str = "", organisation: str = "",
                   start: date | None = None, end: date | None = None,
                   limit: int = 500) -> list[ReferralHit]:
    """Referrals in the gemeente's snapshots matching every filter given (case-insensitive:
    number = start of the key; source = part of the laptop's name or id; organisation = part
    of its code or name); newest signalled first, at most `limit`. Filtered in the database
    (LIKE with the user's % and _ escaped); only the hits come to Python."""
    r, k, s = SNAPSHOT["doorverwijzingen"], SNAPSHOT["sociale_kaart"], _SOURCES
    org_name = func.coalesce(k.c.organisatie, "")
    query = select(r.c.source_id, s.c.name, r.c.id, r.c.gesignaleerd_op, r.c.status,
                   r.c.organisatie, org_name, r.c.urgentie).select_from(
        r.join(s, s.c.source_id == r.c.source_id).outerjoin(
            k, and_(k.c.source_id == r.c.source_id, k.c.code == r.c.organisatie)))
    number, source, organisation = (number.strip().lower(), source.strip().lower(),
                                    organisation.strip().lower())
    if number:  # keys are lower-case hex
        query = query.where(r.c.id.startswith(number, autoescape=True))
    if source:
        query = query.where(func.lower(s.c.name + " " + s.c.source_id).contains(
            source, autoescape=True))
    if organisation:
        query = query.where(func.lower(r.c.organisatie + " " + org_name).contains(
            organisation, autoescape=True))
    if start:
        query = query.where(r.c.gesignaleerd_op >= start)
    if end:
        query = query.where(r.c.gesignaleerd_op <= end)
    query = query.order_by(r.c.gesignaleerd_op.desc(), r.c.id.desc()).limit(limit)
    with engine.connect() as connection:
        hits = [ReferralHit(src, name or src[:SHORT], key, signalled, status, code, named or "",
                            urgency)
                for src, name, key, signalled, status, code, named, urgency
                in connection.execute(query)]
    return hits
