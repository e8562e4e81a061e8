"""Retention: which residents passed their bewaartermijn, and anonymising them.

The terms are register settings (Instellingen), defaults in domain.retention. The list
names the residents (the coordinator checks it before confirming); the run anonymises them
in one transaction through services.privacy.anonymise, on the TaskRunner.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, text

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
from vrijwilligers_app.store.settings import get_int_setting, set_setting

_CLOSED = ", ".join(f"'{s}'" for s in CLOSED_REFERRAL_STATES)
# One pass per table (GROUP BY), not a correlated subquery per resident: 20,000 residents
# took 1.7 s with subqueries.
FACTS_SQL = f"""
WITH req AS (SELECT resident_id, max(closed_on) AS ended, max(closed_on IS NULL) AS open
             FROM buddy_request GROUP BY resident_id),
mat AS (SELECT q.resident_id, max(m.ended_on) AS ended,
               max(m.started_on IS NOT NULL AND m.ended_on IS NULL) AS open
        FROM buddy_match m JOIN buddy_request q ON q.id = m.request_id GROUP BY q.resident_id),
ev AS (SELECT e.referral_id, substr(max(e.occurred_at), 1, 10) AS last
       FROM referral_event e JOIN referral r ON r.id = e.referral_id
       WHERE r.resident_id IS NOT NULL AND r.closed_on IS NULL GROUP BY e.referral_id),
ref AS (SELECT r.resident_id, max(coalesce(r.closed_on, ev.last, r.signalled_on)) AS ended,
               max(r.status NOT IN ({_CLOSED})) AS open
        FROM referral r LEFT JOIN ev ON ev.referral_id = r.id
        WHERE r.resident_id IS NOT NULL GROUP BY r.resident_id),
act AS (SELECT x.resident_id, substr(max(a.starts_at), 1, 10) AS last
        FROM participation x JOIN activity a ON a.id = x.activity_id GROUP BY x.resident_id)
SELECT p.id, p.first_name, p.name_prefix, p.last_name,
  substr(max(p.created_at, p.updated_at), 1, 10) AS changed,
  coalesce(req.open, 0) OR coalesce(mat.open, 0) OR coalesce(ref.open, 0) AS has_open,
  req.ended AS request_end, mat.ended AS match_end, ref.ended AS referral_end,
  act.last AS activity
FROM resident p LEFT JOIN req ON req.resident_id = p.id LEFT JOIN mat ON mat.resident_id = p.id
LEFT JOIN ref ON ref.resident_id = p.id LEFT JOIN act ON act.resident_id = p.id
WHERE p.anonymised_on IS NULL
"""


# Anonymous referrals (no resident) keep no name, but their question and notes may still
# describe a person: that text goes when the referral's own term has passed.
ANONYMOUS_SQL = f"""
SELECT r.id, coalesce(r.closed_on, (SELECT substr(max(e.occurred_at), 1, 10)
                                    FROM referral_event e WHERE e.referral_id = r.id),
                      r.signalled_on) AS ended
FROM referral r
WHERE r.resident_id IS NULL AND r.status IN ({_CLOSED})
  AND (r.question <> '' OR EXISTS (SELECT 1 FROM referral_event e WHERE e.referral_id = r.id
                                   AND (e.note <> '' OR e.outcome <> '')))
"""


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
    with engine.connect() as connection:
        rows = connection.execute(text(FACTS_SQL)).all()
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
    with engine.connect() as connection:
        rows = connection.execute(text(ANONYMOUS_SQL)).all()
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
