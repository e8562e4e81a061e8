"""Whether anyone works in this register yet: light on purpose (plain SQL, no SQLModel
tables), because the window asks before its first paint."""

from sqlalchemy import Engine, text

# Anyone working in the register has at least one of these (archived rows count too).
OWNED_TABLES = ("initiative", "volunteer", "resident", "referral")


def has_own_records(engine: Engine) -> bool:
    query = " OR ".join(f"EXISTS (SELECT 1 FROM {table})" for table in OWNED_TABLES)
    with engine.connect() as connection:
        return bool(connection.execute(text(f"SELECT {query}")).scalar())
