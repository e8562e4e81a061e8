"""The export's indexes (issue 18): the migration adds and removes them without touching a
row, the export's statements read residents and gemeente consents through them (not the wide
rows), and a demo fill, which drops and rebuilds secondary indexes, leaves them as made."""

from datetime import date
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import Engine, text

from vrijwilligers_app.services.demo import demo_size, fill_demo
from vrijwilligers_app.store import migrate
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.queries import exchange_export as queries
from vrijwilligers_app.store.seed import load_code_lists

TODAY = date(2026, 11, 23)
INDEXES = ("ix_consent_gemeente", "ix_resident_export")
TABLES = ("resident", "consent", "referral", "referral_event", "buddy_request")


def _demo(tmp_path: Path) -> Engine:
    engine = create_register_engine(tmp_path / "register.sqlite")
    migrate.upgrade_to_head(engine)
    load_code_lists(engine)
    fill_demo(engine, demo_size("300"), seed=3, reference_date=TODAY)
    return engine


def _indexes(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        return dict(connection.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN "
            f"{INDEXES}")).all())


def _contents(engine: Engine) -> dict[str, list[Any]]:
    with engine.connect() as connection:
        return {table: connection.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()
                for table in TABLES}


def _revision_adding_the_indexes() -> Any:
    for script in migrate.scripts().walk_revisions():
        if "ix_resident_export" in Path(script.path).read_text(encoding="utf-8"):
            return script
    raise AssertionError("no migration creates ix_resident_export")


def test_downgrade_drops_the_indexes_and_upgrade_rebuilds_them_without_changing_a_row(
        tmp_path):
    engine = _demo(tmp_path)
    made, before = _indexes(engine), _contents(engine)
    assert sorted(made) == sorted(INDEXES)
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection),
                          _revision_adding_the_indexes().down_revision)
    assert _indexes(engine) == {}
    assert _contents(engine) == before
    migrate.upgrade_to_head(engine)
    assert _indexes(engine) == made
    assert _contents(engine) == before
    engine.dispose()


def test_a_demo_fill_leaves_the_indexes_as_the_migration_made_them(tmp_path):
    empty = create_register_engine(tmp_path / "empty.sqlite")
    migrate.upgrade_to_head(empty)
    engine = _demo(tmp_path)
    assert _indexes(engine) == _indexes(empty)
    empty.dispose()
    engine.dispose()


class _Plan:
    """A cursor stand-in: each export statement is asked for its query plan instead."""

    def __init__(self, cursor: Any) -> None:
        self.cursor, self.plans = cursor, []

    def execute(self, sql: str) -> None:
        self.plans.append(" | ".join(row[3] for row in self.cursor.execute(
            "EXPLAIN QUERY PLAN " + sql)))


def test_the_export_reads_residents_and_consents_through_their_indexes(tmp_path):
    engine = _demo(tmp_path)
    with engine.connect() as connection:
        cursor = connection.connection.driver_connection.cursor()
        connection.connection.driver_connection.create_function(
            queries.PSEUDONYM_FUNCTION, 1, str, deterministic=True)
        plan = _Plan(cursor)
        for statement in (queries.resident_counts, queries.consenting_residents,
                          queries.requests, queries.referrals):
            statement(plan)
        counts, consenting, requests, referrals = plan.plans
    for scan in (counts, consenting):
        assert "SCAN resident USING COVERING INDEX ix_resident_export" in scan, scan
    for join in (requests, referrals):
        assert "SEARCH p USING COVERING INDEX ix_resident_export (id=?)" in join, join
    for statement in plan.plans:
        assert "USING INDEX ix_consent_gemeente (resident_id=?)" in statement, statement
        assert "ix_consent_lookup" not in statement, statement
    engine.dispose()
