"""SQLCipher connections: the raw data key and explicit cipher settings on every connection.

The key is a raw 256-bit key (`PRAGMA key = "x'…'"`), so SQLCipher skips its own PBKDF2: the
slow derivation already happened once in store.keys (Argon2id). The cipher settings are the
SQLCipher 4 defaults, written out so that a future SQLCipher with other defaults still opens
today's registers: AES-256-CBC pages of 4096 bytes, each with an HMAC-SHA512.
`key=None` gives a plain SQLite connection (tests and the one-off conversion).
"""

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

SQLITE_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096
CIPHER_PRAGMAS = (
    f"PRAGMA cipher_page_size = {PAGE_SIZE}",
    "PRAGMA kdf_iter = 256000",  # unused with a raw key; explicit for completeness
    "PRAGMA cipher_hmac_algorithm = HMAC_SHA512",
    "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512",
    "PRAGMA cipher_use_hmac = ON",
    "PRAGMA cipher_plaintext_header_size = 0",
)
# Both modules raise their own classes; callers catch either.
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
Error: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)


def key_literal(key: bytes) -> str:
    """The SQL literal of a raw key (hex digits only: nothing to escape)."""
    return f"\"x'{key.hex()}'\""


def apply_key(connection: Any, key: bytes) -> None:
    """Key a fresh sqlcipher3 connection; must run before anything reads the file."""
    connection.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is ours to report
    connection.execute(f"PRAGMA key = {key_literal(key)}")
    for pragma in CIPHER_PRAGMAS:
        connection.execute(pragma)
    # SQLCipher does not encrypt SQLite's temporary files (sorts, temp tables, e.g. the
    # export's residents sorted by pseudonym): keep them in memory, never on disk in plain.
    connection.execute("PRAGMA temp_store = MEMORY")


def connect(path: Path, key: bytes | None, *, read_only: bool = False,
            timeout: float = 5.0, check_same_thread: bool = True,
            immutable: bool = False) -> Any:
    """A DB-API connection to `path`: plain sqlite3 without a key, SQLCipher with one.
    `immutable` (read-only): nothing else has the file open, so no -shm/-wal are made."""
    read_only = read_only or immutable
    target = (f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"
              if read_only else str(path))
    if key is None:
        return sqlite3.connect(target, uri=read_only, timeout=timeout,
                               check_same_thread=check_same_thread)
    connection = sqlcipher.connect(target, uri=read_only, timeout=timeout,
                                   check_same_thread=check_same_thread)
    try:
        apply_key(connection, key)
    except BaseException:
        connection.close()
        raise
    return connection


def read_header(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(len(SQLITE_HEADER))


def is_plain_sqlite(path: Path) -> bool:
    return read_header(path) == SQLITE_HEADER


def looks_encrypted(path: Path) -> bool:
    """An SQLCipher file: no SQLite header, whole pages, and a random-looking first page
    (a salt, then ciphertext). A text file, PDF or zip fails the last test."""
    size = path.stat().st_size
    if size < PAGE_SIZE or size % PAGE_SIZE or is_plain_sqlite(path):
        return False
    with open(path, "rb") as handle:
        page = handle.read(PAGE_SIZE)
    return len(set(page)) > 200  # random bytes cover nearly all 256 values in 4 KiB


def export_encrypted(plain: Path, destination: Path, key: bytes) -> None:
    """Write an encrypted copy of the plain database `plain` (sqlcipher_export)."""
    connection = sqlcipher.connect(str(plain))
    try:
        connection.execute(
            f"ATTACH DATABASE ? AS encrypted KEY {key_literal(key)}", (str(destination),))
        for pragma in CIPHER_PRAGMAS:
            connection.execute(pragma.replace("PRAGMA ", "PRAGMA encrypted.", 1))
        connection.execute("SELECT sqlcipher_export('encrypted')")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
