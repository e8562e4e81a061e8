"""The dashboard's counts before the register is opened, so the window can show them while
SQLAlchemy is still being imported and the register opened beside it (issue 18).

Read-only and leaving nothing behind (store/inspect.connect_untouched), and only from a
register at this app's schema head; anything else (no file, a plain or damaged file, the wrong
key, an older or newer schema) gives None and the ordinary open decides, with its own checks
and messages. Counts only: nothing personal.
"""

from __future__ import annotations

from pathlib import Path

from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import migrate
from vrijwilligers_app.store.queries.counts import Counted, kind_counts_dbapi

REVISION_SQL = "SELECT version_num FROM alembic_version"


def counts_before_open(data_dir: Path, key: bytes | None) -> Counted | None:
    path = data_dir / DATABASE_NAME
    if key is None or not path.is_file():
        return None
    from vrijwilligers_app.store.inspect import connect_untouched

    try:
        connection = connect_untouched(path, key)
        try:
            row = connection.execute(REVISION_SQL).fetchone()
            if row is None or row[0] != migrate.head_revision():
                return None
            return kind_counts_dbapi(connection)
        finally:
            connection.close()
    except Exception:  # noqa: BLE001 - the ordinary open reports what is wrong
        return None
