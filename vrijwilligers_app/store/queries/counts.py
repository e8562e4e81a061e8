"""How many of each kind the register holds, for the dashboard: one plain statement.

Plain SQL on a Connection on purpose: the dashboard asks this right after the window's first
paint, and building the SQLModel tables (pydantic and all 40 models) for six counts cost more
than the counts themselves.
"""

from sqlalchemy import Connection, text

CLOSED_REFERRAL_STATES = ("afgesloten", "teruggemeld", "afgewezen")
_COUNTS = text(f"""
SELECT
    (SELECT count(*) FROM initiative WHERE end_date IS NULL AND archived_at IS NULL),
    (SELECT count(*) FROM volunteer WHERE end_date IS NULL AND archived_at IS NULL),
    (SELECT count(*) FROM resident WHERE archived_at IS NULL),
    (SELECT count(*) FROM buddy_match WHERE started_on IS NOT NULL AND ended_on IS NULL),
    (SELECT count(*) FROM referral
     WHERE status NOT IN ({", ".join(f"'{s}'" for s in CLOSED_REFERRAL_STATES)})),
    (SELECT count(*) FROM activity)""")


def kind_counts(connection: Connection) -> tuple[int, int, int, int, int, int]:
    """Active initiatives, active volunteers, residents (not archived), running matches, open
    referrals, activities."""
    a, b, c, d, e, f = connection.execute(_COUNTS).one()
    return int(a), int(b), int(c), int(d), int(e), int(f)
