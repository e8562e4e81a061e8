"""Aandachtspunten for the dashboard: what needs someone's attention today.

Each item names the record, so the window can open it. Later issues add their own rules
(maatjes reminders, referral follow-ups); these are the first.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, text

from vrijwilligers_app.domain.validation import format_date_nl

VOG_RENEW_YEARS = 3
VOG_WARNING_SETTING = "vog_warning_weeks"
DEFAULT_VOG_WARNING_WEEKS = 8
# The Regeling Gratis VOG: the organisation starts the free request at Justis, the volunteer
# finishes it online with DigiD; it takes a few weeks, hence the warning ahead of time.
VOG_REQUEST = ("VOG aanvragen: de organisatie vraagt een nieuwe VOG gratis aan via de "
               "Regeling Gratis VOG; de vrijwilliger rondt de aanvraag af met DigiD")
DEFAULT_CONTACT_WEEKS = 3
DEFAULT_WAITING_WEEKS = 6


@dataclass(frozen=True)
class AttentionItem:
    kind: str  # register page key to open (volunteers, referrals, matches) or "" for none
    record_id: int
    text: str
    days_late: int


def full_name_sql(alias: str) -> str:
    """'Doriën van der Heijden': first name, tussenvoegsel if any, last name."""
    return (f"{alias}.first_name || ' ' || CASE WHEN {alias}.name_prefix <> '' "
            f"THEN {alias}.name_prefix || ' ' ELSE '' END || {alias}.last_name")


# Referral follow-ups first (someone waits for help), then maatjes, then VOGs. An empty kind
# is an item without a page to open (yet).
PRIORITY = {"referrals": 0, "matches": 1, "requests": 1, "": 1, "volunteers": 2}


def _rows(engine: Engine, sql: str, **params: object) -> list[tuple[Any, ...]]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql), params)]


def vog_due_soon(engine: Engine, today: date, weeks: int, limit: int = 200
                 ) -> list[AttentionItem]:
    """Volunteers with a current role whose VOG passes the maximum age of one of their
    initiatives (the strictest; 3 years where the initiative sets none) within `weeks`."""
    from vrijwilligers_app.domain.matching import vog_valid_until

    items = []
    horizon = today + timedelta(weeks=weeks)
    for vid, name, vog, years, initiative in _rows(engine, """
            SELECT v.id, """ + full_name_sql("v") + """, v.vog_date,
                   min(coalesce(i.vog_max_age_years, :years)), min(i.name)
            FROM volunteer v JOIN volunteer_role r ON r.volunteer_id = v.id
            JOIN initiative i ON i.id = r.initiative_id
            WHERE v.archived_at IS NULL AND (v.end_date IS NULL OR v.end_date >= :today)
              AND v.vog_date IS NOT NULL
              AND (r.end_date IS NULL OR r.end_date >= :today)
              AND (r.start_date IS NULL OR r.start_date <= :today)
            GROUP BY v.id ORDER BY v.vog_date LIMIT :max""",
            years=VOG_RENEW_YEARS, today=today.isoformat(), max=limit):
        until = vog_valid_until(date.fromisoformat(vog), int(years))
        if until is None or not today <= until <= horizon:
            continue
        items.append(AttentionItem(
            "volunteers", vid,
            f"VOG van {name} (gezien {format_date_nl(date.fromisoformat(vog))}) is op "
            f"{format_date_nl(until)} ouder dan {years} jaar, de grens van {initiative}. "
            f"{VOG_REQUEST}.", (today - until).days))
    return items


def attention_items(engine: Engine, today: date, limit: int = 200,
                    vog_weeks: int = DEFAULT_VOG_WARNING_WEEKS) -> list[AttentionItem]:
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
    from vrijwilligers_app.services.maatjes.reminders import buddy_reminders  # (cycle)

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
                                       f"VOG van {name} is ouder dan {VOG_RENEW_YEARS} jaar. "
                                       f"{VOG_REQUEST}.", late))
    items += [item for item in vog_due_soon(engine, today, vog_weeks, limit)
              if item.record_id not in reported_volunteers]
    items.sort(key=lambda item: (PRIORITY[item.kind], -item.days_late))
    return items[:limit]
