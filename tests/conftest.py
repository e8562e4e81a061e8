import os

# Before any PySide6 import: tests never need a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from vrijwilligers_app.store.engine import create_register_engine  # noqa: E402
from vrijwilligers_app.store.seed import load_code_lists  # noqa: E402
from vrijwilligers_app.store.tables import metadata  # noqa: E402


@pytest.fixture
def register_engine(tmp_path: Path):
    """An empty register with the schema and the shipped code lists."""
    engine = create_register_engine(tmp_path / "register.sqlite")
    metadata.create_all(engine)
    load_code_lists(engine)
    yield engine
    engine.dispose()
