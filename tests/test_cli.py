"""The command line: Dutch help, exit codes, and each command on good and bad input."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.registers import TEST_PASSPHRASE, make_register_dir
from vrijwilligers_app import __version__
from vrijwilligers_app.cli import main
from vrijwilligers_app.paths import DATABASE_NAME


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch):
    """Every command that opens a register reads the passphrase from the environment."""
    monkeypatch.setenv("VRIJWILLIGERS_WACHTWOORD", TEST_PASSPHRASE)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "vrijwilligers_app", *args],
                          capture_output=True, text=True, env=env, timeout=120)


def test_version_through_python_dash_m():
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_help_is_dutch(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for dutch in ("gebruik:", "opdrachten", "opties", "demo", "check", "backup", "restore",
                  "--data-dir"):
        assert dutch in out
    for english in ("usage:", "positional arguments", "show this help"):
        assert english not in out


def test_help_builds_without_importing_the_reports_or_the_database_layer():
    # Building the parser (every start of the app) used to import every report, reportlab
    # and SQLAlchemy just to list the report kinds: 1.3 s before anything happened.
    probe = ("import sys; from vrijwilligers_app.cli import build_parser; build_parser(); "
             "heavy = [m for m in sys.modules if m.split('.')[0] in "
             "('reportlab', 'sqlalchemy', 'sqlmodel', 'PySide6')]; print(heavy)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip() == "[]"


def test_report_help_still_lists_every_kind(capsys):
    from vrijwilligers_app.services.reports import REPORTS

    with pytest.raises(SystemExit):
        main(["rapport", "--help"])
    out = capsys.readouterr().out
    for key in REPORTS:
        assert key in out


def test_bad_option_value_gets_a_dutch_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--seed", "twaalf"])
    assert exit_info.value.code == 2
    assert "geen geheel getal" in capsys.readouterr().err


def test_check_on_a_healthy_register(template_database, tmp_path, capsys):
    data_dir = make_register_dir(template_database, tmp_path)
    assert main(["check", "--data-dir", str(data_dir), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["healthy"] is True
    assert report["integrity"] == "ok"
    assert report["schema_revision"] == report["schema_head"]
    assert report["row_counts"]["district"] == 12


def test_check_reports_broken_references_and_fails(template_database, tmp_path, capsys):
    data_dir = make_register_dir(template_database, tmp_path)
    import sqlite3

    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    connection.execute("INSERT INTO neighbourhood (code, name, district_code) "
                       "VALUES ('BU9', 'Nergens', 'WK999999')")  # foreign keys are off here
    connection.commit()
    connection.close()
    assert main(["check", "--data-dir", str(data_dir)]) == 1
    out = capsys.readouterr().out
    assert "NIET gezond" in out and "verwijzing" in out


def test_check_without_a_register_fails_clearly(tmp_path, capsys):
    assert main(["check", "--data-dir", str(tmp_path)]) == 1
    assert "databasebestand ontbreekt" in capsys.readouterr().out


def test_data_dir_from_environment(template_database, tmp_path, monkeypatch, capsys):
    data_dir = make_register_dir(template_database, tmp_path / "omgeving")
    monkeypatch.setenv("VRIJWILLIGERS_DATA_DIR", str(data_dir))
    assert main(["check", "--json"]) == 0
    assert str(data_dir) in json.loads(capsys.readouterr().out)["database"]


def test_backup_and_restore_commands(template_database, tmp_path, capsys):
    data_dir = make_register_dir(template_database, tmp_path / "data")
    target = tmp_path / "usb" / "kopie.sqlite"
    assert main(["backup", "--data-dir", str(data_dir), "--to", str(target)]) == 0
    assert target.exists()
    assert main(["restore", str(target), "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "Back-up teruggezet" in out and "voor-herstel-" in out


def test_bad_data_dir_is_a_clear_error_exit_1(tmp_path, capsys):
    a_file = tmp_path / "bestand.txt"
    a_file.write_text("geen map")
    assert main(["backup", "--data-dir", str(a_file)]) == 1
    assert "is een bestand" in capsys.readouterr().err
    assert main(["backup", "--data-dir", str(tmp_path / "OneDrive" / "register")]) == 1
    assert "synchronisatiemap" in capsys.readouterr().err


def test_restore_of_a_non_register_is_refused(template_database, tmp_path, capsys):
    data_dir = make_register_dir(template_database, tmp_path / "data")
    junk = tmp_path / "adressen.xlsx"
    junk.write_bytes(b"PK\x03\x04rommel")
    assert main(["restore", str(junk), "--data-dir", str(data_dir)]) == 1
    assert "geen databasebestand" in capsys.readouterr().err


def test_demo_fills_once_then_refuses_and_bad_sizes_are_explained(tmp_path, capsys):
    data_dir = tmp_path / "data"
    args = ["demo", "--data-dir", str(data_dir), "--seed", "7", "--peildatum", "23-11-2026"]
    assert main(args) == 0
    assert "400 inwoners" in capsys.readouterr().out
    assert main(args) == 1
    assert "bevat al gegevens" in capsys.readouterr().err
    assert main(["check", "--data-dir", str(data_dir)]) == 0
    assert main(["demo", "--data-dir", str(tmp_path / "b"), "--size", "reusachtig"]) == 2
    assert "reusachtig" in capsys.readouterr().err
    assert main(["demo", "--data-dir", str(tmp_path / "c"), "--peildatum", "31-02-2026"]) == 2
    assert "Peildatum" in capsys.readouterr().err


def test_installed_console_script_runs():
    script = Path(sys.executable).parent / ("vrijwilligers-app.exe" if os.name == "nt"
                                            else "vrijwilligers-app")
    if not script.exists():
        pytest.skip("package not installed in this environment (pip install -e .)")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and __version__ in result.stdout


@pytest.mark.gui
def test_gui_starts_with_demo_data_and_shows_the_window(tmp_path):
    data_dir = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "vrijwilligers_app", "--data-dir", str(data_dir), "--demo",
         "--smoke-test"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "venster getoond" in result.stdout
    report = json.loads(run("check", "--json", "--data-dir", str(data_dir)).stdout)
    assert report["row_counts"]["resident"] == 400
    assert list((data_dir / "backups").glob("automatisch-*.sqlite"))


def test_check_explains_a_data_dir_that_is_a_file_and_hides_internal_tables(
        template_database, tmp_path, capsys):
    a_file = tmp_path / "register.txt"
    a_file.write_text("x")
    assert main(["check", "--data-dir", str(a_file)]) == 1
    assert "is een bestand, geen map" in capsys.readouterr().out
    data_dir = make_register_dir(template_database, tmp_path / "data")
    assert main(["check", "--data-dir", str(data_dir), "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["row_counts"]
    assert "resident" in counts and not [t for t in counts if t.startswith("search_index")]


def test_restoring_a_non_backup_gives_advice_fit_for_restoring(template_database, tmp_path,
                                                               capsys):
    data_dir = make_register_dir(template_database, tmp_path / "data")
    text_file = tmp_path / "notities.txt"
    text_file.write_text("geen back-up")
    assert main(["restore", str(text_file), "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "back-up die met deze app is gemaakt" in err and "restore PAD" not in err


def test_a_missing_installation_file_is_not_reported_as_a_disk_error(tmp_path, monkeypatch):
    # The frozen entry point turns MissingResourceError into "niet volledig geïnstalleerd";
    # the command's own handler for disk and database errors must let it through.
    from vrijwilligers_app import paths

    monkeypatch.setattr(paths, "_resource_roots", lambda: [tmp_path / "leeg"])
    with pytest.raises(paths.MissingResourceError):
        main(["demo", "--data-dir", str(tmp_path / "data")])


@pytest.mark.parametrize("argv", [
    [], ["--demo"], ["--smoke-test"], ["--data-dir", "map"], ["--data-dir=map", "--demo"],
    ["--demo", "--smoke-test", "--data-dir", "een map"], ["--data-dir", ""],
])
def test_a_window_start_is_read_as_the_whole_parser_reads_it(argv):
    from vrijwilligers_app.cli import build_parser, window_arguments

    assert vars(window_arguments(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [
    ["demo"], ["--help"], ["-h"], ["--version"], ["--data"], ["--data-dir"],
    ["--data-dir", "-x"], ["--demo", "--demo"], ["--data-dir", "a", "--data-dir", "b"],
    ["--data-dir="], ["check", "--data-dir", "map"], ["--onbekend"],
])
def test_anything_else_is_left_to_the_whole_parser(argv):
    from vrijwilligers_app.cli import window_arguments

    assert window_arguments(argv) is None


FREEZE_PROBE = """
import gc
from vrijwilligers_app import cli
code = cli.{call}
print(code, gc.get_freeze_count() > 0)
"""


@pytest.mark.parametrize(("call", "frozen"), [
    ("run()", True),  # the entry point: a finished command's objects are left to the OS
    ("main()", False),  # main as tests call it in-process: nothing is frozen
])
def test_only_the_entry_point_leaves_a_commands_objects_to_the_os(tmp_path, call, frozen):
    result = subprocess.run(
        [sys.executable, "-c", FREEZE_PROBE.format(call=call), "--data-dir", str(tmp_path),
         "check"],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[1])
    # `check` of an empty folder: refused with exit code 1, and still a finished command
    assert result.stdout.strip().splitlines()[-1] == f"1 {frozen}", result.stderr


def test_a_command_run_through_the_entry_point_finishes_its_files(demo_klein_database,
                                                                  tmp_path):
    """`python -m vrijwilligers_app` freezes the objects at the end (cli.run): the PDF, the
    log's last line and the register's clean record are all written before that."""
    data_dir = make_register_dir(demo_klein_database, tmp_path / "data")
    pdf = tmp_path / "lijst.pdf"
    result = run("--data-dir", str(data_dir), "rapport", "sociale-kaart", "-o", str(pdf))
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().rstrip().endswith(b"%%EOF")
    log = (data_dir / "logs" / "vrijwilligers-app.log").read_text(encoding="utf-8")
    assert "stop rapport: klaar" in log.rstrip().splitlines()[-1]
    assert (data_dir / "register.gesloten").is_file()
