"""Laptops and a gemeente as data dirs with their own registers and keys."""

import pytest

from tests.helpers.exchange import (  # noqa: F401  (older tests import them from here)
    Side,
    export_to,
    make_side,
    repack,
    resign,
    unpack,
)
from vrijwilligers_app.services.exchange.keys import (
    create_gemeente_keys,
    laptop_keys,
)


@pytest.fixture
def make_laptop(demo_klein_database, tmp_path):
    """A laptop with the demo 'klein' register (each call: its own keys and secret)."""
    made: list[Side] = []

    def make(name: str = "laptop") -> Side:
        side = make_side(demo_klein_database, tmp_path / name)
        laptop_keys(side.data_dir)
        made.append(side)
        return side

    yield make
    for side in made:
        side.engine.dispose()


@pytest.fixture
def gemeente(template_database, tmp_path):
    side = make_side(template_database, tmp_path / "gemeente")
    create_gemeente_keys(side.data_dir, "Gemeente Helmond")
    yield side
    side.engine.dispose()


@pytest.fixture
def laptop(make_laptop):
    return make_laptop("laptop")
