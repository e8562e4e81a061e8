"""What a laptop shares: the privacy projection of the register into the export tables.

Privacy by default (see docs/DESIGN.md, "Uitwisseling"):
- residents only as a keyed pseudonym (keyed BLAKE2b with a secret that never leaves the
  laptop), age band, wijk and PC4: no name, phone, e-mail, street, birth year or free text;
  and as such a row only with a current consent to be counted for the gemeente (the consent
  ledger, purpose 'gemeente'), generalised until every (age band, PC4, wijk) holds at least
  5 residents (domain.k_anonymity). Everyone else is only counted per wijk
  (`inwoners_geteld`), and their requests and referrals carry no pseudonym;
- requests, matches, referrals and events by keyed ids too (the gemeente can follow a
  referral through its history and send status back, but cannot link it to another laptop's
  data or to a person); no wishes, notes, questions or outcomes;
- volunteers only as counts per initiative, plus name and role of those who agreed to be
  listed (`listed_consent`);
- initiatives and the sociale kaart are public data and go in full;
- activities as date, wijk and numbers (no theme, speaker, location or notes).
Events the gemeente sent back keep their own id, so the gemeente recognises them.
"""

from datetime import date
from typing import Any

from sqlalchemy import Engine

from vrijwilligers_app.services.exchange.export_rows import export_rows
from vrijwilligers_app.services.exchange.projection_small import Rows, keyer, sociale_kaart

__all__ = ["DESCRIPTIONS", "LEFT_OUT", "Rows", "keyer", "project", "sociale_kaart"]


def project(engine: Engine, secret: bytes, today: date) -> dict[str, Rows]:
    """Every export table's rows as dicts, read in one snapshot transaction: the same
    stream the export writes (export_rows.py), held in memory (previews of small registers,
    tests)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for table, rows in export_rows(engine, secret, today):
        header = table.header
        tables[table.name] = [dict(zip(header, row, strict=True)) for row in rows]
    return tables


DESCRIPTIONS = {
    "initiatieven": "alle gegevens (openbaar)",
    "sociale_kaart": "alle organisaties (openbaar)",
    "vrijwilligers_per_initiatief": "alleen aantallen",
    "vrijwilligers_vermeld": "naam en rol, alleen van wie daar toestemming voor gaf",
    "inwoners": "pseudoniem, leeftijdsgroep, wijk en de 4 cijfers van de postcode; alleen "
                "met toestemming, en zo grof dat elke combinatie minstens 5 inwoners telt",
    "inwoners_geteld": "alleen aantallen per wijk: wie geen toestemming gaf of te herkenbaar "
                       "zou zijn",
    "maatjes_aanvragen": "datums, status en reden van afsluiten",
    "maatjeskoppelingen": "datums, reden van beëindigen en het aantal contactmomenten",
    "doorverwijzingen": "organisatie, urgentie, leefdomeinen, wijk, leeftijdsgroep, status",
    "statusmomenten": "soort en datum van elke stap",
    "activiteiten": "datum, wijk, diensten en vrijwilligersuren",
    "bezoekers": "aantallen per soort bezoeker",
}
LEFT_OUT = (
    "namen, telefoonnummers, e-mailadressen, straat en huisnummer van inwoners",
    "geboortejaren (alleen de leeftijdsgroep gaat mee)",
    "vrije tekst: wensen, vragen, notities, uitkomsten van nabellen, evaluaties",
    "gegevens van vrijwilligers die niet vermeld willen worden (alleen aantallen)",
    "thema, spreker en locatie van activiteiten",
)
