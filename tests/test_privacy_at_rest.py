"""Nothing personal readable on disk: the demo written through the real app path (CLI demo,
a manual backup, a GUI start with its log, window state and daily backup), closed, then every
byte of every file in the data dir is searched for the residents' and volunteers' names and
phone numbers. And every file and folder is private to the user."""

import os
import stat
import subprocess
import sys

import pytest

from tests.helpers.registers import TEST_PASSPHRASE
from vrijwilligers_app.cli import main
from vrijwilligers_app.domain.validation import format_phone
from vrijwilligers_app.services.passphrase import PASSPHRASE_ENV
from vrijwilligers_app.store import keys
from vrijwilligers_app.store.register import open_register


def _people(data_dir):
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register, \
            register.engine.connect() as c:
        rows = c.exec_driver_sql(
            "SELECT first_name, name_prefix, last_name, phone FROM resident UNION ALL "
            "SELECT first_name, name_prefix, last_name, phone FROM volunteer").fetchall()
    assert len(rows) > 400
    return rows


def _needles(rows) -> set[bytes]:
    needles: set[bytes] = set()
    for first, prefix, last, phone in rows:
        full = " ".join(part for part in (first, prefix, last) if part)
        for text in (full, f"{last}, {first}"):
            needles.add(text.encode("utf-8"))
            needles.add(text.encode("utf-16-le"))
        if phone:
            needles.add(phone.encode("ascii"))
            needles.add(format_phone(phone).encode("utf-8"))
    return needles


@pytest.mark.gui
def test_no_name_or_phone_number_in_any_file_after_closing(tmp_path, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_ENV, TEST_PASSPHRASE)
    data_dir = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data_dir)]) == 0
    assert main(["backup", "--data-dir", str(data_dir)]) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    gui = subprocess.run([sys.executable, "-m", "vrijwilligers_app", "--data-dir", str(data_dir),
                          "--smoke-test"], capture_output=True, text=True, env=env, timeout=180)
    assert gui.returncode == 0, gui.stderr
    needles = _needles(_people(data_dir))
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {"register.sqlite", "register.sleutel"} <= names
    assert any(p.parent.name == "backups" and p.name.startswith("automatisch-") for p in files)
    assert any(p.parent.name == "backups" and p.name.startswith("handmatig-") for p in files)
    assert any(p.parent.name == "logs" for p in files)
    found = [(p.name, n[:12]) for p in files for n in needles if n in p.read_bytes()]
    assert found == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; Windows: per-user folder")
def test_every_file_and_folder_the_app_makes_is_private(tmp_path, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_ENV, TEST_PASSPHRASE)
    old = os.umask(0o022)  # a typical umask: the app must not rely on it
    try:
        data_dir = tmp_path / "data"
        assert main(["demo", "--data-dir", str(data_dir)]) == 0
        assert main(["backup", "--data-dir", str(data_dir)]) == 0
    finally:
        os.umask(old)
    for path in [data_dir, *data_dir.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.relative_to(tmp_path)}: {oct(mode)}"


def test_an_older_data_dir_made_readable_for_others_is_repaired_at_open(tmp_path):
    if sys.platform == "win32":
        pytest.skip("POSIX modes")
    data_dir = tmp_path / "data"
    with open_register(data_dir, key=b"\x05" * 32, daily_backup=False):
        pass
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / "register.sqlite", 0o644)
    with open_register(data_dir, key=b"\x05" * 32, daily_backup=False):
        pass
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "register.sqlite").stat().st_mode) == 0o600
