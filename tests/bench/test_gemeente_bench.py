"""The gemeente with many laptops (issue 17): N laptop packages (demo klein each; default 200,
VRIJWILLIGERS_BENCH_LAPTOPS to change) imported, then the city overview computed, beside plain
inserts of the same rows on the same database, in one run. Peak memory of the overview by
tracemalloc (goal < 300 MB at 200 laptops) and its time (goal < 2 s).

Runs twice: the gemeente store in the register (SQLite), and on PostgreSQL in a fresh
database of the server VRIJWILLIGERS_TEST_POSTGRES names (tests/helpers/postgres.py; skipped
without it), made as the app makes it (store.gemeente_engine: writers serialised). Or
VRIJWILLIGERS_BENCH_GEMEENTE_URL names another database (e.g.
postgresql+psycopg://user@localhost:5433/bench): a THROWAWAY database, its gemeente tables are
dropped and made anew.

Run: python -m pytest -m bench tests/bench/test_gemeente_bench.py -s
The packages are made once per run from ONE export, re-signed for each laptop with its own
key and source id (the reading, checking and merging cost is the same as for real exports;
making 200 real exports would take minutes of the benchmark's time for nothing).
"""

import os
import time
import tracemalloc
import uuid
from datetime import UTC, date, datetime

import pytest
from nacl.signing import SigningKey
from sqlalchemy import Engine, create_engine, delete, insert, text

from tests.bench.common import Recorder
from tests.helpers.registers import make_register_dir
from tests.services.exchange.conftest import repack, resign, unpack
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.exchange.export import export
from vrijwilligers_app.services.exchange.gemeente_figures import city_overview
from vrijwilligers_app.services.exchange.keys import laptop_keys
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.exchange.package_read import read_package
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.gemeente.open import VERSION_TABLE, open_gemeente_store
from vrijwilligers_app.store.gemeente.tables import SNAPSHOT, gemeente_metadata
from vrijwilligers_app.store.gemeente_engine import create_gemeente_engine

pytestmark = pytest.mark.bench
record = Recorder("gemeente.json", unit="s")
TODAY = date(2026, 11, 23)
LAPTOPS = int(os.environ.get("VRIJWILLIGERS_BENCH_LAPTOPS", "200"))
URL = os.environ.get("VRIJWILLIGERS_BENCH_GEMEENTE_URL", "")
SOURCES = gemeente_metadata.tables["gemeente_source"]


def _store(template_database, tmp_path, fresh_url: str | None) -> tuple[Engine, str]:
    if fresh_url:  # a new, empty database: made as the app makes it
        engine = create_gemeente_engine(fresh_url)
        open_gemeente_store(engine)
        return engine, engine.dialect.name
    if URL:
        engine = create_engine(URL)
        gemeente_metadata.drop_all(engine)
        with engine.begin() as connection:
            connection.execute(text(f"DROP TABLE IF EXISTS {VERSION_TABLE}"))
        open_gemeente_store(engine)
        return engine, engine.dialect.name
    gemeente = make_register_dir(template_database, tmp_path / "gemeente")
    return create_register_engine(gemeente / DATABASE_NAME), "SQLite"


def _enrol(engine: Engine, sources: list[tuple[str, str]]) -> None:
    with engine.begin() as connection:  # accepted beforehand (issue 17)
        connection.execute(insert(SOURCES), [
            {"source_id": sid, "name": "", "public_key": key, "last_sequence": 0,
             "pinned_at": datetime(2026, 11, 23, tzinfo=UTC)} for sid, key in sources])


def test_import_and_city_overview_of_many_laptops(demo_klein_database, template_database,
                                                  tmp_path, gemeente_db):
    laptop = make_register_dir(demo_klein_database, tmp_path / "laptop")
    laptop_keys(laptop)
    engine = create_register_engine(laptop / DATABASE_NAME)
    original = unpack(export(engine, laptop, tmp_path / "one", today=TODAY,
                             allow_unencrypted=True).path.read_bytes())
    engine.dispose()
    folder = tmp_path / "sync"
    folder.mkdir()
    sources = []
    for number in range(LAPTOPS):
        key, source_id = SigningKey.generate(), str(uuid.uuid4())
        (folder / f"export-{number:04d}.zip").write_bytes(
            repack(resign(original, key, source_id=source_id)))
        sources.append((source_id, key.verify_key.encode().hex()))
    gemeente, dialect = _store(template_database, tmp_path, gemeente_db)
    _enrol(gemeente, sources)
    gemeente_dir = tmp_path / "gemeente"
    gemeente_dir.mkdir(exist_ok=True)
    try:
        started = time.perf_counter()
        report = import_packages(gemeente, gemeente_dir, [folder])
        import_seconds = time.perf_counter() - started
        assert report.count("ingelezen") == LAPTOPS, report.as_text()[-500:]
        tracemalloc.start()
        started = time.perf_counter()
        overview = city_overview(gemeente, date(2026, 1, 1), TODAY, TODAY)
        overview_seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        started = time.perf_counter()
        overview_again = city_overview(gemeente, date(2026, 1, 1), TODAY, TODAY)
        untraced_seconds = time.perf_counter() - started
        assert overview.total.residents == overview_again.total.residents == 400 * LAPTOPS
        assert overview == overview_again

        # Plain inserts of the same rows into the same tables: no reading, checking or
        # replacing, one transaction per laptop (fresh source ids, removed afterwards).
        package = read_package((folder / "export-0000.zip").read_bytes())
        plain = [(str(uuid.uuid4()), key) for _, key in sources]
        _enrol(gemeente, plain)
        started = time.perf_counter()
        for source_id, _ in plain:
            with gemeente.begin() as connection:
                for name, rows in package.tables.items():
                    if rows:
                        connection.execute(insert(SNAPSHOT[name]),
                                           [{**row, "source_id": source_id} for row in rows])
        plain_seconds = time.perf_counter() - started
        rows_total = LAPTOPS * sum(len(rows) for rows in package.tables.values())
        with gemeente.begin() as connection:
            for table in SNAPSHOT.values():
                connection.execute(delete(table).where(
                    table.c.source_id.in_([sid for sid, _ in plain])))
            connection.execute(delete(SOURCES).where(
                SOURCES.c.source_id.in_([sid for sid, _ in plain])))
    finally:
        gemeente.dispose()
        if os.environ.get("VRIJWILLIGERS_BENCH_KEEP"):  # a copy to look at the store
            import shutil
            shutil.copyfile(tmp_path / "gemeente" / DATABASE_NAME, os.environ[
                "VRIJWILLIGERS_BENCH_KEEP"])
    record(f"import {LAPTOPS} laptop packages ({dialect})", import_seconds, plain_seconds,
           f"plain inserts of the same {rows_total:,} rows")
    record.add({"name": f"city overview of {LAPTOPS} laptops ({dialect})",
                "seconds": round(untraced_seconds, 2),
                "seconds_under_tracemalloc": round(overview_seconds, 2),
                "peak_mb": round(peak / 1e6, 1), "goal": "< 2 s, < 300 MB"})
    print(f"\n{LAPTOPS} laptops ({dialect}): import {import_seconds:.1f} s (plain inserts "
          f"{plain_seconds:.1f} s, {rows_total:,} rows); overview {untraced_seconds:.2f} s "
          f"({overview_seconds:.2f} s traced), peak {peak / 1e6:.1f} MB")
