"""How many of each kind the register holds, for the dashboard: one plain statement.

Plain SQL on a Connection on purpose: the dashboard asks this right after the window's first
paint, and building the SQLModel tables (pydantic and all 40 models) for six counts cost more
than the counts themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the counts are also read before SQLAlchemy is imported (early_counts.py)
    from sqlalchemy import Connection

CLOSED_REFERRAL_STATES = ("afgesloten", "teruggemeld", "afgewezen")
COUNTS_SQL = f"""
SELECT
    (SELECT count(*) FROM initiative WHERE end_date IS NULL AND archived_at IS NULL),
    (SELECT count(*) FROM volunteer NOT INDEXED WHERE end_date IS NULL AND archived_at IS NULL),
    (SELECT count(*) FROM resident WHERE archived_at IS NULL),
    (SELECT count(*) FROM buddy_match WHERE started_on IS NOT NULL AND ended_on IS NULL),
    (SELECT count(*) FROM referral
     WHERE status NOT IN ({", ".join(f"'{s}'" for s in CLOSED_REFERRAL_STATES)})),
    (SELECT count(*) FROM activity)"""
# NOT INDEXED: SQLite otherwise walks the partial name index (archived_at IS NULL) and looks
# up every row for end_date, in name order: 3x slower than one pass over the table (300,000
# residents: 166 ms against 55 ms, warm).
Counted = tuple[int, int, int, int, int, int]


def kind_counts(connection: Connection) -> Counted:
    """Active initiatives, active volunteers, residents (not archived), running matches, open
    referrals, activities."""
    from sqlalchemy import text

    return _ints(connection.execute(text(COUNTS_SQL)).one())


def kind_counts_dbapi(connection: Any) -> Counted:
    """The same from a DB-API connection (store/early_counts.py)."""
    return _ints(connection.execute(COUNTS_SQL).fetchone())


def _ints(row: Any) -> Counted:
    a, b, c, d, e, f = row
    return int(a), int(b), int(c), int(d), int(e), int(f)
