"""Writing: one transaction after a backup; cancel leaves nothing; undo takes it all back."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from vrijwilligers_app.services.editing import FormErrors, save_record
from vrijwilligers_app.services.importing import (
    ImportRefused,
    Sheet,
    apply_import,
    build_preview,
    suggest_mapping,
    undo_import,
)
from vrijwilligers_app.services.importing.write import ADD, FILL, ImportResult
from vrijwilligers_app.store.engine import create_register_engine, read_session
from vrijwilligers_app.store.tables import Resident, Volunteer

TODAY = date(2026, 12, 6)


def _names(engine: Engine, model: type = Volunteer) -> list[tuple[str, str, str]]:
    with read_session(engine) as session:
        rows = session.execute(select(model.first_name, model.name_prefix, model.last_name,
                                      model.phone).order_by(model.id)).all()
    return [tuple(row) for row in rows]


def _run(gen) -> ImportResult:  # type: ignore[no-untyped-def]
    try:
        while True:
            next(gen)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]


@pytest.fixture
def register(template_database: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    db = data_dir / "register.sqlite"
    shutil.copyfile(template_database, db)
    engine = create_register_engine(db)
    yield engine, db, data_dir
    engine.dispose()


SHEET = Sheet("Blad1", [["Voornaam", "Tussenvoegsel", "Achternaam", "Telefoon", "E-mail",
                         "Geboortejaar"],
                        ["Anna", "", "Jansen", "0612345678", "", ""],
                        ["Piet", "de", "Bos", "", "piet@example.nl", 1960],
                        ["Kees", "", "Smit", "06-1234", "", ""]])


def _preview(engine: Engine):  # type: ignore[no-untyped-def]
    return build_preview(engine, "volunteers", SHEET, 0, suggest_mapping("volunteers",
                         SHEET.rows[0]), "lijst.csv", TODAY)


def test_import_writes_new_rows_after_a_backup_and_undo_removes_them(register) -> None:  # type: ignore[no-untyped-def]
    engine, db, data_dir = register
    existing = save_record(engine, "volunteers", {"first_name": "Piet", "name_prefix": "de",
                                                  "last_name": "Bos", "birth_year": 1960},
                           today=TODAY)
    preview = _preview(engine)
    assert [p.status for p in preview.rows] == ["nieuw", "dubbel", "fout"]
    result = _run(apply_import(engine, db, data_dir, preview, {3: FILL}, TODAY))
    assert result.backup is not None and result.backup.name.startswith("voor-import-")
    assert result.backup.exists()
    assert len(result.created) == 1 and list(result.filled) == [existing]
    assert result.errors == 1
    assert _names(engine) == [("Piet", "de", "Bos", ""), ("Anna", "", "Jansen", "+31612345678")]
    with read_session(engine) as session:
        assert session.get(Volunteer, existing).email == "piet@example.nl"  # type: ignore[union-attr]
    undo_import(engine, result)
    assert _names(engine) == [("Piet", "de", "Bos", "")]
    with read_session(engine) as session:
        assert session.get(Volunteer, existing).email == ""  # type: ignore[union-attr]


def test_add_anyway_adds_a_second_record(register) -> None:  # type: ignore[no-untyped-def]
    engine, db, data_dir = register
    save_record(engine, "volunteers", {"first_name": "Piet", "name_prefix": "de",
                                       "last_name": "Bos", "email": "piet@example.nl"})
    result = _run(apply_import(engine, db, data_dir, _preview(engine), {3: ADD}, TODAY))
    assert len(result.created) == 2
    assert len(_names(engine)) == 3


def test_cancel_midway_leaves_nothing(register, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from vrijwilligers_app.services.importing import write

    monkeypatch.setattr(write, "PROGRESS_EVERY", 1)
    engine, db, data_dir = register
    gen = apply_import(engine, db, data_dir, _preview(engine), {}, TODAY)
    assert next(gen)[2] == "Back-up maken"
    next(gen)  # first row written inside the open transaction
    next(gen)
    gen.close()  # what TaskRunner.cancel does
    assert _names(engine) == []


def test_a_row_the_register_refuses_meanwhile_stops_everything(register, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from vrijwilligers_app.services.importing import write

    engine, db, data_dir = register
    preview = _preview(engine)
    from vrijwilligers_app.services.editing.bulk import RowErrors

    real = write.insert_new

    def second_fails(session, kind, records, today, known, **options):  # type: ignore[no-untyped-def]
        real(session, kind, records[:1], today, known, **options)  # the first row goes in...
        raise RowErrors(1, FormErrors({"last_name": "Vul dit in."}, {"last_name": "Achternaam"}))

    monkeypatch.setattr(write, "insert_new", second_fails)
    with pytest.raises(ImportRefused, match="lijst.csv: rij 3: Achternaam: Vul dit in"):
        _run(apply_import(engine, db, data_dir, preview, {3: ADD}, TODAY))
    assert _names(engine) == []


def test_imported_residents_get_the_ledger_consent_from_their_columns(register) -> None:  # type: ignore[no-untyped-def]
    from vrijwilligers_app.services.editing import load_record

    engine, db, data_dir = register
    sheet = Sheet("Blad1", [["Naam", "Postcode", "Toestemming", "Toestemming hoe",
                             "Vastgelegd door"],
                            ["Fatma Yilmaz", "5707", "12-05-2024", "mondeling", "Els"],
                            ["Henk Bos", "5701 AB", "", "", ""]])
    preview = build_preview(engine, "residents", sheet, 0,
                            suggest_mapping("residents", sheet.rows[0]), "inw.xlsx", TODAY)
    assert [p.status for p in preview.rows] == ["nieuw", "fout"]
    result = _run(apply_import(engine, db, data_dir, preview, {}, TODAY))
    with read_session(engine) as session:
        assert session.execute(select(func.count()).select_from(Resident)).scalar_one() == 1
    stored = load_record(engine, "residents", result.created[0])
    assert (stored["last_name"], stored["recording_given_on"], stored["recording_how"],
            stored["recording_by"]) == ("Yilmaz", date(2024, 5, 12), "mondeling", "Els")


def test_a_code_gone_from_its_list_since_the_preview_stops_the_write(  # type: ignore[no-untyped-def]
        register, monkeypatch) -> None:
    """The write trusts the preview's cleaned values but checks the code lists again."""
    from vrijwilligers_app.services.importing import write

    engine, db, data_dir = register
    sheet = Sheet("Blad1", [["Voornaam", "Achternaam", "Wijk"],
                            ["Anna", "Jansen", "Brandevoort"], ["Piet", "Bos", ""]])
    preview = build_preview(engine, "volunteers", sheet, 0,
                            suggest_mapping("volunteers", sheet.rows[0]), "lijst.csv", TODAY)
    assert [p.status for p in preview.rows] == ["nieuw", "nieuw"]
    assert preview.rows[0].values["district_code"]
    monkeypatch.setattr(write, "known_codes", lambda session: lambda table: frozenset())
    with pytest.raises(ImportRefused, match="lijst.csv: rij 2: .*intussen veranderd"):
        _run(apply_import(engine, db, data_dir, preview, {}, TODAY))
    assert _names(engine) == []


def test_an_encrypted_register_gets_an_encrypted_backup_before_the_import(
        template_database: Path, tmp_path: Path) -> None:
    """The app's registers are SQLCipher files: the "voor-import-" copy is made with the
    register's key (without it the backup failed and nothing could be imported)."""
    from tests.helpers.registers import TEST_PASSPHRASE, make_encrypted_register_dir
    from vrijwilligers_app.store import cipher, keys
    from vrijwilligers_app.store.register import open_register

    data_dir = make_encrypted_register_dir(template_database, tmp_path / "data")
    key = keys.unlock(data_dir, TEST_PASSPHRASE)
    with open_register(data_dir, key=key, daily_backup=False) as register:
        preview = _preview(register.engine)
        result = _run(apply_import(register.engine, register.db_path, data_dir, preview, {},
                                   TODAY, key=register.key))
        assert [name[2] for name in _names(register.engine)] == ["Jansen", "Bos"]
    assert result.backup is not None and result.backup.name.startswith("voor-import-")
    assert not cipher.is_plain_sqlite(result.backup)
    backup = create_register_engine(result.backup, key)
    try:
        assert _names(backup) == []  # the register as it was before the import
    finally:
        backup.dispose()
