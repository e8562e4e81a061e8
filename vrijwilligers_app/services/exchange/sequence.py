"""The sequence number of the packages this data dir sends: kept in the register.

The gemeente ignores a package whose number is not above the last it accepted, so a number
must never go back. It used to live only in `uitwisseling/volgnummer.txt` (written without
fsync): emptied or lost, numbering restarted at 1 and the gemeente silently ignored that
laptop until the old number was passed. Now the number is a register setting, taken in a
write transaction (SQLite with synchronous=FULL: on disk when the export starts), and the
next number is one above the highest of:
- the register's own number (survives a lost or emptied file);
- the old file, still written as a second copy (survives a register restored from an older
  backup; an existing file's number is taken over the first time, the migration);
- the last number the gemeente says it accepted from this source, carried by its return
  packages (survives both: a laptop rebuilt from a backup continues above it).
"""

import logging
import os
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.package_read import MAX_SEQUENCE
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.tables import Setting

log = logging.getLogger(__name__)
SEQUENCE_FILE = "volgnummer.txt"
KEYS_DIR = "uitwisseling"


def _sent_key(source_id: str) -> str:
    return f"exchange_sequence:{source_id}"


def _accepted_key(source_id: str) -> str:
    return f"exchange_accepted:{source_id}"


def _as_number(text: str | None) -> int:
    try:
        number = int((text or "").strip())
    except ValueError:
        return 0
    return number if 0 <= number <= MAX_SEQUENCE else 0


def _file(data_dir: Path) -> Path:
    return data_dir / KEYS_DIR / SEQUENCE_FILE


def _read_file(data_dir: Path) -> int:
    try:
        return _as_number(_file(data_dir).read_text(encoding="ascii", errors="replace"))
    except OSError:
        return 0


def _write_file(data_dir: Path, number: int) -> None:
    """Best effort: the register holds the number; the file is the second copy."""
    path = _file(data_dir)
    temporary = path.with_name(path.name + ".nieuw")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "w", encoding="ascii") as handle:
            handle.write(str(number))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        log.warning("Tweede kopie van het volgnummer niet geschreven (%s)", type(exc).__name__)


def next_sequence(engine: Engine, data_dir: Path, source_id: str) -> int:
    """Take the next number for `source_id`'s packages (committed before it is used)."""
    from_file = _read_file(data_dir)
    with write_session(engine) as session:
        sent = session.get(Setting, _sent_key(source_id))
        accepted = session.get(Setting, _accepted_key(source_id))
        number = max(_as_number(sent.value if sent else None), from_file,
                     _as_number(accepted.value if accepted else None)) + 1
        if number > MAX_SEQUENCE:
            raise ExchangeError("Het volgnummer van de uitwisseling is op; neem contact op met "
                                "de beheerder.")
        session.merge(Setting(key=_sent_key(source_id), value=str(number)))
    _write_file(data_dir, number)
    return number


def record_accepted(session: Session, source_id: str, accepted: object) -> None:
    """Inside the return package's transaction: remember the highest number the gemeente
    accepted from this source (ignored when it is not a sound number)."""
    if not isinstance(accepted, int) or isinstance(accepted, bool):
        return
    if not 0 < accepted <= MAX_SEQUENCE:
        return
    row = session.get(Setting, _accepted_key(source_id))
    if row is None or _as_number(row.value) < accepted:
        session.merge(Setting(key=_accepted_key(source_id), value=str(accepted)))
