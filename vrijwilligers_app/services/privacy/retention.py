"""Retention: which residents passed their bewaartermijn, and anonymising them.

The terms are register settings (Instellingen), defaults in domain.retention. The list
names the residents (the coordinator checks it before confirming); the run anonymises them
in one transaction through services.privacy.anonymise, on the TaskRunner.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, text

from vrijwilligers_app.domain.retention import TERM_SETTINGS, ResidentFacts, Terms, due_on
from vrijwilligers_app.services.overview import CLOSED_REFERRAL_STATES
from vrijwilligers_app.services.privacy.anonymise import Progress, anonymise_steps
from vrijwilligers_app.store.settings import get_int_setting, set_setting

_CLOSED = ", ".join(f"'{s}'" for s in CLOSED_REFERRAL_STATES)
FACTS_SQL = f"""
SELECT p.id, p.first_name, p.name_prefix, p.last_name,
  substr(max(p.created_at, p.updated_at), 1, 10) AS changed,
  EXISTS (SELECT 1 FROM buddy_request q WHERE q.resident_id = p.id AND q.closed_on IS NULL)
  OR EXISTS (SELECT 1 FROM buddy_match m JOIN buddy_request q ON q.id = m.request_id
             WHERE q.resident_id = p.id AND m.started_on IS NOT NULL AND m.ended_on IS NULL)
  OR EXISTS (SELECT 1 FROM referral r WHERE r.resident_id = p.id
             AND r.status NOT IN ({_CLOSED})) AS has_open,
  (SELECT max(d) FROM (SELECT q.closed_on AS d FROM buddy_request q WHERE q.resident_id = p.id
                       UNION ALL SELECT m.ended_on FROM buddy_match m JOIN buddy_request q
                       ON q.id = m.request_id WHERE q.resident_id = p.id)) AS match_end,
  (SELECT max(coalesce(r.closed_on, (SELECT substr(max(e.occurred_at), 1, 10)
                                     FROM referral_event e WHERE e.referral_id = r.id),
                       r.signalled_on))
   FROM referral r WHERE r.resident_id = p.id) AS referral_end,
  (SELECT substr(max(a.starts_at), 1, 10) FROM participation x
   JOIN activity a ON a.id = x.activity_id WHERE x.resident_id = p.id) AS activity
FROM resident p WHERE p.anonymised_on IS NULL
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
        for row in connection.execute(text(FACTS_SQL)):
            changed = _day(row.changed) or today
            facts = ResidentFacts(bool(row.has_open), _day(row.match_end),
                                  _day(row.referral_end), _day(row.activity), changed)
            day = due_on(facts, current)
            if day is not None and day <= today:
                name = " ".join(p for p in (row.first_name, row.name_prefix, row.last_name) if p)
                out.append(DueResident(int(row.id), name, day))
    out.sort(key=lambda r: (r.due_on, r.resident_id))
    return out


def retention_steps(engine: Engine, resident_ids: Sequence[int], today: date) -> Progress:
    """Anonymise the confirmed residents; only those still due today are touched (the list
    may be stale by the time the user confirms)."""
    due = {r.resident_id for r in due_residents(engine, today)}
    chosen = [rid for rid in resident_ids if rid in due]
    return anonymise_steps(engine, chosen, today, audit_kind="retention_run",
                           detail="bewaartermijn verstreken")
