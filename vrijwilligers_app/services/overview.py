"""Figures for the dashboard that need no display: how many of each kind (plain SQL in
store/queries/counts.py, so the dashboard does not load the SQLModel tables)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vrijwilligers_app.store.queries.counts import CLOSED_REFERRAL_STATES, kind_counts

if TYPE_CHECKING:  # the window asks for counts_before_open before SQLAlchemy is imported
    from sqlalchemy import Engine

__all__ = ["CLOSED_REFERRAL_STATES", "Counts", "counts_before_open", "register_counts"]


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


def counts_before_open(data_dir: Path, key: bytes | None) -> Counts | None:
    """The counts read before the register is opened (store/early_counts.py), or None."""
    from vrijwilligers_app.store.early_counts import counts_before_open as read

    counted = read(data_dir, key)
    return None if counted is None else Counts(*counted)
