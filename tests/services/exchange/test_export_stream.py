"""The export as a stream (issue 18): package format 2 (a sealed file key and libsodium
secretstream), format 1 still read, and nothing half written after an error or a cancel."""

import io
import os

import pytest
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, SealedBox

from tests.helpers.exchange import export_to
from tests.helpers.samples import DEMO_DATE
from vrijwilligers_app.services.exchange import export_rows, package_stream
from vrijwilligers_app.services.exchange.errors import PackageRefused
from vrijwilligers_app.services.exchange.export import export_steps
from vrijwilligers_app.services.exchange.keys import gemeente_keys, pin_gemeente_key
from vrijwilligers_app.services.exchange.package_read import read_package
from vrijwilligers_app.services.exchange.sealed_stream import (
    CHUNK,
    MAGIC_1,
    MAGIC_2,
    EncryptingWriter,
    decrypt_stream,
)

ABYTES, HEAD = 17, len(MAGIC_2) + 80 + 24


def _encrypt(plain: bytes, recipient, pieces: int = 7) -> bytes:
    out = io.BytesIO()
    writer = EncryptingWriter(out, recipient)
    step = max(1, len(plain) // pieces)
    for start in range(0, len(plain), step):  # written in uneven pieces, as zipfile does
        writer.write(plain[start:start + step])
    writer.close()
    return out.getvalue()


def _decrypt(content: bytes, key, limit: int = 10**9) -> bytes:
    out = io.BytesIO()
    source = io.BytesIO(content)
    assert source.read(len(MAGIC_2)) == MAGIC_2
    decrypt_stream(source, out, key, limit)
    return out.getvalue()


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5])
def test_secretstream_round_trip_at_chunk_edges(size):
    key = PrivateKey.generate()
    plain = os.urandom(size)
    content = _encrypt(plain, key.public_key)
    assert content.startswith(MAGIC_2)
    assert len(content) == HEAD + size + ABYTES * (size // CHUNK + 1)  # last one: TAG_FINAL
    assert size < 64 or plain[:64] not in content
    assert _decrypt(content, key) == plain


def _spoilt():
    key = PrivateKey.generate()
    content = _encrypt(os.urandom(3 * CHUNK + 100), key.public_key)
    whole = HEAD + 3 * (CHUNK + ABYTES)
    middle = len(content) // 2
    return key, {
        "final chunk cut off": content[:whole],
        "cut in a chunk": content[:whole - 10],
        "a chunk left out": content[:HEAD] + content[HEAD + CHUNK + ABYTES:],
        "one byte changed": content[:middle] + bytes([content[middle] ^ 1]) + content[middle + 1:],
        "bytes after the end": content + b"\0",
        "header only": content[:HEAD],
        "format line swapped": MAGIC_1 + content[len(MAGIC_2):],
    }


@pytest.mark.parametrize("case", list(_spoilt()[1]))
def test_a_damaged_or_cut_stream_is_refused(case):
    key, spoilt = _spoilt()
    content = spoilt[case]
    if content.startswith(MAGIC_2):
        with pytest.raises(CryptoError):
            _decrypt(content, key)
    with pytest.raises(PackageRefused, match="beschadigd|geen geldig zip|onvolledig"):
        read_package(content, box_key=key)


def test_the_stream_is_refused_above_its_limit_and_for_another_key():
    key = PrivateKey.generate()
    content = _encrypt(os.urandom(2 * CHUNK), key.public_key)
    with pytest.raises(CryptoError):
        _decrypt(content, key, limit=CHUNK)
    with pytest.raises(PackageRefused, match="niet voor deze gemeentesleutel"):
        read_package(content, box_key=PrivateKey.generate())


def test_a_sealed_export_is_format_2_and_format_1_of_its_zip_still_reads(make_laptop,
                                                                         gemeente, tmp_path):
    laptop = make_laptop()
    sealed = export_to(laptop, tmp_path / "a", gemeente).read_bytes()
    assert sealed.startswith(MAGIC_2) and b"inwoners" not in sealed
    box_key = gemeente_keys(gemeente.data_dir).box_key
    assert read_package(sealed, box_key=box_key).tables["inwoners"]
    # The zip inside is an ordinary package; format 1 (one sealed box of it) still reads.
    inner = _decrypt(sealed, box_key)
    old = MAGIC_1 + SealedBox(box_key.public_key).encrypt(inner)
    assert read_package(old, box_key=box_key).tables == read_package(
        sealed, box_key=box_key).tables
    assert inner.startswith(b"PK")


def _files(folder):
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_cancelled_export_leaves_no_file(make_laptop, gemeente, tmp_path, monkeypatch):
    laptop = make_laptop()
    pin_gemeente_key(laptop.engine, gemeente_keys(gemeente.data_dir).public)
    monkeypatch.setattr(package_stream, "BATCH", 10)  # progress (and a cancel) every 10 rows
    folder = tmp_path / "sync"
    steps = export_steps(laptop.engine, laptop.data_dir, folder, DEMO_DATE)
    labels = []
    while len(labels) < 5:
        labels.append(next(steps))
    assert labels[-1][2] == "Pakket schrijven" and 0 < labels[-1][0] < labels[-1][1]
    assert any(name.endswith(".deel") for name in _files(folder))  # half written, hidden
    steps.close()  # what the TaskRunner does on Annuleren
    assert _files(folder) == []
    # The read transaction ended: the register can be written again.
    assert export_to(laptop, folder, gemeente).exists()


def test_an_error_while_streaming_leaves_no_file(make_laptop, tmp_path, monkeypatch):
    laptop = make_laptop()

    def broken(*args):
        yield ("a" * 32, "a" * 32, "gemeld", "2026-01-01T00:00:00Z", None, "laptop")
        raise RuntimeError("disk pulled")

    monkeypatch.setattr(export_rows, "_events", broken)
    folder = tmp_path / "usb"
    with pytest.raises(RuntimeError, match="disk pulled"):
        export_to(laptop, folder)
    assert _files(folder) == []


def test_the_export_reads_with_a_bigger_page_cache_and_gives_the_old_one_back(make_laptop,
                                                                             monkeypatch):
    laptop = make_laptop()
    with laptop.engine.connect() as connection:
        before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    seen = []
    requests = export_rows._requests

    def recording(cursor, *args):
        seen.append((cursor.connection, cursor.connection.execute(
            "PRAGMA cache_size").fetchone()[0]))
        return requests(cursor, *args)

    monkeypatch.setattr(export_rows, "_requests", recording)
    for _table, rows in export_rows.export_rows(laptop.engine, b"s" * 32, DEMO_DATE):
        for _row in rows:
            pass
    assert seen[0][1] == -export_rows.EXPORT_CACHE_KIB != before
    with laptop.engine.connect() as connection:
        assert connection.connection.driver_connection is seen[0][0]  # the same connection
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar_one() == before
