"""Aandachtspunten for the dashboard: what needs someone's attention today.

Each item names the record, so the window can open it. Later issues add their own rules
(maatjes reminders, referral follow-ups); these are the first.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, text

from vrijwilligers_app.domain.follow_up_rules import (  # noqa: F401  (re-exported for callers)
    DEFAULT_CONTACT_WEEKS,
    DEFAULT_WAITING_WEEKS,
    VOG_RENEW_YEARS,
)
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.maatjes.reminders import buddy_reminders
from vrijwilligers_app.store.queries.names import full_name_sql


@dataclass(frozen=True)
class AttentionItem:
    kind: str  # register page key to open (volunteers, referrals, matches) or "" for none
    record_id: int
    text: str
    days_late: int


# Referral follow-ups first (someone waits for help), then maatjes, then VOGs. An empty kind
# is an item without a page to open (yet).
PRIORITY = {"referrals": 0, "matches": 1, "requests": 1, "": 1, "volunteers": 2}


def _rows(engine: Engine, sql: str, **params: object) -> list[tuple[Any, ...]]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql), params)]


def attention_items(engine: Engine, today: date, limit: int = 200) -> list[AttentionItem]:
    items: list[AttentionItem] = []
    for rid, name, followup, who, signalled in _rows(engine, """
            SELECT r.id, coalesce(d.organisation, ''), r.follow_up_on,
                   CASE WHEN p.id IS NOT NULL THEN """ + full_name_sql("p") + """
                        ELSE 'anoniem (' || coalesce(w.name, '?') || ', ' || r.age_band || ')'
                   END, r.signalled_on
            FROM referral r
            JOIN destination d ON d.id = r.destination_id
            LEFT JOIN resident p ON p.id = r.resident_id
            LEFT JOIN district w ON w.code = r.district_code
            WHERE r.follow_up_on < :today
              AND r.status NOT IN ('afgesloten', 'teruggemeld', 'afgewezen')
            ORDER BY r.follow_up_on LIMIT :limit""", today=today, limit=limit):
        late = (today - date.fromisoformat(followup)).days
        items.append(AttentionItem(
            "referrals", rid, f"{who} → {name} (gesignaleerd "
            f"{format_date_nl(date.fromisoformat(signalled))}): vervolgactie {late} dagen te laat",
            late))
    # Maatjes: per project contact rhythm, evaluations, waiting list and maatjes' VOG.
    reported_volunteers: set[int] = set()
    for reminder in buddy_reminders(engine, today):
        page = reminder.page if reminder.page in PRIORITY else ""  # no page to open
        if reminder.kind == "vog":
            reported_volunteers.add(reminder.record_id)
        items.append(AttentionItem(page, reminder.record_id, reminder.text, reminder.days_late))
    vog_limit = today - timedelta(days=365 * VOG_RENEW_YEARS)
    for vid, name, vog in _rows(engine, """
            SELECT v.id, """ + full_name_sql("v") + """, v.vog_date FROM volunteer v
            WHERE v.end_date IS NULL AND v.archived_at IS NULL
              AND (v.vog_date IS NULL OR v.vog_date < :limit)
              AND EXISTS (SELECT 1 FROM volunteer_role r WHERE r.volunteer_id = v.id
                          AND r.end_date IS NULL)
            ORDER BY v.vog_date LIMIT :max""", limit=vog_limit, max=limit):
        if vid in reported_volunteers:
            continue
        if vog is None:
            items.append(AttentionItem("volunteers", vid, f"VOG van {name} ontbreekt", 0))
        else:
            late = (vog_limit - date.fromisoformat(vog)).days
            items.append(AttentionItem("volunteers", vid,
                                       f"VOG van {name} is ouder dan {VOG_RENEW_YEARS} jaar", late))
    items.sort(key=lambda item: (PRIORITY[item.kind], -item.days_late))
    return items[:limit]
