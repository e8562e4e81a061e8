"""Every schema version a laptop may still send can be read by this version's rules."""

from vrijwilligers_app.services.exchange.schema import SCHEMA_VERSION, TABLES, TABLES_BY_VERSION


def test_every_earlier_schema_version_has_its_tables():
    assert set(TABLES_BY_VERSION) == set(range(1, SCHEMA_VERSION + 1))
    assert TABLES_BY_VERSION[SCHEMA_VERSION] == TABLES
    for tables in TABLES_BY_VERSION.values():
        assert set(tables) == {"export", "return"}
