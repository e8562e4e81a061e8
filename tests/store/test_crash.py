"""Killing the process in the middle of a groot demo fill never harms the register.

The demo is one transaction: after a hard kill the register is either still empty or
complete, it passes `check`, and it opens again.

The child tells the test when to kill it: from inside the demo's own progress callback it
prints how far it is, but only once its rows sit uncommitted in the WAL. The test blocks on
that pipe line; nothing here sleeps or watches files from outside, so a busy machine only
makes the test slower, never wrong.
"""

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

import pytest

from tests.helpers.registers import TEST_PASSPHRASE
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import keys
from vrijwilligers_app.store.register import open_register

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
HOT_WAL_BYTES = 4_000_000
SIGNAL_DEADLINE = 900.0  # seconds; only reached if the child hangs without writing or exiting

@pytest.fixture(autouse=True)
def _passphrase(monkeypatch):
    """The child and the CLI read the passphrase from the environment (encrypted register)."""
    monkeypatch.setenv("VRIJWILLIGERS_WACHTWOORD", TEST_PASSPHRASE)


# The CLI's `demo --size groot`, plus the signal: a line "fraction done" on stdout, written
# by the progress callback once the WAL holds more than HOT_WAL_BYTES of uncommitted rows.
_CHILD = f"""
import sys
from datetime import date
from pathlib import Path
from typing import IO
from vrijwilligers_app.cli_key import obtain_key
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.demo import demo_size, fill_demo
from vrijwilligers_app.store.register import open_register

data_dir = Path(sys.argv[1])
wal = data_dir / (DATABASE_NAME + "-wal")

def progress(done, total, label):
    if wal.exists() and wal.stat().st_size > {HOT_WAL_BYTES}:
        print(done / total, flush=True)

with open_register(data_dir, key=obtain_key(data_dir), daily_backup=False) as register:
    fill_demo(register.engine, demo_size("groot"), seed=1, reference_date=date(2026, 11, 23),
              progress=progress)
print("finished", flush=True)
"""


def _env() -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": path}


def _lines(stream: IO[str]) -> tuple["queue.Queue[str | None]", threading.Thread]:
    """The child's stdout lines, read on a thread (a pipe cannot be waited on portably).
    The thread ends at end of file, i.e. once the child is gone."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line.strip())
        lines.put(None)  # end of file: the child exited

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    return lines, thread


def _wait_until_written(lines: "queue.Queue[str | None]", fraction: float) -> None:
    """Block until the child says it is at least `fraction` done with a hot WAL. Other lines
    (the herstelsleutel notice of a new encrypted register) are not signals."""
    while True:
        line = lines.get(timeout=SIGNAL_DEADLINE)
        if line is None:
            pytest.fail("the demo exited before it signalled that it was writing")
        if line == "finished":
            pytest.fail("the demo finished before it could be killed")
        if line.replace(".", "", 1).isdigit() and float(line) >= fraction:
            return


def _check(data_dir: Path) -> dict:
    process = subprocess.run([sys.executable, "-m", "vrijwilligers_app", "check", "--json",
                              "--data-dir", str(data_dir)], capture_output=True, text=True,
                             env=_env(), timeout=600)
    assert process.stdout.startswith("{"), process.stderr
    report = json.loads(process.stdout)
    assert process.returncode == 0, (report["problems"], process.stderr)
    return report


def _run_and_kill(script: str, data_dir: Path, fraction: float, errors_path: Path) -> None:
    """Start the child, wait for its signal at `fraction`, kill it hard."""
    with open(errors_path, "w") as errors:  # read it when the child fails
        process = subprocess.Popen([sys.executable, "-c", script, str(data_dir)],
                                   stdout=subprocess.PIPE, stderr=errors, text=True, env=_env())
        assert process.stdout is not None
        lines, pump = _lines(process.stdout)
        try:
            _wait_until_written(lines, fraction)
        finally:
            process.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
            process.wait(timeout=60)
            pump.join(timeout=60)  # the pipe is at its end now that the child is gone
            process.stdout.close()
    assert process.returncode != 0


@pytest.mark.parametrize("fraction", [0.0, 0.5], ids=["early", "halfway"])
def test_sigkill_during_demo_groot_leaves_a_healthy_all_or_nothing_register(tmp_path,
                                                                            fraction):
    data_dir = tmp_path / "data"
    _run_and_kill(_CHILD, data_dir, fraction, tmp_path / "child-stderr.txt")
    assert (data_dir / (DATABASE_NAME + "-wal")).stat().st_size > HOT_WAL_BYTES  # a hot WAL
    report = _check(data_dir)
    residents = report["row_counts"]["resident"]
    assert residents in (0, 100_000), f"half a transaction survived: {residents} residents"
    assert report["row_counts"]["district"] == 12  # committed before the demo began
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register, \
            register.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


# The CLI's way (`demo --size N`): the rows go into a side file renamed over the register
# when complete. Signal once the side file holds more than HOT_WAL_BYTES.
_SIDE_CHILD = _CHILD.replace("fill_demo(register.engine,", "fill_demo_beside(register,").replace(
    "import demo_size, fill_demo", "import demo_size, fill_demo_beside").replace(
    'wal = data_dir / (DATABASE_NAME + "-wal")', 'wal = data_dir / (DATABASE_NAME + ".vullen")')


def test_sigkill_while_the_side_file_is_written_leaves_the_register_and_no_side_file(
        tmp_path):
    assert "fill_demo_beside(register," in _SIDE_CHILD and ".vullen" in _SIDE_CHILD
    data_dir = tmp_path / "data"
    _run_and_kill(_SIDE_CHILD, data_dir, 0.5, tmp_path / "child-stderr.txt")
    side = data_dir / (DATABASE_NAME + ".vullen")
    assert side.stat().st_size > HOT_WAL_BYTES  # killed while the side file was written
    report = _check(data_dir)
    assert report["row_counts"]["resident"] == 0  # the register is as it was
    assert report["row_counts"]["district"] == 12
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register, \
            register.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert not [p.name for p in data_dir.iterdir() if ".vullen" in p.name]
