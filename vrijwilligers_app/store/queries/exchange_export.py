"""SQL of the streamed gemeente export (services/exchange/export_rows): one statement per
export table, run on a raw DB-API cursor of the export's one snapshot transaction.

Speed is why it is a DB-API cursor and not a Session: the big tables (status events,
referrals) go from SQLite's rows straight to the package without SQLAlchemy's per-row
work. Each function executes its statement and returns the cursor; the caller iterates it
before asking for the next table. The privacy rules (k-anonymity, keyed ids, what a row
shows) stay in services/exchange; here is only what to read.
"""

from typing import Any

from sqlalchemy import Connection

# A DB-API cursor (sqlite3/SQLCipher): typed loosely, as the driver's own stubs are absent.
Cursor = Any

# The SQL function the caller registers on the cursor's connection before
# `consenting_residents`: uuid -> the resident's pseudonym, so SQLite sorts by it.
PSEUDONYM_FUNCTION = "export_pseudonym"

_SELECTED = """(archived_at IS NULL OR id IN (SELECT resident_id FROM buddy_request)
    OR id IN (SELECT resident_id FROM referral WHERE resident_id IS NOT NULL))"""
# Residents are read through ix_resident_export and gemeente consents through
# ix_consent_gemeente (migration 0012_m18c), never from the wide rows. Requests and referrals
# join their resident by id in no order of the resident table: in the table that is a page
# decrypted again per join once the register outgrows the page cache (300,000 residents:
# ~180 MB of resident rows against ~16 MB of index); the consent test is one lookup in an
# index of the current gemeente consents. INDEXED BY: SQLite would take the rowid for an id.
_RESIDENTS = "resident INDEXED BY ix_resident_export"
_COUNTED = """EXISTS (SELECT 1 FROM consent x INDEXED BY ix_consent_gemeente
    WHERE x.resident_id = {id} AND x.purpose = 'gemeente' AND x.withdrawn_on IS NULL)"""
_RESIDENT = f"""p.uuid, p.birth_year, p.age_band, p.district_code, p.postcode,
    {_COUNTED.format(id="p.id")}"""
_JOIN_RESIDENT = "LEFT JOIN resident p INDEXED BY ix_resident_export ON p.id"

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


def cache_size(cursor: Cursor) -> int:
    """SQLite's page cache size as PRAGMA cache_size reports it (negative: KiB)."""
    return int(cursor.execute("PRAGMA cache_size").fetchone()[0])


def set_cache_size(cursor: Cursor, size: int) -> None:
    """PRAGMA cache_size = size (negative: KiB); `size` is an int, never input."""
    cursor.execute(f"PRAGMA cache_size = {int(size)}")


def resident_counts(cursor: Cursor) -> Cursor:
    """(birth_year, age_band, district_code, postcode, counted) of every resident the export
    concerns (not archived, or with a request or referral); `counted`: gemeente consent."""
    cursor.execute(f"""SELECT birth_year, age_band, district_code, postcode,
                              {_COUNTED.format(id="resident.id")}
                       FROM {_RESIDENTS} WHERE {_SELECTED}""")
    return cursor


def consenting_residents(cursor: Cursor) -> Cursor:
    """(pseudonym, birth_year, age_band, district_code, postcode) of the consenting residents
    the export concerns, ordered by pseudonym (PSEUDONYM_FUNCTION, registered by the caller)."""
    cursor.execute(f"""SELECT {PSEUDONYM_FUNCTION}(uuid) AS p, birth_year, age_band,
                              district_code, postcode
                       FROM {_RESIDENTS} WHERE {_SELECTED}
                         AND {_COUNTED.format(id="resident.id")} ORDER BY p""")
    return cursor


def requests(cursor: Cursor) -> Cursor:
    """Buddy requests: uuid, the resident's (uuid, birth_year, age_band, district, postcode,
    counted), initiative uuid, status, requested_on, intake_on, waiting_since, closed_on,
    close reason."""
    cursor.execute(f"""SELECT b.uuid, {_RESIDENT}, i.uuid, b.status, b.requested_on,
                              b.intake_on, b.waiting_since, b.closed_on, b.close_reason_code
                       FROM buddy_request b JOIN initiative i ON i.id = b.initiative_id
                       {_JOIN_RESIDENT} = b.resident_id""")
    return cursor


def matches(cursor: Cursor) -> Cursor:
    """Buddy matches: uuid, request uuid, proposed/started/ended on, end reason, contacts."""
    cursor.execute("""SELECT m.uuid, b.uuid, m.proposed_on, m.started_on, m.ended_on,
                             m.end_reason_code,
                             (SELECT count(*) FROM contact_moment WHERE match_id = m.id)
                      FROM buddy_match m JOIN buddy_request b ON b.id = m.request_id""")
    return cursor


def referrals(cursor: Cursor) -> Cursor:
    """Referrals: uuid, resident_id, the resident's six columns (as `requests`), the
    referral's district and age band, initiative uuid, destination code, urgency,
    signalled_on, status, life-domain codes (comma-separated)."""
    cursor.execute(f"""SELECT r.uuid, r.resident_id, {_RESIDENT}, r.district_code,
                              r.age_band, i.uuid, d.code, r.urgency, r.signalled_on, r.status,
                   (SELECT group_concat(life_domain_code) FROM referral_life_domain
                    WHERE referral_id = r.id)
            FROM referral r JOIN destination d ON d.id = r.destination_id
            LEFT JOIN initiative i ON i.id = r.initiative_id
            {_JOIN_RESIDENT} = r.resident_id""")
    return cursor


def events(cursor: Cursor) -> Cursor:
    """Status events in the order they were added: uuid, source, referral uuid, kind,
    occurred_at, destination code."""
    cursor.execute("""SELECT e.uuid, e.source, r.uuid, e.kind, e.occurred_at, d.code
                       FROM referral_event e JOIN referral r ON r.id = e.referral_id
                       LEFT JOIN destination d ON d.id = e.destination_id""")
    return cursor


def activities(cursor: Cursor) -> Cursor:
    """Activities with their shift counts, hours worked and participants (package columns)."""
    cursor.execute(_ACTIVITIES)
    return cursor


def visitors(cursor: Cursor) -> Cursor:
    """Visitor counts per activity and visitor type (package columns)."""
    cursor.execute(_VISITORS)
    return cursor


def estimate_rows(connection: Connection) -> int:
    """The rows of the big source tables, summed."""
    return int(connection.exec_driver_sql("""SELECT
        (SELECT count(*) FROM resident) + (SELECT count(*) FROM buddy_request)
        + (SELECT count(*) FROM buddy_match) + (SELECT count(*) FROM referral)
        + (SELECT count(*) FROM referral_event) + (SELECT count(*) FROM activity)
        + (SELECT count(*) FROM attendance)""").scalar_one())
