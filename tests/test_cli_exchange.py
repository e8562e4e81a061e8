"""The exchange on the command line: a laptop and the gemeente, each with its own data dir."""

import json

import pytest

from tests.helpers.registers import TEST_PASSPHRASE, make_register_dir
from vrijwilligers_app.cli import main


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch):
    """Every command that opens a register reads the passphrase from the environment."""
    monkeypatch.setenv("VRIJWILLIGERS_WACHTWOORD", TEST_PASSPHRASE)


@pytest.fixture
def dirs(demo_klein_database, template_database, tmp_path):
    laptop = make_register_dir(demo_klein_database, tmp_path / "laptop")
    gemeente = make_register_dir(template_database, tmp_path / "gemeente")
    return laptop, gemeente, tmp_path / "OneDrive - Helmond" / "uitwisseling"


def test_round_trip_through_a_sync_folder(dirs, tmp_path, capsys, gemeente_db):
    """On both engines: every gemeente command is given --database for PostgreSQL."""
    laptop, gemeente, folder = dirs
    db = ["--database", gemeente_db] if gemeente_db else []
    key_file = tmp_path / "gemeente-sleutel.json"
    assert main(["gemeente", "init", *db, "--data-dir", str(gemeente), "--to",
                 str(key_file)]) == 0
    fingerprint = capsys.readouterr().out.split("Vingerafdruk: ")[1].strip()
    assert main(["gemeentesleutel", str(key_file), "--data-dir", str(laptop)]) == 0
    assert fingerprint in capsys.readouterr().out

    assert main(["export", "--data-dir", str(laptop), "--alleen-tonen"]) == 0
    shown = capsys.readouterr().out
    assert "Dit wordt gedeeld met de gemeente" in shown and "Dit blijft op deze laptop" in shown
    assert not folder.exists()

    assert main(["export", "--to", str(folder), "--data-dir", str(laptop)]) == 0
    exported = capsys.readouterr().out
    assert "volgnummer 1" in exported
    laptop_fingerprint = exported.split("Vingerafdruk van deze laptop: ")[1].split(".")[0]
    # issue 17: a new laptop's export waits until the gemeente accepts its fingerprint
    assert main(["gemeente", "import", *db, str(folder), "--data-dir", str(gemeente)]) == 0
    assert "0 ingelezen, 0 genegeerd, 0 geweigerd, 1 in quarantaine" in \
        capsys.readouterr().out
    assert main(["gemeente", "bronnen", *db, "--accepteer", laptop_fingerprint,
                 "--data-dir", str(gemeente)]) == 0
    assert "1 ingelezen, 0 genegeerd, 0 geweigerd" in capsys.readouterr().out
    assert main(["gemeente", "bronnen", *db, "--data-dir", str(gemeente)]) == 0
    assert "volgnummer 1" in capsys.readouterr().out
    assert main(["gemeente", "overzicht", *db, "--json", "--van", "01-01-2020",
                 "--data-dir", str(gemeente)]) == 0
    overview = json.loads(capsys.readouterr().out)
    assert overview["stad"]["inwoners"] == 400 and len(overview["bronnen"]) == 1
    assert main(["gemeente", "return", *db, "--to", str(folder), "--data-dir",
                 str(gemeente)]) == 0
    assert "1 terugmeldingen geschreven" in capsys.readouterr().out
    assert main(["sync", "--to", str(folder), "--data-dir", str(laptop)]) == 0
    out = capsys.readouterr().out
    assert "volgnummer 2, versleuteld" in out and ": ingelezen (" in out
    if gemeente_db:  # the gemeente's data went to the PostgreSQL database
        import psycopg

        with psycopg.connect(gemeente_db) as connection:
            assert connection.execute("SELECT count(*) FROM gemeente_source").fetchone() == (1,)


def test_import_reports_refused_files_and_exits_1(dirs, tmp_path, capsys):
    _, gemeente, _ = dirs
    broken = tmp_path / "export-kapot.zip"
    broken.write_bytes(b"PK\x03\x04 afgebroken")
    assert main(["gemeente", "import", str(broken), str(tmp_path / "bestaat-niet"),
                 "--data-dir", str(gemeente)]) == 1
    out = capsys.readouterr().out
    assert "export-kapot.zip: geweigerd (Geen geldig zip-bestand" in out
    assert "bestaat-niet: geweigerd (bestand of map bestaat niet)" in out


def test_export_without_folder_or_to_a_file_says_what_to_do(dirs, tmp_path, capsys):
    laptop, _, _ = dirs
    assert main(["export", "--data-dir", str(laptop)]) == 1
    assert "Kies een map voor de export" in capsys.readouterr().err
    a_file = tmp_path / "bestand.txt"
    a_file.write_text("x")
    assert main(["export", "--to", str(a_file), "--data-dir", str(laptop)]) == 1
    assert "is een bestand, geen map" in capsys.readouterr().err


def test_bad_gemeente_key_file_is_refused(dirs, tmp_path, capsys):
    laptop, _, _ = dirs
    bad = tmp_path / "sleutel.json"
    bad.write_text('{"soort": "iets anders"}')
    assert main(["gemeentesleutel", str(bad), "--data-dir", str(laptop)]) == 1
    assert "geen sleutelbestand van de gemeente" in capsys.readouterr().err


def test_gemeente_init_twice_is_refused(dirs, tmp_path, capsys):
    _, gemeente, _ = dirs
    assert main(["gemeente", "init", "--data-dir", str(gemeente), "--to", str(tmp_path)]) == 0
    assert main(["gemeente", "init", "--data-dir", str(gemeente), "--to", str(tmp_path)]) == 1
    assert "Er is al een gemeentesleutel" in capsys.readouterr().err


def test_gemeente_help_is_dutch(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["gemeente", "import", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "gebruik:" in out and "lees exportbestanden van laptops in" in out
    assert "usage:" not in out
