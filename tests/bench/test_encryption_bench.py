"""Encryption at rest, what it costs: the same work on a plain and on an SQLCipher register,
side by side in one run (demo of 10.000 residents, so it runs in a few minutes).

Run: python -m pytest -m bench tests/bench/test_encryption_bench.py -s
Ratios (encrypted / plain) are printed and written to bench-results/encryption.json; the aim
is at most 1.3x. Nothing here asserts on time.
"""

import time
from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.bench import common
from tests.bench.common import Recorder
from tests.bench.test_queries_bench import PREFIXES
from vrijwilligers_app.domain.report_period import parse_period
from vrijwilligers_app.services.demo import demo_size, fill_demo
from vrijwilligers_app.services.reports import REPORTS, ReportRequest
from vrijwilligers_app.services.reports.document import render
from vrijwilligers_app.store.queries.registers import fetch_rows, list_ids
from vrijwilligers_app.store.queries.search import search
from vrijwilligers_app.store.register import Register, open_register

pytestmark = pytest.mark.bench
record = Recorder("encryption.json", unit="ms")
median_seconds = partial(common.median_seconds, repeat=5)
RESIDENTS = "10000"
TODAY = date(2026, 11, 23)
KEY = bytes(range(32))


def _filled(folder: Path, key: bytes | None) -> tuple[Register, float]:
    register = open_register(folder, key=key, daily_backup=False)
    started = time.perf_counter()
    fill_demo(register.engine, demo_size(RESIDENTS), seed=1, reference_date=TODAY)
    return register, time.perf_counter() - started


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Engine]]:
    plain, plain_s = _filled(tmp_path_factory.mktemp("plain"), None)
    encrypted, encrypted_s = _filled(tmp_path_factory.mktemp("encrypted"), KEY)
    record(f"demo writing ({RESIDENTS} inwoners)", encrypted_s, plain_s, "plain SQLite")
    yield plain.engine, encrypted.engine
    plain.close()
    encrypted.close()


def test_search_per_keystroke(pair: tuple[Engine, Engine]) -> None:
    def typing(engine: Engine) -> None:
        for prefix in PREFIXES:
            search(engine, prefix)

    plain, encrypted = pair
    base = median_seconds(lambda: typing(plain))
    measured = median_seconds(lambda: typing(encrypted))
    record(f"search per keystroke (mean of {len(PREFIXES)})", measured / len(PREFIXES),
           base / len(PREFIXES), "plain SQLite")


def test_first_rows_of_inwoners(pair: tuple[Engine, Engine]) -> None:
    def first_rows(engine: Engine) -> None:
        ids = list_ids(engine, "residents")
        assert len(fetch_rows(engine, "residents", ids[:100])) == 100

    plain, encrypted = pair
    record("Inwoners: first 100 rows", median_seconds(lambda: first_rows(encrypted)),
           median_seconds(lambda: first_rows(plain)), "plain SQLite")


def test_jaarverslag(pair: tuple[Engine, Engine]) -> None:
    plain, encrypted = pair
    with plain.connect() as connection:
        busiest = connection.execute(text(
            "SELECT initiative_id FROM activity GROUP BY initiative_id "
            "ORDER BY count(*) DESC LIMIT 1")).scalar_one()
    spec = REPORTS["jaarverslag"]
    request = ReportRequest("jaarverslag", parse_period("2026"), TODAY, busiest)
    record("jaarverslag (data + PDF)",
           median_seconds(lambda: render(spec.build(encrypted, request))),
           median_seconds(lambda: render(spec.build(plain, request))), "plain SQLite")
