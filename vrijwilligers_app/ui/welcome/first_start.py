"""Whether the welcome wizard opens on this start: light on purpose (no wizard, no SQLModel
tables; the query is store/queries/emptiness), because the window asks before its first
paint."""

from vrijwilligers_app.store.queries.emptiness import has_own_records
from vrijwilligers_app.store.register import Register
from vrijwilligers_app.store.settings import get_setting

WELCOME_DONE_SETTING = "welcome_done"


def should_welcome(register: Register) -> bool:
    """An empty register whose welcome was not finished yet."""
    if get_setting(register.engine, WELCOME_DONE_SETTING) == "1":
        return False
    return not has_own_records(register.engine)
