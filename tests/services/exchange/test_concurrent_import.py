"""Issue 17: two gemeente users import the same folder at the same time: every package is
read exactly once (the manifest hash is the key of gemeente_package; each merge is one
IMMEDIATE transaction that checks it first). On PostgreSQL too: two engines, each with its own
connections, on one database."""

import threading

from tests.services.exchange.conftest import export_to
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.exchange.scan import IGNORED, IMPORTED


def test_two_users_importing_one_folder_read_each_package_once(make_laptop, gemeente, tmp_path):
    folder = tmp_path / "sync"
    packages = [export_to(make_laptop(f"l{n}"), folder) for n in range(4)]
    engines = [gemeente.new_store_engine() for _ in range(2)]
    reports: list = [None, None]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def run(user: int) -> None:
        try:
            start.wait()
            reports[user] = import_packages(engines[user], gemeente.data_dir, [folder])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(user,)) for user in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for engine in engines:
        engine.dispose()
    assert errors == []
    for package in packages:
        statuses = sorted(o.status for r in reports for o in r.outcomes if o.file == package)
        assert statuses == [IGNORED, IMPORTED], (package.name, statuses)
    assert gemeente.rows("SELECT count(*) FROM gemeente_package") == [(4,)]
    assert gemeente.rows("SELECT count(*), count(DISTINCT source_id) FROM gemeente_source "
                         "WHERE last_sequence = 1") == [(4, 4)]
