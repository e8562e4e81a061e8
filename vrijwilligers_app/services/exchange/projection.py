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

import hashlib
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, text

from vrijwilligers_app.domain.k_anonymity import Row as KRow
from vrijwilligers_app.domain.k_anonymity import generalise
from vrijwilligers_app.domain.person_fields import age_band
from vrijwilligers_app.domain.validation import (
    ValidationError,
    format_phone,  # '0492 123 456': no '+' to neutralise
    pc4,
)

Rows = list[dict[str, Any]]


def keyer(secret: bytes) -> Callable[[str, str], str]:
    """kind, uuid -> 32 hex digits of keyed BLAKE2b (a MAC by design, like HMAC-SHA256, and
    one C call: 870,000 keys of demo groot in ~1 s instead of ~4 s); the same register gives
    the same keys."""
    def key(kind: str, uuid: str) -> str:
        return hashlib.blake2b(f"{kind}:{uuid}".encode(), key=secret,
                               digest_size=16).hexdigest()

    return key


def _pc4(postcode: str | None) -> str | None:
    try:
        return pc4(postcode or "") or None
    except ValidationError:
        return None


def _all(connection: Connection, sql: str, **params: Any) -> list[Any]:
    return list(connection.execute(text(sql), params).all())


def _split(value: str | None) -> str:
    return ";".join(sorted(filter(None, (value or "").split(","))))


def _initiatives(c: Connection) -> Rows:
    return [{
        "id": r.uuid, "naam": r.name, "soort": r.type_code, "beschrijving": r.description,
        "contactpersoon": r.contact_name, "telefoon": format_phone(r.phone), "email": r.email,
        "website": r.website, "adres": r.address, "postcode": r.postcode,
        "wijken": _split(r.districts), "leefdomeinen": _split(r.domains),
        "gesubsidieerd": bool(r.subsidised), "subsidiekenmerk": r.subsidy_reference,
        "subsidiebedrag_centen": r.subsidy_amount_cents, "subsidiejaar": r.subsidy_year,
        "startdatum": r.start_date, "einddatum": r.end_date, "gearchiveerd_op": r.archived_at,
        "gemeente_id": r.gemeente_id,  # linked by a user to the gemeente's list (issue 17)
    } for r in _all(c, """
        SELECT i.*, (SELECT group_concat(district_code) FROM initiative_district
                     WHERE initiative_id = i.id) AS districts,
               (SELECT group_concat(life_domain_code) FROM initiative_life_domain
                WHERE initiative_id = i.id) AS domains,
               (SELECT canonical_id FROM initiative_canonical_link
                WHERE initiative_id = i.id) AS gemeente_id
        FROM initiative i ORDER BY i.uuid""")]


def sociale_kaart(c: Connection) -> Rows:
    return [{
        "code": r.code, "organisatie": r.organisation, "dienst": r.service,
        "telefoon": format_phone(r.phone), "email": r.email, "website": r.website,
        "reactietermijn_dagen": r.agreed_response_days, "actief": bool(r.active),
        "leefdomeinen": _split(r.domains),
    } for r in _all(c, """
        SELECT d.*, (SELECT group_concat(life_domain_code) FROM destination_life_domain
                     WHERE destination_id = d.id) AS domains
        FROM destination d ORDER BY d.code""")]


_ACTIVE_ROLE = """
    FROM volunteer_role vr JOIN volunteer v ON v.id = vr.volunteer_id
    JOIN initiative i ON i.id = vr.initiative_id
    WHERE v.archived_at IS NULL AND (v.end_date IS NULL OR v.end_date >= :today)
      AND (vr.end_date IS NULL OR vr.end_date >= :today)"""


def _volunteer_counts(c: Connection, today: date) -> Rows:
    return [{"initiatief": r.uuid, "actief": r.active, "met_vog": r.vog, "vermeld": r.listed}
            for r in _all(c, f"""
        SELECT i.uuid, count(DISTINCT v.id) AS active,
               count(DISTINCT CASE WHEN v.vog_date IS NOT NULL THEN v.id END) AS vog,
               count(DISTINCT CASE WHEN v.listed_consent THEN v.id END) AS listed
        {_ACTIVE_ROLE} GROUP BY i.uuid ORDER BY i.uuid""", today=today)]


def _listed_volunteers(c: Connection, today: date) -> Rows:
    return [{"id": r.vuuid, "voornaam": r.first_name, "tussenvoegsel": r.name_prefix,
             "achternaam": r.last_name, "initiatief": r.iuuid, "rol": r.role_code}
            for r in _all(c, f"""
        SELECT DISTINCT v.uuid AS vuuid, v.first_name, v.name_prefix, v.last_name,
               i.uuid AS iuuid, vr.role_code
        {_ACTIVE_ROLE} AND v.listed_consent ORDER BY v.uuid, i.uuid, vr.role_code""",
                                today=today)]


def project(engine: Engine, secret: bytes, today: date) -> dict[str, Rows]:
    """Every export table's rows, read in one snapshot transaction."""
    key = keyer(secret)
    with engine.connect() as c:
        residents = _all(c, """
            SELECT id, uuid, birth_year, age_band, district_code, postcode,
                   EXISTS (SELECT 1 FROM consent x WHERE x.resident_id = resident.id
                           AND x.purpose = 'gemeente' AND x.withdrawn_on IS NULL) AS counted
            FROM resident
            WHERE archived_at IS NULL OR id IN (SELECT resident_id FROM buddy_request)
               OR id IN (SELECT resident_id FROM referral WHERE resident_id IS NOT NULL)""")
        rows_out, counted = _resident_rows(residents, key, today)
        pseudonym = {r.id: shown for r in residents
                     if (shown := key("inwoner", r.uuid)) in rows_out}
        resident_by_id = {r.id: r for r in residents}
        requests = _all(c, """SELECT b.*, i.uuid AS iuuid FROM buddy_request b
                              JOIN initiative i ON i.id = b.initiative_id""")
        request_key = {r.id: key("aanvraag", r.uuid) for r in requests}
        referrals = _all(c, """SELECT r.*, d.code AS dcode, i.uuid AS iuuid,
                   (SELECT group_concat(life_domain_code) FROM referral_life_domain
                    WHERE referral_id = r.id) AS domains
            FROM referral r JOIN destination d ON d.id = r.destination_id
            LEFT JOIN initiative i ON i.id = r.initiative_id""")
        referral_key = {r.id: key("doorverwijzing", r.uuid) for r in referrals}
        tables: dict[str, Rows] = {
            "initiatieven": _initiatives(c),
            "sociale_kaart": sociale_kaart(c),
            "vrijwilligers_per_initiatief": _volunteer_counts(c, today),
            "vrijwilligers_vermeld": _listed_volunteers(c, today),
            "inwoners": sorted(rows_out.values(), key=lambda r: r["pseudoniem"]),
            "inwoners_geteld": counted,
            "maatjes_aanvragen": [{
                "id": request_key[r.id], "inwoner": pseudonym.get(r.resident_id),
                "initiatief": r.iuuid, "status": r.status, "aangemeld_op": r.requested_on,
                "intake_op": r.intake_on, "wachtend_sinds": r.waiting_since,
                "afgesloten_op": r.closed_on, "afsluitreden": r.close_reason_code,
            } for r in requests],
            "maatjeskoppelingen": [{
                "id": key("koppeling", r.uuid), "aanvraag": request_key[r.request_id],
                "voorgesteld_op": r.proposed_on, "gestart_op": r.started_on,
                "beeindigd_op": r.ended_on, "reden": r.end_reason_code,
                "contactmomenten": r.contacts,
            } for r in _all(c, """SELECT m.*, (SELECT count(*) FROM contact_moment
                                   WHERE match_id = m.id) AS contacts FROM buddy_match m""")],
            "doorverwijzingen": [_referral(r, referral_key[r.id], pseudonym,
                                           resident_by_id, rows_out) for r in referrals],
            "statusmomenten": [{
                "id": r.uuid if r.source == "gemeente" else key("status", r.uuid),
                "doorverwijzing": referral_key[r.referral_id], "soort": r.kind,
                "moment": r.occurred_at, "organisatie": r.dcode, "bron": r.source,
            } for r in _all(c, """SELECT e.uuid, e.referral_id, e.kind, e.occurred_at,
                                         e.source, d.code AS dcode
                                  FROM referral_event e
                                  LEFT JOIN destination d ON d.id = e.destination_id""")],
            "activiteiten": [{
                "id": r.uuid, "initiatief": r.iuuid, "datum": r.starts_at[:10],
                "wijk": r.district_code, "afgelast": bool(r.cancelled), "diensten": r.shifts,
                "diensten_bezet": r.filled, "vrijwilligersuren": r.hours or 0.0,
                "benoemde_deelnemers": r.named,
            } for r in _all(c, """
                SELECT a.uuid, i.uuid AS iuuid, a.starts_at, a.district_code, a.cancelled,
                  (SELECT count(*) FROM shift s WHERE s.activity_id = a.id) AS shifts,
                  (SELECT count(*) FROM shift s WHERE s.activity_id = a.id
                   AND s.volunteer_id IS NOT NULL) AS filled,
                  (SELECT sum(coalesce(s.hours, (julianday(s.ends_at) - julianday(s.starts_at))
                   * 24)) FROM shift s WHERE s.activity_id = a.id
                   AND s.volunteer_id IS NOT NULL AND s.status <> 'afwezig') AS hours,
                  (SELECT count(*) FROM participation p WHERE p.activity_id = a.id) AS named
                FROM activity a JOIN initiative i ON i.id = a.initiative_id""")],
            "bezoekers": [{"activiteit": r.uuid, "bezoekerstype": r.visitor_type_code,
                           "aantal": r.visitors} for r in _all(c, """
                SELECT a.uuid, t.visitor_type_code, t.visitors FROM attendance t
                JOIN activity a ON a.id = t.activity_id""")],
        }
    return tables


def _resident_band(r: Any, today: date) -> str:
    """An anonymised resident has no birth year, only the band it gave (domain.anonymisation)."""
    if r.birth_year is None and r.age_band:
        return str(r.age_band)
    return age_band(r.birth_year, today)


def _resident_rows(residents: list[Any], key: Callable[[str, str], str], today: date
                   ) -> tuple[dict[str, dict[str, Any]], Rows]:
    """The `inwoners` rows by pseudonym (consenting, generalised) and the counts per wijk of
    everyone else."""
    candidates = [KRow(key("inwoner", r.uuid), _resident_band(r, today), _pc4(r.postcode),
                       r.district_code) for r in residents if r.counted]
    sent, rare = generalise(candidates)
    per_wijk = Counter(r.wijk or "onbekend" for r in rare)
    per_wijk.update(r.district_code or "onbekend" for r in residents if not r.counted)
    rows = {r.key: {"pseudoniem": r.key, "leeftijdsgroep": r.band, "wijk": r.wijk,
                    "pc4": r.pc4} for r in sent}
    return rows, [{"wijk": wijk, "aantal": n} for wijk, n in sorted(per_wijk.items())]


def _referral(r: Any, referral_key: str, pseudonym: dict[int, str],
              residents: dict[int, Any], rows_out: dict[str, dict[str, Any]]
              ) -> dict[str, Any]:
    resident = residents.get(r.resident_id) if r.resident_id is not None else None
    signalled = date.fromisoformat(str(r.signalled_on)[:10])
    band = r.age_band or (age_band(resident.birth_year, signalled) if resident else "onbekend")
    shown = pseudonym.get(r.resident_id) if resident else None
    return {
        "id": referral_key, "inwoner": shown,
        "wijk": r.district_code or (resident.district_code if resident else None),
        "leeftijdsgroep": band, "pc4": rows_out[shown]["pc4"] if shown else None,
        "initiatief": r.iuuid, "organisatie": r.dcode, "urgentie": r.urgency,
        "gesignaleerd_op": signalled, "status": r.status, "leefdomeinen": _split(r.domains),
    }


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
