"""The gemeente window's work on the gemeente store, wherever it lives (issue 17): in the
register, or in the PostgreSQL database saved in Instellingen.

The window runs `on_gemeente_store(register_engine, work, ...)` on the TaskRunner: the store's
engine is made (and its server reached) in the worker thread, never in the window's, and a
server that is down or refuses the login ends the task with a Dutch GemeenteDatabaseError.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Engine

from vrijwilligers_app.store.gemeente_db import gemeente_store, saved_database_url

T = TypeVar("T")


def on_gemeente_store(register_engine: Engine, work: Callable[..., T], *args: Any,
                      **kwargs: Any) -> T:
    """work(store_engine, *args, **kwargs) on the store of this gemeente register."""
    with gemeente_store(register_engine, saved_database_url(register_engine)) as store:
        return work(store, *args, **kwargs)
