"""Which column holds which field: suggested from the Dutch header words a list uses,
adjustable, and remembered (settings table) for the next file with the same headers."""

import hashlib
import json
from collections.abc import Collection, Mapping, Sequence

from sqlalchemy import Engine

from vrijwilligers_app.services.editing import FORMS
from vrijwilligers_app.services.editing.names import fold
from vrijwilligers_app.services.importing import roles
from vrijwilligers_app.store.settings import get_setting, set_setting

# Fields an import can fill beyond the form's own: one column with the whole name, and a
# birth date that is reduced to the year.
VIRTUAL = {"full_name": "Volledige naam (wordt gesplitst)",
           "birth_date": "Geboortedatum (alleen het jaar wordt bewaard)"}
PEOPLE = ("volunteers", "residents")
# The form fields an import never fills: the register decides them itself.
NOT_IMPORTED = frozenset({"availability", "districts", "life_domains", "listed_consent",
                          "consent_sharing", "consent_sharing_on", "consent_sharing_scope",
                          "consent_recording"})


def _fields(kind: str) -> dict[str, str]:
    fields = {spec.key: spec.label for spec in FORMS[kind] if spec.key not in NOT_IMPORTED}
    if kind in PEOPLE:
        fields = {"full_name": VIRTUAL["full_name"], **fields,
                  "birth_date": VIRTUAL["birth_date"]}
    return fields


IMPORT_FIELDS: dict[str, dict[str, str]] = {kind: _fields(kind) for kind in FORMS}
IMPORT_FIELDS["roles"] = dict(roles.FIELDS)

_PERSON_WORDS = {
    "full_name": ("naam", "volledigenaam", "naamvrijwilliger", "naamdeelnemer", "naaminwoner",
                  "vrijwilliger", "deelnemer", "inwoner", "persoon"),
    "first_name": ("voornaam", "voornamen", "roepnaam"),
    "name_prefix": ("tussenvoegsel", "tussenv", "tv", "voorvoegsel", "tussenvoegsels"),
    "last_name": ("achternaam", "familienaam", "geslachtsnaam"),
    "gender": ("geslacht", "mv", "sekse"),
    "birth_year": ("geboortejaar", "gebjaar", "jaargeboorte"),
    "birth_date": ("geboortedatum", "gebdatum", "geborenop", "geboren", "gebdat"),
    "phone": ("tel", "telefoon", "telefoonnummer", "telnr", "mobiel", "mobielnummer", "gsm",
              "mobieltelefoon", "telefoonmobiel", "06nummer"),
    "email": ("email", "emailadres", "mail", "mailadres"),
    "postcode": ("postcode", "pc"),
    "district_code": ("wijk",),
    "languages": ("talen", "taal"),
}
KIND_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "volunteers": {
        **_PERSON_WORDS,
        "street": ("adres", "straat", "straatenhuisnummer", "straathuisnummer", "woonadres"),
        "city": ("woonplaats", "plaats", "stad"),
        "start_date": ("sinds", "vrijwilligersinds", "startdatum", "begonnen", "datumstart",
                       "indienst", "lidsinds", "begindatum"),
        "end_date": ("gestopt", "gestoptop", "einddatum", "uitdienst"),
        "vog_date": ("vog", "vogdatum", "datumvog", "voggezien", "voggezienop"),
        "vog_checked_by": ("voggeziendoor", "vogdoor", "voggecontroleerddoor"),
        "skills": ("vaardigheden", "kwaliteiten"),
        "interests": ("interesses", "hobbys", "interesse"),
        "notes": ("opmerkingen", "opmerking", "notities", "bijzonderheden"),
    },
    "residents": {
        **_PERSON_WORDS,
        "neighbourhood_code": ("buurt",),
        "recording_given_on": ("toestemming", "toestemmingop", "datumtoestemming",
                               "toestemmingsdatum", "toestemminggegevenop",
                               "toestemmingvastleggen", "avgtoestemming"),
        "recording_how": ("toestemminghoe", "hoegegeven", "toestemminggegeven", "vorm",
                          "toestemmingsvorm", "mondelingschriftelijk"),
        "recording_by": ("vastgelegddoor", "toestemmingvastgelegddoor", "door",
                         "toestemmingdoor"),
    },
    "initiatives": {
        "name": ("naam", "initiatief", "naaminitiatief", "organisatie", "project"),
        "type_code": ("soort", "type", "soortinitiatief"),
        "description": ("omschrijving", "beschrijving", "wat"),
        "contact_name": ("contactpersoon", "contact"),
        "phone": ("tel", "telefoon", "telefoonnummer", "telnr", "mobiel"),
        "email": ("email", "emailadres", "mail"),
        "website": ("website", "site", "internet", "www"),
        "address": ("adres", "locatie", "straat"),
        "postcode": ("postcode", "pc"),
        "start_date": ("sinds", "startdatum", "gestart", "opgericht"),
        "end_date": ("einddatum", "gestopt"),
        "subsidy_reference": ("kenmerk", "subsidiekenmerk", "kenmerksubsidie"),
        "subsidy_year": ("subsidiejaar",),
    },
}
KIND_WORDS["roles"] = dict(roles.WORDS)
_LOOKUP = {kind: {fold(word): key for key, words in table.items() for word in words}
           for kind, table in KIND_WORDS.items()}
ALL_WORDS = frozenset(word for table in _LOOKUP.values() for word in table)


def header_key(header: object) -> str:
    return fold(str(header or ""))


def suggest_mapping(kind: str, headers: Sequence[object],
                    hidden: Collection[int] = ()) -> dict[int, str]:
    """Column index -> field key for the headers we recognise; each field at most once
    (the first column wins). A list with a full-name column and separate name parts keeps
    the parts. Hidden columns are never suggested: someone hid them for a reason (the user
    can still choose them)."""
    lookup = _LOOKUP[kind]
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        key = None if index in hidden else lookup.get(header_key(header))
        if key and key not in mapping.values():
            mapping[index] = key
    chosen = set(mapping.values())
    if "full_name" in chosen and {"first_name", "last_name"} <= chosen:
        mapping = {i: k for i, k in mapping.items() if k != "full_name"}
    return mapping


def _setting_key(kind: str, headers: Sequence[object]) -> str:
    joined = "\x1f".join(header_key(h) for h in headers)
    return f"import_kolommen_{kind}_{hashlib.sha256(joined.encode()).hexdigest()[:16]}"


def recall_mapping(engine: Engine, kind: str, headers: Sequence[object]) -> dict[int, str] | None:
    """The mapping chosen last time for a file with exactly these headers, if any."""
    stored = get_setting(engine, _setting_key(kind, headers))
    if not stored:
        return None
    fields = IMPORT_FIELDS[kind]
    return {int(i): key for i, key in json.loads(stored).items()
            if key in fields and int(i) < len(headers)}


def remember_mapping(engine: Engine, kind: str, headers: Sequence[object],
                     mapping: Mapping[int, str]) -> None:
    value = json.dumps({str(i): key for i, key in sorted(mapping.items()) if key})
    set_setting(engine, _setting_key(kind, headers), value)
