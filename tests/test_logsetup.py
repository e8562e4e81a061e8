"""The support log: start/stop/version/duration lines for CLI commands, tracebacks without
exception messages, and never personal data (demo names and phone numbers are scanned for)."""

import logging
from pathlib import Path

import pytest

from tests.helpers.registers import TEST_PASSPHRASE, make_register_dir
from vrijwilligers_app import __version__
from vrijwilligers_app.cli import main
from vrijwilligers_app.logsetup import log_path, safe_traceback, session, stop_file_log
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import cipher, keys


@pytest.fixture(autouse=True)
def _no_file_log_left():
    yield
    stop_file_log()


def personal_values(data_dir: Path) -> set[str]:
    """Names and phone numbers of residents and volunteers, as stored and as digits (the
    register plain, or encrypted by the commands with the test passphrase)."""
    values: set[str] = set()
    key = keys.unlock(data_dir, TEST_PASSPHRASE) if keys.has_key_file(data_dir) else None
    connection = cipher.connect(data_dir / DATABASE_NAME, key, read_only=True)
    try:
        for table in ("resident", "volunteer"):
            for first, last, phone in connection.execute(
                    f"SELECT first_name, last_name, phone FROM {table}"):  # noqa: S608
                values |= {first, last, phone, phone.lstrip("+").replace("31", "0", 1)}
    finally:
        connection.close()
    return {v for v in values if v and len(v) >= 4}


def test_commands_log_start_stop_and_durations_but_no_personal_data(
        template_database, tmp_path, capsys):
    data_dir = make_register_dir(template_database, tmp_path / "data")
    assert main(["demo", "--data-dir", str(data_dir), "--size", "60"]) == 0
    assert main(["check", "--data-dir", str(data_dir)]) == 0
    assert main(["backup", "--data-dir", str(data_dir)]) == 0
    # No gemeente key in this register: a deliberate unencrypted export to a local folder.
    assert main(["export", "--data-dir", str(data_dir), "--to", str(tmp_path / "out"),
                 "--toch-onversleuteld"]) == 0
    assert main(["rapport", "vrijwilligers", "--initiatief", "1", "--data-dir", str(data_dir),
                 "-o", str(tmp_path / "lijst.pdf")]) == 0
    capsys.readouterr()
    text = log_path(data_dir).read_text(encoding="utf-8")
    for command in ("demo", "check", "backup", "export", "rapport"):
        assert f"start {command} (versie {__version__}" in text
        assert f"stop {command}: klaar na " in text
    values = personal_values(data_dir)
    assert len(values) > 100  # the scan has something to find
    leaked = sorted(v for v in values if v in text)
    assert leaked == []


def test_a_refused_command_is_logged_without_its_message(tmp_path, capsys):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / DATABASE_NAME).write_bytes(b"Jansen 0612345678 geen register")
    assert main(["backup", "--data-dir", str(data_dir)]) == 1
    assert "Fout:" in capsys.readouterr().err
    text = log_path(data_dir).read_text(encoding="utf-8")
    assert "backup geweigerd: NotARegisterError" in text
    assert "Jansen" not in text


def test_an_unexpected_error_is_logged_with_its_frames_and_no_message(tmp_path):
    resident = "Jansen, Piet 0612345678"  # source lines are code; the value is data
    with pytest.raises(KeyError), session(tmp_path, "proef"):
        {"a": 1}[resident]
    text = log_path(tmp_path).read_text(encoding="utf-8")
    assert "onverwachte fout in proef" in text
    assert "test_logsetup.py" in text and "builtins.KeyError" in text
    assert "Jansen" not in text and "0612345678" not in text
    assert "stop proef: fout na" in text


def test_safe_traceback_keeps_os_errors_and_the_chain():
    name = "Fatima el Amrani"
    try:
        try:
            open("/geen/map/bestand.txt")  # noqa: SIM115
        except OSError as exc:
            raise ValueError(name) from exc
    except ValueError as exc:
        text = safe_traceback(exc)
    assert "FileNotFoundError: [errno 2]" in text and "/geen/map/bestand.txt" in text
    assert "builtins.ValueError (melding weggelaten" in text
    assert "Fatima" not in text


def test_an_unwritable_data_dir_only_loses_the_file_log(tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    with session(blocker, "proef"):
        logging.getLogger("vrijwilligers_app").info("gaat nergens heen")
    assert not (blocker / "logs").exists()


def test_a_deferred_file_log_writes_the_kept_lines_first_once_opened(tmp_path):
    """The window opens its file log after the first paint: what was logged before is kept
    and written first, in order, with the lines after it."""
    from vrijwilligers_app.logsetup import open_deferred_file_log

    logger = logging.getLogger("vrijwilligers_app.proef")
    with session(tmp_path, "venster", defer_file=True):
        logger.info("voor de eerste paint")
        assert not log_path(tmp_path).exists()  # nothing opened or written yet
        open_deferred_file_log()
        logger.info("na de eerste paint")
    lines = log_path(tmp_path).read_text(encoding="utf-8").splitlines()
    wanted = ["start venster (versie", "voor de eerste paint", "na de eerste paint",
              "stop venster: klaar na"]
    found = [next(i for i, line in enumerate(lines) if text in line) for text in wanted]
    assert found == sorted(found)


def test_a_deferred_file_log_never_opened_is_written_when_the_session_ends(tmp_path):
    with session(tmp_path, "venster", defer_file=True):
        logging.getLogger("vrijwilligers_app.proef").info("de ontgrendeling werd geannuleerd")
    text = log_path(tmp_path).read_text(encoding="utf-8")
    assert "start venster (versie" in text and "de ontgrendeling werd geannuleerd" in text
    assert "stop venster: klaar na" in text


def test_the_file_log_rotates_exactly_as_a_rotating_file_handler(tmp_path, monkeypatch):
    """FileLog hands over to logging.handlers.RotatingFileHandler only when a line would
    reach MAX_BYTES: the files written (names, contents, how many kept) are the same as that
    handler's own from the first line on."""
    from logging.handlers import RotatingFileHandler

    from vrijwilligers_app import logsetup

    monkeypatch.setattr(logsetup, "MAX_BYTES", 400)
    ours_dir, theirs_dir = tmp_path / "ours", tmp_path / "theirs"
    for folder in (ours_dir, theirs_dir):
        folder.mkdir()
        (folder / "l.log").write_text("een regel van een eerdere sessie\n" * 5, encoding="utf-8")
    ours = logsetup.FileLog(ours_dir / "l.log")
    theirs = RotatingFileHandler(theirs_dir / "l.log", maxBytes=400,
                                 backupCount=logsetup.BACKUP_COUNT, encoding="utf-8")
    for handler in (ours, theirs):
        handler.setFormatter(logging.Formatter("%(message)s"))
    for i in range(120):  # about 20 rollovers: more than BACKUP_COUNT files kept
        record = logging.LogRecord("proef", logging.INFO, __file__, 1,
                                   "regel %d: %s", (i, "é" * (i % 37)), None)
        ours.handle(record)
        theirs.handle(record)
        if i == 3:
            assert ours.rotating is None  # plain file writes until a rollover is due
    ours.close()
    theirs.close()
    assert ours.rotating is not None
    written = {p.name: p.read_bytes() for p in ours_dir.iterdir()}
    assert written == {p.name: p.read_bytes() for p in theirs_dir.iterdir()}
    assert len(written) == logsetup.BACKUP_COUNT + 1


def test_a_command_never_imports_logging_handlers_when_no_rollover_is_due(tmp_path):
    import subprocess
    import sys

    probe = ("import sys, logging; from pathlib import Path; "
             "from vrijwilligers_app.logsetup import session; "
             f"s = session(Path({str(tmp_path)!r}), 'proef'); s.__enter__(); "
             "logging.getLogger('vrijwilligers_app').info('een regel'); "
             "s.__exit__(None, None, None); print('logging.handlers' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "False"
    assert "een regel" in log_path(tmp_path).read_text(encoding="utf-8")


def test_a_rollover_that_fails_never_raises_from_a_log_call(tmp_path, monkeypatch, capsys):
    import logging.handlers

    from vrijwilligers_app import logsetup

    def refuse(*args, **kwargs):
        raise PermissionError(13, "in gebruik")

    monkeypatch.setattr(logsetup, "MAX_BYTES", 10)
    monkeypatch.setattr(logging.handlers, "RotatingFileHandler", refuse)
    handler = logsetup.FileLog(tmp_path / "l.log")
    record = logging.LogRecord("proef", logging.INFO, __file__, 1, "een lange regel", (), None)
    handler.handle(record)  # handleError reports it on stderr, as logging's own handlers do
    handler.close()
    assert "PermissionError" in capsys.readouterr().err


def test_the_start_line_names_windows_without_starting_a_process(monkeypatch):
    """platform.uname() on Windows runs `cmd /c ver` (Python 3.11) at every command's start:
    the version comes from sys.getwindowsversion() instead."""
    import platform
    import subprocess
    import sys
    from types import SimpleNamespace

    from vrijwilligers_app.logsetup import environment

    def no_process(*args, **kwargs):
        raise AssertionError("a process was started to name the system")

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "getwindowsversion",
                        lambda: SimpleNamespace(platform_version=(10, 0, 19045)), raising=False)
    monkeypatch.setattr(subprocess, "check_output", no_process)
    monkeypatch.setattr(platform, "uname", no_process)
    text = environment()
    assert text.startswith(f"versie {__version__}, Python {platform.python_version()}, ")
    assert "Windows 10.0.19045" in text


def test_the_start_line_names_other_systems_as_platform_does():
    import platform

    from vrijwilligers_app.logsetup import environment

    assert f", {platform.system()} {platform.release()}, " in environment()


def test_a_file_log_near_its_rollover_imports_logging_handlers_before_taking_its_lock(
        tmp_path):
    """The rollover's module is imported before the handler's lock is taken, never under it:
    a first-time import waits for ui/warmup.IMPORTS, which a thread importing a module that
    logs may hold while it waits for this handler's lock."""
    import subprocess
    import sys

    from vrijwilligers_app import logsetup

    path = tmp_path / "l.log"
    path.write_bytes(b"x\n" * ((logsetup.MAX_BYTES - 1_000) // 2))
    probe = ("import sys, logging; from vrijwilligers_app.logsetup import FileLog; "
             f"h = FileLog({str(path)!r}); seen = []; acquire = h.acquire; "
             "h.acquire = lambda: (seen.append('logging.handlers' in sys.modules), acquire()); "
             "h.handle(logging.LogRecord('p', logging.INFO, 'f', 1, 'regel', (), None)); "
             "print(seen[0]); h.close()")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "True"  # at the first acquire: handle()'s
