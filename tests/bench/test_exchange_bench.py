"""Exchange (issue 7): export of demo groot, and a gemeente importing 50 laptop packages,
each beside a raw baseline measured in the same run.

Run: python -m pytest -m bench tests/bench/test_exchange_bench.py -s
Nothing here asserts on time; numbers and ratios go to bench-results/exchange.json.

- export(): privacy projection (SQL + keyed hashes), formula-safe CSV, datapackage.json,
  SHA-256, zip (deflate), Ed25519 signature, sealed box, fsync'ed file.
  Baseline: the same tables' rows read with raw sqlite3 and written with csv.writer to
  plain files (no projection, no hashing, no zip, no signature, no encryption).
- import_packages() of 50 sealed laptop packages (demo klein, each laptop its own keys):
  read, decrypt, unzip in memory, verify, Table Schema check of every cell, merge.
  Baseline: plain sqlite3 executemany of the same rows (JSON text) into a table like
  the old exchange_record, one transaction per package.
"""

import csv
import json
import shutil
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from tests.bench.common import Recorder
from tests.helpers.registers import make_register_dir
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.exchange.export import export
from vrijwilligers_app.services.exchange.keys import (
    create_gemeente_keys,
    laptop_keys,
    pin_gemeente_key,
)
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.exchange.package_read import read_package
from vrijwilligers_app.store.engine import create_register_engine

pytestmark = pytest.mark.bench
record = Recorder("exchange.json", unit="s")
TODAY = date(2026, 11, 23)
LAPTOPS = 50
# The register tables behind the export, read whole by the baseline.
RAW_TABLES = ("initiative", "destination", "volunteer_role", "resident", "buddy_request",
              "buddy_match", "referral", "referral_event", "activity", "attendance", "shift")


def _timed(action):
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def _plain_csv(db_path: Path, out: Path) -> int:
    out.mkdir(exist_ok=True)
    connection = sqlite3.connect(db_path)
    rows = 0
    for table in RAW_TABLES:
        cursor = connection.execute(f"SELECT * FROM {table}")
        with open(out / f"{table}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow([d[0] for d in cursor.description])
            for row in cursor:
                writer.writerow(row)
                rows += 1
    connection.close()
    return rows


def enrol_all(db: Path, keys: list) -> None:
    """The laptops' keys accepted by the gemeente (issue 17), nothing read yet."""
    connection = sqlite3.connect(db, isolation_level=None)
    connection.executemany(
        "INSERT INTO gemeente_source (source_id, name, public_key, pinned_at, last_sequence) "
        "VALUES (?, '', ?, '2026-11-23 00:00:00', 0)",
        [(k.source_id, k.public_hex) for k in keys])
    connection.close()


def test_export_of_demo_groot_beside_plain_csv(groot_dir, tmp_path, template_database):
    copy = tmp_path / "groot.sqlite"  # the shared groot register stays untouched
    shutil.copyfile(groot_dir / DATABASE_NAME, copy)
    engine = create_register_engine(copy)
    keys_dir = tmp_path / "keys"
    gemeente = make_register_dir(template_database, tmp_path / "gemeente")
    pin_gemeente_key(engine, create_gemeente_keys(gemeente, "Gemeente").public)
    try:
        export(engine, keys_dir, tmp_path / "warm", today=TODAY)  # page cache, imports
        times, results = [], []
        for run in range(3):
            seconds, result = _timed(lambda run=run: export(engine, keys_dir,
                                                            tmp_path / f"out{run}", today=TODAY))
            times.append(seconds)
            results.append(result)
        baselines = []
        for run in range(3):
            seconds, raw_rows = _timed(lambda run=run: _plain_csv(copy,
                                                                  tmp_path / f"plain{run}"))
            baselines.append(seconds)
    finally:
        engine.dispose()
    exported_rows = sum(results[0].rows.values())
    assert results[0].rows["inwoners"] == 100_000 and results[0].encrypted
    record("export demo groot (sealed)", sorted(times)[1], sorted(baselines)[1],
           f"raw sqlite3 + csv.writer of {raw_rows:,} rows")
    record.add({"name": "export size", "rows": exported_rows,
                "file_mb": round(results[0].path.stat().st_size / 1e6, 2),
                "plain_csv_mb": round(sum(f.stat().st_size for f in
                                          (tmp_path / "plain0").iterdir()) / 1e6, 2)})


def test_import_of_50_laptop_packages_beside_plain_inserts(demo_klein_database,
                                                           template_database, tmp_path):
    gemeente_dir = make_register_dir(template_database, tmp_path / "gemeente")
    gemeente_keys_ = create_gemeente_keys(gemeente_dir, "Gemeente")
    laptop_db = tmp_path / "laptop.sqlite"
    shutil.copyfile(demo_klein_database, laptop_db)
    engine = create_register_engine(laptop_db)
    pin_gemeente_key(engine, gemeente_keys_.public)
    folder = tmp_path / "sync"
    enrolled = []
    for number in range(LAPTOPS):  # 50 laptops: own keys, own pseudonyms
        laptop_dir = tmp_path / f"laptop{number}"
        enrolled.append(laptop_keys(laptop_dir))
        export(engine, laptop_dir, folder, today=TODAY)
    engine.dispose()
    enrol_all(gemeente_dir / DATABASE_NAME, enrolled)  # issue 17: accepted beforehand
    packages = [read_package(p.read_bytes(), box_key=gemeente_keys_.box_key)
                for p in sorted(folder.iterdir())]
    rows_per_package = sum(len(rows) for rows in packages[0].tables.values())

    def merge_all(target: Path):
        gemeente_engine = create_register_engine(target / DATABASE_NAME)
        try:
            return import_packages(gemeente_engine, target, [folder])
        finally:
            gemeente_engine.dispose()

    def plain_inserts(db: Path) -> None:
        connection = sqlite3.connect(db, isolation_level=None)
        connection.execute("CREATE TABLE IF NOT EXISTS raw_record (row_id INTEGER PRIMARY KEY, "
                           "source_id TEXT, table_name TEXT, data TEXT)")
        for package in packages:
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany(
                "INSERT INTO raw_record (source_id, table_name, data) VALUES (?, ?, ?)",
                [(package.source_id, name, json.dumps(row, default=str))
                 for name, rows in package.tables.items() for row in rows])
            connection.execute("COMMIT")
        connection.close()

    times, baselines = [], []
    for run in range(3):
        target = tmp_path / f"g{run}"
        shutil.copytree(gemeente_dir, target)
        seconds, report = _timed(lambda target=target: merge_all(target))
        assert report.count("ingelezen") == LAPTOPS, report.as_text()
        times.append(seconds)
        raw_db = tmp_path / f"raw{run}.sqlite"
        shutil.copyfile(template_database, raw_db)
        seconds, _ = _timed(lambda raw_db=raw_db: plain_inserts(raw_db))
        baselines.append(seconds)
    record(f"import {LAPTOPS} sealed laptop packages", sorted(times)[1], sorted(baselines)[1],
           f"plain sqlite3 inserts of the same {LAPTOPS * rows_per_package:,} rows")
    parse_seconds, _ = _timed(lambda: [read_package(p.read_bytes(),
                                                    box_key=gemeente_keys_.box_key)
                                       for p in sorted(folder.iterdir())])
    record.add({"name": "of which reading and checking 50 packages (no merge)",
                "seconds": round(parse_seconds, 3)})
