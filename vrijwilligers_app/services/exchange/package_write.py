"""Writing a package: a zip with a Frictionless Data Package, a manifest and its signature,
optionally encrypted to the gemeente's public key.

Layout of the zip:
    datapackage.json        Data Package with one Table Schema per resource
    data/<table>.csv        UTF-8 with BOM, ';', formula-safe cells (see cells.py)
    manifest.json           kind, source id, sequence, schema and app version, created_at,
                            the signer's public key and SHA-256 of every other file
    manifest.sig            Ed25519 signature (hex) over the exact bytes of manifest.json
The manifest comes last: its hashes are computed while the CSVs stream (package_stream.py).
An encrypted package is format 2 of sealed_stream.py (format 1, MAGIC followed by one sealed
box of the whole zip, is still read).
"""

import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from nacl.public import PublicKey
from nacl.signing import SigningKey

from vrijwilligers_app import APP_NAME
from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.package_stream import (
    DATAPACKAGE,
    MANIFEST,
    SIGNATURE,
    ZIP_TIME,
    stream_package,
)
from vrijwilligers_app.services.exchange.schema import (
    PROFILE,
    SCHEMA_VERSION,
    TABLES_BY_VERSION,
    Table,
)
from vrijwilligers_app.services.exchange.sealed_stream import MAGIC_1
from vrijwilligers_app.services.files import os_reason, write_atomically
from vrijwilligers_app.services.steps import drain

MAGIC = MAGIC_1  # format 1: still read, no longer written
__all__ = ["DATAPACKAGE", "MAGIC", "MANIFEST", "SIGNATURE", "ZIP_TIME", "Built",
           "build_package", "datapackage", "remove_superseded", "write_file"]


@dataclass(frozen=True)
class Built:
    content: bytes  # the file to write
    package_hash: str  # SHA-256 of manifest.json: the package's identity
    manifest: dict[str, Any]


def datapackage(kind: str, source_id: str, tables: Mapping[str, Table],
                schema_version: int = SCHEMA_VERSION) -> bytes:
    package = {
        "profile": "data-package",
        "name": f"vrijwilligers-app-{'export' if kind == 'export' else 'terugmelding'}",
        "title": f"{APP_NAME}: " + ("export naar de gemeente" if kind == "export"
                                    else "terugmelding van de gemeente"),
        "version": str(schema_version),
        "x-profile": PROFILE,
        "x-source": source_id,
        "resources": [{
            "name": tables[name].name, "title": tables[name].title, "path": tables[name].path,
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "dialect": {"delimiter": ";", "lineTerminator": "\r\n", "header": True},
            "schema": tables[name].table_schema(),
        } for name in tables],
    }
    return json.dumps(package, indent=2, ensure_ascii=False).encode("utf-8")


def build_package(kind: str, source_id: str, sequence: int,
                  rows: Mapping[str, Sequence[Mapping[str, Any]]], signing_key: SigningKey,
                  encrypt_to: PublicKey | None = None, extra: Mapping[str, Any] | None = None,
                  created_at: datetime | None = None,
                  schema_version: int = SCHEMA_VERSION) -> Built:
    """A package in memory from rows as dicts per table name of the schema version's tables
    of `kind` (all must be present): the small return packages and tests; the export
    streams. An older `schema_version` writes a package an older reader takes (returns to
    laptops that have not been updated yet)."""
    tables = TABLES_BY_VERSION[schema_version][kind]
    if set(rows) != set(tables):
        raise ValueError(f"tables {sorted(set(rows) ^ set(tables))} missing or unknown")
    buffer = io.BytesIO()
    streamed = drain(stream_package(
        buffer, kind, source_id, sequence,
        datapackage(kind, source_id, tables, schema_version),
        [(table, [tuple(row.get(c) for c in table.header) for row in rows[name]])
         for name, table in tables.items()],
        signing_key, encrypt_to, extra, created_at, schema_version))
    return Built(buffer.getvalue(), streamed.package_hash, streamed.manifest)


def write_file(folder: Path, name: str, content: bytes) -> Path:
    """Write next to the final name and rename, so a sync tool never picks up half a file."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = write_atomically(folder / name, content)
    except OSError as exc:
        raise ExchangeError(f"Kan niet schrijven in {folder}: {os_reason(exc)}. Kies een "
                            "andere map.") from exc
    return target


def remove_superseded(folder: Path, prefix: str, sequence: int) -> list[Path]:
    """Remove our own older files `<prefix>-<sequence>-…` from the exchange folder: each
    package is a full snapshot, so a newer one makes them useless, and the folder (often a
    OneDrive or USB stick) would otherwise only grow. Files renamed by a sync tool are left
    alone (the reader ignores them as older anyway)."""
    removed = []
    pattern = re.compile(re.escape(prefix) + r"-([0-9]{6,})-[0-9]{8}-[0-9]{6}(\.zip|\.versleuteld)")
    for path in folder.iterdir():
        match = pattern.fullmatch(path.name)
        if match and int(match.group(1)) < sequence:
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass  # open in another program or read-only: harmless, it is older
    return removed
