"""Reading the shipped code lists (CSV, ';', UTF-8). Pure Python, no database.

Each list maps to rows for one table. A broken file is reported with file, row and field.
"""

import csv
from dataclasses import dataclass
from pathlib import Path


class CodeListError(ValueError):
    pass


@dataclass(frozen=True)
class CodeListSpec:
    file_name: str
    table: str
    # CSV column -> table column; the first entry is the key.
    columns: dict[str, str]
    int_columns: frozenset[str] = frozenset()


SIMPLE = {"code": "code", "naam": "name", "volgorde": "sort_order"}

SPECS: tuple[CodeListSpec, ...] = (
    CodeListSpec(
        "helmond_wijken.csv", "district",
        {"wijkcode": "code", "wijknaam_kort": "name", "wijknaam_cbs": "cbs_name",
         "inwoners_2024": "inhabitants", "woningen_2024": "dwellings", "opp_ha_2024": "area_ha"},
        frozenset({"inhabitants", "dwellings", "area_ha"}),
    ),
    CodeListSpec(
        "helmond_buurten.csv", "neighbourhood",
        {"buurtcode": "code", "buurtnaam": "name", "wijkcode": "district_code"},
    ),
    CodeListSpec(
        "leefdomeinen.csv", "life_domain", {**SIMPLE, "groep": "group"}, frozenset({"sort_order"})
    ),
    CodeListSpec("initiatieftypen.csv", "initiative_type", SIMPLE, frozenset({"sort_order"})),
    CodeListSpec("bezoekerstypen.csv", "visitor_type", SIMPLE, frozenset({"sort_order"})),
    CodeListSpec("afsluitredenen.csv", "match_end_reason", SIMPLE, frozenset({"sort_order"})),
    CodeListSpec("contactsoorten.csv", "contact_kind", SIMPLE, frozenset({"sort_order"})),
    CodeListSpec("rollen.csv", "duty_role", SIMPLE, frozenset({"sort_order"})),
    CodeListSpec("uitstroomredenen.csv", "volunteer_exit_reason", SIMPLE,
                 frozenset({"sort_order"})),
)

DESTINATIONS_FILE = "organisaties.csv"
DESTINATION_COLUMNS = ("code", "organisatie", "dienst", "telefoon", "website", "leefdomeinen",
                       "reactietermijn_dagen")


def _read(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CodeListError(f"{path.name}: kan het bestand niet lezen ({exc})") from exc
    reader = csv.DictReader(text.splitlines(), delimiter=";")
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise CodeListError(f"{path.name}: kolom(men) ontbreken: {', '.join(missing)}")
    rows = []
    for line_no, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise CodeListError(f"{path.name}, regel {line_no}: verkeerd aantal velden")
        rows.append((line_no, {k: v.strip() for k, v in row.items()}))
    return rows


def read_code_list(folder: Path, spec: CodeListSpec) -> list[dict[str, object]]:
    result: list[dict[str, object]] = []
    seen: set[str] = set()
    key_column = next(iter(spec.columns))
    for line_no, row in _read(folder / spec.file_name, tuple(spec.columns)):
        record: dict[str, object] = {}
        for csv_col, col in spec.columns.items():
            value = row[csv_col]
            if col in spec.int_columns:
                try:
                    record[col] = int(value) if value else None
                except ValueError:
                    raise CodeListError(
                        f"{spec.file_name}, regel {line_no}, veld '{csv_col}': "
                        f"'{value}' is geen geheel getal"
                    ) from None
            else:
                record[col] = value
        key = row[key_column]
        if not key:
            raise CodeListError(f"{spec.file_name}, regel {line_no}: code ontbreekt")
        if key in seen:
            raise CodeListError(f"{spec.file_name}, regel {line_no}: code '{key}' dubbel")
        seen.add(key)
        result.append(record)
    return result


@dataclass(frozen=True)
class DestinationSeed:
    code: str
    organisation: str
    service: str
    phone: str
    website: str
    life_domains: tuple[str, ...]
    agreed_response_days: int | None


def read_destinations(folder: Path) -> list[DestinationSeed]:
    seeds = []
    for line_no, row in _read(folder / DESTINATIONS_FILE, DESTINATION_COLUMNS):
        days = row["reactietermijn_dagen"]
        if days and not days.isdigit():
            raise CodeListError(
                f"{DESTINATIONS_FILE}, regel {line_no}, veld 'reactietermijn_dagen': "
                f"'{days}' is geen aantal dagen"
            )
        seeds.append(DestinationSeed(
            code=row["code"], organisation=row["organisatie"], service=row["dienst"],
            phone=row["telefoon"], website=row["website"],
            life_domains=tuple(d for d in row["leefdomeinen"].split(",") if d),
            agreed_response_days=int(days) if days else None,
        ))
    return seeds
