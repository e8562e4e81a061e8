"""Issue 17: a full disk, a read-only register, leftovers of a killed backup, `check` in a sync
folder, and SQLite's English texts: each ends in Dutch, and nothing is left behind."""

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import event

from tests.helpers.registers import make_register_dir
from vrijwilligers_app.cli import main
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import backup
from vrijwilligers_app.store.errors import ReadOnlyRegisterError
from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.store.sqlite_text import dutch_reason

ENGLISH = ("database", "disk is full", "readonly", "attempt", "Traceback", "Error")


def test_demo_on_a_full_disk_ends_in_a_dutch_message(tmp_path, monkeypatch, capsys):
    """SQLite's own SQLITE_FULL: the database may not grow past a few pages."""
    from vrijwilligers_app.services import demo

    real = demo.fill_demo

    def fill_on_full_disk(engine, *args, **kwargs):
        engine.dispose()
        event.listen(engine, "connect",
                     lambda connection, _: connection.execute("PRAGMA max_page_count = 400"))
        return real(engine, *args, **kwargs)

    monkeypatch.setattr(demo, "fill_demo", fill_on_full_disk)
    code = main(["demo", "--data-dir", str(tmp_path / "data"), "--grootte", "klein"])
    err = capsys.readouterr().err
    assert code == 1
    assert "de schijf is vol" in err
    for word in ENGLISH:
        assert word not in err, err


def test_a_read_only_register_is_refused_at_open_in_dutch(template_database, tmp_path):
    data_dir = make_register_dir(template_database, tmp_path)
    db = data_dir / DATABASE_NAME
    os.chmod(db, stat.S_IREAD)
    try:
        with pytest.raises(ReadOnlyRegisterError, match="alleen-lezen"):
            open_register(data_dir, daily_backup=False)
    finally:
        os.chmod(db, stat.S_IREAD | stat.S_IWRITE)
    with open_register(data_dir, daily_backup=False):
        pass  # writable again: opens as always


def test_leftovers_of_a_killed_backup_are_removed_but_never_the_live_wal(template_database,
                                                                         tmp_path):
    data_dir = make_register_dir(template_database, tmp_path)
    folder = backup.backups_dir(data_dir)
    folder.mkdir(exist_ok=True)
    finished = folder / "automatisch-2026-12-01.sqlite"
    finished.write_bytes(b"SQLite format 3\x00")
    leftovers = [folder / "handmatig-2026-12-01_101010.sqlite.deel",
                 folder / "handmatig-2026-12-01_101010.sqlite.deel-journal",
                 folder / "automatisch-2026-12-02.sqlite.deel-wal",
                 folder / "automatisch-2026-12-01.sqlite-shm",
                 data_dir / f"{DATABASE_NAME}.update", data_dir / f"{DATABASE_NAME}.update-wal"]
    for path in leftovers:
        path.write_bytes(b"x" * 1000)
    with (open_register(data_dir, daily_backup=False) as register,
          register.engine.connect() as connection):  # the live WAL exists while open
        connection.exec_driver_sql("SELECT 1")
        live_wal = Path(str(data_dir / DATABASE_NAME) + "-wal")
        assert live_wal.exists()
        assert backup.remove_leftovers(data_dir) == []
        assert live_wal.exists()
    assert [p for p in leftovers if p.exists()] == []
    assert finished.exists()


def test_check_leaves_no_shm_or_wal_beside_the_file(template_database, tmp_path, capsys):
    folder = tmp_path / "MyDropbox" / "kopie"
    folder.mkdir(parents=True)
    db = folder / DATABASE_NAME
    db.write_bytes(template_database.read_bytes())
    with sqlite3.connect(db) as connection:  # a register in WAL mode, as the app makes them
        assert connection.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    connection.close()
    before = sorted(p.name for p in folder.iterdir())
    main(["check", "--data-dir", str(folder)])
    assert sorted(p.name for p in folder.iterdir()) == before


@pytest.mark.parametrize(("error", "dutch"), [
    (sqlite3.OperationalError("database or disk is full"), "de schijf is vol"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "alleen-lezen"),
    (sqlite3.OperationalError("database is locked"), "bezet"),
    (sqlite3.DatabaseError("database disk image is malformed"), "beschadigd"),
    (sqlite3.DatabaseError("file is not a database"), "geen database"),
    (OSError(28, "No space left on device"), "de schijf is vol"),
    (OverflowError("Python int too large to convert to SQLite INTEGER"), "te groot"),
    (sqlite3.OperationalError("something new"), "databasefout"),
])
def test_english_sqlite_and_os_texts_become_dutch(error, dutch):
    reason = dutch_reason(error)
    assert dutch in reason
    assert str(error) not in reason


def test_leftovers_are_what_the_globs_named_before(tmp_path):
    """remove_leftovers lists each folder once instead of globbing it six times: it picks
    the very files the patterns `register.sqlite.update*`, `*.sqlite.deel*`,
    `register.sqlite.vullen*` (data dir) and `*.deel*`, `*.sqlite-wal|shm|journal`
    (backups) named, hidden names and near misses included."""
    data_dir = tmp_path / "data"
    folder = backup.backups_dir(data_dir)
    folder.mkdir(parents=True)
    names = ["register.sqlite", "register.sqlite-wal", "register.sqlite-shm",
             "register.sqlite.update", "register.sqlite.update-wal", "register.sqlite.updat",
             "register.sqlite.vullen", "register.sqlite.vullen-journal", "x.sqlite.deel",
             ".sqlite.deel", "a.sqlite.deel-wal", "a.sqlite.dee", "a.sqlite-wal", "a.deel",
             "register.sleutel", ".verborgen.sqlite.deel", "sqlite.deel", "REGISTER.SQLITE.UPDATE"]
    backup_names = ["automatisch-2026-12-01.sqlite", "a.sqlite-wal", "a.sqlite-shm",
                    "a.sqlite-journal", "a.sqlite-walx", "b.deel", ".deel", "c.deelx",
                    "d.sqlite.deel-journal", "e.sqlite", "f.sqlite-wa", ".x.sqlite-shm"]
    for name in names:
        (data_dir / name).write_bytes(b"x")
    for name in backup_names:
        (folder / name).write_bytes(b"x")
    (folder / "map.deel").mkdir()  # not a file: left alone
    globbed = {*data_dir.glob("register.sqlite.update*"), *data_dir.glob("*.sqlite.deel*"),
               *data_dir.glob("register.sqlite.vullen*"), *folder.glob("*.deel*"),
               *folder.glob("*.sqlite-wal"), *folder.glob("*.sqlite-shm"),
               *folder.glob("*.sqlite-journal")}
    expected = {p for p in globbed if p.is_file()
                and p.name not in ("register.sqlite-wal", "register.sqlite-shm")}
    assert len(expected) == 16
    assert set(backup.remove_leftovers(data_dir)) == expected
    assert not any(p.exists() for p in expected)
