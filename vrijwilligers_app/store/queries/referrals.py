"""The referral aggregate's reads: a referral's events and the overdue follow-ups.

Raw rows and table objects only; services/referrals.py applies the rules
(domain.referral_rules) and builds the Dutch-facing lines. Every function runs on the
caller's Session, so a use case reads and writes in one transaction.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from vrijwilligers_app.store.tables import ReferralEvent

# Spoed before hoog before normaal on the same date.
URGENCY_RANK_SQL = "CASE r.urgency WHEN 'spoed' THEN 0 WHEN 'hoog' THEN 1 ELSE 2 END"


def events_of(session: Session, referral_id: int) -> list[ReferralEvent]:
    """A referral's events as stored, by moment then id."""
    return list(session.exec(select(ReferralEvent).where(
        ReferralEvent.referral_id == referral_id).order_by(
        col(ReferralEvent.occurred_at), col(ReferralEvent.id))).all())


def overdue_rows(session: Session, today: date, closed_states: Iterable[str],
                 limit: int | None) -> list[tuple[Any, ...]]:
    """(id, current organisation – service, urgency, status, follow_up_on as text) of open
    referrals whose follow-up date lies before `today`; the organisation is the last
    'doorgestuurd' destination, else the first one."""
    closed = ", ".join(f"'{s}'" for s in sorted(closed_states))
    sql = f"""
        SELECT r.id, d.organisation || CASE WHEN d.service <> '' THEN ' – ' || d.service
               ELSE '' END, r.urgency, r.status, r.follow_up_on
        FROM referral r JOIN destination d ON d.id = coalesce(
            (SELECT e.destination_id FROM referral_event e WHERE e.referral_id = r.id
             AND e.kind = 'doorgestuurd' AND e.destination_id IS NOT NULL
             ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1), r.destination_id)
        WHERE r.follow_up_on < :today AND r.status NOT IN ({closed})
        ORDER BY r.follow_up_on, {URGENCY_RANK_SQL}, r.id
        LIMIT :limit"""
    return [tuple(r) for r in session.connection().execute(
        text(sql), {"today": today, "limit": limit or -1})]
