"""The privacy projection as a stream: per export table, its rows as tuples in column order,
read from a DB-API cursor of one snapshot transaction (the rules: projection.py's docstring).

Only what the rules need for every row is held in memory: the residents (k-anonymity looks
at all of them at once) as one small tuple each. The big tables (requests, matches,
referrals, status events, activities, visitors) go from the cursor straight to the caller:
keyed ids are computed per row from the joined uuids, never kept in a dict.
"""

from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import Engine

from vrijwilligers_app.domain.k_anonymity import Row as KRow
from vrijwilligers_app.domain.k_anonymity import generalise
from vrijwilligers_app.domain.person_fields import age_band
from vrijwilligers_app.services.exchange.cells import Formatted, moment_cell, text_cell
from vrijwilligers_app.services.exchange.projection_small import (
    Rows,
    initiatives,
    keyer,
    kind_keyer,
    listed_volunteers,
    pc4_of,
    sociale_kaart,
    split_codes,
    volunteer_counts,
)
from vrijwilligers_app.services.exchange.schema import EXPORT_TABLES, Table

Row = tuple[Any, ...]
TABLES = {t.name: t for t in EXPORT_TABLES}
# resident id -> (pseudonym when sent as a row, its sent pc4, birth year, district)
Residents = dict[int, tuple[str | None, str | None, int | None, str | None]]


def _as_tuples(table: Table, rows: Rows) -> list[Row]:
    return [tuple(row.get(name) for name in table.header) for row in rows]


def _residents(cursor: Any, key: Callable[[str, str], str], today: date
               ) -> tuple[list[Row], list[Row], Residents]:
    """The `inwoners` rows (consenting, generalised, by pseudonym), the counts per wijk of
    everyone else, and what the other tables need to know of each resident."""
    cursor.execute("""
        SELECT id, uuid, birth_year, age_band, district_code, postcode,
               EXISTS (SELECT 1 FROM consent x WHERE x.resident_id = resident.id
                       AND x.purpose = 'gemeente' AND x.withdrawn_on IS NULL) AS counted
        FROM resident
        WHERE archived_at IS NULL OR id IN (SELECT resident_id FROM buddy_request)
           OR id IN (SELECT resident_id FROM referral WHERE resident_id IS NOT NULL)""")
    residents = cursor.fetchall()
    pseudonyms = {r[0]: key("inwoner", r[1]) for r in residents if r[6]}
    # An anonymised resident has no birth year, only the band it gave (domain.anonymisation).
    sent, rare = generalise([
        KRow(pseudonyms[id_], str(band) if year is None and band else age_band(year, today),
             pc4_of(postcode), district) for id_, _, year, band, district, postcode, counted
        in residents if counted])
    per_wijk = Counter(r.wijk or "onbekend" for r in rare)
    per_wijk.update(r[4] or "onbekend" for r in residents if not r[6])
    shown = {r.key: r.pc4 for r in sent}
    known: Residents = {}
    for id_, _, year, _, district, _, _ in residents:
        pseudonym = pseudonyms.get(id_)
        if pseudonym not in shown:
            pseudonym = None
        known[id_] = (pseudonym, shown[pseudonym] if pseudonym else None, year, district)
    rows = sorted((r.key, r.band, r.wijk, r.pc4) for r in sent)
    return rows, sorted(per_wijk.items()), known


def _requests(cursor: Any, key: Callable[[str, str], str], known: Residents
              ) -> Iterator[Row]:
    cursor.execute("""SELECT b.uuid, b.resident_id, i.uuid, b.status, b.requested_on,
                             b.intake_on, b.waiting_since, b.closed_on, b.close_reason_code
                      FROM buddy_request b JOIN initiative i ON i.id = b.initiative_id""")
    nobody = (None, None, None, None)
    for uuid, resident, *rest in cursor:
        yield (key("aanvraag", uuid), known.get(resident, nobody)[0], *rest)


def _matches(cursor: Any, key: Callable[[str, str], str]) -> Iterator[Row]:
    cursor.execute("""SELECT m.uuid, b.uuid, m.proposed_on, m.started_on, m.ended_on,
                             m.end_reason_code,
                             (SELECT count(*) FROM contact_moment WHERE match_id = m.id)
                      FROM buddy_match m JOIN buddy_request b ON b.id = m.request_id""")
    for uuid, request, *rest in cursor:
        yield (key("koppeling", uuid), key("aanvraag", request), *rest)


def _referrals(cursor: Any, key: Callable[[str, str], str], known: Residents
               ) -> Iterator[Row]:
    cursor.execute("""SELECT r.uuid, r.resident_id, r.district_code, r.age_band, i.uuid,
                             d.code, r.urgency, r.signalled_on, r.status,
                   (SELECT group_concat(life_domain_code) FROM referral_life_domain
                    WHERE referral_id = r.id)
            FROM referral r JOIN destination d ON d.id = r.destination_id
            LEFT JOIN initiative i ON i.id = r.initiative_id""")
    for uuid, resident_id, district, band, initiative, code, urgency, signalled, status, \
            domains in cursor:
        resident = known.get(resident_id) if resident_id is not None else None
        on = date.fromisoformat(str(signalled)[:10])
        if resident is None:
            band = band or "onbekend"
            yield (key("doorverwijzing", uuid), None, district, band, None, initiative,
                   code, urgency, on, status, split_codes(domains))
            continue
        shown, pc4, year, home = resident
        yield (key("doorverwijzing", uuid), shown, district or home,
               band or age_band(year, on), pc4, initiative, code, urgency, on, status,
               split_codes(domains))


def _events(cursor: Any, secret: bytes) -> Iterator[Row]:
    """Events the gemeente sent back keep their own id, so the gemeente recognises them.
    The biggest table: its cells are formatted here (cells.Formatted), and a referral's
    key is made once for its run of events (they come in the order they were added)."""
    cursor.execute("""SELECT e.uuid, e.source, r.uuid, e.kind, e.occurred_at, d.code
                      FROM referral_event e JOIN referral r ON r.id = e.referral_id
                      LEFT JOIN destination d ON d.id = e.destination_id""")
    status_key = kind_keyer(secret, "status")
    referral_key = kind_keyer(secret, "doorverwijzing")
    last, last_key = None, ""
    for uuid, source, referral, kind, moment, code in cursor:
        if referral != last:
            last, last_key = referral, referral_key(referral)
        yield (text_cell(uuid) if source == "gemeente" else status_key(uuid), last_key,
               kind, moment_cell(moment), code, source)


_ACTIVITIES = """
    SELECT a.uuid, i.uuid, substr(a.starts_at, 1, 10), a.district_code, a.cancelled,
      (SELECT count(*) FROM shift s WHERE s.activity_id = a.id),
      (SELECT count(*) FROM shift s WHERE s.activity_id = a.id
       AND s.volunteer_id IS NOT NULL),
      coalesce((SELECT sum(coalesce(s.hours, (julianday(s.ends_at) - julianday(s.starts_at))
       * 24)) FROM shift s WHERE s.activity_id = a.id
       AND s.volunteer_id IS NOT NULL AND s.status <> 'afwezig'), 0.0),
      (SELECT count(*) FROM participation p WHERE p.activity_id = a.id)
    FROM activity a JOIN initiative i ON i.id = a.initiative_id"""
_VISITORS = """SELECT a.uuid, t.visitor_type_code, t.visitors FROM attendance t
               JOIN activity a ON a.id = t.activity_id"""


def export_rows(engine: Engine, secret: bytes, today: date
                ) -> Generator[tuple[Table, Iterable[Row]], None, None]:
    """(table, its rows) for every export table in schema order, all read in one snapshot
    transaction. Each table's rows must be consumed before the next table is asked for."""
    key = keyer(secret)
    with engine.connect() as connection, connection.begin():
        small = {
            "initiatieven": initiatives(connection),
            "sociale_kaart": sociale_kaart(connection),
            "vrijwilligers_per_initiatief": volunteer_counts(connection, today),
            "vrijwilligers_vermeld": listed_volunteers(connection, today),
        }
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            for name, rows in small.items():
                yield TABLES[name], _as_tuples(TABLES[name], rows)
            inwoners, counted, known = _residents(cursor, key, today)
            yield TABLES["inwoners"], inwoners
            del inwoners
            yield TABLES["inwoners_geteld"], counted
            yield TABLES["maatjes_aanvragen"], _requests(cursor, key, known)
            yield TABLES["maatjeskoppelingen"], _matches(cursor, key)
            yield TABLES["doorverwijzingen"], _referrals(cursor, key, known)
            yield TABLES["statusmomenten"], Formatted(_events(cursor, secret))
            cursor.execute(_ACTIVITIES)
            yield TABLES["activiteiten"], cursor
            cursor.execute(_VISITORS)
            yield TABLES["bezoekers"], cursor
        finally:
            cursor.close()


def estimate_rows(engine: Engine) -> int:
    """About how many rows an export writes (for its progress bar): the big source tables."""
    with engine.connect() as connection:
        return int(connection.exec_driver_sql("""SELECT
            (SELECT count(*) FROM resident) + (SELECT count(*) FROM buddy_request)
            + (SELECT count(*) FROM buddy_match) + (SELECT count(*) FROM referral)
            + (SELECT count(*) FROM referral_event) + (SELECT count(*) FROM activity)
            + (SELECT count(*) FROM attendance)""").scalar_one())
