"""Figures for the dashboard that need no display: how many of each kind (plain SQL in
store/queries/counts.py, so the dashboard does not load the SQLModel tables)."""

from dataclasses import dataclass

from sqlalchemy import Engine

from vrijwilligers_app.store.queries.counts import CLOSED_REFERRAL_STATES, kind_counts

__all__ = ["CLOSED_REFERRAL_STATES", "Counts", "register_counts"]


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


def register_counts(engine: Engine) -> Counts:
    """Without SQLModel: the dashboard asks this right after the first paint."""
    with engine.connect() as connection:
        return Counts(*kind_counts(connection))
