"""Possible duplicates while a form is filled: accents, typos, and what else must match."""

from datetime import date

import pytest

from vrijwilligers_app.services.editing import DuplicateHit, archive_record, find_duplicates
from vrijwilligers_app.services.editing.names import fold, similar, within_one_edit
from vrijwilligers_app.services.editing.records import save_record

TODAY = date(2026, 11, 23)
DORIEN = {"first_name": "Doriën", "name_prefix": "de", "last_name": "Vries", "gender": "v",
          "birth_year": 1948, "phone": "06-12345678", "email": "dorien@voorbeeld.nl",
          "postcode": "5701 AB", "recording_given_on": TODAY, "recording_how": "mondeling",
          "recording_by": "M. Verhoeven"}


@pytest.fixture
def dorien(register_engine) -> int:
    return save_record(register_engine, "residents", DORIEN, today=TODAY)


def probe(**changes) -> dict[str, object]:
    """A new form: Dorien's name, nothing else unless given."""
    return {"first_name": "Doriën", "name_prefix": "de", "last_name": "Vries", **changes}


def test_fold_and_edits():
    assert fold("Doriën") == fold("DORIEN") == "dorien"
    assert fold("Van der Heijden") == fold("van der Heyden") == "vanderheyden"
    assert within_one_edit("vries", "vreis") and within_one_edit("vries", "vris")
    assert within_one_edit("vries", "vriess") and within_one_edit("vries", "fries")
    assert not within_one_edit("vries", "visser") and not within_one_edit("vries", "ivres")
    assert not similar("bos", "bas") and similar("bos", "bos")


@pytest.mark.parametrize("changes,reason", [
    ({"birth_year": "1948"}, "zelfde naam en geboortejaar"),
    ({"first_name": "dorien", "last_name": "VRIES", "birth_year": 1948},
     "zelfde naam en geboortejaar"),
    ({"last_name": "Vreis", "birth_year": 1948}, "bijna dezelfde naam, zelfde geboortejaar"),
    ({"last_name": "Vriess", "postcode": "5701ab"}, "bijna dezelfde naam, zelfde postcode"),
    ({"name_prefix": "", "last_name": "Vries", "postcode": "5701"}, None),  # PC4 ≠ address
    ({"name_prefix": "", "phone": "+31 6 12345678"}, "zelfde naam en telefoonnummer"),
    ({"birth_year": 1948, "postcode": "5701 AB"}, "zelfde naam, geboortejaar en postcode"),
])
def test_similar_name_and_one_more_fact(register_engine, dorien, changes, reason):
    hits = find_duplicates(register_engine, "residents", probe(**changes))
    if reason is None:
        assert hits == []
    else:
        assert hits == [DuplicateHit(dorien, "Doriën de Vries, 1948, 5701 AB", reason)]


def test_phone_or_email_alone_is_enough(register_engine, dorien):
    other = {"first_name": "Piet", "last_name": "Jansen"}
    hits = find_duplicates(register_engine, "residents", {**other, "phone": "0612345678"})
    assert [(h.record_id, h.reason) for h in hits] == [(dorien, "zelfde telefoonnummer")]
    hits = find_duplicates(register_engine, "residents", {**other, "email": "Dorien@VOORBEELD.nl"})
    assert [(h.record_id, h.reason) for h in hits] == [(dorien, "zelfde e-mailadres")]


def test_same_name_but_nothing_else_is_no_hit(register_engine, dorien):
    assert find_duplicates(register_engine, "residents", probe(
        birth_year=1950, postcode="5702 CD", phone="0612345679", email="d@elders.nl")) == []
    assert find_duplicates(register_engine, "residents", probe()) == []
    # Another first name with the same surname and year is someone else.
    assert find_duplicates(register_engine, "residents", probe(first_name="Ans",
                                                               birth_year=1948)) == []
    assert find_duplicates(register_engine, "residents", probe(last_name="Visser",
                                                               birth_year=1948)) == []


def test_exclude_id_and_archived_records(register_engine, dorien):
    assert find_duplicates(register_engine, "residents", DORIEN, exclude_id=dorien) == []
    archive_record(register_engine, "residents", dorien, TODAY)
    hits = find_duplicates(register_engine, "residents", probe(birth_year=1948))
    assert hits[0].label == "Doriën de Vries, 1948, 5701 AB (gearchiveerd)"


def test_half_typed_values_are_ignored_not_errors(register_engine, dorien):
    assert find_duplicates(register_engine, "residents", probe(
        birth_year="19", postcode="57", phone="06-1", email="dorien@")) == []


def test_strongest_hits_first(register_engine, dorien):
    weaker = save_record(register_engine, "residents", {**DORIEN, "phone": "", "email": "",
                                                        "postcode": ""}, today=TODAY)
    hits = find_duplicates(register_engine, "residents", DORIEN)
    assert [h.record_id for h in hits] == [dorien, weaker]
    assert hits[0].reason == "zelfde naam, geboortejaar, postcode, telefoonnummer en e-mailadres"


def test_volunteers_are_checked_among_volunteers(register_engine, dorien):
    assert find_duplicates(register_engine, "volunteers", DORIEN) == []
    volunteer = save_record(register_engine, "volunteers", {
        "first_name": "Dorien", "last_name": "de Vries", "birth_year": 1948}, today=TODAY)
    hits = find_duplicates(register_engine, "volunteers", probe(birth_year="1948"))
    assert hits == [DuplicateHit(volunteer, "Dorien de Vries, 1948", "zelfde naam en "
                                 "geboortejaar")]


def test_initiatives_with_nearly_the_same_name(register_engine):
    cafe = save_record(register_engine, "initiatives", {
        "name": "Alzheimer Café Helmond", "type_code": "alzheimercafe"}, today=TODAY)
    hits = find_duplicates(register_engine, "initiatives", {"name": "alzheimer cafe helmond"})
    assert hits == [DuplicateHit(cafe, "Alzheimer Café Helmond", "zelfde naam")]
    hits = find_duplicates(register_engine, "initiatives", {"name": "Alzheimer Cafe Helmnd"})
    assert [h.reason for h in hits] == ["bijna dezelfde naam"]
    assert find_duplicates(register_engine, "initiatives", {"name": "Eetpunt Brandevoort"}) == []
    assert find_duplicates(register_engine, "initiatives", {"name": "Alzheimer Café Helmond"},
                           exclude_id=cafe) == []


def test_postcode_means_the_same_written_postcode(register_engine):
    area = save_record(register_engine, "residents", {
        "first_name": "Ans", "last_name": "Bakker", "postcode": "5702",
        **{k: v for k, v in DORIEN.items() if k.startswith("recording_")}}, today=TODAY)
    hits = find_duplicates(register_engine, "residents", {
        "first_name": "Ans", "last_name": "Bakker", "postcode": "5702"})
    assert [(h.record_id, h.reason) for h in hits] == [(area, "zelfde naam en postcode")]
    # A full postcode inside the area is no evidence either way.
    assert find_duplicates(register_engine, "residents", {
        "first_name": "Ans", "last_name": "Bakker", "postcode": "5702 KL"}) == []
