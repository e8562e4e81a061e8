"""The write side of the register forms: specs, round trips, validation and normalisation."""

import sqlite3
from datetime import date

import pytest
from sqlalchemy import select

from tests.helpers.db import count
from tests.helpers.samples import INITIATIVE, RESIDENT, SAMPLES, TODAY, VOLUNTEER
from vrijwilligers_app.domain.validation import BSN_WARNING
from vrijwilligers_app.services.editing import (
    FIELD_KINDS,
    FORMS,
    FormErrors,
    RecordNotFound,
    archive_record,
    code_options,
    empty_values,
    load_record,
    parse_money,
    record_label,
    save_record,
    unarchive_record,
)
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.tables import Consent, Initiative, Resident, Volunteer

BSN = "111222333"  # passes the 11-proof


def errors_of(engine, kind, values, record_id=None) -> dict[str, str]:
    with pytest.raises(FormErrors) as info:
        save_record(engine, kind, values, record_id, today=TODAY)
    return info.value.errors


# ---------------------------------------------------------------- specs
def test_forms_cover_every_editable_column_and_all_field_kinds():
    for kind, model in (("initiatives", Initiative), ("volunteers", Volunteer),
                        ("residents", Resident)):
        columns = {c.name for c in model.__table__.columns} - {
            "id", "uuid", "created_at", "updated_at", "archived_at",
            "anonymised_on", "age_band"}  # set by anonymisation only
        keys = [spec.key for spec in FORMS[kind]]
        assert len(keys) == len(set(keys))
        assert set(keys) - columns <= {"districts", "life_domains", "recording_given_on",
                                       "recording_how", "recording_by"}
        # the resident's consent columns are a cache of the ledger, not edited in the form
        assert columns - {"consent_recording", "consent_recording_on", "consent_sharing",
                          "consent_sharing_on"} <= set(keys)
        assert all(spec.kind in FIELD_KINDS and spec.label and spec.group
                   for spec in FORMS[kind])
    used = {spec.kind for specs in FORMS.values() for spec in specs}
    assert used == FIELD_KINDS
    lengths = {spec.key: spec.max_length for spec in FORMS["volunteers"]}
    assert lengths["first_name"] == 60 and lengths["notes"] is None


def test_empty_values_use_the_table_defaults():
    values = empty_values("volunteers")
    assert list(values) == [spec.key for spec in FORMS["volunteers"]]
    assert values["city"] == "Helmond" and values["languages"] == ["nl"]
    assert values["availability"] == 0 and values["listed_consent"] is False
    assert values["birth_year"] is None and values["gender"] is None
    assert empty_values("initiatives")["districts"] == []
    with pytest.raises(ValueError):
        empty_values("activities")


def test_code_options_in_list_order_and_keep_inactive(register_engine):
    types = code_options(register_engine, "initiative_type")
    assert types[0] == ("alzheimercafe", "Alzheimer café") and types[-1][0] == "overig"
    districts = code_options(register_engine, "district")
    assert len(districts) == 12 and [n for _, n in districts] == sorted(n for _, n in districts)
    assert ("v", "Vrouw") in code_options(register_engine, "gender")
    with register_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE initiative_type SET active = 0 WHERE code = 'eetpunt'")
    assert "eetpunt" not in dict(code_options(register_engine, "initiative_type"))
    assert "eetpunt" in dict(code_options(register_engine, "initiative_type", keep=["eetpunt"]))
    with pytest.raises(ValueError):
        code_options(register_engine, "resident")


# ---------------------------------------------------------------- round trips
def test_initiative_round_trip_normalises_every_field(register_engine):
    new_id = save_record(register_engine, "initiatives", INITIATIVE, today=TODAY)
    values = load_record(register_engine, "initiatives", new_id)
    assert values == {
        **INITIATIVE, "districts": ["WK079410", "WK079412"],
        "life_domains": ["gezondheid", "samenleven"], "start_date": date(2019, 3, 5),
        "phone": "+31492123456", "email": "Info@alzheimer-helmond.nl", "postcode": "5701 AB",
        "subsidy_amount_cents": 125_000, "subsidy_year": 2026, "buddy_contact_weeks": 2,
        "vog_max_age_years": 3,
    }
    assert list(values) == [spec.key for spec in FORMS["initiatives"]]
    # Saving what was loaded changes nothing.
    assert save_record(register_engine, "initiatives", values, new_id, today=TODAY) == new_id
    assert load_record(register_engine, "initiatives", new_id) == values


def test_volunteer_round_trip(register_engine):
    new_id = save_record(register_engine, "volunteers", VOLUNTEER, today=TODAY)
    values = load_record(register_engine, "volunteers", new_id)
    assert values == {
        **VOLUNTEER, "first_name": "Doriën", "birth_year": 1948, "phone": "+31612345678",
        "email": "dorien@voorbeeld.nl", "start_date": date(2020, 2, 1), "end_date": None,
        "availability": 0b10001, "skills": ["koken", "fietsen"], "interests": ["wandelen"],
        "languages": ["nl", "tr"], "vog_date": date(2024, 1, 10),
    }
    with read_session(register_engine) as session:
        row = session.get(Volunteer, new_id)
        assert row.skills == "koken;fietsen" and row.languages == "nl;tr"
    assert record_label(register_engine, "volunteers", new_id) == "Vrijwilliger Doriën de Vries"


def test_resident_round_trip(register_engine):
    new_id = save_record(register_engine, "residents", RESIDENT, today=TODAY)
    values = load_record(register_engine, "residents", new_id)
    assert values == {**RESIDENT, "phone": "+31687654321",
                      "recording_given_on": date(2026, 11, 1)}
    assert record_label(register_engine, "residents", new_id) == "Inwoner Jan van Dijk"


def test_update_keeps_left_out_fields_and_sets_updated_at(register_engine):
    new_id = save_record(register_engine, "volunteers", VOLUNTEER, today=TODAY)
    with read_session(register_engine) as session:
        before = session.get(Volunteer, new_id)
        created, updated, uuid = before.created_at, before.updated_at, before.uuid
    save_record(register_engine, "volunteers", {"city": "Mierlo"}, new_id, today=TODAY)
    values = load_record(register_engine, "volunteers", new_id)
    assert values["city"] == "Mierlo" and values["last_name"] == "Vries"
    with read_session(register_engine) as session:
        after = session.get(Volunteer, new_id)
        assert (after.created_at, after.uuid) == (created, uuid)
        assert after.updated_at > updated
    # Link rows are replaced, not added to.
    init_id = save_record(register_engine, "initiatives", INITIATIVE, today=TODAY)
    save_record(register_engine, "initiatives", {"districts": "WK079413"}, init_id, today=TODAY)
    assert load_record(register_engine, "initiatives", init_id)["districts"] == ["WK079413"]


def test_empty_gender_is_stored_as_empty_text(register_engine):
    new_id = save_record(register_engine, "residents", {**RESIDENT, "gender": ""}, today=TODAY)
    assert load_record(register_engine, "residents", new_id)["gender"] is None
    with read_session(register_engine) as session:
        assert session.get(Resident, new_id).gender == ""


def test_missing_records_and_unknown_keys(register_engine):
    with pytest.raises(RecordNotFound, match="bestaat niet meer"):
        load_record(register_engine, "residents", 999)
    with pytest.raises(RecordNotFound):
        save_record(register_engine, "residents", RESIDENT, 999, today=TODAY)
    with pytest.raises(ValueError, match="unknown fields"):
        save_record(register_engine, "residents", {"bsn": "1"}, today=TODAY)


def test_archive_and_unarchive(register_engine):
    new_id = save_record(register_engine, "residents", RESIDENT, today=TODAY)
    archive_record(register_engine, "residents", new_id, TODAY)
    archive_record(register_engine, "residents", new_id, date(2027, 1, 1))  # keeps first date
    with read_session(register_engine) as session:
        assert session.get(Resident, new_id).archived_at == TODAY
    unarchive_record(register_engine, "residents", new_id)
    with read_session(register_engine) as session:
        assert session.get(Resident, new_id).archived_at is None
    with pytest.raises(RecordNotFound):
        archive_record(register_engine, "initiatives", 5, TODAY)


# ---------------------------------------------------------------- validation
def test_all_errors_at_once_and_nothing_saved(register_engine):
    bad = {**VOLUNTEER, "first_name": "", "birth_year": "1850", "postcode": "0123 AB",
           "phone": "12", "email": "geen-mail", "district_code": "WK999999",
           "availability": "maandag", "start_date": "31-02-2026", "notes": f"bsn {BSN}"}
    errors = errors_of(register_engine, "volunteers", bad)
    assert set(errors) == {"first_name", "birth_year", "postcode", "phone", "email",
                           "district_code", "availability", "start_date", "notes"}
    assert errors["first_name"] == "Dit veld is verplicht; vul het in."
    assert "tussen 1906 en 2026" in errors["birth_year"]
    assert "begint nooit met 0" in errors["postcode"]
    assert "geen geldig telefoonnummer" in errors["phone"]
    assert "geen geldig e-mailadres" in errors["email"]
    assert "'WK999999' staat niet in de lijst" in errors["district_code"]
    assert "'maandag' is onbekend" in errors["availability"]
    assert "bestaat niet" in errors["start_date"]
    assert errors["notes"] == BSN_WARNING
    assert count(register_engine, Volunteer) == 0


def test_form_errors_text_lists_label_and_message(register_engine):
    with pytest.raises(FormErrors) as info:
        save_record(register_engine, "initiatives", {"name": ""}, today=TODAY)
    assert str(info.value).splitlines() == [
        "Naam: Dit veld is verplicht; vul het in.",
        "Soort initiatief: Dit veld is verplicht; kies uit de lijst.",
    ]
    assert count(register_engine, Initiative) == 0


def test_update_with_errors_changes_nothing(register_engine):
    new_id = save_record(register_engine, "initiatives", INITIATIVE, today=TODAY)
    before = load_record(register_engine, "initiatives", new_id)
    errors = errors_of(register_engine, "initiatives",
                       {"name": "Nieuw", "districts": ["WK079413"], "phone": "x"}, new_id)
    assert set(errors) == {"phone"}
    assert load_record(register_engine, "initiatives", new_id) == before


def test_end_date_before_start_date(register_engine):
    errors = errors_of(register_engine, "initiatives",
                       {**INITIATIVE, "start_date": "05-03-2026", "end_date": "04-03-2026"})
    assert errors == {"end_date": "04-03-2026 ligt vóór de startdatum 05-03-2026; de einddatum "
                                  "moet op of na de startdatum liggen."}
    errors = errors_of(register_engine, "volunteers",
                       {**VOLUNTEER, "start_date": "05-03-2026", "end_date": "01-01-2026"})
    assert set(errors) == {"end_date"}


def test_birth_year_must_be_plausible(register_engine):
    for year, fragment in (("2027", "2027 kan niet kloppen"), ("19x0", "is geen jaartal"),
                           (1800, "tussen 1906 en 2026")):
        errors = errors_of(register_engine, "residents", {**RESIDENT, "birth_year": year})
        assert fragment in errors["birth_year"]
    assert count(register_engine, Resident) == 0


def test_named_resident_needs_recording_consent(register_engine):
    errors = errors_of(register_engine, "residents", {
        **RESIDENT, "recording_given_on": None, "recording_how": None, "recording_by": ""})
    assert set(errors) == {"recording_given_on", "recording_how", "recording_by"}
    assert "anoniem" in errors["recording_given_on"]
    errors = errors_of(register_engine, "residents",
                       {**RESIDENT, "recording_given_on": "24-11-2026"})
    assert errors == {"recording_given_on": "24-11-2026 ligt in de toekomst; toestemming kan "
                      "alleen gegeven zijn tot en met vandaag."}
    errors = errors_of(register_engine, "residents",
                       {**RESIDENT, "recording_given_on": "01-11-1949"})
    assert "vóór het geboortejaar" in errors["recording_given_on"]
    assert count(register_engine, Resident) == 0
    assert count(register_engine, Consent) == 0


def test_form_consent_is_a_ledger_row_and_a_correction_changes_it(register_engine):
    new_id = save_record(register_engine, "residents", RESIDENT, today=TODAY)
    save_record(register_engine, "residents", {"recording_given_on": "02-11-2026"}, new_id,
                today=TODAY)
    with read_session(register_engine) as session:
        rows = session.execute(select(Consent.purpose, Consent.given_on, Consent.how,
                                      Consent.recorded_by)).all()
        cached = session.get(Resident, new_id)
        assert cached is not None
        assert (cached.consent_recording, cached.consent_recording_on) == (
            True, date(2026, 11, 2))
    assert rows == [("vastleggen", date(2026, 11, 2), "schriftelijk", "M. Verhoeven")]


def test_vog_date_and_who_go_together(register_engine):
    errors = errors_of(register_engine, "volunteers", {**VOLUNTEER, "vog_checked_by": ""})
    assert errors == {"vog_checked_by": "Vul in wie de originele VOG heeft gezien."}
    errors = errors_of(register_engine, "volunteers", {**VOLUNTEER, "vog_date": None})
    assert errors == {"vog_date": "Vul de datum in waarop de originele VOG is gezien "
                                  "(dd-mm-jjjj)."}


@pytest.mark.parametrize("kind,key", [
    ("initiatives", "name"), ("initiatives", "description"), ("initiatives", "address"),
    ("volunteers", "notes"), ("volunteers", "skills"), ("volunteers", "street"),
    ("residents", "recording_by"), ("residents", "last_name"),
])
def test_bsn_like_number_in_free_text_is_refused(register_engine, kind, key):
    spec = next(s for s in FORMS[kind] if s.key == key)
    text = f"nummer 111.222.333 {'' if spec.kind != 'tags' else ', koken'}"
    errors = errors_of(register_engine, kind, {**SAMPLES[kind], key: text})
    assert errors == {key: BSN_WARNING}


def test_too_long_text_is_refused_not_cut(register_engine):
    errors = errors_of(register_engine, "volunteers", {**VOLUNTEER, "first_name": "A" * 61,
                                                      "email": "a" * 60 + "@" + "b" * 60 + ".nl"})
    assert errors["first_name"] == "Te lang: hoogstens 60 tekens, nu 61; kort de tekst in."
    assert errors["email"] == "Te lang: hoogstens 120 tekens, nu 124; kort de tekst in."
    assert count(register_engine, Volunteer) == 0


def test_unknown_codes_are_refused(register_engine):
    errors = errors_of(register_engine, "initiatives", {
        **INITIATIVE, "type_code": "kroeg", "districts": ["WK079410", "WK000000"],
        "life_domains": "samenleven;geluk"})
    assert errors == {
        "type_code": "'kroeg' staat niet in de lijst; kies een van de mogelijkheden.",
        "districts": "'WK000000' staat niet in de lijst; kies uit de mogelijkheden.",
        "life_domains": "'geluk' staat niet in de lijst; kies uit de mogelijkheden.",
    }
    errors = errors_of(register_engine, "residents", {**RESIDENT, "gender": "q"})
    assert set(errors) == {"gender"}


def test_neighbourhood_must_lie_in_the_district(register_engine):
    errors = errors_of(register_engine, "residents", {
        **RESIDENT, "district_code": "WK079411", "neighbourhood_code": "BU07941000"})
    assert errors == {"neighbourhood_code": "Buurt Centrum ligt in wijk Binnenstad, niet in "
                                            "Helmond-Oost; kies een andere buurt of wijk."}
    new_id = save_record(register_engine, "residents", {
        **RESIDENT, "district_code": None, "neighbourhood_code": "BU07941000"}, today=TODAY)
    assert load_record(register_engine, "residents", new_id)["district_code"] == "WK079410"


@pytest.mark.parametrize("key,raw,fragment", [
    ("subsidy_amount_cents", "12,345", "geen bedrag"),
    ("subsidy_amount_cents", "-5", "niet negatief"),
    ("subsidy_amount_cents", "vijf euro", "geen bedrag"),
    ("subsidy_year", "1850", "tussen 1900 en 2036"),
    ("subsidy_year", "twintig", "geen heel getal"),
    ("buddy_contact_weeks", "0", "van 1 tot en met 9999"),
    ("buddy_contact_weeks", "2.5", "geen heel getal"),
    ("subsidised", "misschien", "kies ja of nee"),
    ("start_date", "5-3-26", "vier cijfers"),
    ("start_date", "05-03-1850", "controleer het jaar"),
    ("postcode", "5701 SA", "bestaat niet"),
])
def test_bad_single_values(register_engine, key, raw, fragment):
    errors = errors_of(register_engine, "initiatives", {**INITIATIVE, key: raw})
    assert list(errors) == [key] and fragment in errors[key]


@pytest.mark.parametrize("text,cents", [
    ("€ 1.250,00", 125_000), ("1250", 125_000), ("1.250", 125_000), ("1250,5", 125_050),
    ("12.50", 1_250), ("€ 250,-", 25_000), ("1.234.567,89", 123_456_789), ("  ", None),
    ("EUR 3,05", 305), ("0", 0),
])
def test_money_parsing(text, cents):
    assert parse_money(text, "Bedrag") == cents


def test_native_and_text_inputs_are_both_accepted(register_engine):
    as_text = {**INITIATIVE, "subsidy_amount_cents": "99,95", "subsidised": "ja",
               "buddy_waiting_weeks": "8", "end_date": "01-01-2027"}
    native = {**INITIATIVE, "subsidy_amount_cents": 9995, "subsidised": True,
              "buddy_waiting_weeks": 8, "end_date": date(2027, 1, 1)}
    a = save_record(register_engine, "initiatives", as_text, today=TODAY)
    b = save_record(register_engine, "initiatives", native, today=TODAY)
    assert load_record(register_engine, "initiatives", a) == load_record(
        register_engine, "initiatives", b)


def test_label_of_initiative(register_engine):
    new_id = save_record(register_engine, "initiatives", INITIATIVE, today=TODAY)
    assert record_label(register_engine, "initiatives", new_id) == \
        "Initiatief Alzheimer Café Helmond"


def test_saved_rows_pass_the_schema_checks(register_engine, tmp_path):
    for kind, values in SAMPLES.items():
        save_record(register_engine, kind, values, today=TODAY)
    url = register_engine.url.database
    connection = sqlite3.connect(url)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
