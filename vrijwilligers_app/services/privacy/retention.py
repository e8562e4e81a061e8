"""Retention: which residents passed their bewaartermijn, and anonymising them.

The terms are register settings (Instellingen), defaults in domain.retention. The list
names the residents (the coordinator checks it before confirming); the run anonymises them
in one transaction through services.privacy.anonymise, on the TaskRunner.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from vrijwilligers_app.domain.retention import (
    TERM_SETTINGS,
    ResidentFacts,
    Terms,
    due_on,
    plus_months,
)
from vrijwilligers_app.services.overview import CLOSED_REFERRAL_STATES
from vrijwilligers_app.services.privacy.anonymise import (
    Progress,
    anonymise_steps,
    clear_referral_text,
)
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.queries import retention as queries
from vrijwilligers_app.store.settings import get_int_setting, set_setting


@dataclass(frozen=True)
class DueResident:
    resident_id: int
    name: str
    due_on: date  # the day the term ended


def terms(engine: Engine) -> Terms:
    values = {key: get_int_setting(engine, key, default)
              for key, (_label, default) in TERM_SETTINGS.items()}
    return Terms(matches=values["retention_months_matches"],
                 referrals=values["retention_months_referrals"],
                 residents=values["retention_months_residents"])


def set_term(engine: Engine, key: str, months: int) -> None:
    if key not in TERM_SETTINGS:
        raise ValueError(f"unknown retention setting {key!r}")
    set_setting(engine, key, str(months))


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def due_residents(engine: Engine, today: date) -> list[DueResident]:
    """Residents whose every term has ended, longest overdue first."""
    current = terms(engine)
    out = []
    with read_session(engine) as session:
        rows = queries.resident_fact_rows(session, CLOSED_REFERRAL_STATES)
    for (rid, first, prefix, last, changed, has_open, request_end, match_end, referral_end,
         activity) in rows:
        if has_open:  # most residents in a busy register: skip before parsing any date
            continue
        buddy_ends = [d for d in (_day(request_end), _day(match_end)) if d]
        facts = ResidentFacts(False, max(buddy_ends, default=None), _day(referral_end),
                              _day(activity), _day(changed) or today)
        day = due_on(facts, current)
        if day is not None and day <= today:
            name = " ".join(p for p in (first, prefix, last) if p)
            out.append(DueResident(int(rid), name, day))
    out.sort(key=lambda r: (r.due_on, r.resident_id))
    return out


def due_anonymous_referrals(engine: Engine, today: date) -> list[int]:
    """Ids of closed referrals without a name whose free text passed the referral term."""
    months = terms(engine).referrals
    with read_session(engine) as session:
        rows = queries.anonymous_referral_rows(session, CLOSED_REFERRAL_STATES)
    return sorted(int(rid) for rid, ended in rows
                  if ended and plus_months(date.fromisoformat(str(ended)[:10]), months) <= today)


def retention_steps(engine: Engine, resident_ids: Sequence[int], today: date,
                    anonymous_referrals: bool = True) -> Progress:
    """Anonymise the confirmed residents and (when asked) clear the free text of the due
    anonymous referrals, in one transaction; only what is still due today is touched (the
    list may be stale by the time the user confirms)."""
    due = {r.resident_id for r in due_residents(engine, today)}
    chosen = [rid for rid in resident_ids if rid in due]
    referrals = due_anonymous_referrals(engine, today) if anonymous_referrals else []
    return anonymise_steps(engine, chosen, today, audit_kind="retention_run",
                           detail="bewaartermijn verstreken",
                           first=lambda session: clear_referral_text(session, referrals))
