"""Figures for the dashboard that need no display: how many of each kind."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Select, func, select
from sqlmodel import col

from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.tables import (
    Activity,
    BuddyMatch,
    Initiative,
    Referral,
    Resident,
    Volunteer,
)


@dataclass(frozen=True)
class Counts:
    initiatives_active: int
    volunteers_active: int
    residents: int
    matches_active: int
    referrals_open: int
    activities: int

    def is_empty(self) -> bool:
        return not (self.initiatives_active or self.volunteers_active or self.residents)


CLOSED_REFERRAL_STATES = ("afgesloten", "teruggemeld", "afgewezen")


def register_counts(engine: Engine) -> Counts:
    with read_session(engine) as session:
        def count(stmt: Select[Any]) -> int:
            return int(session.execute(stmt).scalar_one())

        return Counts(
            initiatives_active=count(select(func.count()).select_from(Initiative).where(
                col(Initiative.end_date).is_(None), col(Initiative.archived_at).is_(None))),
            volunteers_active=count(select(func.count()).select_from(Volunteer).where(
                col(Volunteer.end_date).is_(None), col(Volunteer.archived_at).is_(None))),
            residents=count(select(func.count()).select_from(Resident).where(
                col(Resident.archived_at).is_(None))),
            matches_active=count(select(func.count()).select_from(BuddyMatch).where(
                col(BuddyMatch.started_on).is_not(None), col(BuddyMatch.ended_on).is_(None))),
            referrals_open=count(select(func.count()).select_from(Referral).where(
                col(Referral.status).not_in(CLOSED_REFERRAL_STATES))),
            activities=count(select(func.count()).select_from(Activity)),
        )
