"""Shared benchmark data: demo 'groot' (100,000 residents, 10,000 volunteers, 100,000
referrals) is built once per run and only read by the benchmarks."""

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
