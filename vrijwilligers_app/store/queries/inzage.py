"""Everything the register holds about one resident, for the inzage (art. 15 AVG):
plain rows on the caller's Connection (services/privacy/inzage.py lays them out).
"""

from typing import Any

from sqlalchemy import Connection, RowMapping, text

from vrijwilligers_app.store.queries.names import full_name_sql

Row = Any  # a row of named columns (sqlalchemy Row), as the layout reads it


def _all(c: Connection, sql: str, **params: Any) -> list[Row]:
    return list(c.execute(text(sql), params).all())


def resident(c: Connection, rid: int) -> RowMapping:
    """The resident's row, every column by name."""
    return c.execute(text("SELECT * FROM resident WHERE id = :r"), {"r": rid}).mappings().one()


def requests(c: Connection, rid: int) -> list[Row]:
    return _all(c, """SELECT q.id, i.name, q.status, q.requested_on, q.intake_on,
        q.waiting_since, q.closed_on, coalesce(r.name, ''), q.wish, q.interests
        FROM buddy_request q JOIN initiative i ON i.id = q.initiative_id
        LEFT JOIN match_end_reason r ON r.code = q.close_reason_code
        WHERE q.resident_id = :r ORDER BY q.requested_on""", r=rid)


def matches(c: Connection, rid: int) -> list[Row]:
    return _all(c, f"""SELECT m.id, q.id, {full_name_sql('v')}, m.proposed_on,
        m.started_on, m.ended_on, coalesce(r.name, ''), m.notes FROM buddy_match m
        JOIN buddy_request q ON q.id = m.request_id JOIN volunteer v ON v.id = m.volunteer_id
        LEFT JOIN match_end_reason r ON r.code = m.end_reason_code
        WHERE q.resident_id = :r ORDER BY m.proposed_on""", r=rid)


def contacts(c: Connection, rid: int) -> list[Row]:
    return _all(c, """SELECT m.id, c.occurred_on, k.name, c.duration_minutes, c.note
        FROM contact_moment c JOIN buddy_match m ON m.id = c.match_id
        JOIN buddy_request q ON q.id = m.request_id JOIN contact_kind k ON k.code = c.kind_code
        WHERE q.resident_id = :r ORDER BY c.occurred_on""", r=rid)


def evaluations(c: Connection, rid: int) -> list[Row]:
    return _all(c, """SELECT m.id, e.planned_on, e.held_on, e.outcome,
        e.continue_match FROM evaluation e JOIN buddy_match m ON m.id = e.match_id
        JOIN buddy_request q ON q.id = m.request_id WHERE q.resident_id = :r
        ORDER BY e.planned_on""", r=rid)


def referrals(c: Connection, rid: int) -> list[Row]:
    return _all(c, """SELECT r.id, d.organisation || coalesce(' – ' || nullif(d.service, ''),
        ''), r.signalled_on, r.status, r.urgency, r.consent_pass_on_date, r.question,
        r.life_domain_key, r.age_band, r.district_code FROM referral r
        JOIN destination d ON d.id = r.destination_id WHERE r.resident_id = :r
        ORDER BY r.signalled_on""", r=rid)


def referral_events(c: Connection, referral_id: int) -> list[Row]:
    return _all(c, """SELECT e.occurred_at, e.kind, coalesce(d.organisation, ''),
            e.outcome, e.note, e.source FROM referral_event e
            LEFT JOIN destination d ON d.id = e.destination_id WHERE e.referral_id = :id
            ORDER BY e.occurred_at, e.id""", id=referral_id)


def activities(c: Connection, rid: int) -> list[Row]:
    return _all(c, """SELECT a.starts_at, a.title, i.name FROM participation x
        JOIN activity a ON a.id = x.activity_id JOIN initiative i ON i.id = a.initiative_id
        WHERE x.resident_id = :r ORDER BY a.starts_at""", r=rid)


def uuids(c: Connection, rid: int) -> tuple[Row, list[Row], list[Row]]:
    """(uuid, created_at) of the resident, (id, uuid) of their referrals and requests."""
    resident_row = c.execute(text("SELECT uuid, created_at FROM resident WHERE id = :r"),
                             {"r": rid}).one()
    return (resident_row, _all(c, "SELECT id, uuid FROM referral WHERE resident_id = :r", r=rid),
            _all(c, "SELECT id, uuid FROM buddy_request WHERE resident_id = :r", r=rid))
