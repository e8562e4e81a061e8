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
    prepared_state,
    sociale_kaart,
    split_codes,
    volunteer_counts,
)
from vrijwilligers_app.services.exchange.schema import EXPORT_TABLES, Column, Table
from vrijwilligers_app.store.queries import exchange_export as queries

Row = tuple[Any, ...]
TABLES = {t.name: t for t in EXPORT_TABLES}


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
        counts: Counter[Combination] = Counter()
        per_wijk: Counter[str] = Counter()
        for year, given, district, postcode, counted in queries.resident_counts(cursor):
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
        connection.create_function(queries.PSEUDONYM_FUNCTION, 1, self.pseudonym,
                                   deterministic=True)
        try:
            for pseudonym, year, given, district, postcode in queries.consenting_residents(
                    cursor):
                outcome = self.outcome.get(
                    (resident_band(year, given, self.today), pc4_of(postcode), district))
                if outcome is not None:
                    band, pc4, wijk = outcome
                    yield pseudonym, band, wijk, pc4
        finally:
            connection.create_function(queries.PSEUDONYM_FUNCTION, 1, None)


def _requests(cursor: Any, key: Callable[[str, str], str], residents: Consenting
              ) -> Iterator[Row]:
    for (uuid, *resident, initiative, status, on, intake, waiting, closed, reason
         ) in queries.requests(cursor):
        yield (key("aanvraag", uuid), residents.shown(*resident)[0], initiative, status, on,
               intake, waiting, closed, reason)


def _matches(cursor: Any, key: Callable[[str, str], str]) -> Iterator[Row]:
    for uuid, request, *rest in queries.matches(cursor):
        yield (key("koppeling", uuid), key("aanvraag", request), *rest)


def _referrals(cursor: Any, secret: bytes, residents: Consenting) -> Iterator[Row]:
    """Formatted here (cells.Formatted) as the table's converters would: the age band's
    file text, the day as ISO text, the life domains formula-safe."""
    referral_key = kind_keyer(secret, "doorverwijzing")
    band_text = dict(_column("doorverwijzingen", "leeftijdsgroep").file_texts).get
    for (uuid, resident_id, p_uuid, year, given, home, postcode, counted, district, band,
         initiative, code, urgency, signalled, status, domains) in queries.referrals(cursor):
        on = date.fromisoformat(str(signalled)[:10])
        codes = split_codes(domains)
        codes = text_cell(codes) if codes else codes
        if resident_id is None or p_uuid is None:
            band = band or "onbekend"
            yield (referral_key(uuid), None, district, band_text(band, band), None,
                   initiative, code, urgency, on.isoformat(), status, codes)
            continue
        shown, pc4 = residents.shown(p_uuid, year, given, home, postcode, counted)
        band = band or age_band(year, on)
        yield (referral_key(uuid), shown, district or home,
               band_text(band, band) if band else band, pc4, initiative, code, urgency,
               on.isoformat(), status, codes)


def _column(table: str, name: str) -> Column:
    return next(column for column in TABLES[table].columns if column.name == name)


def _events(cursor: Any, secret: bytes) -> Iterator[Row]:
    """Events the gemeente sent back keep their own id, so the gemeente recognises them.
    The biggest table (80 % of the rows): its cells are formatted here (cells.Formatted),
    with kind_keyer and moment_cell's common cases inlined (no Python call per row), and a
    referral's key is made once for its run of events (they come in the order they were
    added)."""
    copy = prepared_state(secret, "status").copy
    referral_key = kind_keyer(secret, "doorverwijzing")
    last, last_key = None, ""
    for uuid, source, referral, kind, moment, code in queries.events(cursor):
        if referral != last:
            last, last_key = referral, referral_key(referral)
        if source == "gemeente":
            key = text_cell(uuid)
        else:
            state = copy()
            state.update(uuid.encode())
            key = state.hexdigest()
        yield (key, last_key, kind,
               moment[:10] + "T" + moment[11:19] + "Z"  # SQLite's text of a UTC moment
               if type(moment) is str and len(moment) in (19, 26) and moment[10] in " T"
               else moment_cell(moment), code, source)


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
        cache_size = queries.cache_size(cursor)
        queries.set_cache_size(cursor, -EXPORT_CACHE_KIB)
        try:
            for name, rows in small.items():
                yield TABLES[name], _as_tuples(TABLES[name], rows)
            residents = Consenting(cursor, secret, today)
            yield TABLES["inwoners"], residents.rows(cursor)
            yield TABLES["inwoners_geteld"], residents.per_wijk
            yield TABLES["maatjes_aanvragen"], _requests(cursor, key, residents)
            yield TABLES["maatjeskoppelingen"], _matches(cursor, key)
            yield TABLES["doorverwijzingen"], Formatted(_referrals(cursor, secret, residents))
            yield TABLES["statusmomenten"], Formatted(_events(cursor, secret))
            yield TABLES["activiteiten"], queries.activities(cursor)
            yield TABLES["bezoekers"], queries.visitors(cursor)
        finally:
            queries.set_cache_size(cursor, cache_size)
            cursor.close()


def estimate_rows(engine: Engine) -> int:
    """About how many rows an export writes (for its progress bar): the big source tables."""
    with engine.connect() as connection:
        return queries.estimate_rows(connection)
