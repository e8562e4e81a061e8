"""Laptops and a gemeente as data dirs with their own registers and keys."""

import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from nacl.signing import SigningKey
from sqlalchemy import Engine, text

from tests.conftest import DEMO_DATE
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.exchange.export import export
from vrijwilligers_app.services.exchange.keys import (
    create_gemeente_keys,
    laptop_keys,
    pin_gemeente_key,
)
from vrijwilligers_app.store.engine import create_register_engine, write_session
from vrijwilligers_app.store.tables import ExchangeSource


@dataclass
class Side:
    data_dir: Path
    engine: Engine

    def rows(self, sql: str, **params: object) -> list[tuple[object, ...]]:
        with self.engine.connect() as connection:
            return [tuple(r) for r in connection.execute(text(sql), params)]

    def dump(self) -> str:
        """Every row of every exchange table and of the referral history: 'unchanged' means
        this digest is unchanged."""
        digest = hashlib.sha256()
        for table in ("exchange_source", "exchange_package", "exchange_record",
                      "exchange_status_event", "referral", "referral_event", "destination",
                      "destination_life_domain", "life_domain"):
            for row in self.rows(f"SELECT * FROM {table} ORDER BY 1"):
                digest.update(repr(row).encode())
        return digest.hexdigest()


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
        side.engine.dispose()


@pytest.fixture
def gemeente(template_database, tmp_path, world):
    side = _side(template_database, tmp_path / "gemeente")
    create_gemeente_keys(side.data_dir, "Gemeente Helmond")
    world.gemeente = side
    if world.auto_enrol:
        for laptop_side in world.laptops:
            enrol(side, laptop_side)
    yield side
    side.engine.dispose()


@pytest.fixture
def laptop(make_laptop):
    return make_laptop("laptop")


def export_to(side: Side, folder: Path, gemeente_side: Side | None = None) -> Path:
    """Export; sealed to the gemeente when given."""
    if gemeente_side is not None:
        from vrijwilligers_app.services.exchange.keys import gemeente_keys

        pin_gemeente_key(side.engine, gemeente_keys(gemeente_side.data_dir).public)
    return export(side.engine, side.data_dir, folder, today=DEMO_DATE,
                  allow_unencrypted=gemeente_side is None).path


# ---- taking packages apart and putting them together again (for the refusal tests)

def unpack(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def repack(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def resign(files: dict[str, bytes], key: SigningKey, rehash: bool = True,
           **changes: object) -> dict[str, bytes]:
    """Change manifest fields, recompute the file hashes (unless told not to), sign again."""
    manifest = json.loads(files["manifest.json"])
    manifest.update(changes)
    manifest["public_key"] = key.verify_key.encode().hex()
    if rehash:
        manifest["files"] = {name: hashlib.sha256(data).hexdigest()
                             for name, data in files.items()
                             if name not in ("manifest.json", "manifest.sig")}
    manifest_bytes = json.dumps(manifest, indent=2).encode()
    return {**files, "manifest.json": manifest_bytes,
            "manifest.sig": key.sign(manifest_bytes).signature.hex().encode()}
