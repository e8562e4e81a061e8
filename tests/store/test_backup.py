"""Backups: round trip, rotation, a full disk, restore keeping what it replaces."""

import sqlite3
from datetime import date, datetime, timedelta

import pytest

from tests.helpers.registers import file_digest, make_register_dir, set_revision
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import backup
from vrijwilligers_app.store.errors import (
    BackupError,
    CorruptRegisterError,
    NewerSchemaError,
    NotARegisterError,
)
from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.store.restore import restore_backup

TODAY = date(2026, 11, 23)


def _settings(data_dir):
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    rows = dict(connection.execute("SELECT key, value FROM setting"))
    connection.close()
    return rows


def _put(register, key, value):
    with register.engine.begin() as c:
        c.exec_driver_sql("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                          (key, value))


def test_backup_and_restore_round_trip_keeps_the_replaced_register(tmp_path):
    data_dir = tmp_path / "data"
    with open_register(data_dir, today=TODAY) as register:
        _put(register, "organisatie", "Alzheimer Café Helmond")
        saved = backup.make_backup(register.db_path, data_dir, tmp_path / "veilig.sqlite")
        _put(register, "organisatie", "per ongeluk veranderd")
    kept = restore_backup(saved, data_dir)
    assert _settings(data_dir)["organisatie"] == "Alzheimer Café Helmond"
    assert kept is not None and kept.name.startswith("voor-herstel-")
    connection = sqlite3.connect(kept)
    assert connection.execute("SELECT value FROM setting WHERE key='organisatie'").fetchone() == (
        "per ongeluk veranderd",)
    connection.close()
    with open_register(data_dir, today=TODAY) as register, register.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_backup_sees_committed_data_still_in_the_wal(tmp_path):
    with open_register(tmp_path, today=TODAY) as register:
        _put(register, "nog_in_wal", "ja")  # the register is still open: data sits in the WAL
        target = backup.make_backup(register.db_path, tmp_path, tmp_path / "b.sqlite")
    connection = sqlite3.connect(target)
    assert connection.execute("SELECT value FROM setting WHERE key='nog_in_wal'").fetchone() == (
        "ja",)
    connection.close()


def test_backup_into_a_folder_gets_a_dated_name(tmp_path):
    with open_register(tmp_path / "data", today=TODAY) as register:
        (tmp_path / "usb").mkdir()
        target = backup.make_backup(register.db_path, register.data_dir, tmp_path / "usb")
    assert target.parent == tmp_path / "usb"
    assert target.name.startswith("vrijwilligersregister-")


def test_a_full_disk_during_backup_leaves_nothing_half_and_older_backups_intact(tmp_path,
                                                                               monkeypatch):
    data_dir = tmp_path / "data"
    with open_register(data_dir, today=TODAY) as register:
        older = sorted(backup.backups_dir(data_dir).glob("*.sqlite"))
        digests = {p: file_digest(p) for p in older}
        real_connect = backup._connect_destination

        def tiny_disk(path):
            connection = real_connect(path)
            connection.execute("PRAGMA max_page_count=3")  # SQLite reports SQLITE_FULL
            return connection

        monkeypatch.setattr(backup, "_connect_destination", tiny_disk)
        with pytest.raises(BackupError, match="schijf is vol"):
            backup.make_backup(register.db_path, data_dir)
    assert sorted(backup.backups_dir(data_dir).glob("*")) == older
    assert {p: file_digest(p) for p in older} == digests


def test_one_automatic_backup_a_day_and_only_the_newest_fourteen_kept(tmp_path):
    data_dir = tmp_path / "data"
    for offset in range(20):
        open_register(data_dir, today=TODAY + timedelta(days=offset)).close()
    open_register(data_dir, today=TODAY + timedelta(days=19)).close()  # same day again
    autos = sorted(p.name for p in backup.backups_dir(data_dir).glob("automatisch-*"))
    assert len(autos) == 14
    assert autos[0] == f"automatisch-{TODAY + timedelta(days=6)}.sqlite"
    assert autos[-1] == f"automatisch-{TODAY + timedelta(days=19)}.sqlite"


def test_restore_refuses_a_corrupt_backup_and_changes_nothing(template_database, tmp_path):
    data_dir = make_register_dir(template_database, tmp_path / "data")
    before = file_digest(data_dir / DATABASE_NAME)
    bad = tmp_path / "kapot.sqlite"
    content = bytearray(template_database.read_bytes())
    content[4096:8192] = b"\x00\xff" * 2048
    bad.write_bytes(bytes(content))
    with pytest.raises(CorruptRegisterError):
        restore_backup(bad, data_dir)
    assert file_digest(data_dir / DATABASE_NAME) == before
    assert not backup.backups_dir(data_dir).exists()


def test_restore_refuses_other_files_and_newer_registers(template_database, tmp_path):
    data_dir = make_register_dir(template_database, tmp_path / "data")
    before = file_digest(data_dir / DATABASE_NAME)
    text_file = tmp_path / "lijst.csv"
    text_file.write_text("naam;wijk\n")
    with pytest.raises(NotARegisterError):
        restore_backup(text_file, data_dir)
    with pytest.raises(NotARegisterError, match="bestaat niet"):
        restore_backup(tmp_path / "weg.sqlite", data_dir)
    newer = make_register_dir(template_database, tmp_path / "nieuwer") / DATABASE_NAME
    set_revision(newer, "ffffnieuwer")
    with pytest.raises(NewerSchemaError):
        restore_backup(newer, data_dir)
    assert file_digest(data_dir / DATABASE_NAME) == before


def test_erased_data_leaves_the_backups_within_the_retention_days(template_database,
                                                                  tmp_path):
    """Vergeten on day 0; the automatic backups and the safety copies of day 0 still hold
    the name, and are gone once they are 14 days old, even when the app was not opened
    every day (rotation by age, not only by count)."""
    from vrijwilligers_app.services.privacy.anonymise import anonymise

    data_dir = make_register_dir(template_database, tmp_path / "data")
    with open_register(data_dir, today=TODAY) as register:
        _put(register, "backup_keep_days", "14")
        with register.engine.begin() as c:
            c.exec_driver_sql("INSERT INTO resident (uuid, created_at, updated_at, first_name,"
                              " name_prefix, last_name, gender, phone, email, postcode, "
                              "languages, consent_recording, consent_sharing, age_band) "
                              "VALUES ('u-1', '2026-01-01', '2026-01-01', 'Zwaantje', '', "
                              "'Vergeetmij', '', '+31612345678', '', '5701 AB', 'nl', 0, 0, "
                              "'')")
    safety = backup.backups_dir(data_dir) / backup.timestamped_name(
        "voor-herstel-", datetime(2026, 11, 24, 10, 0))
    manual = backup.make_backup(data_dir / DATABASE_NAME, data_dir)
    open_register(data_dir, today=TODAY + timedelta(days=1)).close()  # backup with the name
    backup.copy_database(data_dir / DATABASE_NAME, safety)
    with open_register(data_dir, today=TODAY + timedelta(days=2)) as register:
        anonymise(register.engine, [1], TODAY + timedelta(days=2), audit_kind="vergeten")

    def holding_the_name() -> set[str]:
        return {p.name for p in backup.backups_dir(data_dir).iterdir()
                if b"Vergeetmij" in p.read_bytes()}

    held = holding_the_name()
    assert f"automatisch-{TODAY + timedelta(days=1)}.sqlite" in held and safety.name in held
    open_register(data_dir, today=TODAY + timedelta(days=10)).close()
    assert len(holding_the_name()) == len(held)  # not yet 14 days: still there
    open_register(data_dir, today=TODAY + timedelta(days=16)).close()  # 5th opening only
    assert holding_the_name() == {manual.name}  # the user's own backup is theirs to delete
    assert b"Vergeetmij" not in (data_dir / DATABASE_NAME).read_bytes()
