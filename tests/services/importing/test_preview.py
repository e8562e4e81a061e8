"""The preview judges every row with the register's own rules, and writes nothing."""

from datetime import date
from pathlib import Path

from sqlalchemy import Engine, func, select

from vrijwilligers_app.services.editing import save_record
from vrijwilligers_app.services.importing import (
    build_preview,
    find_header_row,
    read_source,
    recall_mapping,
    remember_mapping,
    suggest_mapping,
)
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.tables import Volunteer

TODAY = date(2026, 12, 6)


def _count(engine: Engine) -> int:
    with read_session(engine) as session:
        return int(session.execute(select(func.count()).select_from(Volunteer)).scalar_one())


def test_mapping_is_suggested_from_dutch_header_words(messy_xlsx: Path) -> None:
    sheet = read_source(messy_xlsx).sheets[0]
    headers = sheet.rows[find_header_row(sheet.rows)]
    assert suggest_mapping("volunteers", headers) == {
        0: "full_name", 1: "street", 2: "postcode", 3: "city", 4: "phone", 5: "email",
        6: "birth_date", 7: "vog_date", 8: "start_date"}
    assert suggest_mapping("volunteers", ["Voornaam", "Tussenvoegsel", "Achternaam",
                                          "Telefoon", "Mobiel", "Geboortejaar"]) == {
        0: "first_name", 1: "name_prefix", 2: "last_name", 3: "phone", 5: "birth_year"}


def test_a_chosen_mapping_is_remembered_for_the_same_headers(register_engine: Engine) -> None:
    headers = ["Wie", "Tel.", "Opmerking"]
    assert recall_mapping(register_engine, "volunteers", headers) is None
    remember_mapping(register_engine, "volunteers", headers,
                     {0: "full_name", 1: "phone", 2: ""})
    assert recall_mapping(register_engine, "volunteers", ["wie", "TEL", "opmerking"]) == {
        0: "full_name", 1: "phone"}
    assert recall_mapping(register_engine, "residents", headers) is None


def test_preview_of_a_messy_list(register_engine: Engine, messy_xlsx: Path) -> None:
    save_record(register_engine, "volunteers", {
        "first_name": "Anna", "last_name": "Jansen", "birth_year": 1949}, today=TODAY)
    sheet = read_source(messy_xlsx).sheets[0]
    header = find_header_row(sheet.rows)
    mapping = suggest_mapping("volunteers", sheet.rows[header])
    preview = build_preview(register_engine, "volunteers", sheet, header, mapping,
                            "vrijwilligers.xlsx", TODAY)
    by_row = {plan.row_number: plan for plan in preview.rows}
    assert sorted(by_row) == [5, 6, 7, 11, 12]
    jan = by_row[5]
    assert jan.status == "fout"
    assert jan.errors == ["rij 5, VOG gezien door: Vul in wie de originele VOG heeft gezien."]
    anna = by_row[6]
    assert anna.status == "dubbel" and anna.duplicate is not None
    assert anna.duplicate.reason == "zelfde naam en geboortejaar"
    assert anna.values["phone"] == "+31612345679"
    assert anna.values["start_date"] == date(2020, 1, 1)
    pieter = by_row[7]
    assert pieter.status == "fout"
    assert pieter.errors == ["rij 7, kolom Postcode: '5701' is geen volledige postcode; vul "
                             "ook de twee letters in, bijvoorbeeld 5701 AB."]
    assert by_row[11].errors == ["rij 11, kolom Tel.: de cel bevat een fout (#N/B)."]
    kees = by_row[12]
    assert kees.status == "nieuw"
    assert (kees.values["first_name"], kees.values["last_name"], kees.values["birth_year"],
            kees.values["phone"]) == ("Kees", "Bos", 1971, "+31628765432")
    assert preview.notes == ["rij 10 overgeslagen: de kopregel staat er nog eens.",
                             "rij 13 overgeslagen: een totaalregel."]
    assert _count(register_engine) == 1  # the preview wrote nothing


def test_names_split_and_codes_by_name(register_engine: Engine) -> None:
    from vrijwilligers_app.services.importing.cells import Sheet

    consent = ["01-03-2024", "schriftelijk", "Els Coördinator"]
    sheet = Sheet("Blad1", [["Naam", "Geslacht", "Wijk", "Geboortejaar", "Toestemming",
                             "Toestemming hoe", "Vastgelegd door"],
                            ["Heijden, Jan van der", "Man", "Brandevoort", "1950", *consent],
                            ["Jan van der Heijden", "m", "Rijpelberg", 1950, *consent],
                            ["Els ter Horst", "vrouw", "Nergenshuizen", 1960, *consent],
                            ["Ria Bos", "v", "", 1940, "", "", ""]])
    preview = build_preview(register_engine, "residents", sheet, 0,
                            suggest_mapping("residents", sheet.rows[0]), "x.csv", TODAY)
    first, second, third, fourth = preview.rows
    assert first.status == "nieuw"
    assert (first.values["first_name"], first.values["name_prefix"],
            first.values["last_name"], first.values["gender"]) == ("Jan", "van der", "Heijden",
                                                                  "m")
    assert str(first.values["district_code"]).startswith("WK0794")
    assert first.values["recording_given_on"] == date(2024, 3, 1)
    assert fourth.status == "fout"  # a named resident without recorded consent
    assert fourth.errors[0].startswith("rij 5, kolom Toestemming: Een inwoner met naam kan "
                                       "alleen worden vastgelegd als die toestemming gaf")
    assert second.status == "dubbel" and second.same_as_row == 2
    assert third.status == "fout"
    assert third.errors[0].startswith("rij 4, kolom Wijk: 'Nergenshuizen' staat niet in de lijst")
    assert "Rijen zonder die toestemming worden niet ingelezen" in preview.consent_note
