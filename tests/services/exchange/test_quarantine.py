"""Issue 17: a package from an unknown key waits in quarantine until a gemeente user accepts
the key; accepted packages are read newest first, each exactly once; a refused key stays out."""

import shutil

from tests.services.exchange.conftest import export_to
from vrijwilligers_app.cli import main
from vrijwilligers_app.services.exchange.keys import laptop_keys
from vrijwilligers_app.services.exchange.merge import accept_and_import, import_packages
from vrijwilligers_app.services.exchange.quarantine import refuse, waiting_sources
from vrijwilligers_app.services.exchange.scan import IGNORED, IMPORTED, QUARANTINED, REFUSED
from vrijwilligers_app.store.settings import set_setting


def _records(gemeente):
    return gemeente.snapshot_count()


def test_an_unknown_key_waits_in_quarantine_until_accepted(unenrolled, laptop, gemeente,
                                                           tmp_path):
    set_setting(laptop.engine, "organisation_name", "Buurthuis De Brug")
    package = export_to(laptop, tmp_path / "sync")
    report = import_packages(gemeente.engine, gemeente.data_dir, [package])
    assert [o.status for o in report.outcomes] == [QUARANTINED]
    assert "1 in quarantaine" in report.as_text()
    assert gemeente.rows("SELECT count(*) FROM gemeente_source") == [(0,)]
    assert _records(gemeente) == 0

    keys = laptop_keys(laptop.data_dir)
    [waiting] = waiting_sources(gemeente.engine)
    assert (waiting.fingerprint, waiting.name, waiting.source_id, waiting.packages) == (
        keys.fingerprint, "Buurthuis De Brug", keys.source_id, 1)
    assert keys.fingerprint in report.outcomes[0].reason

    again = import_packages(gemeente.engine, gemeente.data_dir, [package])
    assert [o.status for o in again.outcomes] == [QUARANTINED]
    assert waiting_sources(gemeente.engine)[0].packages == 1  # listed once

    accepted, read = accept_and_import(gemeente.engine, gemeente.data_dir,
                                       keys.fingerprint[:9].lower())  # spaces/case free
    assert accepted.source_id == keys.source_id
    assert [o.status for o in read.outcomes] == [IMPORTED]
    assert _records(gemeente) > 0
    assert waiting_sources(gemeente.engine) == []
    later = import_packages(gemeente.engine, gemeente.data_dir, [package])
    assert [o.status for o in later.outcomes] == [IGNORED]  # exactly once


def test_accepted_after_a_newer_export_the_newest_wins_each_once(unenrolled, laptop, gemeente,
                                                                 tmp_path):
    first = export_to(laptop, tmp_path / "1")
    second = export_to(laptop, tmp_path / "2")
    replaced_folder = tmp_path / "sync"
    replaced_folder.mkdir()
    shutil.copy(first, replaced_folder / first.name)
    import_packages(gemeente.engine, gemeente.data_dir, [first, second,
                                                         replaced_folder / first.name])
    # the copy in the sync folder is replaced by the laptop's newer export meanwhile
    (replaced_folder / first.name).unlink()
    assert waiting_sources(gemeente.engine)[0].packages == 2  # same package twice: one row
    _, read = accept_and_import(gemeente.engine, gemeente.data_dir,
                                laptop_keys(laptop.data_dir).fingerprint)
    statuses = {o.file.name: o.status for o in read.outcomes}
    assert statuses[second.name] == IMPORTED
    assert gemeente.rows("SELECT last_sequence FROM gemeente_source") == [(2,)]
    assert gemeente.rows("SELECT count(*) FROM gemeente_package") == [(1,)]
    again = import_packages(gemeente.engine, gemeente.data_dir, [first, second])
    assert [o.status for o in again.outcomes] == [IGNORED, IGNORED]


def test_a_refused_key_is_refused_from_then_on(unenrolled, laptop, gemeente, tmp_path):
    package = export_to(laptop, tmp_path / "1")
    import_packages(gemeente.engine, gemeente.data_dir, [package])
    refuse(gemeente.engine, laptop_keys(laptop.data_dir).fingerprint)
    assert waiting_sources(gemeente.engine) == []
    newer = export_to(laptop, tmp_path / "2")
    report = import_packages(gemeente.engine, gemeente.data_dir, [newer])
    assert [o.status for o in report.outcomes] == [REFUSED]
    assert "door de gemeente geweigerd" in report.outcomes[0].reason
    assert _records(gemeente) == 0


def test_cli_lists_quarantine_and_accepts_by_fingerprint(unenrolled, laptop, gemeente,
                                                         tmp_path, capsys):
    from vrijwilligers_app.services.exchange.keys import gemeente_keys, pin_gemeente_key

    # The laptop knows the gemeente's key (exports are never written unencrypted to a sync
    # folder); the gemeente does not know the laptop yet.
    pin_gemeente_key(laptop.engine, gemeente_keys(gemeente.data_dir).public)
    for side in (laptop, gemeente):
        side.dispose()
    folder = tmp_path / "sync"
    assert main(["export", "--data-dir", str(laptop.data_dir), "--naar", str(folder)]) == 0
    out = capsys.readouterr().out
    fingerprint = laptop_keys(laptop.data_dir).fingerprint
    assert f"Vingerafdruk van deze laptop: {fingerprint}" in out
    assert main(["gemeente", "import", str(folder), "--data-dir",
                 str(gemeente.data_dir)]) == 0
    assert "in quarantaine" in capsys.readouterr().out
    main(["gemeente", "bronnen", "--data-dir", str(gemeente.data_dir)])
    listed = capsys.readouterr().out
    assert "In quarantaine" in listed and fingerprint in listed
    assert main(["gemeente", "bronnen", "--accepteer", fingerprint, "--data-dir",
                 str(gemeente.data_dir)]) == 0
    accepted = capsys.readouterr().out
    assert "geaccepteerd" in accepted and "1 ingelezen" in accepted
    assert main(["gemeente", "bronnen", "--accepteer", "0000 0000", "--data-dir",
                 str(gemeente.data_dir)]) == 1
    assert "Geen bron in quarantaine" in capsys.readouterr().err
