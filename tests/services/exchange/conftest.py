"""Laptops and a gemeente as data dirs with their own registers and keys."""

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

# One copy of these helpers (tests/helpers/exchange.py); named here too for the tests that
# import them from this conftest.
from tests.helpers.exchange import Side as Side
from tests.helpers.exchange import export_to as export_to
from tests.helpers.exchange import repack as repack
from tests.helpers.exchange import resign as resign
from tests.helpers.exchange import unpack as unpack
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.exchange.keys import create_gemeente_keys, laptop_keys
from vrijwilligers_app.store.engine import create_register_engine, write_session
from vrijwilligers_app.store.gemeente.tables import ExchangeSource
from vrijwilligers_app.store.gemeente_db import prepare_gemeente_store, save_database_url
from vrijwilligers_app.store.gemeente_engine import create_gemeente_engine


def _side(database: Path, data_dir: Path) -> Side:
    data_dir.mkdir(parents=True)
    shutil.copyfile(database, data_dir / DATABASE_NAME)
    return Side(data_dir, create_register_engine(data_dir / DATABASE_NAME))


def enrol(gemeente_side: Side, laptop_side: Side) -> None:
    """What a gemeente user's acceptance of a laptop's key leaves behind (issue 17): the
    source with its key, nothing read yet. Quarantine itself is tested in test_quarantine."""
    keys = laptop_keys(laptop_side.data_dir)
    with write_session(gemeente_side.engine) as session:
        if session.get(ExchangeSource, keys.source_id) is None:
            session.add(ExchangeSource(source_id=keys.source_id,
                                       public_key=keys.signing_key.verify_key.encode().hex()))


@dataclass
class World:
    """The laptops and gemeente of one test. Unless a test asks for `unenrolled`, every
    laptop is enrolled at the gemeente as it is made (as if accepted earlier)."""

    laptops: list[Side]
    gemeente: Side | None = None
    auto_enrol: bool = True


@pytest.fixture
def world():
    return World([])


@pytest.fixture
def unenrolled(world):
    """Laptops are NOT enrolled: their packages wait in quarantine."""
    world.auto_enrol = False
    return world


@pytest.fixture
def make_laptop(demo_klein_database, tmp_path, world):
    """A laptop with the demo 'klein' register (each call: its own keys and secret)."""
    made: list[Side] = []

    def make(name: str = "laptop") -> Side:
        side = _side(demo_klein_database, tmp_path / name)
        laptop_keys(side.data_dir)
        made.append(side)
        world.laptops.append(side)
        if world.gemeente is not None and world.auto_enrol:
            enrol(world.gemeente, side)
        return side

    yield make
    for side in made:
        side.dispose()


def gemeente_side(database: Path, data_dir: Path, url: str | None) -> Side:
    """The gemeente's data dir with keys; its store in the register (url None) or in the
    PostgreSQL database of `url`, saved in the register as Instellingen would (so the CLI
    finds it too)."""
    side = _side(database, data_dir)
    create_gemeente_keys(side.data_dir, "Gemeente Helmond")
    if url is None:
        return side
    save_database_url(side.engine, url)
    store = create_gemeente_engine(url)
    prepare_gemeente_store(store)
    return Side(side.data_dir, store, register_engine=side.engine, store_url=url)


@pytest.fixture
def gemeente(template_database, tmp_path, world, gemeente_db):
    """The gemeente, its store on SQLite and (with VRIJWILLIGERS_TEST_POSTGRES) on
    PostgreSQL: every test using it runs on both engines."""
    side = gemeente_side(template_database, tmp_path / "gemeente", gemeente_db)
    world.gemeente = side
    if world.auto_enrol:
        for laptop_side in world.laptops:
            enrol(side, laptop_side)
    yield side
    side.dispose()


@pytest.fixture
def laptop(make_laptop):
    return make_laptop("laptop")
