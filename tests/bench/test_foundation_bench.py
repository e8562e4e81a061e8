"""Foundation benchmarks: demo groot, check and start-up, each beside a baseline in the same run.

Run: python -m pytest -m bench tests/bench -s
Nothing here asserts on time; the ratios are printed and written to bench-results/.
"""

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

from tests.bench.common import Recorder
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.demo import demo_size, fill_demo
from vrijwilligers_app.store.health import check_database
from vrijwilligers_app.store.register import open_register

pytestmark = pytest.mark.bench
record = Recorder("foundation.json", unit="s")


@pytest.fixture(scope="module")
def timed_groot(tmp_path_factory) -> tuple[Path, float]:
    """Its own demo groot, as building it is what the first benchmark times."""
    data_dir = tmp_path_factory.mktemp("groot")
    with open_register(data_dir, daily_backup=False) as register:
        started = time.perf_counter()
        fill_demo(register.engine, demo_size("groot"), seed=1, reference_date=date(2026, 11, 23))
        elapsed = time.perf_counter() - started
    return data_dir, elapsed


def _raw_insert_same_rows(source: Path, target: Path) -> float:
    """Baseline: plain sqlite3 executemany of exactly the rows the demo wrote, same pragmas."""
    src = sqlite3.connect(source)
    schema = [r[0] for r in src.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "AND (type = 'table' AND name NOT LIKE 'search_index_%' OR type = 'trigger') "
        "ORDER BY type = 'trigger'")]  # the search index and its triggers: same work
    tables = [r[0] for r in src.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_index%'")]
    data = {t: src.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    src.close()
    dst = sqlite3.connect(target, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL"):
        dst.execute(f"PRAGMA {pragma}")
    for statement in schema:
        dst.execute(statement)
    started = time.perf_counter()
    dst.execute("BEGIN")
    for table, rows in data.items():
        if rows:
            marks = ",".join("?" * len(rows[0]))
            dst.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
    dst.execute("COMMIT")
    elapsed = time.perf_counter() - started
    dst.close()
    return elapsed


def test_demo_groot_beside_raw_inserts(timed_groot, tmp_path):
    data_dir, demo_seconds = timed_groot
    baseline = _raw_insert_same_rows(data_dir / DATABASE_NAME, tmp_path / "raw.sqlite")
    record("demo --size groot", demo_seconds, baseline, "raw sqlite3 inserts of the same rows")


def test_check_beside_raw_pragmas(timed_groot):
    data_dir, _ = timed_groot
    started = time.perf_counter()
    report = check_database(data_dir / DATABASE_NAME)
    measured = time.perf_counter() - started
    assert report.healthy
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    started = time.perf_counter()
    connection.execute("PRAGMA integrity_check").fetchall()
    connection.execute("PRAGMA foreign_key_check").fetchall()
    baseline = time.perf_counter() - started
    connection.close()
    record("check", measured, baseline, "raw integrity_check + foreign_key_check")


BARE_WINDOW = textwrap.dedent("""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.resize(1200, 720)
    window.show()
    QTimer.singleShot(0, lambda: (print("venster getoond", flush=True), app.quit()))
    app.exec()
""")


def _time_until_shown(command: list[str]) -> float:
    # The app asks no passphrase when the environment gives one (its unlock, Argon2id at the
    # real cost, is part of what is measured).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "VRIJWILLIGERS_WACHTWOORD": "proef wachtwoord voor de benchmark"}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait(timeout=120)
    assert "venster getoond" in line
    return elapsed


def test_startup_to_shown_window_beside_bare_pyside6(timed_groot, tmp_path):
    plain_dir, _ = timed_groot
    data_dir = tmp_path / "groot-versleuteld"  # the shared groot stays plain for the others
    shutil.copytree(plain_dir, data_dir)
    app = [sys.executable, "-m", "vrijwilligers_app", "--data-dir", str(data_dir), "--smoke-test"]
    bare = [sys.executable, "-c", BARE_WINDOW]
    _time_until_shown(app)  # first run warms the file cache and makes the daily backup
    app_times = [_time_until_shown(app) for _ in range(5)]
    bare_times = [_time_until_shown(bare) for _ in range(5)]
    record("start-up to shown main window (groot, median of 5)", statistics.median(app_times),
           statistics.median(bare_times), "bare PySide6 window")


DEMO_SIZES_ENV = "VRIJWILLIGERS_BENCH_DEMO_SIZES"  # e.g. "20000,60000" for a quick look
BASELINE_SRC_ENV = "VRIJWILLIGERS_BENCH_BASELINE_SRC"  # a checkout to time as "before"
ROUNDS_ENV = "VRIJWILLIGERS_BENCH_ROUNDS"
DEMO_CHILD = textwrap.dedent("""
    import sys, time
    from vrijwilligers_app.cli import main
    code = main(sys.argv[1:])
    print("cpu", time.process_time(), flush=True)
    sys.exit(code)
""")


def _demo_cpu_seconds(data_dir: Path, size: int, src: str) -> float:
    """CPU time of a whole `demo --size N` process (imports, key, fill, checks, rename) of
    the checkout `src` (its own folder first on the path, and as the working directory)."""
    env = {**os.environ, "VRIJWILLIGERS_WACHTWOORD": "proef wachtwoord voor de benchmark",
           "PYTHONPATH": src}
    shutil.rmtree(data_dir, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-c", DEMO_CHILD, "demo", "--data-dir", str(data_dir),
         "--size", str(size), "--peildatum", "23-11-2026"],
        cwd=src, env=env, capture_output=True, text=True, check=True, timeout=3600)
    shutil.rmtree(data_dir, ignore_errors=True)  # a 300k register is 1.3 GB
    return float(result.stdout.rsplit("cpu", 1)[1])


def _load_average() -> list[float] | None:
    """What else ran on the machine (Windows has no load average)."""
    return [round(v, 2) for v in os.getloadavg()] if hasattr(os, "getloadavg") else None


def test_demo_cpu_grows_linearly_with_the_residents(tmp_path):
    """Issue 18: the CPU time of `demo --size N` from N to 3N residents, beside 3x that of N
    (ratio 1.0: linear). One run at a time, so each has both cores to itself; with
    VRIJWILLIGERS_BENCH_BASELINE_SRC an old checkout runs the same sizes interleaved
    (small now, small before, large now, large before, per round; medians of the rounds)."""
    small, large = (int(n) for n in os.environ.get(DEMO_SIZES_ENV, "100000,300000").split(","))
    sources = {"now": str(Path(__file__).resolve().parents[2])}
    if os.environ.get(BASELINE_SRC_ENV):
        sources["before"] = os.environ[BASELINE_SRC_ENV]
    cpu: dict[tuple[str, int], list[float]] = {}
    for _ in range(int(os.environ.get(ROUNDS_ENV, "1"))):
        for size in (small, large):
            for name, src in sources.items():
                cpu.setdefault((name, size), []).append(
                    _demo_cpu_seconds(tmp_path / f"{name}-{size}", size, src))
    factor = large / small
    for name in sources:
        cpu_small = statistics.median(cpu[(name, small)])
        cpu_large = statistics.median(cpu[(name, large)])
        record(f"demo --size {large}, CPU of the whole process, {name}", cpu_large,
               cpu_small * factor, f"{factor:g} x the CPU of demo --size {small}")
        record.add({"name": f"demo CPU per resident, {name}", "unit": "µs",
                    "small": round(1e6 * cpu_small / small, 1),
                    "large": round(1e6 * cpu_large / large, 1),
                    "rounds": {str(size): [round(v, 2) for v in cpu[(name, size)]]
                               for size in (small, large)},
                    "load_average": _load_average()})
        print(f"{name}: {1e6 * cpu_small / small:.1f} µs per resident at {small}, "
              f"{1e6 * cpu_large / large:.1f} µs at {large}")
