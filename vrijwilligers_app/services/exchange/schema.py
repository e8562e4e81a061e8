"""The tables of the exchange, described once as Frictionless Table Schemas.

The writer puts these schemas in `datapackage.json`; the reader checks every CSV against *its
own* copy for the package's schema version (a package cannot loosen the rules by shipping a
laxer schema). Field types used: string, integer, number, date, datetime, boolean.
Bump SCHEMA_VERSION when a table changes; a reader refuses a newer version and reads an
older one by that version's own rules (TABLES_BY_VERSION).

Version 2 (consent ledger, issue 12): residents without a current consent to be counted as a
row for the gemeente, or too recognisable even after generalising, are only counted in
`inwoners_geteld` (per wijk); `maatjes_aanvragen.inwoner` may therefore be empty; age bands
may be widened (18-44, 18-64, 65+) so that every combination of age band, PC4 and wijk in
`inwoners` holds at least 5 residents.
"""

from dataclasses import dataclass, field, replace
from typing import Any

from vrijwilligers_app.domain import referral_rules as rules

# 2: generalised age bands (18-44, 18-64, 65+) for small groups.
# 3: the age bands "85+" and "65+" are written as "85 en ouder" and "65 en ouder" (a
#    spreadsheet read "85+" as the number 85); readers accept both forms, so packages of
#    versions 1 and 2 still read.
# 4: one initiative once (issue 17): the export's `initiatieven.gemeente_id` names the
#    initiative on the gemeente's list a laptop user linked it to; return packages carry that
#    list (`gemeentelijst`). Packages of versions 1-3 read without both.
SCHEMA_VERSION = 4
BEFORE_LINKS = 3  # the last version without `gemeentelijst` (returns for laptops not updated)
PROFILE = "vrijwilligers-app-uitwisseling"
AGE_BANDS_V1 = ("0-17", "18-26", "27-44", "45-64", "65-74", "75-84", "85+", "onbekend")
WIDE_AGE_BANDS = ("18-44", "18-64", "65+")  # generalised bands (schema version 2)
AGE_BANDS_ALL = (*AGE_BANDS_V1, *WIDE_AGE_BANDS)
# Codes as the CSV writes them where Excel or LibreOffice would turn the code into a number
# ("85+" -> 85). Checked by opening a package CSV with LibreOffice (tests/services/exchange).
AGE_FILE_TEXTS = (("85+", "85 en ouder"), ("65+", "65 en ouder"))
HEX_KEY = r"^[0-9a-f]{32}$"
UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
CODE = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$"


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "string"
    required: bool = False
    description: str = ""
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    max_length: int | None = None
    file_texts: tuple[tuple[str, str], ...] = ()  # (code, how the CSV writes it)

    @property
    def file_enum(self) -> tuple[str, ...] | None:
        """The list as it stands in the file (the schema in datapackage.json)."""
        if self.enum is None:
            return None
        texts = dict(self.file_texts)
        return tuple(texts.get(code, code) for code in self.enum)

    @property
    def formula_safe(self) -> bool:
        """A text that can never start with = + - @ (pattern or list): written as it is."""
        return self.type == "string" and (self.enum is not None or self.pattern is not None)

    def as_field(self) -> dict[str, Any]:
        result: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.type == "datetime":
            result["format"] = "%Y-%m-%dT%H:%M:%SZ"
        if self.description:
            result["description"] = self.description
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum is not None:
            constraints["enum"] = list(self.file_enum or ())
        if self.pattern is not None:
            constraints["pattern"] = self.pattern
        if self.max_length is not None:
            constraints["maxLength"] = self.max_length
        if self.type in ("integer", "number"):
            constraints["minimum"] = 0
        if constraints:
            result["constraints"] = constraints
        return result


@dataclass(frozen=True)
class Table:
    name: str  # resource name and data/<name>.csv
    title: str  # Dutch, shown to the user
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    description: str = ""
    foreign_keys: tuple[tuple[str, str, str], ...] = field(default=())  # (col, table, col)

    @property
    def path(self) -> str:
        return f"data/{self.name}.csv"

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]

    def table_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "fields": [c.as_field() for c in self.columns],
            "primaryKey": list(self.primary_key),
            "missingValues": [""],
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": column, "reference": {"resource": table, "fields": target}}
                for column, table, target in self.foreign_keys]
        return schema


def _c(name: str, type_: str = "string", **kwargs: Any) -> Column:
    return Column(name, type_, **kwargs)


KEY = _c("id", required=True, pattern=HEX_KEY, description="pseudoniem (sleutel-hash)")
REF_KEY = _c("doorverwijzing", required=True, pattern=HEX_KEY)
EVENT_KINDS = tuple(rules.EVENT_KINDS)
SOCIALE_KAART = Table("sociale_kaart", "Sociale kaart (organisaties)", (
    _c("code", required=True, pattern=CODE), _c("organisatie", required=True),
    _c("dienst"), _c("telefoon"), _c("email"), _c("website"),
    _c("reactietermijn_dagen", "integer"), _c("actief", "boolean", required=True),
    _c("leefdomeinen", description="codes gescheiden door ;"),
), ("code",))

EXPORT_TABLES: tuple[Table, ...] = (
    Table("initiatieven", "Initiatieven (openbaar, volledig)", (
        _c("id", required=True, pattern=UUID), _c("naam", required=True),
        _c("soort", required=True, pattern=CODE), _c("beschrijving"), _c("contactpersoon"),
        _c("telefoon"), _c("email"), _c("website"), _c("adres"), _c("postcode"),
        _c("wijken", description="CBS-wijkcodes gescheiden door ;"),
        _c("leefdomeinen", description="codes gescheiden door ;"),
        _c("gesubsidieerd", "boolean", required=True), _c("subsidiekenmerk"),
        _c("subsidiebedrag_centen", "integer"), _c("subsidiejaar", "integer"),
        _c("startdatum", "date"), _c("einddatum", "date"), _c("gearchiveerd_op", "date"),
        _c("gemeente_id", pattern=UUID,
           description="hetzelfde initiatief op de gemeentelijst (gekoppeld op de laptop)"),
    ), ("id",)),
    SOCIALE_KAART,
    Table("vrijwilligers_per_initiatief", "Vrijwilligers: aantallen per initiatief", (
        _c("initiatief", required=True, pattern=UUID),
        _c("actief", "integer", required=True), _c("met_vog", "integer", required=True),
        _c("vermeld", "integer", required=True),
    ), ("initiatief",), foreign_keys=(("initiatief", "initiatieven", "id"),)),
    Table("vrijwilligers_vermeld", "Vrijwilligers die vermeld willen worden (naam en rol)", (
        _c("id", required=True, pattern=UUID), _c("voornaam", required=True),
        _c("tussenvoegsel"), _c("achternaam", required=True),
        _c("initiatief", required=True, pattern=UUID), _c("rol", required=True, pattern=CODE),
    ), ("id", "initiatief", "rol"), foreign_keys=(("initiatief", "initiatieven", "id"),)),
    Table("inwoners", "Inwoners (alleen pseudoniem, leeftijdsgroep, wijk en PC4)", (
        _c("pseudoniem", required=True, pattern=HEX_KEY),
        _c("leeftijdsgroep", required=True, enum=AGE_BANDS_ALL,
           file_texts=AGE_FILE_TEXTS),
        _c("wijk", pattern=r"^WK[0-9]{6}$"), _c("pc4", pattern=r"^[1-9][0-9]{3}$"),
    ), ("pseudoniem",)),
    Table("inwoners_geteld", "Inwoners die alleen meetellen (aantal per wijk)", (
        _c("wijk", required=True, pattern=r"^(WK[0-9]{6}|onbekend)$"),
        _c("aantal", "integer", required=True),
    ), ("wijk",), description="zonder toestemming voor een rij, of te herkenbaar"),
    Table("maatjes_aanvragen", "Maatjes: aanmeldingen (zonder wensen of namen)", (
        KEY, _c("inwoner", pattern=HEX_KEY),
        _c("initiatief", required=True, pattern=UUID), _c("status", required=True),
        _c("aangemeld_op", "date", required=True), _c("intake_op", "date"),
        _c("wachtend_sinds", "date"), _c("afgesloten_op", "date"), _c("afsluitreden"),
    ), ("id",), foreign_keys=(("inwoner", "inwoners", "pseudoniem"),
                              ("initiatief", "initiatieven", "id"))),
    Table("maatjeskoppelingen", "Maatjes: koppelingen (zonder namen of notities)", (
        KEY, _c("aanvraag", required=True, pattern=HEX_KEY),
        _c("voorgesteld_op", "date", required=True), _c("gestart_op", "date"),
        _c("beeindigd_op", "date"), _c("reden"),
        _c("contactmomenten", "integer", required=True),
    ), ("id",), foreign_keys=(("aanvraag", "maatjes_aanvragen", "id"),)),
    Table("doorverwijzingen", "Doorverwijzingen (zonder vraagtekst)", (
        KEY, _c("inwoner", pattern=HEX_KEY), _c("wijk", pattern=r"^WK[0-9]{6}$"),
        _c("leeftijdsgroep", enum=AGE_BANDS_ALL, file_texts=AGE_FILE_TEXTS),
        _c("pc4", pattern=r"^[1-9][0-9]{3}$"),
        _c("initiatief", pattern=UUID), _c("organisatie", required=True, pattern=CODE),
        _c("urgentie", required=True, enum=tuple(rules.URGENCIES)),
        _c("gesignaleerd_op", "date", required=True),
        _c("status", required=True, enum=EVENT_KINDS), _c("leefdomeinen"),
    ), ("id",), foreign_keys=(("organisatie", "sociale_kaart", "code"),)),
    Table("statusmomenten", "Statusmomenten van doorverwijzingen (zonder notities)", (
        _c("id", required=True), REF_KEY, _c("soort", required=True, enum=EVENT_KINDS),
        _c("moment", "datetime", required=True), _c("organisatie", pattern=CODE),
        _c("bron", required=True, enum=("laptop", "gemeente")),
    ), ("id",), foreign_keys=(("doorverwijzing", "doorverwijzingen", "id"),)),
    Table("activiteiten", "Activiteiten (datum, wijk en aantallen)", (
        _c("id", required=True, pattern=UUID), _c("initiatief", required=True, pattern=UUID),
        _c("datum", "date", required=True), _c("wijk", pattern=r"^WK[0-9]{6}$"),
        _c("afgelast", "boolean", required=True), _c("diensten", "integer", required=True),
        _c("diensten_bezet", "integer", required=True),
        _c("vrijwilligersuren", "number", required=True),
        _c("benoemde_deelnemers", "integer", required=True),
    ), ("id",), foreign_keys=(("initiatief", "initiatieven", "id"),)),
    Table("bezoekers", "Bezoekers per activiteit en soort", (
        _c("activiteit", required=True, pattern=UUID),
        _c("bezoekerstype", required=True, pattern=CODE),
        _c("aantal", "integer", required=True),
    ), ("activiteit", "bezoekerstype"), foreign_keys=(("activiteit", "activiteiten", "id"),)),
)

RETURN_TABLES: tuple[Table, ...] = (
    Table("statusmomenten", "Statusmomenten van de gemeente", (
        _c("id", required=True, pattern=UUID), REF_KEY,
        _c("soort", required=True, enum=EVENT_KINDS), _c("moment", "datetime", required=True),
        _c("organisatie", pattern=CODE),
    ), ("id",)),
    SOCIALE_KAART,
    Table("codelijsten", "Codelijsten", (
        _c("lijst", required=True, pattern=CODE), _c("code", required=True, pattern=CODE),
        _c("naam", required=True), _c("volgorde", "integer", required=True),
        _c("actief", "boolean", required=True), _c("groep"),
    ), ("lijst", "code")),
    Table("gemeentelijst", "Initiatieven op de gemeentelijst (elk één keer)", (
        _c("id", required=True, pattern=UUID), _c("naam", required=True, max_length=150),
        _c("soort", required=True, pattern=CODE), _c("adres", max_length=150),
        _c("postcode", max_length=7),
        _c("wijken", description="CBS-wijkcodes gescheiden door ;", max_length=400),
    ), ("id",), description="om een initiatief op de laptop aan te koppelen"),
)

TABLES = {"export": {t.name: t for t in EXPORT_TABLES},
          "return": {t.name: t for t in RETURN_TABLES}}


def _version_1(table: Table) -> Table:
    """The same table as schema version 1 described it (stricter: no wide age bands, every
    buddy request names its resident's pseudonym)."""
    columns = tuple(
        replace(c, enum=AGE_BANDS_V1) if c.enum == AGE_BANDS_ALL else
        replace(c, required=True) if (table.name, c.name) == ("maatjes_aanvragen", "inwoner")
        else c for c in table.columns)
    return replace(table, columns=columns)


def _version_3(tables: dict[str, dict[str, Table]]) -> dict[str, dict[str, Table]]:
    """The tables as versions 1-3 described them: no link to (nor list of) the gemeente's
    initiatives."""
    export = {name: replace(t, columns=tuple(c for c in t.columns if c.name != "gemeente_id"))
              for name, t in tables["export"].items()}
    return {"export": export,
            "return": {n: t for n, t in tables["return"].items() if n != "gemeentelijst"}}


VERSION_3 = _version_3(TABLES)
TABLES_BY_VERSION = {
    1: _version_3({"export": {t.name: _version_1(t) for t in EXPORT_TABLES
                              if t.name != "inwoners_geteld"}, "return": TABLES["return"]}),
    2: VERSION_3,  # version 3 only changed how two age bands are written; readers take both
    3: VERSION_3,
    SCHEMA_VERSION: TABLES,
}
