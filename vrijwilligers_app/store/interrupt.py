"""Stopping reads whose answer is no longer wanted (the window is closing).

SQLite's `interrupt()` may be called from another thread: the statement running on that
connection stops with an error at its next step, and its transaction is rolled back. Only
reads are ever interrupted: the caller names the threads it runs reads on, and writers
(one write thread) are always left to finish.
"""

import threading
from collections import defaultdict
from typing import Any

from sqlalchemy import Engine, event


class ConnectionsInUse:
    """Which driver connection each thread has checked out of an engine's pool."""

    def __init__(self, engine: Engine) -> None:
        self._lock = threading.Lock()
        self._by_thread: defaultdict[int, list[Any]] = defaultdict(list)
        self._engine = engine
        event.listen(engine, "checkout", self._checked_out)
        event.listen(engine, "checkin", self._checked_in)

    def close(self) -> None:
        if event.contains(self._engine, "checkout", self._checked_out):
            event.remove(self._engine, "checkout", self._checked_out)
            event.remove(self._engine, "checkin", self._checked_in)

    def _checked_out(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        with self._lock:
            self._by_thread[threading.get_ident()].append(dbapi_connection)

    def _checked_in(self, dbapi_connection: Any, _record: Any) -> None:
        with self._lock:
            for held in self._by_thread.values():
                if dbapi_connection in held:
                    held.remove(dbapi_connection)
                    break

    def interrupt(self, thread_ids: set[int]) -> int:
        """Interrupt what the given threads run now; returns how many connections."""
        with self._lock:
            targets = [c for tid in thread_ids for c in self._by_thread.get(tid, ())]
        for connection in targets:
            connection.interrupt()
        return len(targets)
