import shutil
from pathlib import Path

import pytest

from vrijwilligers_app.store.engine import create_register_engine


@pytest.fixture
def demo_engine(demo_klein_database: Path, tmp_path: Path):
    """A private copy of demo 'klein' per test (anonymising changes it)."""
    path = tmp_path / "register.sqlite"
    shutil.copyfile(demo_klein_database, path)
    engine = create_register_engine(path)
    yield engine
    engine.dispose()
