"""Name sort indexes: the register pages sort people by a folded name.

Partial expression indexes (archived records are hidden by default) let SQLite read the
100,000 residents in name order instead of sorting them: ~0.5 s -> ~0.13 s on demo groot.
The expression is frozen here; tests/store/test_queries.py checks the pages still use it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NAME_SORT = "CASE WHEN last_name GLOB '*[^ -~]*' THEN lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(last_name, 'Ç', 'C'), 'ç', 'c'), 'Ö', 'O'), 'ö', 'o'), 'Ş', 'S'), 'ş', 's'), 'Ü', 'U'), 'ü', 'u'), 'İ', 'I'), 'ı', 'i'), 'ğ', 'g'), 'É', 'E'), 'é', 'e'), 'è', 'e'), 'ë', 'e'), 'ï', 'i'), 'ä', 'a'), 'ô', 'o'), 'Ø', 'O'), 'ø', 'o')) ELSE lower(last_name) END || ' ' || CASE WHEN first_name GLOB '*[^ -~]*' THEN lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(first_name, 'Ç', 'C'), 'ç', 'c'), 'Ö', 'O'), 'ö', 'o'), 'Ş', 'S'), 'ş', 's'), 'Ü', 'U'), 'ü', 'u'), 'İ', 'I'), 'ı', 'i'), 'ğ', 'g'), 'É', 'E'), 'é', 'e'), 'è', 'e'), 'ë', 'e'), 'ï', 'i'), 'ä', 'a'), 'ô', 'o'), 'Ø', 'O'), 'ø', 'o')) ELSE lower(first_name) END"  # noqa: E501 - frozen SQL


def upgrade() -> None:
    for table in ("resident", "volunteer"):
        op.execute(
            f"CREATE INDEX ix_sort_{table}_name ON {table} ({NAME_SORT}) WHERE archived_at IS NULL"
        )


def downgrade() -> None:
    for table in ("resident", "volunteer"):
        op.execute(f"DROP INDEX IF EXISTS ix_sort_{table}_name")
