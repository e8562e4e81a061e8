"""Laptops and a gemeente as data dirs, exports, and packages taken apart and put together."""

import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from nacl.signing import SigningKey
from sqlalchemy import Engine, text

from tests.helpers.samples import DEMO_DATE
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.exchange.export import export
from vrijwilligers_app.services.exchange.keys import pin_gemeente_key
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.gemeente.tables import SNAPSHOT


@dataclass
class Side:
    """A laptop or the gemeente. `engine` holds the exchange tables: on the gemeente that is
    its store, which may be a PostgreSQL database apart from its register (`register`)."""

    data_dir: Path
    engine: Engine
    register_engine: Engine | None = None
    store_url: str | None = None  # the gemeente store's PostgreSQL database, if any

    def new_store_engine(self) -> Engine:
        """Another engine on the same store (a second user, with its own connections)."""
        if self.store_url is not None:
            from vrijwilligers_app.store.gemeente_engine import create_gemeente_engine

            return create_gemeente_engine(self.store_url)
        return create_register_engine(self.data_dir / DATABASE_NAME)

    @property
    def register(self) -> Engine:
        return self.register_engine or self.engine

    def rows(self, sql: str, **params: object) -> list[tuple[object, ...]]:
        with self.engine.connect() as connection:
            return [tuple(r) for r in connection.execute(text(sql), params)]

    def snapshot_count(self, source_id: str | None = None, exclude: str | None = None) -> int:
        """Rows of the gemeente's snapshots (every typed table), of one source, or of all
        sources but `exclude`."""
        total = 0
        for table in SNAPSHOT.values():
            where = " WHERE source_id = :s" if source_id else \
                " WHERE source_id <> :x" if exclude else ""
            total += int(str(self.rows(f"SELECT count(*) FROM {table.name}{where}",
                                       s=source_id, x=exclude)[0][0]))
        return total

    def snapshot(self, source_id: str) -> list[tuple[object, ...]]:
        """Every row of one source's snapshot, table by table, in key order."""
        return [(table.name, *row) for table in SNAPSHOT.values()
                for row in self.rows(f"SELECT * FROM {table.name} WHERE source_id = :s "
                                     "ORDER BY 2, 3", s=source_id)]

    def dump(self) -> str:
        """Every row of every exchange table and of the referral history: 'unchanged' means
        this digest is unchanged."""
        digest = hashlib.sha256()
        snapshot = [t.name for t in SNAPSHOT.values()]
        for engine, tables in (
                (self.engine, ("gemeente_source", "gemeente_package", *snapshot,
                               "gemeente_status_event")),
                (self.register, ("exchange_package", "referral", "referral_event",
                                 "destination", "destination_life_domain", "life_domain"))):
            with engine.connect() as connection:
                for table in tables:
                    for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")):
                        digest.update(repr(tuple(row)).encode())
        return digest.hexdigest()

    def dispose(self) -> None:
        self.engine.dispose()
        if self.register_engine is not None:
            self.register_engine.dispose()


def make_side(database: Path, data_dir: Path) -> Side:
    data_dir.mkdir(parents=True)
    shutil.copyfile(database, data_dir / DATABASE_NAME)
    return Side(data_dir, create_register_engine(data_dir / DATABASE_NAME))


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
