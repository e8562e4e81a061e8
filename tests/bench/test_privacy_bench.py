"""Vergeten and a retention run on a register of 20,000 residents, beside saving one
resident's record (the everyday write) in the same run.

Run: python -m pytest -m bench tests/bench/test_privacy_bench.py -s
Vergeten pays for merging the whole FTS5 index into one segment (so no erased term survives
in an old segment) and for the WAL checkpoint; the ratio shows what that costs.
"""

from datetime import date
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.bench import common
from tests.bench.common import Recorder
from vrijwilligers_app.services import editing
from vrijwilligers_app.services.demo import fill_demo
from vrijwilligers_app.services.demo.sizes import scaled_size
from vrijwilligers_app.services.privacy.anonymise import anonymise
from vrijwilligers_app.services.privacy.retention import due_residents
from vrijwilligers_app.store.register import open_register

pytestmark = pytest.mark.bench
record = Recorder("privacy.json", unit="ms")
TODAY = date(2026, 11, 23)
median_seconds = partial(common.median_seconds, repeat=5)


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    data_dir: Path = tmp_path_factory.mktemp("privacy")
    with open_register(data_dir, daily_backup=False) as register:
        fill_demo(register.engine, scaled_size(20_000), seed=1, reference_date=TODAY)
        yield register


def test_vergeten_and_retention_beside_saving_a_record(register):  # type: ignore[no-untyped-def]
    engine = register.engine
    with engine.connect() as c:
        ids = iter([r[0] for r in c.execute(text("SELECT id FROM resident ORDER BY id"))])
    saved = next(ids)
    values = editing.load_record(engine, "residents", saved)

    def save() -> None:
        editing.save_record(engine, "residents", values, saved, TODAY)

    baseline = median_seconds(save)
    record("vergeten (1 inwoner, index samengevoegd)",
           median_seconds(lambda: anonymise(engine, [next(ids)], TODAY, "vergeten")),
           baseline, "inwoner opslaan")
    due = [d.resident_id for d in due_residents(engine, TODAY)][:1000]
    record("bewaartermijn: lijst maken", median_seconds(lambda: due_residents(engine, TODAY)),
           baseline, "inwoner opslaan")
    started = common.time.perf_counter()
    anonymise(engine, due, TODAY)
    record(f"bewaartermijn: {len(due)} inwoners anonimiseren",
           common.time.perf_counter() - started, baseline, "inwoner opslaan")
