"""Inzage (art. 15 AVG): everything the register holds about one resident, as sections of
plain text for the PDF (reports.inzage).

Sections: the record's fields, consents, maatjes (requests, matches, contacts,
evaluations), referrals with their full history, activities, what went to the gemeente
(the keyed pseudonyms and the export dates from the audit log) and the audit entries about
the resident. Each value is shown as stored, formatted the Dutch way.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from vrijwilligers_app.domain.referral_rules import EVENT_KINDS
from vrijwilligers_app.domain.validation import format_date_nl, format_phone
from vrijwilligers_app.services import audit
from vrijwilligers_app.services.consents.ledger import ledger
from vrijwilligers_app.services.editing.fields import form
from vrijwilligers_app.services.exchange.keys import KEYS_DIR, LAPTOP_FILE, laptop_keys
from vrijwilligers_app.services.exchange.projection import keyer
from vrijwilligers_app.store.queries import inzage as queries
from vrijwilligers_app.store.queries.care_specs import REFERRAL_STATUS


@dataclass(frozen=True)
class Section:
    title: str
    headers: tuple[str, ...] = ()  # empty: `rows` are (label, value) pairs
    rows: Sequence[tuple[str, ...]] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class Inzage:
    resident_id: int
    name: str
    sections: list[Section]


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_date_nl(date.fromisoformat(value[:10])) + value[10:16]
        except ValueError:
            return value
    return str(value)


def _dates(*steps: tuple[str, Any]) -> str:
    """'aangemeld 28-09-2025; intake 08-10-2025': the steps that happened, in one cell."""
    return "; ".join(f"{label} {_text(day)}" for label, day in steps if day) or "—"


def _fields(c: Connection, rid: int) -> tuple[str, Section]:
    row = queries.resident(c, rid)
    pairs: list[tuple[str, str]] = []
    for spec in form("residents"):
        if spec.key not in row or spec.group == "Toestemming":  # consents: from the ledger
            continue
        value = row[spec.key]
        if spec.kind == "bool":
            value = bool(value)
        shown = format_phone(value) if spec.key == "phone" and value else _text(value)
        pairs.append((spec.label, shown))
    pairs += [("Leeftijdsgroep (na anonimiseren)", _text(row["age_band"])),
              ("Geanonimiseerd op", _text(row["anonymised_on"])),
              ("Gearchiveerd op", _text(row["archived_at"])),
              ("Vastgelegd op", _text(str(row["created_at"]))),
              ("Laatst gewijzigd op", _text(str(row["updated_at"]))),
              ("Dossiernummer", str(rid)), ("Kenmerk (uuid)", row["uuid"])]
    name = " ".join(p for p in (row["first_name"], row["name_prefix"], row["last_name"]) if p)
    return name, Section("Gegevens", rows=pairs)


def _consents(engine: Engine, rid: int) -> Section:
    """The consent ledger (services.consents): given, how, by whom, withdrawn."""
    return Section("Toestemmingen", ("Waarvoor", "Gegeven op", "Hoe", "Vastgelegd door",
                                     "Ingetrokken op"),
                   [(row.what, _text(row.given_on.isoformat()), row.how,
                     _text(row.recorded_by),
                     _text(row.withdrawn_on.isoformat() if row.withdrawn_on else None))
                    for row in ledger(engine, rid)])


def _maatjes(c: Connection, rid: int) -> list[Section]:
    requests = queries.requests(c, rid)
    matches = queries.matches(c, rid)
    contacts = queries.contacts(c, rid)
    evaluations = queries.evaluations(c, rid)
    return [
        Section("Maatjesaanvragen", ("Nr.", "Project", "Status", "Datums", "Reden", "Wens",
                                     "Interesses"),
                [(_text(r[0]), _text(r[1]), _text(r[2]),
                  _dates(("aangemeld", r[3]), ("intake", r[4]), ("wachtend", r[5]),
                         ("afgesloten", r[6])), *map(_text, r[7:])) for r in requests]),
        Section("Maatjeskoppelingen", ("Nr.", "Aanvraag", "Vrijwilliger", "Datums", "Reden",
                                       "Notities"),
                [(_text(r[0]), _text(r[1]), _text(r[2]),
                  _dates(("voorgesteld", r[3]), ("gestart", r[4]), ("beëindigd", r[5])),
                  *map(_text, r[6:])) for r in matches]),
        Section("Contactmomenten", ("Koppeling", "Datum", "Soort", "Minuten", "Notitie"),
                [tuple(map(_text, r)) for r in contacts]),
        Section("Evaluaties", ("Koppeling", "Gepland", "Gehouden", "Uitkomst", "Doorgaan"),
                [(*map(_text, r[:4]), _text(None if r[4] is None else bool(r[4])))
                 for r in evaluations]),
    ]


def _referrals(c: Connection, rid: int) -> list[Section]:
    sections = []
    for r in queries.referrals(c, rid):
        pairs = [("Organisatie", _text(r[1])), ("Gesignaleerd", _text(r[2])),
                 ("Status", REFERRAL_STATUS.get(r[3], r[3])), ("Urgentie", _text(r[4])),
                 ("Toestemming doorgeven op", _text(r[5])), ("Vraag", _text(r[6])),
                 ("Leefdomeinen", _text(r[7].replace(",", ", "))),
                 ("Leeftijdsgroep", _text(r[8])), ("Wijk", _text(r[9]))]
        events = queries.referral_events(c, r[0])
        sections.append(Section(f"Doorverwijzing {r[0]}", rows=pairs))
        sections.append(Section(f"Geschiedenis van doorverwijzing {r[0]}",
                                ("Moment", "Stap", "Naar", "Uitkomst", "Notitie", "Bron"),
                                [(_text(str(e[0])), EVENT_KINDS.get(e[1], e[1]),
                                  *map(_text, e[2:])) for e in events]))
    return sections


def _activities(c: Connection, rid: int) -> Section:
    rows = queries.activities(c, rid)
    return Section("Deelname aan activiteiten", ("Datum", "Activiteit", "Initiatief"),
                   [tuple(map(_text, map(str, r))) for r in rows])


def _exported(engine: Engine, c: Connection, rid: int, data_dir: Path | None) -> Section:
    note = ("Naar de gemeente gaan nooit naam, telefoon, e-mail, adres, geboortejaar of vrije "
            "tekst; alleen een pseudoniem met leeftijdsgroep, wijk en de 4 cijfers van de "
            "postcode, en datums, codes en statussen van aanvragen, koppelingen en "
            "doorverwijzingen.")
    if data_dir is None or not (data_dir / KEYS_DIR / LAPTOP_FILE).exists():
        return Section("Gedeeld met de gemeente", rows=[("Exports", "nooit geëxporteerd")],
                       note=note)
    key = keyer(laptop_keys(data_dir).pseudonym_secret)
    (uuid, created), referral_ids, request_ids = queries.uuids(c, rid)
    pairs = [("Pseudoniem inwoner", key("inwoner", uuid))]
    pairs += [(f"Pseudoniem doorverwijzing {r[0]}", key("doorverwijzing", r[1]))
              for r in referral_ids]
    pairs += [(f"Pseudoniem maatjesaanvraag {r[0]}", key("aanvraag", r[1]))
              for r in request_ids]
    since = date.fromisoformat(str(created)[:10])
    exports = [e for e in audit.entries(engine, start=since, kinds=["export"])]
    pairs += [("Export", f"{format_date_nl(e.at.astimezone().date())} {e.at.astimezone():%H:%M}"
               f" ({e.detail})") for e in reversed(exports)] or [("Exports", "geen")]
    return Section("Gedeeld met de gemeente", rows=pairs, note=note)


def _audit(engine: Engine, rid: int) -> Section:
    lines = audit.entries(engine, subject_kind="resident", subject_id=rid)
    return Section("Logboek: wie wat met dit dossier deed", ("Moment", "Wat", "Door"),
                   [(f"{format_date_nl(e.at.astimezone().date())} {e.at.astimezone():%H:%M}",
                     e.label, e.actor or "—") for e in reversed(lines)])


def collect(engine: Engine, resident_id: int, data_dir: Path | None) -> Inzage:
    with engine.connect() as c:
        name, fields = _fields(c, resident_id)
        consents = _consents(engine, resident_id)
        sections: Sequence[Section] = [fields, consents, *_maatjes(c, resident_id),
                                       *_referrals(c, resident_id),
                                       _activities(c, resident_id),
                                       _exported(engine, c, resident_id, data_dir)]
    return Inzage(resident_id, name, [*sections, _audit(engine, resident_id)])
