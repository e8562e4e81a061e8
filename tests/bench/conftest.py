"""Shared benchmark data: demo 'groot' (100,000 residents, 10,000 volunteers, 100,000
referrals) is built once per run and only read by the benchmarks."""

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.demo import demo_size, fill_demo
from vrijwilligers_app.store.register import open_register

GROOT_DATE = date(2026, 11, 23)


@pytest.fixture(scope="session")
def groot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("groot")
    with open_register(data_dir, daily_backup=False) as register:
        fill_demo(register.engine, demo_size("groot"), seed=1, reference_date=GROOT_DATE)
    return data_dir


@pytest.fixture(scope="module")
def groot(groot_dir: Path) -> Iterator[tuple[Engine, Path]]:
    """The demo 'groot' register opened for one module: its engine and its database file."""
    with open_register(groot_dir, daily_backup=False) as register:
        yield register.engine, groot_dir / DATABASE_NAME


# Encrypted demo registers as `demo --size N` makes them (seed 1, peildatum GROOT_DATE,
# passphrase TEST_PASSPHRASE). They take minutes to make: with VRIJWILLIGERS_BENCH_REGISTERS
# set to a folder, `demo-<size>` in it is made once and reused by later runs.
BENCH_REGISTERS_ENV = "VRIJWILLIGERS_BENCH_REGISTERS"


def encrypted_demo(size: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """(data dir, data key) of an encrypted demo register of `size` residents."""
    from tests.helpers.registers import TEST_PASSPHRASE
    from vrijwilligers_app.services.demo import fill_demo_beside
    from vrijwilligers_app.store import keys

    root = os.environ.get(BENCH_REGISTERS_ENV)
    data_dir = (Path(root) if root else tmp_path_factory.mktemp("bench")) / f"demo-{size}"
    if (data_dir / DATABASE_NAME).exists():
        return data_dir, keys.unlock(data_dir, TEST_PASSPHRASE)
    data_dir.mkdir(parents=True, exist_ok=True)
    key, _recovery = keys.create_keys(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register:
        fill_demo_beside(register, demo_size(size), seed=1, reference_date=GROOT_DATE)
    return data_dir, key
