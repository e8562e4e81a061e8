"""Encryption at rest: keys, encrypted register and backups, conversion, check, restore."""

import json
import sqlite3
from datetime import date

import pytest

from tests.helpers.registers import (
    TEST_PASSPHRASE,
    add_revision,
    make_encrypted_register_dir,
    make_register_dir,
)
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import backup, cipher, encrypt, inspect, keys
from vrijwilligers_app.store.errors import EncryptedRegisterError, MigrationError
from vrijwilligers_app.store.health import check_database
from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.store.restore import restore_backup

TODAY = date(2026, 11, 23)
NAME = "Wilhelmina Zonneveld-Testpersoon"


def _add_person(register) -> None:
    with register.engine.begin() as c:
        c.exec_driver_sql("INSERT OR REPLACE INTO setting (key, value) VALUES ('naam', ?)",
                          (NAME,))


def _name_in(engine) -> str | None:
    with engine.connect() as c:
        return c.exec_driver_sql("SELECT value FROM setting WHERE key = 'naam'").scalar()


def _all_bytes(folder) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_keys_open_with_passphrase_or_herstelsleutel_and_nothing_else(tmp_path):
    data_key, recovery = keys.create_keys(tmp_path, "lange zin met 7 woorden!")
    assert len(data_key) == 32
    groups = recovery.split("-")
    assert len(groups) == 8 and all(len(g) == 6 and g.isdigit() for g in groups)
    assert keys.unlock(tmp_path, "lange zin met 7 woorden!") == data_key
    assert keys.unlock(tmp_path, recovery) == data_key
    typed = " ".join(recovery.replace("-", "")[i:i + 3] for i in range(0, 48, 3))
    assert keys.unlock(tmp_path, f"  {typed} ") == data_key  # spaces instead of dashes
    for wrong in ("Lange zin met 7 woorden!", "", recovery[:-1] + "0" if recovery[-1] != "0"
                  else recovery[:-1] + "1"):
        with pytest.raises(keys.WrongKeyError, match="klopt niet"):
            keys.unlock(tmp_path, wrong)
    text = keys.key_file_path(tmp_path).read_bytes()
    assert data_key not in text and data_key.hex().encode() not in text
    assert b"woorden" not in text and recovery.replace("-", "").encode() not in text
    document = json.loads(text)
    assert set(document["sleutels"]) == {"wachtwoord", "herstelsleutel"}


def test_changing_the_passphrase_rewraps_and_keeps_the_herstelsleutel(tmp_path):
    data_key, recovery = keys.create_keys(tmp_path, "oud wachtwoord 1")
    keys.change_passphrase(tmp_path, data_key, "nieuw wachtwoord 2")
    with pytest.raises(keys.WrongKeyError):
        keys.unlock(tmp_path, "oud wachtwoord 1")
    assert keys.unlock(tmp_path, "nieuw wachtwoord 2") == data_key
    assert keys.unlock(tmp_path, recovery) == data_key


def test_a_damaged_key_file_is_reported_in_dutch(tmp_path):
    keys.key_file_path(tmp_path).write_text("{kapot", encoding="utf-8")
    with pytest.raises(keys.KeyFileError, match="sleutelbestand"):
        keys.unlock(tmp_path, "wat dan ook")


def test_an_encrypted_register_and_its_backups_hold_no_plain_text(tmp_path):
    key = b"\x11" * 32
    with open_register(tmp_path, key=key, today=TODAY) as register:
        _add_person(register)
        backup.make_backup(register.db_path, tmp_path, key=key)
        assert register.encrypted
    files = [tmp_path / DATABASE_NAME, *backup.backups_dir(tmp_path).glob("*.sqlite")]
    assert len(files) == 3  # register, automatic and manual backup
    for path in files:
        assert not cipher.is_plain_sqlite(path) and cipher.looks_encrypted(path)
    assert NAME.encode() not in _all_bytes(tmp_path)
    with open_register(tmp_path, key=key, today=TODAY) as register:
        assert _name_in(register.engine) == NAME
    for path in files[1:]:
        assert inspect.inspect_database(path, key=key, full_check=True).encrypted


def test_a_wrong_key_or_no_key_is_refused_and_changes_nothing(tmp_path):
    with open_register(tmp_path, key=b"\x11" * 32, today=TODAY):
        pass
    before = (tmp_path / DATABASE_NAME).read_bytes()
    with pytest.raises(EncryptedRegisterError, match="andere sleutel"):
        open_register(tmp_path, key=b"\x22" * 32)
    with pytest.raises(EncryptedRegisterError, match="versleuteld register"):
        open_register(tmp_path)
    assert (tmp_path / DATABASE_NAME).read_bytes() == before


def test_check_tells_an_encrypted_register_from_a_file_that_is_none(tmp_path):
    key = b"\x11" * 32
    with open_register(tmp_path, key=key, today=TODAY):
        pass
    db = tmp_path / DATABASE_NAME
    assert check_database(db, key).healthy
    assert check_database(db, key).encrypted
    locked = check_database(db)
    assert locked.encrypted and "versleuteld" in locked.problems[0]
    assert "andere sleutel" in check_database(db, b"\x22" * 32).problems[0]
    other = tmp_path / "ander.sqlite"
    other.write_bytes(b"Dit is een tekstbestand\n" * 400)
    assert check_database(other, key).problems == ["Het bestand is geen SQLite-database."]


def test_migrations_run_on_an_encrypted_copy(template_database, tmp_path, monkeypatch):
    key = b"\x11" * 32
    with open_register(tmp_path, key=key, today=TODAY) as register:
        _add_person(register)
    rev = add_revision(monkeypatch, tmp_path / "scripts",
                       "op.execute(\"UPDATE setting SET value = value || '!' WHERE key='naam'\")")
    with open_register(tmp_path, key=key, today=TODAY) as register:
        assert _name_in(register.engine) == NAME + "!"
        from vrijwilligers_app.store import migrate
        assert migrate.current_revision(register.engine) == rev
    pre = list(backup.backups_dir(tmp_path).glob("voor-update-*.sqlite"))
    assert len(pre) == 1 and cipher.looks_encrypted(pre[0])
    assert NAME.encode() not in _all_bytes(tmp_path)


def _plain_register_with_backups(template_database, folder):
    data_dir = make_register_dir(template_database, folder)
    with open_register(data_dir, today=TODAY) as register:  # plain: as before this version
        _add_person(register)
        backup.make_backup(register.db_path, data_dir)
    return data_dir


def test_a_plain_register_and_its_backups_are_converted_once(template_database, tmp_path):
    data_dir = _plain_register_with_backups(template_database, tmp_path / "data")
    assert NAME.encode() in _all_bytes(data_dir)
    key = b"\x33" * 32
    with open_register(data_dir, key=key, today=TODAY) as register:
        assert _name_in(register.engine) == NAME
    assert NAME.encode() not in _all_bytes(data_dir)
    names = sorted(p.name for p in data_dir.rglob("*") if p.is_file())
    assert not [n for n in names if n.endswith(encrypt.WORK_SUFFIX)]
    for path in backup.backups_dir(data_dir).glob("*.sqlite"):
        assert inspect.inspect_database(path, key=key, full_check=True).encrypted


@pytest.mark.parametrize("step", ["export", "check", "replace", "replaced"])
def test_a_crash_at_any_step_of_the_conversion_leaves_one_readable_register(
        template_database, tmp_path, monkeypatch, step):
    data_dir = _plain_register_with_backups(template_database, tmp_path / "data")
    key = b"\x33" * 32

    def crash(name: str) -> None:
        if name == step:
            raise OSError(f"stroomstoring na {name}")

    monkeypatch.setattr(encrypt, "_step", crash)
    with pytest.raises(MigrationError, match="versleutelen"):
        open_register(data_dir, key=key, today=TODAY)
    db = data_dir / DATABASE_NAME
    readable_key = None if cipher.is_plain_sqlite(db) else key
    assert inspect.inspect_database(db, key=readable_key, full_check=True).revision
    monkeypatch.setattr(encrypt, "_step", lambda name: None)
    with open_register(data_dir, key=key, today=TODAY) as register:
        assert _name_in(register.engine) == NAME
    assert NAME.encode() not in _all_bytes(data_dir)


def test_a_plain_backup_restored_into_an_encrypted_register_is_converted(
        template_database, tmp_path):
    plain_dir = _plain_register_with_backups(template_database, tmp_path / "oud")
    plain_backup = tmp_path / "usb.sqlite"
    plain_backup.write_bytes((plain_dir / DATABASE_NAME).read_bytes())
    data_dir = tmp_path / "data"
    key = b"\x44" * 32
    with open_register(data_dir, key=key, today=TODAY):
        pass
    kept = restore_backup(plain_backup, data_dir, key=key)
    assert kept is not None and cipher.looks_encrypted(kept)
    db = data_dir / DATABASE_NAME
    assert cipher.looks_encrypted(db)
    with open_register(data_dir, key=key, today=TODAY) as register:
        assert _name_in(register.engine) == NAME
    assert NAME.encode() not in _all_bytes(data_dir)
    assert NAME.encode() in plain_backup.read_bytes()  # the source is left as it was


def test_an_encrypted_backup_of_another_register_is_refused(tmp_path):
    with open_register(tmp_path / "a", key=b"\x11" * 32, today=TODAY) as register:
        other = backup.make_backup(register.db_path, register.data_dir, tmp_path / "a.sqlite",
                                   key=b"\x11" * 32)
    with open_register(tmp_path / "b", key=b"\x22" * 32, today=TODAY):
        pass
    before = (tmp_path / "b" / DATABASE_NAME).read_bytes()
    with pytest.raises(EncryptedRegisterError, match="andere sleutel"):
        restore_backup(other, tmp_path / "b", key=b"\x22" * 32)
    assert (tmp_path / "b" / DATABASE_NAME).read_bytes() == before


def test_a_manual_backup_elsewhere_carries_the_key_file(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    data_key, recovery = keys.create_keys(data_dir, "wachtwoord voor test")
    with open_register(data_dir, key=data_key, today=TODAY) as register:
        made = backup.make_backup(register.db_path, data_dir, tmp_path, key=data_key)
    companion = backup.companion_key_file(made)
    assert companion.read_bytes() == keys.key_file_path(data_dir).read_bytes()
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    companion.replace(keys.key_file_path(elsewhere))
    assert keys.unlock(elsewhere, recovery) == data_key


def _full_checks(monkeypatch) -> list[bool]:
    seen: list[bool] = []
    real = inspect.inspect_database

    def spy(*args, **kwargs):
        seen.append(kwargs.get("full_check", False))
        return real(*args, **kwargs)

    from vrijwilligers_app.store import register as register_module
    monkeypatch.setattr(register_module, "inspect_database", spy)
    return seen


def test_the_full_check_runs_only_after_an_unclean_close(tmp_path, monkeypatch):
    seen = _full_checks(monkeypatch)
    key = b"\x11" * 32
    with open_register(tmp_path, key=key, today=TODAY):
        pass  # new register: nothing to trust yet
    with open_register(tmp_path, key=key, today=TODAY):
        pass  # closed cleanly before: cheap check
    crashed = open_register(tmp_path, key=key, today=TODAY)
    crashed.engine.dispose()
    crashed.lock.release()  # the process "died": no clean close
    with open_register(tmp_path, key=key, today=TODAY):
        pass
    assert seen == [True, False, False, True]


@pytest.mark.parametrize("torn", [b"", b'{"grootte": 12', b"\0" * 59])
def test_a_torn_clean_record_only_costs_a_full_check(template_database, tmp_path,
                                                     monkeypatch, torn):
    """The record is written without an fsync: after a power cut it may be empty, half or
    zeros on disk; each is read as no record."""
    from vrijwilligers_app.store.shutdown import CLEAN_RECORD_NAME

    seen = _full_checks(monkeypatch)
    data_dir = make_register_dir(template_database, tmp_path / "data")
    with open_register(data_dir, today=TODAY):
        pass
    (data_dir / CLEAN_RECORD_NAME).write_bytes(torn)
    with open_register(data_dir, today=TODAY):
        pass
    with open_register(data_dir, today=TODAY):
        pass
    assert seen == [True, True, False]


def test_a_register_changed_behind_the_apps_back_is_checked_fully(template_database, tmp_path,
                                                                  monkeypatch):
    seen = _full_checks(monkeypatch)
    data_dir = make_register_dir(template_database, tmp_path / "data")
    with open_register(data_dir, today=TODAY):
        pass
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    connection.execute("INSERT INTO setting (key, value) VALUES ('x', 'y')")
    connection.commit()
    connection.close()
    with open_register(data_dir, today=TODAY):
        pass
    assert seen == [True, True]


def test_temporary_files_of_an_encrypted_register_stay_in_memory(template_database, tmp_path):
    """SQLCipher leaves SQLite's temp files (big sorts, temp tables) unencrypted: every keyed
    connection, the engine's and a raw one, keeps them in memory (temp_store 2)."""
    data_dir = make_encrypted_register_dir(template_database, tmp_path / "data")
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register:
        with register.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA temp_store").scalar() == 2
        raw = cipher.connect(register.db_path, key, read_only=True)
        try:
            assert raw.execute("PRAGMA temp_store").fetchone()[0] == 2
        finally:
            raw.close()
