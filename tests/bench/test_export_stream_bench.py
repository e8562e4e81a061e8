"""Export as a stream (issue 18): export() beside csv.writer of the register's rows, at
100,000 and 300,000 residents, in one run, interleaved; and the export's peak Python memory
(tracemalloc) at each size.

Run: VRIJWILLIGERS_BENCH_REGISTERS=/folder python -m pytest -m bench \
         tests/bench/test_export_stream_bench.py -s
Nothing here asserts on time; rows/s, ratios and peaks go to bench-results/export_stream.json.

- export(): the whole sealed export (privacy projection from a DB-API cursor, keyed
  pseudonyms, k-anonymity, formula-safe CSV into the zip entries, SHA-256 while streaming,
  Ed25519 signature, secretstream encryption, fsync'ed file, rename).
- Baseline: the register tables behind the export read with a raw SQLCipher cursor and
  written with csv.writer to plain files (no projection, hashing, zip or encryption).
The ratio compares throughput: export rows/s over baseline rows/s (issue 18: at least 0.70,
the same at both sizes). Memory: tracemalloc's peak during one export (Python objects only;
SQLite's page cache and zlib's window are fixed sizes in C).

The registers are the encrypted demo registers of tests/bench/conftest.encrypted_demo
(`demo --size N`, seed 1): with VRIJWILLIGERS_BENCH_REGISTERS set they are made once there
and reused; each test works on a copy. 300,000 residents only with that folder set (or
VRIJWILLIGERS_BENCH_300K=1): making it takes several minutes. VRIJWILLIGERS_BENCH_ROUNDS:
interleaved rounds (default 5). VRIJWILLIGERS_BENCH_BASELINE_SRC=<checkout>: that old code's
export is timed too, in the same rounds, in a child process of its own (EXPORT_CHILD) on its
own copy of the register (an old checkout refuses a register migrated by this one); the
child times only its export() calls, after a warm one, as this process does.
"""

import csv
import os
import shutil
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.bench.common import Recorder
from tests.bench.conftest import BENCH_REGISTERS_ENV, GROOT_DATE, encrypted_demo
from tests.helpers.registers import make_register_dir
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.exchange.export import export
from vrijwilligers_app.services.exchange.export_rows import EXPORT_CACHE_KIB
from vrijwilligers_app.services.exchange.keys import create_gemeente_keys, pin_gemeente_key
from vrijwilligers_app.store import cipher
from vrijwilligers_app.store.register import open_register

pytestmark = pytest.mark.bench
record = Recorder("export_stream.json", unit="s")
TODAY: date = GROOT_DATE
RAW_TABLES = ("initiative", "destination", "volunteer_role", "resident", "buddy_request",
              "buddy_match", "referral", "referral_event", "activity", "attendance", "shift")
SIZES = ["100000"] + (["300000"] if os.environ.get(BENCH_REGISTERS_ENV)
                      or os.environ.get("VRIJWILLIGERS_BENCH_300K") else [])
ROUNDS = int(os.environ.get("VRIJWILLIGERS_BENCH_ROUNDS", "5"))
BASELINE_SRC_ENV = "VRIJWILLIGERS_BENCH_BASELINE_SRC"  # a checkout to time as "before"
# The old code's export, as this test runs the new one: one warm export, then one timed
# export() per line read ("<folder name>"), answered with "<seconds> <CPU seconds> <rows>".
EXPORT_CHILD = """
import os, shutil, sys, time
from datetime import date
from pathlib import Path
from vrijwilligers_app.services.exchange.export import export
from vrijwilligers_app.services.exchange.keys import create_gemeente_keys, pin_gemeente_key
from vrijwilligers_app.store import keys
from vrijwilligers_app.store.register import open_register
data_dir, gemeente, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
today = date.fromisoformat(sys.argv[4])
key = keys.unlock(data_dir, os.environ["VRIJWILLIGERS_WACHTWOORD"])
with open_register(data_dir, key=key, daily_backup=False) as register:
    pin_gemeente_key(register.engine, create_gemeente_keys(gemeente, "Gemeente").public)
    export(register.engine, data_dir, out / "warm", today=today)
    print("ready", flush=True)
    for line in sys.stdin:
        started, cpu = time.perf_counter(), time.process_time()
        result = export(register.engine, data_dir, out / line.strip(), today=today)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        shutil.rmtree(out / line.strip())
        print(seconds, cpu, sum(result.rows.values()), flush=True)
"""


class _OldExport:
    """The old checkout's export in a child process, on its own copy of the register."""

    def __init__(self, src: str, cached: Path, folder: Path) -> None:
        shutil.copytree(cached, folder / "laptop",
                        ignore=shutil.ignore_patterns("register.lock", "backups", "logs"))
        (folder / "gemeente").mkdir()
        self.child = subprocess.Popen(
            [sys.executable, "-c", EXPORT_CHILD, str(folder / "laptop"),
             str(folder / "gemeente"), str(folder / "out"), TODAY.isoformat()],
            cwd=src, env={**os.environ, "PYTHONPATH": src}, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.child.stdout is not None
        return self.child.stdout.readline().strip()

    def export(self, name: str) -> tuple[float, float, int]:
        """(seconds and CPU seconds of one export() in the child, its rows)."""
        assert self.child.stdin is not None
        self.child.stdin.write(name + "\n")
        self.child.stdin.flush()
        seconds, cpu, rows = self._line().split()
        return float(seconds), float(cpu), int(rows)

    def close(self) -> None:
        assert self.child.stdin is not None and self.child.stdout is not None
        self.child.stdin.close()
        assert self.child.wait(timeout=600) == 0
        self.child.stdout.close()


def _timed(action: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds of this process, incl. the export's writing thread, result)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - started, time.process_time() - cpu, result


def _plain_csv(db_path: Path, key: bytes, out: Path) -> int:
    out.mkdir(exist_ok=True)
    connection = cipher.connect(db_path, key, read_only=True)
    # The export's page cache size, so both read the register alike (the scans read each
    # page once either way).
    connection.execute(f"PRAGMA cache_size = {-EXPORT_CACHE_KIB}")
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


@pytest.mark.parametrize("size", SIZES)
def test_export_stream_beside_csv_writer(size, tmp_path, tmp_path_factory, template_database):
    cached, key = encrypted_demo(size, tmp_path_factory)
    data_dir = tmp_path / "laptop"
    shutil.copytree(cached, data_dir, ignore=shutil.ignore_patterns("register.lock"))
    gemeente = make_register_dir(template_database, tmp_path / "gemeente")
    old = (_OldExport(os.environ[BASELINE_SRC_ENV], cached, tmp_path / "before")
           if os.environ.get(BASELINE_SRC_ENV) else None)
    before: list[float] = []
    cpu: dict[str, list[float]] = {"export": [], "before": [], "baseline": []}
    loads: list[float] = []
    with open_register(data_dir, key=key, daily_backup=False) as register:
        engine = register.engine
        pin_gemeente_key(engine, create_gemeente_keys(gemeente, "Gemeente").public)
        export(engine, data_dir, tmp_path / "warm", today=TODAY)  # page cache, imports
        times, baselines = [], []
        for run in range(ROUNDS):  # interleaved: the machine's load hits both alike
            if old is not None and run % 2:  # the old code first in every other round
                seconds, used, before_rows = old.export(f"out{run}")
                before.append(seconds)
                cpu["before"].append(used)
            seconds, used, result = _timed(lambda run=run: export(
                engine, data_dir, tmp_path / f"out{run}", today=TODAY))
            times.append(seconds)
            cpu["export"].append(used)
            shutil.rmtree(tmp_path / f"out{run}")
            if old is not None and not run % 2:
                seconds, used, before_rows = old.export(f"out{run}")
                before.append(seconds)
                cpu["before"].append(used)
            seconds, used, raw_rows = _timed(lambda run=run: _plain_csv(
                data_dir / DATABASE_NAME, key, tmp_path / f"plain{run}"))
            baselines.append(seconds)
            cpu["baseline"].append(used)
            shutil.rmtree(tmp_path / f"plain{run}")
            loads.append(os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0)
        if old is not None:
            old.close()
        tracemalloc.start()
        result = export(engine, data_dir, tmp_path / "memory", today=TODAY)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert result.encrypted
    rows = sum(result.rows.values())
    export_s, plain_s = statistics.median(times), statistics.median(baselines)
    run_ratios = [(rows / t) / (raw_rows / b) for t, b in zip(times, baselines, strict=True)]
    ratio = statistics.median(run_ratios)  # of the interleaved pairs
    record(f"export demo {size} (sealed, {rows:,} rows)", export_s, plain_s,
           f"raw cursor + csv.writer of {raw_rows:,} rows")
    record.add({"name": f"export demo {size}: throughput", "export_rows": rows,
                "export_rows_per_s": round(rows / export_s),
                "baseline_rows": raw_rows, "baseline_rows_per_s": round(raw_rows / plain_s),
                "throughput_ratio": round(ratio, 3),
                "peak_python_mb": round(peak / 1e6, 1),
                "export_runs_s": [round(t, 2) for t in times],
                "baseline_runs_s": [round(t, 2) for t in baselines],
                "run_ratios": [round(r, 3) for r in run_ratios],
                "export_us_per_row": round(export_s / rows * 1e6, 2),
                "baseline_us_per_row": round(plain_s / raw_rows * 1e6, 2),
                "load_average_per_run": [round(x, 2) for x in loads],  # 1 min; 0 on Windows
                # CPU seconds (the export's writing thread included): what the load moves less
                "cpu_runs_s": {name: [round(t, 2) for t in values]
                               for name, values in cpu.items()},
                "cpu_ratios": [round((rows / c) / (raw_rows / b), 3) for c, b in zip(
                    cpu["export"], cpu["baseline"], strict=True)],
                "file_mb": round(result.path.stat().st_size / 1e6, 2)})
    if before:
        assert before_rows == rows  # the same rows from the old code
        before_ratios = [(rows / t) / (raw_rows / b)
                         for t, b in zip(before, baselines, strict=True)]
        record.add({"name": f"export demo {size}: before ({os.environ[BASELINE_SRC_ENV]})",
                    "export_runs_s": [round(t, 2) for t in before],
                    "export_us_per_row": round(statistics.median(before) / rows * 1e6, 2),
                    "throughput_ratio": round(statistics.median(before_ratios), 3),
                    "run_ratios": [round(r, 3) for r in before_ratios],
                    "cpu_ratios": [round((rows / c) / (raw_rows / b), 3) for c, b in zip(
                        cpu["before"], cpu["baseline"], strict=True)]})
        print(f"\nbefore: runs {[round(t, 2) for t in before]}, ratios "
              f"{[round(r, 2) for r in before_ratios]}, "
              f"{statistics.median(before) / rows * 1e6:.2f} us/row")
    print(f"\nexport demo {size}: {export_s / rows * 1e6:.2f} us/row (csv.writer "
          f"{plain_s / raw_rows * 1e6:.2f}); ratios {[round(r, 2) for r in run_ratios]}; "
          f"load {[round(x, 2) for x in loads]}; CPU seconds {cpu}")
    print(f"\nexport demo {size}: {rows / export_s:,.0f} rows/s, csv.writer "
          f"{raw_rows / plain_s:,.0f} rows/s, throughput ratio {ratio:.2f}, "
          f"peak {peak / 1e6:.1f} MB; runs {[round(t, 2) for t in times]} vs "
          f"{[round(t, 2) for t in baselines]}")
