"""A register opened with `lazy_engine` and read through plain DB-API transactions
(store.direct): the same checks as the engine, and the engine only when work needs it."""

import pytest

from tests.helpers.registers import make_register_dir
from vrijwilligers_app.paths import resource
from vrijwilligers_app.store import seed
from vrijwilligers_app.store.gemeente.open import HEAD as GEMEENTE_HEAD
from vrijwilligers_app.store.gemeente.open import VERSION_TABLE, revision_on
from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.store.settings import setting_on


def opened_once(template_database, folder):
    """A data dir as the app leaves it after one ordinary open."""
    data_dir = make_register_dir(template_database, folder)
    with open_register(data_dir, daily_backup=False):
        pass
    return data_dir


def test_a_register_with_nothing_to_bring_up_opens_without_an_engine(template_database,
                                                                     tmp_path):
    data_dir = opened_once(template_database, tmp_path / "data")
    with open_register(data_dir, daily_backup=False, lazy_engine=True) as register:
        assert register._engine is None
        with register.transaction() as connection:
            assert revision_on(connection) == GEMEENTE_HEAD
            assert connection.execute("PRAGMA foreign_keys").fetchone() == (1,)
            assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            assert connection.execute("PRAGMA secure_delete").fetchone() == (1,)
        assert register._engine is None
        # Asked for, the engine is made then, once.
        assert register.engine is register.engine


def test_new_code_lists_or_a_gemeente_chain_behind_bring_the_engine_in(template_database,
                                                                      tmp_path, monkeypatch):
    data_dir = opened_once(template_database, tmp_path / "data")
    with open_register(data_dir, daily_backup=False, lazy_engine=True) as register, \
            register.transaction(write=True) as connection:
        connection.execute("UPDATE setting SET value = 'een oudere release' WHERE key = ?",
                           (seed.LOADED_SETTING,))
    with open_register(data_dir, daily_backup=False, lazy_engine=True) as register:
        assert register._engine is not None  # ensure_code_lists ran on it
        with register.transaction() as connection:
            assert setting_on(connection, seed.LOADED_SETTING) == seed.code_lists_fingerprint(
                resource("codes"))
    with open_register(data_dir, daily_backup=False, lazy_engine=True) as register:
        assert register._engine is None
    # A release whose gemeente chain has a newer head: open_gemeente_store runs, on the engine.
    monkeypatch.setattr("vrijwilligers_app.store.register.GEMEENTE_HEAD", "g9999")
    with open_register(data_dir, daily_backup=False, lazy_engine=True) as register:
        assert register._engine is not None
        with register.transaction() as connection:
            assert revision_on(connection) == GEMEENTE_HEAD
            connection.execute(f"DELETE FROM {VERSION_TABLE}")
            assert revision_on(connection) is None  # no row: no revision


def test_a_failing_transaction_changes_nothing(template_database, tmp_path):
    data_dir = opened_once(template_database, tmp_path / "data")
    with open_register(data_dir, daily_backup=False, lazy_engine=True) as register:
        with pytest.raises(RuntimeError), register.transaction(write=True) as connection:
            connection.execute("INSERT INTO setting (key, value) VALUES ('proef', 'ja')")
            raise RuntimeError("halverwege")
        with register.transaction() as connection:
            assert setting_on(connection, "proef", "nee") == "nee"
        with register.transaction(write=True) as connection:
            connection.execute("INSERT INTO setting (key, value) VALUES ('proef', 'ja')")
        with register.transaction() as connection:
            assert setting_on(connection, "proef") == "ja"


def test_the_open_and_every_transaction_share_one_connection(template_database, tmp_path,
                                                             monkeypatch):
    """Each connection keys the file and parses the schema again: the open's read-only look
    at the file and one connection for its own checks, the reads and the privacy-log line."""
    from vrijwilligers_app.store import cipher

    data_dir = opened_once(template_database, tmp_path / "data")
    opened = []
    connect = cipher.connect

    def counted(*args, **kwargs):
        opened.append(kwargs.get("immutable", False) or kwargs.get("read_only", False))
        return connect(*args, **kwargs)

    monkeypatch.setattr(cipher, "connect", counted)
    with open_register(data_dir, daily_backup=False, lazy_engine=True) as register:
        for write in (False, True, False):
            with register.transaction(write=write) as connection:
                connection.execute("SELECT count(*) FROM setting").fetchone()
        assert opened == [True, False]  # the untouched look, then the one to work on
    assert not (data_dir / "register.sqlite-wal").exists()  # closed with the register
    assert (data_dir / "register.gesloten").exists()  # the clean-shutdown record


def test_a_failed_open_closes_its_connection(template_database, tmp_path, monkeypatch):
    from vrijwilligers_app.store import backup

    data_dir = opened_once(template_database, tmp_path / "data")

    def no_room(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "auto_backup", no_room)
    with pytest.raises(OSError):
        open_register(data_dir, lazy_engine=True)
    assert not (data_dir / "register.sqlite-wal").exists()
    monkeypatch.undo()
    with open_register(data_dir, daily_backup=False, lazy_engine=True) as register, \
            register.transaction() as connection:
        assert setting_on(connection, seed.LOADED_SETTING)


def test_a_failed_commit_leaves_the_kept_connection_usable(template_database, tmp_path):
    """The register keeps its connection: a COMMIT that fails (here a foreign key checked at
    COMMIT) is rolled back, and the next transaction starts cleanly."""
    import sqlite3

    data_dir = opened_once(template_database, tmp_path / "data")
    with open_register(data_dir, daily_backup=False, lazy_engine=True) as register:
        with pytest.raises(sqlite3.IntegrityError), \
                register.transaction(write=True) as connection:
            connection.execute("PRAGMA defer_foreign_keys = ON")
            connection.execute("INSERT INTO destination_life_domain (destination_id, "
                               "life_domain_code) VALUES (987654, 'geen')")
        with register.transaction(write=True) as connection:
            assert connection.in_transaction  # a new one, not the failed one
            assert connection.execute("SELECT count(*) FROM destination_life_domain "
                                      "WHERE destination_id = 987654").fetchone() == (0,)
