"""Whether the welcome wizard opens on this start: light on purpose (plain SQL, no wizard, no
SQLModel tables), because the window asks before its first paint."""

from sqlalchemy import text

from vrijwilligers_app.store.register import Register
from vrijwilligers_app.store.settings import get_setting

WELCOME_DONE_SETTING = "welcome_done"
# Anyone working in the register has at least one of these (archived rows count too).
_OWNED = ("initiative", "volunteer", "resident", "referral")


def should_welcome(register: Register) -> bool:
    """An empty register whose welcome was not finished yet."""
    if get_setting(register.engine, WELCOME_DONE_SETTING) == "1":
        return False
    query = " OR ".join(f"EXISTS (SELECT 1 FROM {table})" for table in _OWNED)
    with register.engine.connect() as connection:
        return not connection.execute(text(f"SELECT {query}")).scalar()
