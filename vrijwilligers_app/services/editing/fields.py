"""What the register forms edit: one FieldSpec per input, per kind of record.

Lengths and lower/upper bounds come from the table definitions, so a longer column in a
later migration needs no change here. Labels, hints and group headings are Dutch (shown).
"""

from dataclasses import dataclass, replace

from annotated_types import Ge, Le
from sqlmodel import SQLModel

from vrijwilligers_app.store.tables import Initiative, Resident, Volunteer

FIELD_KINDS = frozenset({
    "text", "multiline", "date", "int", "year", "bool", "code", "codes", "phone", "email",
    "postcode", "pc4_or_postcode", "tags", "availability", "money",
})
# Kinds a person types free text into: checked for BSN-like numbers.
FREE_TEXT_KINDS = frozenset({"text", "multiline", "tags"})
# Code lists kept here rather than in a table (fixed by the schema's meaning).
GENDER_OPTIONS: tuple[tuple[str, str], ...] = (("v", "Vrouw"), ("m", "Man"), ("x", "Anders"))
CONSENT_HOW_OPTIONS: tuple[tuple[str, str], ...] = (("mondeling", "Mondeling"),
                                                     ("schriftelijk", "Schriftelijk"))
BUILT_IN_CODES: dict[str, tuple[tuple[str, str], ...]] = {"gender": GENDER_OPTIONS,
                                                          "consent_how": CONSENT_HOW_OPTIONS}


@dataclass(frozen=True)
class FieldSpec:
    key: str  # table column, or a virtual key ("districts", "life_domains") for link tables
    label: str  # Dutch label shown before the input
    kind: str  # one of FIELD_KINDS
    required: bool = False
    code_table: str | None = None  # for code/codes: table name, or a key of BUILT_IN_CODES
    help: str = ""  # short Dutch hint / placeholder
    group: str = ""  # Dutch section heading
    max_length: int | None = None  # from the schema (text kinds)
    minimum: int | None = None  # from the schema (int kind)
    maximum: int | None = None


def _spec(key: str, label: str, kind: str, group: str, help: str = "", *,
          required: bool = False, code_table: str | None = None) -> FieldSpec:
    return FieldSpec(key, label, kind, required, code_table, help, group)


DATE_HELP = "dd-mm-jjjj"
PHONE_HELP = "06-12345678"
EMAIL_HELP = "naam@voorbeeld.nl"
TAGS_HELP = "gescheiden door komma's"

_INITIATIVE = (
    _spec("name", "Naam", "text", "Initiatief", "bijvoorbeeld Alzheimer Café Helmond",
          required=True),
    _spec("type_code", "Soort initiatief", "code", "Initiatief", required=True,
          code_table="initiative_type"),
    _spec("description", "Omschrijving", "multiline", "Initiatief", "wat het initiatief doet"),
    _spec("districts", "Wijken", "codes", "Initiatief", "waar het initiatief actief is",
          code_table="district"),
    _spec("life_domains", "Leefdomeinen", "codes", "Initiatief", code_table="life_domain"),
    _spec("start_date", "Startdatum", "date", "Initiatief", DATE_HELP),
    _spec("end_date", "Einddatum", "date", "Initiatief", "leeg zolang het initiatief loopt"),
    _spec("contact_name", "Contactpersoon", "text", "Contact"),
    _spec("phone", "Telefoon", "phone", "Contact", PHONE_HELP),
    _spec("email", "E-mailadres", "email", "Contact", EMAIL_HELP),
    _spec("website", "Website", "text", "Contact", "www.voorbeeld.nl"),
    _spec("address", "Adres", "text", "Contact", "straat en huisnummer"),
    _spec("postcode", "Postcode", "postcode", "Contact", "1234 AB"),
    _spec("subsidised", "Subsidie van de gemeente", "bool", "Subsidie"),
    _spec("subsidy_reference", "Kenmerk subsidie", "text", "Subsidie"),
    _spec("subsidy_amount_cents", "Subsidiebedrag", "money", "Subsidie", "€ 1.250,00"),
    _spec("subsidy_year", "Subsidiejaar", "year", "Subsidie", "bijvoorbeeld 2026"),
    _spec("buddy_contact_weeks", "Contact met maatje elke (weken)", "int", "Maatjesproject",
          "bijvoorbeeld 2"),
    _spec("buddy_waiting_weeks", "Maximale wachttijd (weken)", "int", "Maatjesproject",
          "bijvoorbeeld 8"),
    _spec("vog_max_age_years", "VOG vernieuwen na (jaren)", "int", "Maatjesproject",
          "bijvoorbeeld 3"),
)


def _person(group: str = "Persoon") -> tuple[FieldSpec, ...]:
    return (
        _spec("first_name", "Voornaam", "text", group, required=True),
        _spec("name_prefix", "Tussenvoegsel", "text", group, "van, de, van der"),
        _spec("last_name", "Achternaam", "text", group, required=True),
        _spec("gender", "Geslacht", "code", group, code_table="gender"),
        _spec("birth_year", "Geboortejaar", "year", group, "bijvoorbeeld 1980"),
    )


_VOLUNTEER = (
    *_person(),
    _spec("phone", "Telefoon", "phone", "Contact", PHONE_HELP),
    _spec("email", "E-mailadres", "email", "Contact", EMAIL_HELP),
    _spec("street", "Straat en huisnummer", "text", "Contact"),
    _spec("postcode", "Postcode", "postcode", "Contact", "1234 AB"),
    _spec("city", "Woonplaats", "text", "Contact"),
    _spec("district_code", "Wijk", "code", "Contact", code_table="district"),
    _spec("start_date", "Vrijwilliger sinds", "date", "Inzet", DATE_HELP),
    _spec("end_date", "Gestopt op", "date", "Inzet", "leeg zolang actief"),
    _spec("availability", "Beschikbaarheid", "availability", "Inzet",
          "bijvoorbeeld ma-o,di-m,di-a (o=ochtend, m=middag, a=avond)"),
    _spec("skills", "Vaardigheden", "tags", "Inzet", f"{TAGS_HELP}, bijvoorbeeld koken, fietsen"),
    _spec("interests", "Interesses", "tags", "Inzet", f"{TAGS_HELP}, bijvoorbeeld wandelen"),
    _spec("languages", "Talen", "tags", "Inzet", f"{TAGS_HELP}, bijvoorbeeld nl, en"),
    _spec("vog_date", "VOG (origineel) gezien op", "date", "VOG", DATE_HELP),
    _spec("vog_checked_by", "VOG gezien door", "text", "VOG", "naam van wie het origineel zag"),
    _spec("listed_consent", "Mag met naam in overzichten voor de gemeente", "bool",
          "Toestemming"),
    _spec("notes", "Notities", "multiline", "Notities"),
)

_RESIDENT = (
    *_person(),
    _spec("phone", "Telefoon", "phone", "Contact", PHONE_HELP),
    _spec("email", "E-mailadres", "email", "Contact", EMAIL_HELP),
    _spec("postcode", "Postcode", "pc4_or_postcode", "Contact", "5701 of 5701 AB"),
    _spec("district_code", "Wijk", "code", "Contact", code_table="district"),
    _spec("neighbourhood_code", "Buurt", "code", "Contact", code_table="neighbourhood"),
    _spec("languages", "Talen", "tags", "Contact", f"{TAGS_HELP}, bijvoorbeeld nl, ar"),
    # The current 'vastleggen' consent of the ledger (services.editing.people); delen and
    # the gemeente are recorded and withdrawn on the Toestemming tab.
    _spec("recording_given_on", "Toestemming vastleggen gegeven op", "date", "Toestemming",
          "dd-mm-jjjj; zonder toestemming wordt de hulp anoniem vastgelegd"),
    _spec("recording_how", "Toestemming gegeven", "code", "Toestemming",
          code_table="consent_how"),
    FieldSpec("recording_by", "Toestemming vastgelegd door", "text", help="uw naam",
              group="Toestemming", max_length=80),
)

TABLES: dict[str, type[SQLModel]] = {
    "initiatives": Initiative, "volunteers": Volunteer, "residents": Resident,
}
# Dutch noun per kind, for labels and messages.
NOUNS = {"initiatives": "Initiatief", "volunteers": "Vrijwilliger", "residents": "Inwoner"}
SUBJECTS = {"initiatives": "Dit initiatief", "volunteers": "Deze vrijwilliger",
            "residents": "Deze inwoner"}
TABLE_NAMES = {"initiatives": "initiative", "volunteers": "volunteer", "residents": "resident"}
# Kept by the table but not edited in the forms.
NOT_EDITED = frozenset({"id", "uuid", "created_at", "updated_at", "archived_at",
                        "anonymised_on", "age_band",
                        # the resident's cache of the consent ledger (services.consents)
                        "consent_recording", "consent_recording_on", "consent_sharing",
                        "consent_sharing_on"})


def _with_schema(kind: str, specs: tuple[FieldSpec, ...]) -> tuple[FieldSpec, ...]:
    """Fill max_length / minimum / maximum from the table; a column missing from the form (or
    a form key missing from the table, other than link keys) is a programming error."""
    model = TABLES[kind]
    columns = model.__table__.columns  # type: ignore[attr-defined]
    edited = {c.name for c in columns} - NOT_EDITED
    keys = {s.key for s in specs}
    if not keys >= edited:
        raise RuntimeError(f"{kind}: the form lacks columns {sorted(edited - keys)}")
    out = []
    for spec in specs:
        if spec.key not in columns:
            out.append(spec)
            continue
        length = getattr(columns[spec.key].type, "length", None)
        meta = model.model_fields[spec.key].metadata
        low = next((int(m.ge) for m in meta if isinstance(m, Ge)), None)  # type: ignore[call-overload]
        high = next((int(m.le) for m in meta if isinstance(m, Le)), None)  # type: ignore[call-overload]
        out.append(replace(spec, max_length=length, minimum=low, maximum=high))
    return tuple(out)


FORMS: dict[str, tuple[FieldSpec, ...]] = {
    "initiatives": _with_schema("initiatives", _INITIATIVE),
    "volunteers": _with_schema("volunteers", _VOLUNTEER),
    "residents": _with_schema("residents", _RESIDENT),
}
# Form keys that are no column of the record's table: link tables and the consent ledger.
LINK_KEYS = frozenset({"districts", "life_domains", "recording_given_on", "recording_how",
                       "recording_by"})


def form(kind: str) -> tuple[FieldSpec, ...]:
    try:
        return FORMS[kind]
    except KeyError:
        raise ValueError(f"unknown kind {kind!r}; expected one of {sorted(FORMS)}") from None


def spec_map(kind: str) -> dict[str, FieldSpec]:
    return {spec.key: spec for spec in form(kind)}
