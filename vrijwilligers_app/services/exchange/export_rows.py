"""The privacy projection as a stream: per export table, its rows as tuples in column order,
read from a DB-API cursor of one snapshot transaction (the rules: projection.py's docstring).

Memory does not grow with the register: k-anonymity is decided on the counts per (age
band, PC4, wijk) (a few thousand combinations), after which the residents are read again,
sorted by pseudonym in SQLite, and every other table goes from the cursor straight to the
caller; keyed ids and a resident's pseudonym are computed per row from the joined columns,
never kept in a dict. Only the small public tables (initiatives, sociale kaart, volunteer
counts) are read whole.
"""

from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Engine

from vrijwilligers_app.domain.k_anonymity import Combination, generalise_counts
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
_SELECTED = """(archived_at IS NULL OR id IN (SELECT resident_id FROM buddy_request)
    OR id IN (SELECT resident_id FROM referral WHERE resident_id IS NOT NULL))"""
_COUNTED = """EXISTS (SELECT 1 FROM consent x WHERE x.resident_id = {id}
    AND x.purpose = 'gemeente' AND x.withdrawn_on IS NULL)"""
_RESIDENT = f"""p.uuid, p.birth_year, p.age_band, p.district_code, p.postcode,
    {_COUNTED.format(id="p.id")}"""


def _as_tuples(table: Table, rows: Rows) -> list[Row]:
    return [tuple(row.get(name) for name in table.header) for row in rows]


def resident_band(birth_year: int | None, given: str | None, today: date) -> str:
    """An anonymised resident has no birth year, only the band it gave (domain.anonymisation)."""
    if birth_year is None and given:
        return str(given)
    return age_band(birth_year, today)


class Consenting:
    """Which residents go as a row (consenting, generalised) and as what, decided by
    k-anonymity on the counts per (band, PC4, wijk) of the consenting residents
    (domain.k_anonymity.generalise_counts): only those counts are held, never the residents.
    `per_wijk`: everyone else, counted per wijk (`inwoners_geteld`)."""

    def __init__(self, cursor: Any, secret: bytes, today: date) -> None:
        self.today, self.pseudonym = today, kind_keyer(secret, "inwoner")
        cursor.execute(f"""SELECT birth_year, age_band, district_code, postcode,
                                  {_COUNTED.format(id="resident.id")}
                           FROM resident WHERE {_SELECTED}""")
        counts: Counter[Combination] = Counter()
        per_wijk: Counter[str] = Counter()
        for year, given, district, postcode, counted in cursor:
            if counted:
                counts[(resident_band(year, given, today), pc4_of(postcode), district)] += 1
            else:
                per_wijk[district or "onbekend"] += 1
        self.outcome = generalise_counts(counts)
        for combination, outcome in self.outcome.items():
            if outcome is None:
                per_wijk[combination[2] or "onbekend"] += counts[combination]
        self.per_wijk = sorted(per_wijk.items())

    def shown(self, uuid: str | None, year: int | None, given: str | None,
              district: str | None, postcode: str | None, counted: int | None
              ) -> tuple[str | None, str | None]:
        """(pseudonym, its sent PC4) of a resident sent as a row; (None, None) otherwise."""
        if not counted or uuid is None:
            return None, None
        outcome = self.outcome.get(
            (resident_band(year, given, self.today), pc4_of(postcode), district))
        return (None, None) if outcome is None else (self.pseudonym(uuid), outcome[1])

    def rows(self, cursor: Any) -> Iterator[Row]:
        """The `inwoners` rows, ordered by pseudonym (so the order says nothing about the
        register's), sorted by SQLite itself."""
        connection = cursor.connection
        connection.create_function("export_pseudonym", 1, self.pseudonym, deterministic=True)
        try:
            cursor.execute(f"""SELECT export_pseudonym(uuid) AS p, birth_year, age_band,
                                      district_code, postcode
                               FROM resident WHERE {_SELECTED}
                                 AND {_COUNTED.format(id="resident.id")} ORDER BY p""")
            for pseudonym, year, given, district, postcode in cursor:
                outcome = self.outcome.get(
                    (resident_band(year, given, self.today), pc4_of(postcode), district))
                if outcome is not None:
                    band, pc4, wijk = outcome
                    yield pseudonym, band, wijk, pc4
        finally:
            connection.create_function("export_pseudonym", 1, None)


def _requests(cursor: Any, key: Callable[[str, str], str], residents: Consenting
              ) -> Iterator[Row]:
    cursor.execute(f"""SELECT b.uuid, {_RESIDENT}, i.uuid, b.status, b.requested_on,
                              b.intake_on, b.waiting_since, b.closed_on, b.close_reason_code
                       FROM buddy_request b JOIN initiative i ON i.id = b.initiative_id
                       LEFT JOIN resident p ON p.id = b.resident_id""")
    for uuid, *resident, initiative, status, on, intake, waiting, closed, reason in cursor:
        yield (key("aanvraag", uuid), residents.shown(*resident)[0], initiative, status, on,
               intake, waiting, closed, reason)


def _matches(cursor: Any, key: Callable[[str, str], str]) -> Iterator[Row]:
    cursor.execute("""SELECT m.uuid, b.uuid, m.proposed_on, m.started_on, m.ended_on,
                             m.end_reason_code,
                             (SELECT count(*) FROM contact_moment WHERE match_id = m.id)
                      FROM buddy_match m JOIN buddy_request b ON b.id = m.request_id""")
    for uuid, request, *rest in cursor:
        yield (key("koppeling", uuid), key("aanvraag", request), *rest)


def _referrals(cursor: Any, key: Callable[[str, str], str], residents: Consenting
               ) -> Iterator[Row]:
    cursor.execute(f"""SELECT r.uuid, r.resident_id, {_RESIDENT}, r.district_code,
                              r.age_band, i.uuid, d.code, r.urgency, r.signalled_on, r.status,
                   (SELECT group_concat(life_domain_code) FROM referral_life_domain
                    WHERE referral_id = r.id)
            FROM referral r JOIN destination d ON d.id = r.destination_id
            LEFT JOIN initiative i ON i.id = r.initiative_id
            LEFT JOIN resident p ON p.id = r.resident_id""")
    for (uuid, resident_id, p_uuid, year, given, home, postcode, counted, district, band,
         initiative, code, urgency, signalled, status, domains) in cursor:
        on = date.fromisoformat(str(signalled)[:10])
        if resident_id is None or p_uuid is None:
            yield (key("doorverwijzing", uuid), None, district, band or "onbekend", None,
                   initiative, code, urgency, on, status, split_codes(domains))
            continue
        shown, pc4 = residents.shown(p_uuid, year, given, home, postcode, counted)
        yield (key("doorverwijzing", uuid), shown, district or home,
               band or age_band(year, on), pc4, initiative, code, urgency, on, status,
               split_codes(domains))


# cells.moment_cell's common case in SQL: SQLite's own text of a UTC moment, without offset
# ('2026-11-23 10:00:00[.ffffff]') becomes '2026-11-23T10:00:00Z'; anything else is NULL
# and formatted by moment_cell.
_SQLITE_MOMENT = """CASE WHEN length({column}) IN (19, 26) AND substr({column}, 11, 1) IN (' ', 'T')
    THEN substr({column}, 1, 10) || 'T' || substr({column}, 12, 8) || 'Z' END"""


def _events(cursor: Any, secret: bytes) -> Iterator[Row]:
    """Events the gemeente sent back keep their own id, so the gemeente recognises them.
    The biggest table: its cells are formatted here (cells.Formatted), and a referral's
    key is made once for its run of events (they come in the order they were added)."""
    cursor.execute(f"""SELECT e.uuid, e.source, r.uuid, e.kind, e.occurred_at,
                              {_SQLITE_MOMENT.format(column="e.occurred_at")}, d.code
                       FROM referral_event e JOIN referral r ON r.id = e.referral_id
                       LEFT JOIN destination d ON d.id = e.destination_id""")
    status_key = kind_keyer(secret, "status")
    referral_key = kind_keyer(secret, "doorverwijzing")
    last, last_key = None, ""
    for uuid, source, referral, kind, moment, cell, code in cursor:
        if referral != last:
            last, last_key = referral, referral_key(referral)
        yield (text_cell(uuid) if source == "gemeente" else status_key(uuid), last_key,
               kind, cell or moment_cell(moment), code, source)


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


# SQLite's page cache (KiB) while an export reads: referrals and requests join their
# resident by id, in no order of the resident table; with the default 8 MB cache every such
# join decrypts a page again (demo groot: 100,000 referrals read in 4.0 s, with 64 MiB in
# 1.0 s). A fixed size, in C, whatever the register's size; the old size comes back after.
EXPORT_CACHE_KIB = 65_536


def export_rows(engine: Engine, secret: bytes, today: date
                ) -> Generator[tuple[Table, Iterable[Sequence[Any]]], None, None]:
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
        cache_size = cursor.execute("PRAGMA cache_size").fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{EXPORT_CACHE_KIB}")
        try:
            for name, rows in small.items():
                yield TABLES[name], _as_tuples(TABLES[name], rows)
            residents = Consenting(cursor, secret, today)
            yield TABLES["inwoners"], residents.rows(cursor)
            yield TABLES["inwoners_geteld"], residents.per_wijk
            yield TABLES["maatjes_aanvragen"], _requests(cursor, key, residents)
            yield TABLES["maatjeskoppelingen"], _matches(cursor, key)
            yield TABLES["doorverwijzingen"], _referrals(cursor, key, residents)
            yield TABLES["statusmomenten"], Formatted(_events(cursor, secret))
            cursor.execute(_ACTIVITIES)
            yield TABLES["activiteiten"], cursor
            cursor.execute(_VISITORS)
            yield TABLES["bezoekers"], cursor
        finally:
            cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")
            cursor.close()


def estimate_rows(engine: Engine) -> int:
    """About how many rows an export writes (for its progress bar): the big source tables."""
    with engine.connect() as connection:
        return int(connection.exec_driver_sql("""SELECT
            (SELECT count(*) FROM resident) + (SELECT count(*) FROM buddy_request)
            + (SELECT count(*) FROM buddy_match) + (SELECT count(*) FROM referral)
            + (SELECT count(*) FROM referral_event) + (SELECT count(*) FROM activity)
            + (SELECT count(*) FROM attendance)""").scalar_one())
