"""Aandachtspunten for the dashboard: what needs someone's attention today.

Each item names the record, so the window can open it. Later issues add their own rules
(maatjes reminders, referral follow-ups); these are the first.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, text

VOG_RENEW_YEARS = 3
DEFAULT_CONTACT_WEEKS = 3
DEFAULT_WAITING_WEEKS = 6


@dataclass(frozen=True)
class AttentionItem:
    kind: str  # register page key: volunteers, referrals, matches
    record_id: int
    text: str
    days_late: int


def full_name_sql(alias: str) -> str:
    """'Doriën van der Heijden': first name, tussenvoegsel if any, last name."""
    return (f"{alias}.first_name || ' ' || CASE WHEN {alias}.name_prefix <> '' "
            f"THEN {alias}.name_prefix || ' ' ELSE '' END || {alias}.last_name")


# Referral follow-ups first (someone waits for help), then silent maatjes, then VOGs.
PRIORITY = {"referrals": 0, "matches": 1, "volunteers": 2}


def _rows(engine: Engine, sql: str, **params: object) -> list[tuple[Any, ...]]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql), params)]


def attention_items(engine: Engine, today: date, limit: int = 200) -> list[AttentionItem]:
    items: list[AttentionItem] = []
    for rid, name, followup in _rows(engine, """
            SELECT r.id, coalesce(d.organisation, ''), r.follow_up_on FROM referral r
            JOIN destination d ON d.id = r.destination_id
            WHERE r.follow_up_on < :today
              AND r.status NOT IN ('afgesloten', 'teruggemeld', 'afgewezen')
            ORDER BY r.follow_up_on LIMIT :limit""", today=today, limit=limit):
        late = (today - date.fromisoformat(followup)).days
        items.append(AttentionItem(
            "referrals", rid, f"Doorverwijzing naar {name}: vervolgactie {late} dagen te laat",
            late))
    for mid, resident, volunteer, last, weeks in _rows(engine, """
            SELECT m.id, """ + full_name_sql("res") + """, """ + full_name_sql("v") + """,
                   coalesce((SELECT max(c.occurred_on) FROM contact_moment c
                             WHERE c.match_id = m.id), m.started_on),
                   coalesce(i.buddy_contact_weeks, :weeks)
            FROM buddy_match m JOIN buddy_request q ON q.id = m.request_id
            JOIN resident res ON res.id = q.resident_id JOIN volunteer v ON v.id = m.volunteer_id
            JOIN initiative i ON i.id = q.initiative_id
            WHERE m.started_on IS NOT NULL AND m.ended_on IS NULL""",
            weeks=DEFAULT_CONTACT_WEEKS):
        late = (today - date.fromisoformat(last)).days - 7 * int(weeks)
        if late > 0:
            items.append(AttentionItem(
                "matches", mid,
                f"Maatjes {volunteer} en {resident}: {late + 7 * int(weeks)} dagen geen contact",
                late))
    vog_limit = today - timedelta(days=365 * VOG_RENEW_YEARS)
    for vid, name, vog in _rows(engine, """
            SELECT v.id, """ + full_name_sql("v") + """, v.vog_date FROM volunteer v
            WHERE v.end_date IS NULL AND v.archived_at IS NULL
              AND (v.vog_date IS NULL OR v.vog_date < :limit)
              AND EXISTS (SELECT 1 FROM volunteer_role r WHERE r.volunteer_id = v.id
                          AND r.end_date IS NULL)
            ORDER BY v.vog_date LIMIT :max""", limit=vog_limit, max=limit):
        if vog is None:
            items.append(AttentionItem("volunteers", vid, f"VOG van {name} ontbreekt", 0))
        else:
            late = (vog_limit - date.fromisoformat(vog)).days
            items.append(AttentionItem("volunteers", vid,
                                       f"VOG van {name} is ouder dan {VOG_RENEW_YEARS} jaar", late))
    items.sort(key=lambda item: (PRIORITY[item.kind], -item.days_late))
    return items[:limit]
