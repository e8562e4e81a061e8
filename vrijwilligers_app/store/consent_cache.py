"""The resident's consent columns, a cache of the ledger for fast lists and filters.

A current 'vastleggen' consent and its (earliest) date; any current 'delen' consent and the
earliest date of those. Dates and flags change in one statement, so the resident's CHECKs
(a flag needs its date) hold at every moment.
"""

from sqlalchemy import Connection, text
from sqlmodel import Session

_DATE = ("(SELECT min(given_on) FROM consent c WHERE c.resident_id = resident.id "
         "AND c.purpose = '{purpose}' AND c.withdrawn_on IS NULL)")
_RECORDING, _SHARING = _DATE.format(purpose="vastleggen"), _DATE.format(purpose="delen")
_SET = (f"UPDATE resident SET consent_recording_on = {_RECORDING}, "
        f"consent_recording = ({_RECORDING} IS NOT NULL), "
        f"consent_sharing_on = {_SHARING}, consent_sharing = ({_SHARING} IS NOT NULL)")


def refresh_cache(session: Session, resident_id: int) -> None:
    session.flush()
    session.execute(text(_SET + " WHERE id = :rid"), {"rid": resident_id})


def refresh_all(connection: Connection) -> None:
    """Every resident's cache at once (after the demo writes the ledger in bulk)."""
    connection.exec_driver_sql(_SET)
