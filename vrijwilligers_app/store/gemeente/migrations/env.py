"""Alembic environment of the gemeente store: run in-process by store.gemeente.open, on the
engine it is given (the gemeente's register on SQLite, or PostgreSQL)."""

from alembic import context

from vrijwilligers_app.store.gemeente.open import VERSION_TABLE, include_name
from vrijwilligers_app.store.gemeente.tables import gemeente_metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - guard against running `alembic` by hand
    raise RuntimeError("Migrations run through vrijwilligers_app.store.gemeente.open.")

context.configure(
    connection=connection,
    target_metadata=gemeente_metadata,
    version_table=VERSION_TABLE,  # beside the laptop chain's alembic_version, never in it
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,  # only the gemeente's own tables
)
with context.begin_transaction():
    context.run_migrations()
