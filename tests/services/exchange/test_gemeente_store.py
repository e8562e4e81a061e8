"""The gemeente store on its own chain (issue 17): typed tables that match the exchange
schema, migrations that build exactly the models, and a gemeente that imported packages
before the store existed keeps every row of them."""

import json
from datetime import date, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import insert, inspect, text

from tests.helpers.exchange import export_to
from tests.helpers.samples import DEMO_DATE
from vrijwilligers_app.services.exchange.gemeente_figures import city_overview
from vrijwilligers_app.services.exchange.keys import laptop_keys
from vrijwilligers_app.services.exchange.merge import import_packages, snapshot_rows
from vrijwilligers_app.services.exchange.package_read import read_package
from vrijwilligers_app.services.exchange.schema import EXPORT_TABLES, TABLES_BY_VERSION
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.gemeente import open as gemeente_open
from vrijwilligers_app.store.gemeente.open import open_gemeente_store
from vrijwilligers_app.store.gemeente.tables import (
    SNAPSHOT,
    SNAPSHOT_COLUMNS,
    SNAPSHOT_KEYS,
    gemeente_metadata,
    parse_spec,
)
from vrijwilligers_app.store.migrate import upgrade_to_head
from vrijwilligers_app.store.tables import metadata

PERIOD = (DEMO_DATE.replace(year=DEMO_DATE.year - 3), DEMO_DATE)


def test_typed_tables_are_the_exported_tables_of_every_schema_version():
    for version, kinds in TABLES_BY_VERSION.items():
        for name, table in kinds["export"].items():
            columns = [parse_spec(s) for s in SNAPSHOT_COLUMNS[name]]
            present = {c.name for c in table.columns}  # an older version may lack a column
            assert [(c.name, c.type) for c in table.columns] == \
                [(n, k) for n, k, _ in columns if n in present], (version, name)
            if version == max(TABLES_BY_VERSION):  # v1 was stricter; the store takes both
                assert [(c.name, c.type, c.required) for c in table.columns] == columns
            assert table.primary_key == SNAPSHOT_KEYS[name], (version, name)
    assert list(SNAPSHOT) == [t.name for t in EXPORT_TABLES]
    for name, table in SNAPSHOT.items():
        assert [c.name for c in table.primary_key.columns] == ["source_id", *SNAPSHOT_KEYS[name]]


def test_the_chain_builds_the_models_has_one_head_and_lives_beside_the_laptop_chain(tmp_path):
    engine = create_register_engine(tmp_path / "r.sqlite")
    open_gemeente_store(engine)
    open_gemeente_store(engine)  # at head: nothing to do
    heads = ScriptDirectory.from_config(gemeente_open.alembic_config()).get_heads()
    assert heads == [gemeente_open.HEAD] == [gemeente_open.current_revision(engine)]
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "include_name": gemeente_open.include_name,
            "version_table": gemeente_open.VERSION_TABLE})
        assert compare_metadata(context, gemeente_metadata) == []
    names = set(inspect(engine).get_table_names())
    assert "alembic_version" not in names and "gemeente_version" in names
    assert not names & set(metadata.tables)  # no laptop table in the gemeente's chain
    engine.dispose()


def _old_json(row: dict[str, object]) -> str:
    """How the gemeente kept a row before issue 17 (merge._dump of that time)."""
    return json.dumps(row, default=lambda v: v.isoformat() if isinstance(v, date | datetime)
                      else None, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_a_gemeente_with_packages_in_the_old_tables_keeps_them(laptop, gemeente, tmp_path):
    package_file = export_to(laptop, tmp_path / "sync")
    package = read_package(package_file.read_bytes())
    source_id = laptop_keys(laptop.data_dir).source_id
    # The same package imported the new way, for comparison.
    assert import_packages(gemeente.engine, gemeente.data_dir, [package_file]).refused == []

    old = create_register_engine(tmp_path / "old.sqlite")
    upgrade_to_head(old)  # the laptop chain only: a register of before the gemeente store
    with old.begin() as connection:
        connection.execute(text(
            "INSERT INTO exchange_source VALUES (:s, 'Laptop', :k, '2026-11-01 10:00:00', 1, "
            "'2026-11-02 10:00:00')"), {"s": source_id, "k": package.public_key})
        connection.execute(text(
            "INSERT INTO exchange_package VALUES (:h, 'export', :s, 1, 'export.zip', "
            "'2026-11-02 10:00:00'), ('r', 'return', 'gemeente', 4, 't.zip', "
            "'2026-11-02 10:00:00')"), {"h": package.package_hash, "s": source_id})
        connection.execute(text(
            "INSERT INTO exchange_status_event VALUES ('e1', :s, 'abc', 'nagebeld', "
            "'2026-11-03 12:00:00', '', '2026-11-03 12:00:00')"), {"s": source_id})
        connection.execute(text(
            "INSERT INTO exchange_quarantine VALUES ('q1', :s, :k, 'Stiphout', 3, '/x.zip', "
            "'2026-11-04 09:00:00', 0)"), {"s": "11111111-2222-3333-4444-555555555555",
                                           "k": "ab" * 32})
        connection.execute(text(
            "INSERT INTO exchange_initiative_alias VALUES ('i2', 'i1', '2026-11-05 09:00:00')"))
        connection.execute(insert(metadata.tables["exchange_record"]), [
            {"source_id": source_id, "table_name": name, "data": _old_json(row)}
            for name, rows in package.tables.items() for row in rows])

    open_gemeente_store(old)

    with old.connect() as connection:
        def rows(sql: str) -> list[tuple[object, ...]]:
            return [tuple(r) for r in connection.execute(text(sql))]
        assert rows("SELECT source_id, last_sequence FROM gemeente_source") == [(source_id, 1)]
        assert rows("SELECT package_hash FROM gemeente_package") == [(package.package_hash,)]
        assert rows("SELECT uuid, kind FROM gemeente_status_event") == [("e1", "nagebeld")]
        assert rows("SELECT source_name, refused FROM gemeente_quarantine") == [("Stiphout", 0)]
        assert rows("SELECT * FROM gemeente_initiative_alias")[0][:2] == ("i2", "i1")
    for name in SNAPSHOT:
        migrated = snapshot_rows(old, name)
        assert migrated == snapshot_rows(gemeente.engine, name), name
        assert len(migrated) == len(package.tables[name])
    assert sum(len(r) for r in package.tables.values()) > 1000
    new_way = city_overview(gemeente.engine, *PERIOD, DEMO_DATE)
    assert city_overview(old, *PERIOD, DEMO_DATE).total == new_way.total
    old.dispose()
