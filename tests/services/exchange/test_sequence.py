"""Issue 17: the export's sequence number lives in the register; a lost or emptied
volgnummer.txt, or a laptop restored from an older backup, is not silently ignored."""

import shutil

from tests.services.exchange.conftest import export_to
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.exchange.gemeente_returns import write_returns
from vrijwilligers_app.services.exchange.keys import gemeente_keys, pin_gemeente_key
from vrijwilligers_app.services.exchange.laptop_returns import read_returns
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.exchange.scan import IMPORTED
from vrijwilligers_app.services.exchange.sequence import KEYS_DIR, SEQUENCE_FILE
from vrijwilligers_app.store.engine import create_register_engine


def _statuses(gemeente, *paths):
    return [o.status for o in import_packages(gemeente.engine, gemeente.data_dir,
                                              list(paths)).outcomes]


def test_an_emptied_or_lost_sequence_file_does_not_restart_numbering(laptop, gemeente,
                                                                      tmp_path):
    first = export_to(laptop, tmp_path / "1")
    assert _statuses(gemeente, first) == [IMPORTED]
    number_file = laptop.data_dir / KEYS_DIR / SEQUENCE_FILE
    number_file.write_text("")  # emptied (a crash without fsync)
    second = export_to(laptop, tmp_path / "2")
    assert "-000002-" in second.name
    assert _statuses(gemeente, second) == [IMPORTED]
    number_file.unlink()  # lost
    third = export_to(laptop, tmp_path / "3")
    assert "-000003-" in third.name
    assert _statuses(gemeente, third) == [IMPORTED]


def test_the_old_file_number_is_taken_over(laptop, tmp_path):
    number_file = laptop.data_dir / KEYS_DIR / SEQUENCE_FILE
    number_file.parent.mkdir(parents=True, exist_ok=True)
    number_file.write_text("41")
    assert "-000042-" in export_to(laptop, tmp_path / "1").name
    number_file.unlink()
    assert "-000043-" in export_to(laptop, tmp_path / "2").name


def test_a_laptop_restored_from_a_backup_continues_above_what_the_gemeente_accepted(
        laptop, gemeente, tmp_path):
    pin_gemeente_key(laptop.engine, gemeente_keys(gemeente.data_dir).public)
    laptop.engine.dispose()
    backup = tmp_path / "backup.sqlite"
    shutil.copyfile(laptop.data_dir / DATABASE_NAME, backup)  # before any export
    folder = tmp_path / "sync"
    for _ in range(3):
        export_to(laptop, folder, gemeente_side=gemeente)
    assert _statuses(gemeente, folder) == [IMPORTED]  # the newest: number 3
    write_returns(gemeente.engine, gemeente.data_dir, folder, gemeente.register)

    # The laptop breaks; its register comes back from the backup, the number file is gone.
    laptop.engine.dispose()
    shutil.copyfile(backup, laptop.data_dir / DATABASE_NAME)
    (laptop.data_dir / KEYS_DIR / SEQUENCE_FILE).unlink()
    laptop.engine = create_register_engine(laptop.data_dir / DATABASE_NAME)
    read = read_returns(laptop.engine, laptop.data_dir, [folder])
    assert [o.status for o in read.outcomes] == [IMPORTED], read.as_text()

    again = export_to(laptop, tmp_path / "na-herstel", gemeente_side=gemeente)
    assert "-000004-" in again.name
    assert _statuses(gemeente, again) == [IMPORTED]
