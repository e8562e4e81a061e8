"""`demo --size N` fills a side copy of the register and renames it into place: no big WAL,
all or nothing, and no side file left behind (store.side_file)."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.helpers.db import count, rows
from tests.helpers.registers import TEST_PASSPHRASE, make_encrypted_register_dir
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services import demo
from vrijwilligers_app.services.demo import DEMO_TABLES, DemoError, demo_size, fill_demo_beside
from vrijwilligers_app.store import keys
from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.store.side_file import side_path

REFERENCE = date(2025, 6, 15)
SIZE = demo_size("300")


@pytest.fixture
def data_dir(template_database: Path, tmp_path: Path) -> Path:
    return make_encrypted_register_dir(template_database, tmp_path / "data")


def _files(data_dir: Path) -> list[str]:
    return sorted(p.name for p in data_dir.iterdir() if p.name.startswith(DATABASE_NAME))


def test_fills_the_register_through_a_side_file_without_a_wal(data_dir: Path) -> None:
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    side = side_path(data_dir / DATABASE_NAME)
    seen: list[tuple[bool, int]] = []

    def progress(_done: int, _total: int, _label: str) -> None:
        journals = [data_dir / f"{DATABASE_NAME}-wal", Path(f"{side}-wal"),
                    Path(f"{side}-journal")]
        seen.append((side.exists(), max(p.stat().st_size if p.exists() else 0
                                        for p in journals)))

    with open_register(data_dir, key=key, daily_backup=False) as register:
        counts = fill_demo_beside(register, SIZE, seed=2, reference_date=REFERENCE,
                                  progress=progress)
        # the register's own engine reads the new file
        assert count(register.engine, "resident") == counts["resident"] == 300
    assert all(exists for exists, _ in seen[1:])  # written beside the register
    assert max(size for _, size in seen) < 1_000_000  # no WAL grows with the data
    assert _files(data_dir) == [DATABASE_NAME]  # no side file, no WAL left
    with open_register(data_dir, key=key, daily_backup=False) as register:
        for table in DEMO_TABLES:
            assert count(register.engine, table) == counts[table], table
        assert rows(register.engine, "PRAGMA integrity_check") == [("ok",)]
        assert rows(register.engine, "PRAGMA journal_mode") == [("wal",)]
        assert count(register.engine, "district") == 12  # what was there before stays


def test_the_checks_of_the_side_file_run_with_the_fills_page_cache(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The foreign key check looks parents up at random: with SQLite's small default cache
    its cost grew faster than the register (300k residents: 8.6 s instead of 3 x 2.1 s)."""
    from vrijwilligers_app.store import side_file

    caches: list[int] = []
    check = side_file._check

    def watching(engine: Engine) -> None:
        raw = engine.raw_connection()
        try:
            caches.append(raw.cursor().execute("PRAGMA cache_size").fetchone()[0])
        finally:
            raw.close()
        check(engine)

    monkeypatch.setattr(side_file, "_check", watching)
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register:
        default = rows(register.engine, "PRAGMA cache_size")[0][0]
        fill_demo_beside(register, SIZE, reference_date=REFERENCE)
    assert caches == [-demo.CACHE_KIB]
    assert -default < demo.CACHE_KIB  # KiB: more than the connection had by default


def test_a_failure_halfway_leaves_the_register_as_it_was(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(demo.activities, "add_activities", broken)
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register:
        settings = rows(register.engine, "SELECT key, value FROM setting ORDER BY key")
        with pytest.raises(OSError):
            fill_demo_beside(register, SIZE, reference_date=REFERENCE)
        assert not side_path(register.db_path).exists()
        for table in DEMO_TABLES:
            assert count(register.engine, table) == 0, table
        assert rows(register.engine, "SELECT key, value FROM setting ORDER BY key") == settings
        monkeypatch.undo()
        fill_demo_beside(register, SIZE, reference_date=REFERENCE)  # it can still be filled
        assert count(register.engine, "activity") > 0
    assert _files(data_dir) == [DATABASE_NAME]


def test_refuses_a_filled_register_before_copying_it(data_dir: Path) -> None:
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register:
        fill_demo_beside(register, SIZE, reference_date=REFERENCE)
        before = count(register.engine, "resident")
        with pytest.raises(DemoError, match="bevat al gegevens"):
            fill_demo_beside(register, SIZE, reference_date=REFERENCE)
        assert count(register.engine, "resident") == before
    assert _files(data_dir) == [DATABASE_NAME]


def test_a_side_file_left_by_a_crash_is_removed_at_the_next_open(data_dir: Path) -> None:
    side = side_path(data_dir / DATABASE_NAME)
    side.write_bytes(b"\0" * 8192)
    Path(f"{side}-journal").write_bytes(b"\0" * 512)
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register:
        assert count(register.engine, "district") == 12
    assert _files(data_dir) == [DATABASE_NAME]


def test_the_registers_kept_connection_reads_the_filled_file(data_dir: Path) -> None:
    """Register.transaction keeps one DB-API connection open; the side file closes it with
    the engine's before the rename, so a later transaction reads the new file, not the old
    one it still held open (and Windows can replace the file)."""
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register:
        with register.transaction() as connection:  # opens the kept connection
            assert connection.execute("SELECT count(*) FROM resident").fetchone() == (0,)
        counts = fill_demo_beside(register, SIZE, seed=2, reference_date=REFERENCE)
        with register.transaction() as connection:
            assert connection.execute("SELECT count(*) FROM resident").fetchone() == (
                counts["resident"],)
