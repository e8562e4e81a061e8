"""Aandachtspunten for the dashboard: what needs someone's attention today.

Each item names the record, so the window can open it. Later issues add their own rules
(maatjes reminders, referral follow-ups); these are the first.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from vrijwilligers_app.domain.follow_up_rules import (  # noqa: F401  (re-exported for callers)
    DEFAULT_CONTACT_WEEKS,
    DEFAULT_WAITING_WEEKS,
    VOG_RENEW_YEARS,
)
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.queries import overview

VOG_WARNING_SETTING = "vog_warning_weeks"
DEFAULT_VOG_WARNING_WEEKS = 8
# The Regeling Gratis VOG: the organisation starts the free request at Justis, the volunteer
# finishes it online with DigiD; it takes a few weeks, hence the warning ahead of time.
VOG_REQUEST = ("VOG aanvragen: de organisatie vraagt een nieuwe VOG gratis aan via de "
               "Regeling Gratis VOG; de vrijwilliger rondt de aanvraag af met DigiD")


@dataclass(frozen=True)
class AttentionItem:
    kind: str  # register page key to open (volunteers, referrals, matches) or "" for none
    record_id: int
    text: str
    days_late: int


# Referral follow-ups first (someone waits for help), then maatjes, then VOGs. An empty kind
# is an item without a page to open (yet).
PRIORITY = {"referrals": 0, "matches": 1, "requests": 1, "": 1, "volunteers": 2}


def vog_due_soon(session: Session, today: date, weeks: int, limit: int = 200
                 ) -> list[AttentionItem]:
    """Volunteers with a current role whose VOG passes the maximum age of one of their
    initiatives (the strictest; 3 years where the initiative sets none) within `weeks`."""
    from vrijwilligers_app.domain.matching import vog_valid_until

    items = []
    horizon = today + timedelta(weeks=weeks)
    for vid, name, vog, years, initiative in overview.volunteers_vog_ending(
            session, today, VOG_RENEW_YEARS, limit):
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
    """The dashboard's items, read in one transaction (see attention_items_in)."""
    with read_session(engine) as session:
        return attention_items_in(session, today, limit, vog_weeks)


def attention_items_in(session: Session, today: date, limit: int = 200,
                       vog_weeks: int = DEFAULT_VOG_WARNING_WEEKS) -> list[AttentionItem]:
    items: list[AttentionItem] = []
    for rid, name, followup, who, signalled in overview.overdue_referrals(session, today,
                                                                           limit):
        late = (today - date.fromisoformat(followup)).days
        items.append(AttentionItem(
            "referrals", rid, f"{who} → {name} (gesignaleerd "
            f"{format_date_nl(date.fromisoformat(signalled))}): vervolgactie {late} dagen te laat",
            late))
    # Maatjes: per project contact rhythm, evaluations, waiting list and maatjes' VOG.
    # Imported here, not at the top: the window leaves maatjes code until it is needed
    # (tests/ui/test_startup_imports.py); there is no import cycle any more.
    from vrijwilligers_app.services.maatjes.reminders import buddy_reminders_in

    reported_volunteers: set[int] = set()
    for reminder in buddy_reminders_in(session, today):
        page = reminder.page if reminder.page in PRIORITY else ""  # no page to open
        if reminder.kind == "vog":
            reported_volunteers.add(reminder.record_id)
        items.append(AttentionItem(page, reminder.record_id, reminder.text, reminder.days_late))
    vog_limit = today - timedelta(days=365 * VOG_RENEW_YEARS)
    for vid, name, vog in overview.volunteers_with_old_vog(session, vog_limit, limit):
        if vid in reported_volunteers:
            continue
        if vog is None:
            items.append(AttentionItem("volunteers", vid, f"VOG van {name} ontbreekt", 0))
        else:
            late = (vog_limit - date.fromisoformat(vog)).days
            items.append(AttentionItem("volunteers", vid,
                                       f"VOG van {name} is ouder dan {VOG_RENEW_YEARS} jaar. "
                                       f"{VOG_REQUEST}.", late))
    items += [item for item in vog_due_soon(session, today, vog_weeks, limit)
              if item.record_id not in reported_volunteers]
    items.sort(key=lambda item: (PRIORITY[item.kind], -item.days_late))
    return items[:limit]
