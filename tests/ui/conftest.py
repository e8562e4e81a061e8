import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.registers import (
    TEST_PASSPHRASE,
    make_encrypted_register_dir,
    make_register_dir,
)
from tests.helpers.ui import make_window  # noqa: F401  (older tests import it from here)
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.demo import demo_size, fill_demo
from vrijwilligers_app.services.exchange.keys import create_gemeente_keys
from vrijwilligers_app.store import keys
from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.ui.dialogs.confirm import Confirm, Unsaved


@pytest.fixture
def gemeente(template_database, tmp_path):
    """The gemeente's own register: a register with the gemeente's keys."""
    data_dir = make_register_dir(template_database, tmp_path / "gemeente")
    create_gemeente_keys(data_dir, "Gemeente Helmond")
    with open_register(data_dir, daily_backup=False) as register:
        yield register


@pytest.fixture(scope="session")
def demo_template(template_database, tmp_path_factory):
    """A register with demo 'klein' data, made once per run."""
    folder = make_register_dir(template_database, tmp_path_factory.mktemp("demo"))
    with open_register(folder, daily_backup=False) as register:
        fill_demo(register.engine, demo_size("klein"), seed=3, reference_date=date(2026, 11, 23))
    return folder / "register.sqlite"


@pytest.fixture(scope="session")
def encrypted_templates(template_database, demo_template, tmp_path_factory):
    """The two registers below as users have them: SQLCipher files with a key file (made
    with TEST_PASSPHRASE once per run: Argon2id is slow by design), and their data key."""
    empty = make_encrypted_register_dir(template_database, tmp_path_factory.mktemp("enc"))
    key = keys.unlock(empty, TEST_PASSPHRASE)
    demo = tmp_path_factory.mktemp("enc-demo")
    shutil.copyfile(demo_template, demo / DATABASE_NAME)
    for name in os.listdir(empty):  # the same key file, so the same data key
        if name.startswith("register.sleutel"):
            shutil.copyfile(empty / name, demo / name)
    with open_register(demo, key=key, daily_backup=False):
        pass  # encrypted on this first open
    return {"empty": empty, "demo": demo}, key


def _encrypted_copy(template: Path, folder: Path, key: bytes):
    shutil.copytree(template, folder, ignore=shutil.ignore_patterns("backups", "logs"))
    return open_register(folder, key=key, daily_backup=False)


@pytest.fixture
def register(encrypted_templates, tmp_path):
    """An empty register, encrypted as every user's is (the key bugs of the import
    showed that plain test registers hide what only a key can break)."""
    templates, key = encrypted_templates
    with _encrypted_copy(templates["empty"], tmp_path / "data", key) as register:
        yield register


@pytest.fixture
def demo_register(encrypted_templates, tmp_path):
    templates, key = encrypted_templates
    with _encrypted_copy(templates["demo"], tmp_path / "demo", key) as register:
        yield register


class Answers:
    """What the confirmation dialogs answer in a test, and what they were asked."""

    def __init__(self) -> None:
        self.ask = True
        self.unsaved = Unsaved.DISCARD
        self.duplicate = "save"
        self.asked: list[str] = []


@pytest.fixture
def answers(monkeypatch):
    answers = Answers()

    def ask(cls, parent, title, text, yes="Ja", no="Annuleren"):
        answers.asked.append(title)
        return answers.ask

    def unsaved(cls, parent, what):
        answers.asked.append("unsaved")
        return answers.unsaved

    def duplicate(cls, parent, hits_text):
        answers.asked.append("duplicate: " + hits_text)
        return answers.duplicate

    def inform(cls, parent, title, text):
        answers.asked.append(f"{title}: {text}")

    monkeypatch.setattr(Confirm, "ask", classmethod(ask))
    monkeypatch.setattr(Confirm, "inform", classmethod(inform))
    monkeypatch.setattr(Confirm, "unsaved", classmethod(unsaved))
    monkeypatch.setattr(Confirm, "duplicate", classmethod(duplicate))
    return answers
