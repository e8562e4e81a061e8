"""The passphrase on the command line: set up once, asked every time, never an argument."""

import io
import re

import pytest

from tests.helpers.registers import TEST_PASSPHRASE
from vrijwilligers_app import cli_key
from vrijwilligers_app.cli import main
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import cipher, keys


def test_the_first_command_sets_up_encryption_and_shows_the_herstelsleutel_once(tmp_path,
                                                                              capsys):
    data_dir = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    recovery = re.search(r"(\d{6}(?:-\d{6}){7})", out)
    assert recovery and "HERSTELSLEUTEL" in out
    assert cipher.looks_encrypted(data_dir / DATABASE_NAME)
    assert keys.unlock(data_dir, recovery.group(1)) == keys.unlock(data_dir, TEST_PASSPHRASE)
    assert main(["check", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "Versleuteld: ja" in out and recovery.group(1) not in out


def test_a_wrong_passphrase_is_refused_calmly_and_changes_nothing(tmp_path, capsys,
                                                                  monkeypatch):
    data_dir = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    before = (data_dir / DATABASE_NAME).read_bytes()
    monkeypatch.setenv("VRIJWILLIGERS_WACHTWOORD", "niet het goede wachtwoord")
    for command in (["backup"], ["check"], ["export", "--alleen-tonen"]):
        assert main([*command, "--data-dir", str(data_dir)]) == 1
        err = capsys.readouterr().err
        assert "klopt niet" in err and str(data_dir) not in err
    assert (data_dir / DATABASE_NAME).read_bytes() == before


def test_without_a_terminal_or_variable_the_command_says_how(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("VRIJWILLIGERS_WACHTWOORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["demo", "--data-dir", str(tmp_path / "data")]) == 1
    err = capsys.readouterr().err
    assert "VRIJWILLIGERS_WACHTWOORD" in err
    assert not keys.has_key_file(tmp_path / "data")


def test_the_prompt_asks_twice_when_setting_up(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("VRIJWILLIGERS_WACHTWOORD")
    answers = iter(["een lange zin als wachtwoord", "een andere zin als wachtwoord"])
    monkeypatch.setattr(cli_key, "_ask", lambda prompt: next(answers))
    assert main(["demo", "--data-dir", str(tmp_path / "data")]) == 1
    assert "niet gelijk" in capsys.readouterr().err
    assert not keys.has_key_file(tmp_path / "data")
    answers = iter(["kort", "kort"])
    assert main(["demo", "--data-dir", str(tmp_path / "data")]) == 1
    assert "minstens 10 tekens" in capsys.readouterr().err


def test_there_is_no_passphrase_argument(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--wachtwoord", "geheim"])
    assert "onbekende opties" in capsys.readouterr().err
