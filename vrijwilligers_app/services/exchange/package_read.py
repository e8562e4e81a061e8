"""Reading a package entirely in memory, checked before anything touches disk or database.

Order of the checks, each refusing the whole package with a Dutch reason:
1. size of the file (before reading it); a sealed package is opened with the gemeente's key
   (format 2 decrypted a chunk at a time, never more than the size budget);
2. the zip itself (truncated or corrupt); number of entries; names (no '..', no absolute or
   drive paths, no backslashes, only the expected files); the declared uncompressed sizes,
   and every entry read with a cap, so a zip bomb is stopped before it expands;
3. the manifest: kind, schema version (a newer one is refused), the Ed25519 signature over
   its exact bytes, and the SHA-256 of every file, listed files only;
4. `datapackage.json` names the expected resources, and every CSV passes the reader's own
   Table Schema (cells.read_csv).
Pinning the signer's key and the sequence number are the caller's business (they need the
register), done before the merge transaction.
"""

import hashlib
import io
import json
import re
import uuid
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from nacl.encoding import HexEncoder
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, SealedBox
from nacl.signing import VerifyKey

from vrijwilligers_app.domain.dutch_format import thousands
from vrijwilligers_app.services.exchange.cells import read_csv, read_csv_stream
from vrijwilligers_app.services.exchange.errors import PackageRefused, WrongKind
from vrijwilligers_app.services.exchange.package_write import (
    DATAPACKAGE,
    MAGIC,
    MANIFEST,
    SIGNATURE,
)
from vrijwilligers_app.services.exchange.schema import (
    SCHEMA_VERSION,
    TABLES,
    TABLES_BY_VERSION,
    Table,
)
from vrijwilligers_app.services.exchange.sealed_stream import MAGIC_2, decrypt_stream
from vrijwilligers_app.services.exchange.streamed_tables import StreamedTables
from vrijwilligers_app.services.exchange.untrusted import clean_tables

MB = 1024 * 1024
# Manifest numbers must fit every column they go into: PostgreSQL's INTEGER is 32 bits, and
# SQLite raises OverflowError above 2**63. A laptop makes one export a day or so.
MAX_SEQUENCE = 2**31 - 1
MAX_SCHEMA_VERSION = 10_000


DEFAULT_FILE_BYTES = 200 * MB


@dataclass(frozen=True)
class Limits:
    file_bytes: int = DEFAULT_FILE_BYTES  # the package file as it lies in the folder
    entries: int = 32
    entry_bytes: int = 400 * MB  # one file inside, uncompressed
    total_bytes: int = 800 * MB  # everything inside, uncompressed
    ratio: int = 200  # uncompressed / compressed above 1 MB: a zip bomb (CSV: ~5-20)


@dataclass(frozen=True)
class Package:
    kind: str
    source_id: str
    sequence: int
    schema_version: int
    created_at: datetime
    public_key: str
    package_hash: str
    manifest: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]] = field(repr=False)
    # read_package(stream=True): no rows in `tables`; each table read from the zip when used
    stream: StreamedTables | None = field(default=None, repr=False)

    @property
    def table_rows(self) -> Mapping[str, Iterable[dict[str, Any]]]:
        """Every table's rows: streamed from the zip, or the parsed lists."""
        return self.stream if self.stream is not None else self.tables

    @property
    def verify_key(self) -> VerifyKey:
        return VerifyKey(self.public_key.encode(), encoder=HexEncoder)


_SAFE_NAME = re.compile(r"(manifest\.json|manifest\.sig|datapackage\.json|data/[a-z_]+\.csv)")


def is_sealed(head: bytes) -> bool:
    return head.startswith((MAGIC, MAGIC_2))


def open_sealed(content: bytes, box_key: PrivateKey | None,
                limit: int = DEFAULT_FILE_BYTES) -> bytes:
    """The zip inside an encrypted package (format 1 or 2), at most `limit` bytes."""
    if box_key is None:
        raise PackageRefused("Het bestand is versleuteld voor de gemeente; alleen de gemeente "
                             "kan het openen.")
    try:
        if content.startswith(MAGIC_2):
            plain = io.BytesIO()
            decrypt_stream(io.BytesIO(memoryview(content)[len(MAGIC_2):]), plain, box_key,
                           limit)
            return plain.getvalue()
        return SealedBox(box_key).decrypt(content[len(MAGIC):])
    except CryptoError as exc:
        raise PackageRefused("Het versleutelde bestand is beschadigd of niet voor deze "
                             "gemeentesleutel bestemd.") from exc


_ZIP_ERRORS = (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError,
               NotImplementedError, zlib.error)
CHUNK = MB


def _open_zip(content: bytes, limits: Limits) -> zipfile.ZipFile:
    """The zip with every entry's declared name, method and size checked; nothing inflated."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise PackageRefused("Geen geldig zip-bestand: het is onvolledig (afgebroken kopie?) "
                             "of beschadigd.") from exc
    infos = archive.infolist()
    if len(infos) > limits.entries:
        raise PackageRefused(f"Het zip-bestand bevat {len(infos)} bestanden; een pakket "
                             f"heeft er hooguit {limits.entries}.")
    total = 0
    for info in infos:
        name = info.filename
        if (name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/")
                or re.match(r"[A-Za-z]:", name)):
            raise PackageRefused(f"Onveilige bestandsnaam in het zip-bestand: '{name}' "
                                 "(buiten het pakket).")
        if not _SAFE_NAME.fullmatch(name):
            raise PackageRefused(f"Onbekend bestand in het pakket: '{name}'.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackageRefused(f"'{name}' is ingepakt op een manier die dit programma "
                                 "niet leest (alleen deflate).")
        if info.flag_bits & 0x1:
            raise PackageRefused(f"'{name}' is met een wachtwoord versleuteld.")
        if name.endswith(".json") and info.file_size > MB:
            raise PackageRefused(f"'{name}' is te groot voor een beschrijving.")
        total += info.file_size
        if (info.file_size > limits.entry_bytes or total > limits.total_bytes
                or (info.file_size > MB
                    and info.file_size > limits.ratio * max(info.compress_size, 1))):
            raise PackageRefused(f"'{name}' is uitgepakt te groot "
                                 f"({thousands(info.file_size)} bytes): mogelijk een zip-bom. "
                                 "Niets ingelezen.")
    if len({i.filename for i in infos}) != len(infos):
        raise PackageRefused("Het zip-bestand bevat een bestandsnaam twee keer.")
    return archive


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int],
             keep: bool) -> tuple[str, bytes]:
    """SHA-256 of one entry, inflated a megabyte at a time against the package's budget of
    inflated bytes (`budget[0]`, shared by all entries); the bytes only when `keep` (the
    small descriptions). Memory stays one chunk whatever the entry's header claims."""
    digest = hashlib.sha256()
    kept = bytearray()
    size = 0
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(CHUNK):
                size += len(chunk)
                budget[0] -= len(chunk)
                if size > info.file_size or budget[0] < 0:
                    raise PackageRefused(f"'{info.filename}' is uitgepakt groter dan het "
                                         "zip-bestand opgeeft of een pakket mag zijn: mogelijk "
                                         "een zip-bom. Niets ingelezen.")
                digest.update(chunk)
                if keep:
                    kept += chunk
    except _ZIP_ERRORS as exc:
        raise PackageRefused(f"Het zip-bestand is beschadigd ({info.filename} is niet uit "
                             "te pakken).") from exc
    if size != info.file_size:
        raise PackageRefused(f"'{info.filename}' is kleiner dan het zip-bestand opgeeft.")
    return digest.hexdigest(), bytes(kept)


def _manifest(files: dict[str, bytes], expected_kind: str | None) -> dict[str, Any]:
    if MANIFEST not in files or SIGNATURE not in files:
        raise PackageRefused("Het pakket mist manifest.json of manifest.sig.")
    try:
        manifest = json.loads(files[MANIFEST].decode("utf-8"))
        for number in ("sequence", "schema_version"):
            if not isinstance(manifest[number], int) or isinstance(manifest[number], bool):
                raise TypeError(number)
        str(manifest["source_id"])
        VerifyKey(str(manifest["public_key"]).encode(), encoder=HexEncoder)
        if not isinstance(manifest["files"], dict):
            raise TypeError("files")
    except (ValueError, KeyError, TypeError, CryptoError, RecursionError) as exc:
        field = f"veld {exc.args[0]}" if isinstance(exc, KeyError | TypeError) and exc.args \
            and isinstance(exc.args[0], str) and len(exc.args[0]) < 40 else "geen geldige JSON"
        raise PackageRefused(f"manifest.json is onleesbaar of onvolledig ({field}).") from exc
    if not 1 <= manifest["sequence"] <= MAX_SEQUENCE:
        raise PackageRefused("manifest.json noemt een ongeldig volgnummer (buiten 1 t/m "
                             f"{thousands(MAX_SEQUENCE)}).")
    if not 1 <= manifest["schema_version"] <= MAX_SCHEMA_VERSION:
        raise PackageRefused("manifest.json noemt een ongeldige schemaversie.")
    try:
        if manifest.get("kind") == "export":
            manifest["source_id"] = str(uuid.UUID(str(manifest["source_id"])))
        elif manifest["source_id"] != "gemeente":
            raise ValueError(manifest["source_id"])
    except ValueError as exc:
        raise PackageRefused("manifest.json noemt een ongeldige bron.") from exc
    if manifest.get("kind") not in TABLES:
        raise PackageRefused("manifest.json noemt geen bekend soort pakket.")
    if expected_kind is not None and manifest["kind"] != expected_kind:
        what = "een terugmelding van de gemeente" if manifest["kind"] == "return" else \
            "een export van een laptop"
        raise WrongKind(f"Dit is {what}, hier niet bedoeld.")
    if manifest["schema_version"] > SCHEMA_VERSION:
        raise PackageRefused(
            f"Het pakket heeft schemaversie {manifest['schema_version']}, van een nieuwere "
            f"versie van het programma (deze versie kent t/m {SCHEMA_VERSION}). Werk het "
            "programma bij.")
    return dict(manifest)


def _verify_signature(small: dict[str, bytes], manifest: dict[str, Any]) -> None:
    key = VerifyKey(str(manifest["public_key"]).encode(), encoder=HexEncoder)
    try:
        key.verify(small[MANIFEST], bytes.fromhex(small[SIGNATURE].decode("ascii").strip()))
    except (BadSignatureError, ValueError, UnicodeDecodeError) as exc:
        raise PackageRefused("De handtekening klopt niet: het pakket is veranderd na het "
                             "ondertekenen of niet door deze afzender gemaakt.") from exc


def _verify(small: dict[str, bytes], hashes: dict[str, str], manifest: dict[str, Any]
            ) -> None:
    listed = dict(manifest["files"])
    present = set(hashes) - {MANIFEST, SIGNATURE}
    if set(listed) != present:
        raise PackageRefused("De bestanden in het pakket kloppen niet met het manifest "
                             f"({', '.join(sorted(set(listed) ^ present))}).")
    for name in sorted(present):
        if hashes[name] != listed[name]:
            raise PackageRefused(f"De controlesom van {name} klopt niet: het bestand is "
                                 "beschadigd of veranderd.")


DEFAULT_LIMITS = Limits()


def read_package(content: bytes, *, expected_kind: str | None = None,
                 box_key: PrivateKey | None = None, limits: Limits = DEFAULT_LIMITS,
                 stream: bool = False) -> Package:
    """Check and read a package. The CSVs are inflated twice, a chunk at a time: once for
    their hashes (checked against the signed manifest), then parsed as they inflate, so no
    inflated file is held whole in memory, whatever sizes the zip declares. With `stream`
    the second pass is left to whoever uses the rows (streamed_tables.StreamedTables)."""
    if len(content) > limits.file_bytes:
        raise PackageRefused(f"Het bestand is te groot ({len(content) // MB} MB; hooguit "
                             f"{limits.file_bytes // MB} MB).")
    if is_sealed(content):
        content = open_sealed(content, box_key, limits.file_bytes)
    with _open_zip(content, limits) as archive:
        infos = {info.filename: info for info in archive.infolist()}
        budget = [limits.total_bytes]
        small: dict[str, bytes] = {}
        hashes: dict[str, str] = {}
        for name in infos:  # the descriptions: at most 1 MB each
            if not name.startswith("data/"):
                hashes[name], small[name] = _inflate(archive, infos[name], budget, keep=True)
        manifest = _manifest(small, expected_kind)
        _verify_signature(small, manifest)  # before inflating any data: unsigned is refused
        for name in infos:
            if name.startswith("data/"):
                hashes[name] = _inflate(archive, infos[name], budget, keep=False)[0]
        _verify(small, hashes, manifest)
        kind = manifest["kind"]
        try:
            described = json.loads(small[DATAPACKAGE].decode("utf-8"))
            names = [resource["name"] for resource in described["resources"]]
        except (KeyError, ValueError, TypeError, RecursionError) as exc:
            raise PackageRefused("datapackage.json is onleesbaar (geen geldige beschrijving)."
                                 ) from exc
        tables = TABLES_BY_VERSION[manifest["schema_version"]][kind]
        if sorted(names) != sorted(tables):
            raise PackageRefused("datapackage.json noemt andere tabellen dan deze schemaversie "
                                 f"kent ({', '.join(sorted(set(names) ^ set(tables)))}).")
        rows = {} if stream else {name: _parse(archive, infos.get(table.path), table)
                                  for name, table in tables.items()}
    clean_tables(tables, rows)
    for name in TABLES[kind]:  # tables an older schema version did not have: empty
        if not stream:
            rows.setdefault(name, [])
    try:
        created_at = datetime.fromisoformat(str(manifest["created_at"]).replace("Z", "+00:00"))
    except (KeyError, ValueError) as exc:
        raise PackageRefused("manifest.json heeft geen geldig tijdstip (created_at).") from exc
    return Package(kind=kind, source_id=str(manifest["source_id"]),
                   sequence=manifest["sequence"], schema_version=manifest["schema_version"],
                   created_at=created_at, public_key=str(manifest["public_key"]),
                   package_hash=hashlib.sha256(small[MANIFEST]).hexdigest(),
                   manifest=manifest, tables=rows,
                   stream=StreamedTables(content, tables, tuple(TABLES[kind])) if stream
                   else None)


def _parse(archive: zipfile.ZipFile, info: zipfile.ZipInfo | None, table: Table
           ) -> list[dict[str, Any]]:
    if info is None:
        return read_csv(table, b"")
    try:
        with archive.open(info) as handle:
            return read_csv_stream(table, handle)
    except _ZIP_ERRORS as exc:
        raise PackageRefused(f"Het zip-bestand is beschadigd ({table.path} is niet uit te "
                             "pakken).") from exc
