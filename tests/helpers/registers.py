"""Helpers for tests that need registers on disk in particular states."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import migrate

TEST_PASSPHRASE = "proef wachtwoord voor tests"


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_register_dir(template: Path, folder: Path) -> Path:
    """A data dir holding a copy of the template register."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, folder / DATABASE_NAME)
    return folder


def make_encrypted_register_dir(template: Path, folder: Path) -> Path:
    """A data dir as the app leaves it: keys set up with TEST_PASSPHRASE, register encrypted."""
    from vrijwilligers_app.store.keys import create_keys
    from vrijwilligers_app.store.register import open_register

    make_register_dir(template, folder)
    data_key, _recovery = create_keys(folder, TEST_PASSPHRASE)
    with open_register(folder, key=data_key, daily_backup=False):
        pass
    return folder


def add_revision(monkeypatch, tmp_path: Path, body: str, rev: str = "9002") -> str:
    """Point the app at a copy of its migrations plus one extra revision `rev` on top."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts)
    head = migrate.head_revision()
    (scripts / "versions" / f"{rev}_test.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n\n"
        f"revision = {rev!r}\ndown_revision = {head!r}\nbranch_labels = None\n"
        "depends_on = None\n\n\ndef upgrade():\n"
        + "".join(f"    {line}\n" for line in body.strip().splitlines())
        + "\n\ndef downgrade():\n    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    return rev


def set_revision(db_path: Path, revision: str) -> None:
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()
