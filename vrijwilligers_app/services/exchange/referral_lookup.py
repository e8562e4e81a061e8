"""Gemeente side: finding a laptop's referral to add a status to (issue 17).

The gemeente knows a referral by what the laptop's volunteer tells it on the phone or in a
mail: the short number (the first characters of the pseudonymous id that the laptop shows),
the laptop (source), the organisation it went to, or roughly when it was signalled. Any of
those narrows the list; the status itself is added with gemeente_returns.add_status_event.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, select
from sqlmodel import col

from vrijwilligers_app.services.exchange.merge import snapshot_rows
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.gemeente.tables import ExchangeSource

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
    of its code or name); newest signalled first, at most `limit`."""
    with read_session(engine) as session:
        names = {s.source_id: s.name for s in session.execute(
            select(ExchangeSource).order_by(col(ExchangeSource.source_id))).scalars()}
    kaart = {(src, row["code"]): row["organisatie"]
             for src, row in snapshot_rows(engine, "sociale_kaart")}
    number, source, organisation = (number.strip().lower(), source.strip().lower(),
                                    organisation.strip().lower())
    hits = []
    for src, row in snapshot_rows(engine, "doorverwijzingen"):
        signalled = date.fromisoformat(str(row["gesignaleerd_op"])[:10])
        if number and not str(row["id"]).lower().startswith(number):
            continue
        if source and source not in f"{names.get(src, '')} {src}".lower():
            continue
        code = str(row["organisatie"])
        org_name = kaart.get((src, code), "")
        if organisation and organisation not in f"{code} {org_name}".lower():
            continue
        if (start and signalled < start) or (end and signalled > end):
            continue
        hits.append(ReferralHit(src, names.get(src, "") or src[:SHORT], str(row["id"]),
                                signalled, str(row["status"]), code, org_name,
                                str(row["urgentie"])))
    hits.sort(key=lambda h: (h.signalled_on, h.key), reverse=True)
    return hits[:limit]
