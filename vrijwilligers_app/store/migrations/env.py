"""Alembic environment: always run in-process on a connection handed over by store.migrate."""

from alembic import context

from vrijwilligers_app.store.migrate import include_name
from vrijwilligers_app.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - guard against running `alembic` by hand
    raise RuntimeError("Migrations run through vrijwilligers_app.store.migrate, not the CLI.")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
    include_name=include_name,  # the FTS5 search index is raw SQL, not a model
)
with context.begin_transaction():
    context.run_migrations()
