"""`vrijwilligers-app rapport`: Dutch help and errors, nothing partial left behind."""

import re

import pytest

from tests.helpers.pdftext import pages
from tests.helpers.registers import TEST_PASSPHRASE, make_encrypted_register_dir
from vrijwilligers_app.cli import main


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch):
    """Every command that opens a register reads the passphrase from the environment."""
    monkeypatch.setenv("VRIJWILLIGERS_WACHTWOORD", TEST_PASSPHRASE)


@pytest.fixture
def data_dir(demo_klein_database, tmp_path):
    return make_encrypted_register_dir(demo_klein_database, tmp_path / "data")


def report(data_dir, *args):
    return main(["--data-dir", str(data_dir), "rapport", *args])


def test_help_is_dutch_and_lists_the_kinds(capsys):
    with pytest.raises(SystemExit):
        main(["rapport", "--help"])
    out = capsys.readouterr().out
    for word in ("gebruik:", "--periode", "2026-K3", "--initiatief", "sociale-kaart",
                 "doorverwijzingen", "vrijwilligers"):
        assert word in out
    assert "usage" not in out and "positional" not in out


def test_writes_the_pdf(data_dir, tmp_path, capsys):
    target = tmp_path / "uit" / "kaart.pdf"
    target.parent.mkdir()
    assert report(data_dir, "doorverwijzingen", "--periode", "2026-K3", "--datum",
                  "23-11-2026", "-o", str(target)) == 0
    assert "3e kwartaal 2026" in capsys.readouterr().out
    texts = pages(target.read_bytes())
    assert "Periode: 3e kwartaal 2026" in texts[0]
    assert "Afgedrukt op 23-11-2026" in texts[0]
    assert [p.name for p in target.parent.iterdir()] == ["kaart.pdf"]


@pytest.mark.parametrize(("args", "message"), [
    (["onbekend"], "Onbekend soort rapport 'onbekend'. Kies uit: sociale-kaart"),
    (["doorverwijzingen", "--periode", "2026-K5"], "Periode: '2026-K5' is geen periode"),
    (["doorverwijzingen", "--periode", "31-12-2026..01-01-2026"], "vóór de begindatum"),
    (["vrijwilligers"], "initiatief nodig"),
    (["doorverwijzingen", "--datum", "32-01-2026"], "bestaat niet"),
])
def test_bad_input_gets_a_dutch_message_and_no_file(data_dir, tmp_path, capsys, args,
                                                   message):
    target = tmp_path / "r.pdf"
    assert report(data_dir, *args, "-o", str(target)) == 2
    assert message in capsys.readouterr().err
    assert not target.exists()


def test_an_unknown_initiative_is_named(data_dir, tmp_path, capsys):
    target = tmp_path / "r.pdf"
    assert report(data_dir, "vrijwilligers", "--initiatief", "4242", "-o", str(target)) == 1
    assert "Initiatief nummer 4242 bestaat niet" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize("where", ["missing_folder", "under_a_file", "not_pdf"])
def test_unwritable_output_paths(data_dir, tmp_path, capsys, where):
    (tmp_path / "bestand.txt").write_text("x")
    target = {"missing_folder": tmp_path / "nergens" / "r.pdf",
              "under_a_file": tmp_path / "bestand.txt" / "r.pdf",
              "not_pdf": tmp_path / "rapport.docx"}[where]
    before = sorted(p.name for p in tmp_path.iterdir())
    assert report(data_dir, "sociale-kaart", "-o", str(target)) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: ") and ("bestaat niet" in err or ".pdf" in err)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_write_failure_leaves_nothing(data_dir, tmp_path, capsys, monkeypatch):
    import os

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    out = tmp_path / "uit"
    out.mkdir()
    assert report(data_dir, "sociale-kaart", "-o", str(out / "r.pdf")) == 1
    assert "u mag hier niet schrijven" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_through_python_dash_m(data_dir, tmp_path):
    import os
    import subprocess
    import sys

    target = tmp_path / "kaart.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "vrijwilligers_app", "--data-dir", str(data_dir), "rapport",
         "sociale-kaart", "-o", str(target)], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0, result.stderr
    assert "Sociale kaart" in pages(target.read_bytes())[0]


VOLUNTEER_LIST_PROBE = """
import sys
from vrijwilligers_app.store import cipher
connect, opened = cipher.connect, []
def counted(*args, **kwargs):
    opened.append(1)
    return connect(*args, **kwargs)
cipher.connect = counted
from vrijwilligers_app.cli import main
code = main(["--data-dir", sys.argv[1], "rapport", "vrijwilligers", "--initiatief", "1",
             "--periode", "2026", "-o", sys.argv[2]])
print(len(opened), sorted(m for m in sys.modules if m in sys.argv[3:]))
print(code, sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "sqlmodel")))
print("phonenumbers:", sorted(m for m in sys.modules if m.split(".")[0] == "phonenumbers"))
"""
# What a plain reportlab script does not import either and this command has no use for
# (issue 18, n18c): the other commands' options and handlers, the first key set-up, the log's
# rotation (socket, queue), a prompt, uuid, Alembic.
NOT_IMPORTED = ("vrijwilligers_app.cli_exchange", "vrijwilligers_app.cli_import",
                "vrijwilligers_app.services.passphrase", "logging.handlers", "socket",
                "queue", "getpass", "uuid", "alembic")


def test_the_volunteer_list_is_made_and_logged_without_sqlalchemy(data_dir, tmp_path):
    """The list reads and logs through plain DB-API (store.direct): the process that prints
    it never imports SQLAlchemy, nor what NOT_IMPORTED names, and keys two connections
    (issue 18: the whole process beside a plain reportlab script). Nor phonenumbers: the
    register's numbers are Dutch, shown by domain/dutch_phone."""
    import subprocess
    import sys

    from vrijwilligers_app.services import audit
    from vrijwilligers_app.store.keys import unlock
    from vrijwilligers_app.store.register import open_register

    target = tmp_path / "lijst.pdf"
    result = subprocess.run([sys.executable, "-c", VOLUNTEER_LIST_PROBE, str(data_dir),
                             str(target), *NOT_IMPORTED], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    connections, _, imported = result.stdout.strip().splitlines()[-3].partition(" ")
    assert imported == "[]"
    # One read-only look at the file (store.inspect), one connection for the rest.
    assert connections == "2"
    assert result.stdout.strip().splitlines()[-2:] == ["0 []", "phonenumbers: []"]
    first = pages(target.read_bytes())[0]
    assert "VERTROUWELIJK" in first and "vrijwilligers met een rol in deze periode" in first
    assert re.search(r"\b06 [1-58][0-9]{7}\b", first)  # phone numbers were shown
    with open_register(data_dir, key=unlock(data_dir, TEST_PASSPHRASE),
                       daily_backup=False) as register:
        logged = audit.entries(register.engine, kinds=["report_with_names"])
    assert [line.detail for line in logged] == ["vrijwilligers: opgeslagen (opdrachtregel)"]
