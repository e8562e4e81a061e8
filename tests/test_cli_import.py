"""`vrijwilligers-app import`: the preview in Dutch, --toon writes nothing, refusals exit 1;
the register it writes is encrypted like every other command's."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.helpers.messy_files import volunteer_workbook
from tests.helpers.registers import TEST_PASSPHRASE
from vrijwilligers_app.cli import main
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import cipher, keys
from vrijwilligers_app.store.engine import create_register_engine, read_session
from vrijwilligers_app.store.tables import Volunteer


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command reads the passphrase from the environment, as the other commands do."""
    monkeypatch.setenv("VRIJWILLIGERS_WACHTWOORD", TEST_PASSPHRASE)


def _volunteers(data_dir: Path) -> int:
    db_path = data_dir / DATABASE_NAME
    assert not cipher.is_plain_sqlite(db_path)  # never a plain file with imported names
    engine = create_register_engine(db_path, key=keys.unlock(data_dir, TEST_PASSPHRASE))
    try:
        with read_session(engine) as session:
            return int(session.execute(select(func.count()).select_from(Volunteer)).scalar_one())
    finally:
        engine.dispose()


@pytest.mark.slow
def test_import_command_shows_then_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    data = tmp_path / "data"
    workbook = volunteer_workbook(tmp_path / "lijst.xlsx")
    assert main(["--data-dir", str(data), "import", str(workbook), "--toon"]) == 0
    out = capsys.readouterr().out
    assert "5 rijen: 2 nieuw, 0 staan er al in, 3 met fouten." in out
    assert "rij 7, kolom Postcode: '5701' is geen volledige postcode" in out
    assert "Alleen getoond; er is niets ingelezen." in out
    assert _volunteers(data) == 0
    assert main(["--data-dir", str(data), "import", str(workbook)]) == 0
    out = capsys.readouterr().out
    assert "Ingelezen: 2 nieuw, 0 aangevuld, 0 overgeslagen, 3 met fouten niet ingelezen" in out
    assert _volunteers(data) == 2
    assert list((data / "backups").glob("voor-import-*.sqlite"))
    assert main(["--data-dir", str(data), "import", str(workbook)]) == 0
    assert "0 nieuw, 0 aangevuld, 2 overgeslagen" in capsys.readouterr().out
    assert _volunteers(data) == 2


def test_import_command_refuses_in_dutch(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(empty)]) == 1
    assert "Fout: leeg.csv: Het bestand is leeg. Er is niets ingelezen" in capsys.readouterr().err


def test_import_command_names_error_cells_of_an_old_excel_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An .xls made by LibreOffice (tests/fixtures/import): every error cell is named, the
    hidden 'Telefoon' column is not read, and only the clean row goes in."""
    data = tmp_path / "data"
    workbook = Path(__file__).parent / "fixtures" / "import" / "foutcellen.xls"
    assert main(["--data-dir", str(data), "import", str(workbook)]) == 0
    out = capsys.readouterr().out
    assert "rij 3, kolom Postcode: de cel bevat een fout (#N/B)." in out
    assert "rij 5, kolom Tel.: de cel bevat een fout (#WAARDE!)." in out
    assert "rij 6, kolom Geboortejaar: de cel bevat een fout (#VERW!)." in out
    assert "oud nummer" not in out
    assert _volunteers(data) == 1
