import os

# Before any PySide6 import: tests never need a real display. The offscreen screen is the
# users' laptop screen, 1366×768 (the default would be 800×800), so sizes are the real ones.
_SCREEN = os.path.join(os.path.dirname(__file__), "helpers", "screen_1366x768.json")
# (Qt splits platform arguments at ':', so a Windows drive letter cannot be passed.)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if os.name == "nt"
                      else f"offscreen:configfile={_SCREEN}")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

# The gemeente store on SQLite and on PostgreSQL (tests/helpers/postgres.py).
from tests.helpers.postgres import fresh_postgres_database as fresh_postgres_database  # noqa: E402
from tests.helpers.postgres import gemeente_db as gemeente_db  # noqa: E402
from tests.helpers.samples import DEMO_DATE  # noqa: E402
from vrijwilligers_app.store.engine import create_register_engine  # noqa: E402
from vrijwilligers_app.store.gemeente.open import open_gemeente_store  # noqa: E402
from vrijwilligers_app.store.migrate import upgrade_to_head  # noqa: E402
from vrijwilligers_app.store.seed import load_code_lists  # noqa: E402


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Benchmarks only run when `-m` names them, whatever else `-m` selects."""
    if "bench" in (config.getoption("-m") or ""):
        return
    benches = [item for item in items if item.get_closest_marker("bench")]
    if benches:
        config.hook.pytest_deselected(items=benches)
        items[:] = [item for item in items if not item.get_closest_marker("bench")]


@pytest.fixture(autouse=True)
def _fast_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at libsodium's minimum cost in tests: the real cost (about 1 s per unlock)
    is a constant in store.keys and is written into each key file, so code paths are equal."""
    import nacl.pwhash.argon2id as argon2id

    from vrijwilligers_app.store import keys

    cheap = keys.KdfCost(argon2id.OPSLIMIT_MIN, argon2id.MEMLIMIT_MIN)
    monkeypatch.setattr(keys, "PASSPHRASE_COST", cheap)
    monkeypatch.setattr(keys, "RECOVERY_COST", cheap)


@pytest.fixture(autouse=True)
def _passphrase_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands and app starts read the passphrase from VRIJWILLIGERS_WACHTWOORD (there is
    no terminal to type it in). Tests of the prompt itself remove it."""
    from tests.helpers.registers import TEST_PASSPHRASE

    monkeypatch.setenv("VRIJWILLIGERS_WACHTWOORD", TEST_PASSPHRASE)


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated to head through the real migrations once per run, with code lists loaded."""
    path = tmp_path_factory.mktemp("template") / "register.sqlite"
    engine = create_register_engine(path)
    upgrade_to_head(engine)
    open_gemeente_store(engine)  # as open_register does: the gemeente chain too
    load_code_lists(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def demo_klein_database(template_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register with demo 'klein' data (seed 1, reference date 23-11-2026), made once."""
    from vrijwilligers_app.services.demo import demo_size, fill_demo

    path = tmp_path_factory.mktemp("demo-klein") / "register.sqlite"
    shutil.copyfile(template_database, path)
    engine = create_register_engine(path)
    fill_demo(engine, demo_size("klein"), seed=1, reference_date=DEMO_DATE)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="module")
def demo_klein_engine(demo_klein_database: Path, tmp_path_factory: pytest.TempPathFactory):
    """A private copy of the demo 'klein' register for one test module."""
    path = tmp_path_factory.mktemp("klein") / "register.sqlite"
    shutil.copyfile(demo_klein_database, path)
    engine = create_register_engine(path)
    yield engine
    engine.dispose()


@pytest.fixture
def register_engine(template_database: Path, tmp_path: Path):
    """An empty register (schema and shipped code lists), a fresh copy per test."""
    path = tmp_path / "register.sqlite"
    shutil.copyfile(template_database, path)
    engine = create_register_engine(path)
    yield engine
    engine.dispose()
