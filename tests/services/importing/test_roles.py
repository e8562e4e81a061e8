"""Roles of volunteers in initiatives, read from a list that names them."""

import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import select

from vrijwilligers_app.services.editing import save_record
from vrijwilligers_app.services.importing import (
    Sheet,
    apply_import,
    build_preview,
    suggest_mapping,
    undo_import,
)
from vrijwilligers_app.services.importing.report import preview_lines
from vrijwilligers_app.store.engine import create_register_engine, read_session
from vrijwilligers_app.store.tables import VolunteerRole

TODAY = date(2026, 12, 6)


def test_roles_are_linked_to_existing_people_and_initiatives(template_database: Path,
                                                              tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(template_database, data / "register.sqlite")
    engine = create_register_engine(data / "register.sqlite")
    try:
        anna = save_record(engine, "volunteers", {"first_name": "Anna", "last_name": "Jansen",
                                                  "birth_year": 1950})
        save_record(engine, "volunteers", {"first_name": "Jan", "name_prefix": "de",
                                           "last_name": "Vries", "birth_year": 1960})
        save_record(engine, "volunteers", {"first_name": "Jan", "name_prefix": "de",
                                           "last_name": "Vries", "birth_year": 1971})
        cafe = save_record(engine, "initiatives", {"name": "Alzheimer Café Helmond",
                                                   "type_code": "alzheimercafe"})
        sheet = Sheet("Rollen", [
            ["Naam", "Initiatief", "Rol", "Sinds"],
            ["Anna Jansen", "Alzheimer Café Helmond", "Gastvrouw / gastheer", "01-03-2024"],
            ["Anna Jansen", "alzheimer cafe helmond", "gastvrouw", ""],
            ["Jan de Vries", "Alzheimer Café Helmond", "koffie", ""],
            ["Piet Bos", "Eetpunt Noord", "kok?", "31-02-2024"],
        ])
        mapping = suggest_mapping("roles", sheet.rows[0])
        assert mapping == {0: "full_name", 1: "initiative", 2: "role_code", 3: "start_date"}
        preview = build_preview(engine, "roles", sheet, 0, mapping, "rollen.xlsx", TODAY)
        assert [p.status for p in preview.rows] == ["nieuw", "dubbel", "fout", "fout"]
        assert preview.rows[2].errors == ["rij 4, kolom Naam: Meer dan één vrijwilliger heet "
                                          "zo; voeg een kolom Geboortejaar toe."]
        assert preview.rows[3].errors[0] == ("rij 5, kolom Naam: Geen vrijwilliger 'Piet Bos' "
                                             "in het register; lees eerst de vrijwilligers in.")
        assert "rij 5, kolom Initiatief: Geen initiatief 'Eetpunt Noord' in het register." in \
            preview.rows[3].errors
        assert "rij 3: deze vrijwilliger heeft deze rol al in dit initiatief." in \
            preview_lines(preview)
        gen = apply_import(engine, data / "register.sqlite", data, preview, {}, TODAY)
        for _ in gen:
            pass
        with read_session(engine) as session:
            rows = session.execute(select(VolunteerRole.volunteer_id, VolunteerRole.initiative_id,
                                          VolunteerRole.role_code,
                                          VolunteerRole.start_date)).all()
        assert [tuple(r) for r in rows] == [(anna, cafe, "gastvrouw", date(2024, 3, 1))]
        preview2 = build_preview(engine, "roles", sheet, 0, mapping, "rollen.xlsx", TODAY)
        assert preview2.rows[0].status == "dubbel"  # already there now
    finally:
        engine.dispose()


def test_undo_removes_imported_roles(template_database: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(template_database, data / "register.sqlite")
    engine = create_register_engine(data / "register.sqlite")
    try:
        save_record(engine, "volunteers", {"first_name": "Anna", "last_name": "Jansen"})
        save_record(engine, "initiatives", {"name": "Eetpunt", "type_code": "eetpunt"})
        sheet = Sheet("R", [["Voornaam", "Achternaam", "Project", "Functie"],
                            ["Anna", "Jansen", "Eetpunt", "koffie"]])
        preview = build_preview(engine, "roles", sheet, 0,
                                suggest_mapping("roles", sheet.rows[0]), "r.csv", TODAY)
        gen = apply_import(engine, data / "register.sqlite", data, preview, {}, TODAY)
        try:
            while True:
                next(gen)
        except StopIteration as stop:
            result = stop.value
        assert len(result.created) == 1
        undo_import(engine, result)
        with read_session(engine) as session:
            assert session.execute(select(VolunteerRole.id)).all() == []
    finally:
        engine.dispose()
