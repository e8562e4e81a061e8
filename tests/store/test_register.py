"""Opening a register: creation, pragmas, the lock and every bad start refused untouched."""

import sqlite3
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from tests.helpers.registers import add_revision, file_digest, make_register_dir, set_revision
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.store import migrate
from vrijwilligers_app.store.backup import backups_dir
from vrijwilligers_app.store.errors import (
    CorruptRegisterError,
    DataDirError,
    MigrationError,
    NewerSchemaError,
    NotARegisterError,
    RegisterInUseError,
)
from vrijwilligers_app.store.register import open_register

TODAY = date(2026, 11, 23)


def test_new_register_is_created_migrated_and_seeded(tmp_path):
    data_dir = tmp_path / "nieuw" / "map"
    with open_register(data_dir, today=TODAY) as register:
        assert migrate.current_revision(register.engine) == migrate.head_revision()
        with register.engine.connect() as c:
            assert c.exec_driver_sql("SELECT count(*) FROM district").scalar() == 12
            assert c.exec_driver_sql("SELECT count(*) FROM neighbourhood").scalar() == 44
            assert c.exec_driver_sql("SELECT count(*) FROM life_domain").scalar() == 9
            groups = c.exec_driver_sql('SELECT DISTINCT "group" FROM life_domain').scalars()
            assert set(groups) == {"meedoen", "rondkomen", "vooruitkomen"}
            assert c.exec_driver_sql("SELECT count(*) FROM destination").scalar() >= 10


def test_every_connection_gets_the_safety_pragmas(tmp_path):
    with open_register(tmp_path, today=TODAY) as register, register.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_reopening_keeps_data_and_user_edits_to_code_lists(tmp_path):
    with open_register(tmp_path, today=TODAY) as register, register.engine.begin() as c:
        c.exec_driver_sql("UPDATE district SET name = 'Centrum (eigen naam)' "
                          "WHERE code = 'WK079410'")
    with open_register(tmp_path, today=TODAY) as register, register.engine.connect() as c:
        name = c.exec_driver_sql("SELECT name FROM district WHERE code='WK079410'").scalar()
        assert name == "Centrum (eigen naam)"
        assert c.exec_driver_sql("SELECT count(*) FROM district").scalar() == 12


def test_second_instance_on_same_data_dir_is_refused(tmp_path):
    with open_register(tmp_path, today=TODAY), pytest.raises(RegisterInUseError,
                                                              match="al geopend"):
        open_register(tmp_path, today=TODAY)
    open_register(tmp_path, today=TODAY).close()  # free again once closed


def test_data_dir_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "eenbestand"
    target.write_text("x")
    with pytest.raises(DataDirError, match="is een bestand"):
        open_register(target)
    assert target.read_text() == "x"


def test_data_dir_that_cannot_be_created_is_refused(tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    with pytest.raises(DataDirError, match="Kan niet schrijven"):
        open_register(blocker / "register")


@pytest.mark.parametrize("folder", ["OneDrive - Gemeente Helmond", "Nextcloud", "Dropbox"])
def test_data_dir_in_a_sync_folder_is_refused(tmp_path, folder):
    with pytest.raises(DataDirError, match="synchronisatie"):
        open_register(tmp_path / folder / "register")
    assert not (tmp_path / folder).exists()


@pytest.mark.parametrize("content", [b"PK\x03\x04 dit is een zip", b"Naam;Wijk\n"])
def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path, content):
    db = tmp_path / DATABASE_NAME
    db.write_bytes(content)
    with pytest.raises(NotARegisterError, match="restore"):
        open_register(tmp_path)
    assert db.read_bytes() == content


def test_an_empty_database_file_becomes_a_new_register(tmp_path):
    (tmp_path / DATABASE_NAME).write_bytes(b"")
    with open_register(tmp_path, today=TODAY) as register:
        assert migrate.current_revision(register.engine) == migrate.head_revision()


def test_a_corrupt_register_is_refused_and_untouched(template_database, tmp_path):
    make_register_dir(template_database, tmp_path)
    db = tmp_path / DATABASE_NAME
    data = bytearray(db.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # wipe the second page (a table's b-tree)
    db.write_bytes(bytes(data))
    before = file_digest(db)
    with pytest.raises(CorruptRegisterError, match="beschadigd"):
        open_register(tmp_path)
    assert file_digest(db) == before


def test_a_foreign_sqlite_database_is_refused(tmp_path):
    db = tmp_path / DATABASE_NAME
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE klanten (naam TEXT)")
    connection.commit()
    connection.close()
    before = file_digest(db)
    with pytest.raises(NotARegisterError, match="geen register"):
        open_register(tmp_path)
    assert file_digest(db) == before


def test_a_register_from_a_newer_app_is_refused_not_downgraded(template_database, tmp_path):
    make_register_dir(template_database, tmp_path)
    db = tmp_path / DATABASE_NAME
    set_revision(db, "ffffnieuwer")
    before = file_digest(db)
    with pytest.raises(NewerSchemaError, match="nieuwere versie"):
        open_register(tmp_path)
    assert file_digest(db) == before


def test_an_older_register_is_backed_up_then_migrated(template_database, tmp_path, monkeypatch):
    data_dir = make_register_dir(template_database, tmp_path / "data")
    shipped = migrate.head_revision()
    with open_register(data_dir, today=TODAY) as register, register.engine.begin() as c:
        c.exec_driver_sql("INSERT INTO setting (key, value) VALUES ('organisatie', 'LEV')")
    add_revision(monkeypatch, tmp_path, "op.add_column('setting', sa.Column('note', sa.Text()))")
    with open_register(data_dir, today=TODAY) as register, register.engine.connect() as c:
        assert migrate.current_revision(register.engine) == "9002"
        row = c.exec_driver_sql("SELECT value, note FROM setting WHERE key='organisatie'").one()
        assert tuple(row) == ("LEV", None)
    pre = list(backups_dir(data_dir).glob(f"voor-update-{shipped}-*.sqlite"))
    assert len(pre) == 1
    kept = sqlite3.connect(pre[0])
    assert kept.execute("SELECT version_num FROM alembic_version").fetchone()[0] == shipped
    kept.close()


def test_a_failed_migration_leaves_the_register_untouched(template_database, tmp_path,
                                                          monkeypatch):
    data_dir = make_register_dir(template_database, tmp_path / "data")
    db = data_dir / DATABASE_NAME
    before = file_digest(db)
    shipped = migrate.head_revision()
    add_revision(monkeypatch, tmp_path, """
op.add_column('setting', sa.Column('note', sa.Text()))
op.execute("INSERT INTO setting (key, value) VALUES ('half', 'gedaan')")
raise RuntimeError('kapotte migratie')
""")
    with pytest.raises(MigrationError, match="niet veranderd"):
        open_register(data_dir, today=TODAY)
    assert file_digest(db) == before
    assert not list(data_dir.glob("*.update*"))
    assert list(backups_dir(data_dir).glob(f"voor-update-{shipped}-*.sqlite"))
    # and the register still opens with the app's own migrations
    monkeypatch.undo()
    with open_register(data_dir, today=TODAY) as register:
        assert migrate.current_revision(register.engine) == shipped


def test_head_and_known_revisions_read_from_the_files_agree_with_alembic(monkeypatch, tmp_path):
    def alembic_answers() -> tuple[str | None, set[str]]:
        scripts = migrate.scripts()
        return scripts.get_current_head(), {s.revision for s in scripts.walk_revisions()}

    assert alembic_answers() == (migrate.head_revision(), migrate.known_revisions())
    add_revision(monkeypatch, tmp_path, "pass", rev="9003")  # the chain grows by one
    assert alembic_answers() == ("9003", migrate.known_revisions())
    assert migrate.head_revision() == "9003"


def test_the_shipped_head_and_revisions_written_out_are_the_version_files_and_alembic():
    """Every open compares the register's revision with HEAD and REVISIONS instead of reading
    the version files: a new migration must be added there too, or this fails."""
    scripts = migrate.scripts()
    assert migrate.MIGRATIONS_DIR == migrate.SHIPPED_MIGRATIONS_DIR
    assert migrate.HEAD == migrate.head_in_files() == scripts.get_current_head()
    assert migrate.REVISIONS == migrate.revisions_in_files() == {
        s.revision for s in scripts.walk_revisions()}
    assert (migrate.head_revision(), migrate.known_revisions()) == (migrate.HEAD,
                                                                    migrate.REVISIONS)


def _parsed_links(text: str) -> dict[str, object]:
    import ast

    found: dict[str, object] = {}
    for node in ast.parse(text).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
            found[target.id] = ast.literal_eval(node.value)  # type: ignore[attr-defined]
    return found


@pytest.mark.parametrize("text", [
    'revision = "0003"\ndown_revision = "0002"\n',
    'revision: str = "0001"\ndown_revision: str | Sequence[str] | None = None\n',
    '"""Doc.\n\nRevision ID: 0004\n"""\nrevision = "0004"\n'
    'down_revision = (\n    "0002",\n    "0003",\n)\n',
    'revision = "draft"\ndown_revision = "0004"\nrevision = "0005"\n',  # the last one counts
    '"""\nrevision = "old"\n"""\nrevision = "0006"\ndown_revision = "0005"\n',
])
def test_revision_lines_are_read_as_the_parser_reads_them(text):
    assert migrate._links_in(text) == _parsed_links(text)


def test_every_shipped_version_file_is_read_as_the_parser_reads_it():
    files = sorted((migrate.MIGRATIONS_DIR / "versions").glob("*.py"))
    assert len(files) >= 11
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert migrate._links_in(text) == _parsed_links(text), path.name


def test_opening_a_register_at_head_does_not_import_alembic(template_database, tmp_path):
    # Alembic costs ~0.8 s to import; a register that needs no migration must not pay it.
    probe = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from vrijwilligers_app.store.register import open_register
        with open_register(Path({str(make_register_dir(template_database, tmp_path / "d"))!r}),
                           daily_backup=False):
            pass
        print(sorted(m for m in sys.modules if m.split(".")[0] == "alembic"))
    """)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip() == "[]"
