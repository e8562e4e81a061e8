"""Sample records and values shared by the service tests (one copy, imported by each)."""

from datetime import date

from sqlalchemy import Engine

from tests.helpers.db import rows

# The reference date of the demo registers the fixtures build, and "today" in most tests.
DEMO_DATE = TODAY = date(2026, 11, 23)
SIGNALLED = date(2026, 10, 1)

INITIATIVE = {
    "name": "Alzheimer Café Helmond", "type_code": "alzheimercafe",
    "description": "Elke derde dinsdag.\nGratis en zonder aanmelding.",
    "districts": ["WK079412", "WK079410"], "life_domains": ["samenleven", "gezondheid"],
    "start_date": "05-03-2019", "end_date": date(2027, 1, 1),
    "contact_name": "M. Verhoeven", "phone": "0492-123456", "email": "Info@Alzheimer-Helmond.NL",
    "website": "www.alzheimer-nederland.nl", "address": "Kerkstraat 1", "postcode": "5701ab",
    "subsidised": True, "subsidy_reference": "SUB-2026-14", "subsidy_amount_cents": "€ 1.250,00",
    "subsidy_year": "2026", "buddy_contact_weeks": "2", "buddy_waiting_weeks": 8,
    "vog_max_age_years": "3",
}
VOLUNTEER = {
    "first_name": " Doriën ", "name_prefix": "de", "last_name": "Vries", "gender": "v",
    "birth_year": "1948", "phone": "06 12 34 56 78", "email": "dorien@Voorbeeld.NL",
    "street": "Markt 2", "postcode": "5701 AB", "city": "Helmond", "district_code": "WK079410",
    "start_date": "01-02-2020", "end_date": "", "availability": "ma-o,di-m",
    "skills": "Koken, fietsen;koken", "interests": ["Wandelen"], "languages": "nl, tr",
    "vog_date": "10-01-2024", "vog_checked_by": "A. van Bussel", "listed_consent": True,
    "notes": "Kan goed luisteren.",
}
RESIDENT = {
    "first_name": "Jan", "name_prefix": "van", "last_name": "Dijk", "gender": "m",
    "birth_year": 1950, "phone": "+31 6 87654321", "email": "", "postcode": "5702",
    "district_code": "WK079411", "neighbourhood_code": None, "languages": ["nl"],
    "recording_given_on": "01-11-2026", "recording_how": "schriftelijk",
    "recording_by": "M. Verhoeven",
}
SAMPLES = {"initiatives": INITIATIVE, "volunteers": VOLUNTEER, "residents": RESIDENT}


def destination(engine: Engine, code: str) -> int:
    return rows(engine, "SELECT id FROM destination WHERE code = :c", c=code)[0][0]


def anonymous(engine: Engine, **changes: object) -> dict[str, object]:
    values = {"district_code": "WK079412", "age_band": "65-74",
              "destination_id": destination(engine, "huisarts"), "urgency": "normaal",
              "question": "Vergeetachtig, familie maakt zich zorgen.",
              "signalled_on": SIGNALLED, "life_domains": ["gezondheid"]}
    values.update(changes)
    return values
