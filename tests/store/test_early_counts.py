"""The dashboard's counts read before the register is opened (store/early_counts.py): equal to
the ordinary counts, None whenever the ordinary open has something to decide, nothing left
beside the file."""

from pathlib import Path

from tests.helpers.registers import TEST_PASSPHRASE, make_encrypted_register_dir
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.overview import Counts, register_counts
from vrijwilligers_app.store import cipher, keys
from vrijwilligers_app.store.early_counts import counts_before_open
from vrijwilligers_app.store.register import open_register


def _encrypted(template: Path, tmp_path: Path) -> tuple[Path, bytes]:
    data_dir = make_encrypted_register_dir(template, tmp_path / "data")
    return data_dir, keys.unlock(data_dir, TEST_PASSPHRASE)


def test_the_early_counts_are_the_dashboards_counts(demo_klein_database, tmp_path):
    data_dir, key = _encrypted(demo_klein_database, tmp_path)
    with open_register(data_dir, key=key, daily_backup=False) as register:
        wanted = register_counts(register.engine)
    before = sorted(p.name for p in data_dir.iterdir())
    counted = counts_before_open(data_dir, key)
    assert counted is not None and Counts(*counted) == wanted and wanted.residents > 0
    assert sorted(p.name for p in data_dir.iterdir()) == before  # no -wal, -shm or journal


def test_no_early_counts_where_the_ordinary_open_decides(template_database, tmp_path):
    data_dir, key = _encrypted(template_database, tmp_path)
    assert counts_before_open(data_dir, key) is not None
    assert counts_before_open(data_dir, bytes(32)) is None  # another key
    assert counts_before_open(data_dir, None) is None
    assert counts_before_open(tmp_path / "leeg", key) is None  # no register yet
    connection = cipher.connect(data_dir / DATABASE_NAME, key)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.close()
    assert counts_before_open(data_dir, key) is None  # to be migrated first
    (data_dir / DATABASE_NAME).write_bytes(b"geen register")
    assert counts_before_open(data_dir, key) is None


def test_a_plain_register_gets_no_early_counts(template_database, tmp_path):
    from tests.helpers.registers import make_register_dir

    data_dir = make_register_dir(template_database, tmp_path / "plain")
    assert counts_before_open(data_dir, bytes(32)) is None  # converted by the ordinary open
