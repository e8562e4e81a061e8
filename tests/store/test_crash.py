"""Killing the process in the middle of `demo --size groot` never harms the register.

The demo is one transaction: after a hard kill the register is either still empty or
complete, it passes `check`, and it opens again.
"""

import json
import os
import subprocess
import sys
import time

import pytest

from tests.helpers.registers import TEST_PASSPHRASE
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import keys
from vrijwilligers_app.store.register import open_register

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch):
    """The CLI reads the passphrase from the environment (the register is encrypted)."""
    monkeypatch.setenv("VRIJWILLIGERS_WACHTWOORD", TEST_PASSPHRASE)


def _cli(*args: str, **kwargs) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen([sys.executable, "-m", "vrijwilligers_app", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            **kwargs)


def _check(data_dir) -> dict:
    process = _cli("check", "--json", "--data-dir", str(data_dir))
    out, err = process.communicate(timeout=300)
    report = json.loads(out)
    assert process.returncode == 0, (report["problems"], err)
    return report


def _wait_for_wal(data_dir, limit=60.0) -> None:
    """Wait until the demo is writing (its WAL exists and grows), so the kill hits mid-write."""
    wal = data_dir / (DATABASE_NAME + "-wal")
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 4_000_000:
            return
        time.sleep(0.02)
    pytest.fail("the demo never started writing")


@pytest.mark.parametrize("extra_delay", [0.0, 1.5])
def test_sigkill_during_demo_groot_leaves_a_healthy_all_or_nothing_register(tmp_path,
                                                                            extra_delay):
    data_dir = tmp_path / "data"
    process = _cli("demo", "--size", "groot", "--data-dir", str(data_dir))
    try:
        _wait_for_wal(data_dir)
        time.sleep(extra_delay)
    finally:
        process.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        process.communicate(timeout=60)
    assert process.returncode != 0, "the demo finished before it could be killed"
    assert (data_dir / (DATABASE_NAME + "-wal")).stat().st_size > 4_000_000  # a hot WAL left
    report = _check(data_dir)
    residents = report["row_counts"]["resident"]
    assert residents in (0, 100_000), f"half a transaction survived: {residents} residents"
    assert report["row_counts"]["district"] == 12  # committed before the demo began
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register, \
            register.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
