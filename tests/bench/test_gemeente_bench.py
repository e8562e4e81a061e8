"""The gemeente with many laptops (issue 17): N laptop packages (demo klein each; default 200,
VRIJWILLIGERS_BENCH_LAPTOPS to change) imported, then the city overview computed, beside plain
sqlite3 inserts of the same rows, in one run. Peak memory of the overview by tracemalloc
(goal < 300 MB at 200 laptops) and its time (goal < 2 s).

Run: python -m pytest -m bench tests/bench/test_gemeente_bench.py -s
The packages are made once per run from ONE export, re-signed for each laptop with its own
key and source id (the reading, checking and merging cost is the same as for real exports;
making 200 real exports would take minutes of the benchmark's time for nothing).
"""

import json
import os
import sqlite3
import time
import tracemalloc
import uuid
from datetime import date

import pytest
from nacl.signing import SigningKey

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

pytestmark = pytest.mark.bench
record = Recorder("gemeente.json", unit="s")
TODAY = date(2026, 11, 23)
LAPTOPS = int(os.environ.get("VRIJWILLIGERS_BENCH_LAPTOPS", "200"))


def test_import_and_city_overview_of_many_laptops(demo_klein_database, template_database,
                                                  tmp_path):
    laptop = make_register_dir(demo_klein_database, tmp_path / "laptop")
    laptop_keys(laptop)
    engine = create_register_engine(laptop / DATABASE_NAME)
    original = unpack(export(engine, laptop, tmp_path / "one", today=TODAY).path.read_bytes())
    engine.dispose()
    folder = tmp_path / "sync"
    folder.mkdir()
    sources = []
    for number in range(LAPTOPS):
        key, source_id = SigningKey.generate(), str(uuid.uuid4())
        (folder / f"export-{number:04d}.zip").write_bytes(
            repack(resign(original, key, source_id=source_id)))
        sources.append((source_id, key.verify_key.encode().hex()))
    gemeente = make_register_dir(template_database, tmp_path / "gemeente")
    connection = sqlite3.connect(gemeente / DATABASE_NAME, isolation_level=None)
    connection.executemany(  # accepted beforehand (issue 17)
        "INSERT INTO exchange_source (source_id, name, public_key, pinned_at, last_sequence) "
        "VALUES (?, '', ?, '2026-11-23 00:00:00', 0)", sources)
    connection.close()

    gemeente_engine = create_register_engine(gemeente / DATABASE_NAME)
    try:
        started = time.perf_counter()
        report = import_packages(gemeente_engine, gemeente, [folder])
        import_seconds = time.perf_counter() - started
        assert report.count("ingelezen") == LAPTOPS, report.as_text()[-500:]
        tracemalloc.start()
        started = time.perf_counter()
        overview = city_overview(gemeente_engine, date(2026, 1, 1), TODAY, TODAY)
        overview_seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        started = time.perf_counter()
        overview_again = city_overview(gemeente_engine, date(2026, 1, 1), TODAY, TODAY)
        untraced_seconds = time.perf_counter() - started
    finally:
        gemeente_engine.dispose()
    assert overview.total.residents == overview_again.total.residents == 400 * LAPTOPS

    package = read_package((folder / "export-0000.zip").read_bytes())
    rows = [(name, json.dumps(row, default=str)) for name, table in package.tables.items()
            for row in table]
    raw = sqlite3.connect(tmp_path / "raw.sqlite", isolation_level=None)
    raw.execute("CREATE TABLE raw_record (row_id INTEGER PRIMARY KEY, source_id TEXT, "
                "table_name TEXT, data TEXT)")
    started = time.perf_counter()
    for source_id, _ in sources:
        raw.execute("BEGIN IMMEDIATE")
        raw.executemany("INSERT INTO raw_record (source_id, table_name, data) VALUES (?, ?, ?)",
                        [(source_id, name, data) for name, data in rows])
        raw.execute("COMMIT")
    plain_seconds = time.perf_counter() - started
    raw.close()
    record(f"import {LAPTOPS} laptop packages (SQLite)", import_seconds, plain_seconds,
           f"plain sqlite3 inserts of the same {LAPTOPS * len(rows):,} rows")
    record.add({"name": f"city overview of {LAPTOPS} laptops (SQLite)",
                "seconds": round(untraced_seconds, 2),
                "seconds_under_tracemalloc": round(overview_seconds, 2),
                "peak_mb": round(peak / 1e6, 1), "goal": "< 2 s, < 300 MB"})
