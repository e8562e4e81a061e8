"""The gemeente store on both engines (issue 17): `gemeente_db` is None (the store in the
gemeente's SQLite register) or the URL of a fresh PostgreSQL database of its own.

PostgreSQL comes from VRIJWILLIGERS_TEST_POSTGRES, the URL of a server where the test user
may create databases (installer/postgres-test-cluster.sh sets it in .ci/run); without it the
PostgreSQL cases are skipped with that reason.
"""

import os
import uuid
from collections.abc import Iterator

import pytest

ENV = "VRIJWILLIGERS_TEST_POSTGRES"
SKIP_REASON = (f"{ENV} is not set: no PostgreSQL server to test the gemeente store on "
               "(bash installer/postgres-test-cluster.sh run -- pytest … starts one)")


def admin_url() -> str | None:
    return os.environ.get(ENV) or None


@pytest.fixture
def fresh_postgres_database() -> Iterator[str]:
    """The URL of a new, empty database; dropped afterwards (also with connections left)."""
    import psycopg
    from sqlalchemy.engine import make_url

    admin = admin_url()
    if admin is None:
        pytest.skip(SKIP_REASON)
    name = f"vw_test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def gemeente_db(request: pytest.FixtureRequest) -> str | None:
    """None: the gemeente store in its register (SQLite); else a fresh PostgreSQL URL."""
    if request.param == "sqlite":
        return None
    url: str = request.getfixturevalue("fresh_postgres_database")
    return url
