"""Was the register closed cleanly last time? Decides whether the full check runs at open.

`PRAGMA quick_check` reads every page: seconds on a large register, on every start. So a clean
close writes `register.gesloten` with the file's size and modification time, and every open
removes it again. At the next open the full check runs only when that record is missing (a
crash, power loss, a killed process, or a register copied in from elsewhere) or no longer
matches the file (changed by something other than this app).
"""

import contextlib
import json
import os
from pathlib import Path

from vrijwilligers_app.store.private import write_private_file

CLEAN_RECORD_NAME = "register.gesloten"


def _fingerprint(db_path: Path) -> dict[str, int]:
    stat = db_path.stat()
    return {"grootte": stat.st_size, "gewijzigd_ns": stat.st_mtime_ns}


def take_clean_record(data_dir: Path, db_path: Path) -> bool:
    """True when the last close was clean and the file is as it was left. Removes the record,
    so a crash during this session is noticed at the next open."""
    record = data_dir / CLEAN_RECORD_NAME
    try:
        saved = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = None
    record.unlink(missing_ok=True)
    try:
        return saved is not None and saved == _fingerprint(db_path)
    except OSError:
        return False


def write_clean_record(data_dir: Path, db_path: Path) -> None:
    """Call after the last connection closed (the WAL is folded into the file then)."""
    if os.path.exists(str(db_path) + "-wal"):
        return  # something still had the file open: let the next open check it fully
    # No fsync (on an older laptop's disk it can cost more than the rest of a close): after
    # a crash the record is missing, empty, half or whole, and only a whole one that matches
    # the file skips the full check; the register itself was synced by SQLite before this.
    with contextlib.suppress(OSError):  # a missing record only costs a full check
        write_private_file(data_dir / CLEAN_RECORD_NAME,
                           json.dumps(_fingerprint(db_path)).encode("utf-8"), durable=False)
