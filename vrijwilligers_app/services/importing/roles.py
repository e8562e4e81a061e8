"""Volunteers' roles in initiatives (the volunteer_role link table): each row names an
existing volunteer and an existing initiative, a role and optionally its dates.

A volunteer is found by name (and birth year when the list has one); an initiative by its
name; a role by its code or name. Anything not found, or found twice, is an error of that
row. An open role with the same volunteer, initiative and role is a duplicate."""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlmodel import Session

from vrijwilligers_app.services.editing.codes import code_names
from vrijwilligers_app.services.editing.names import fold
from vrijwilligers_app.services.importing.cells import Value
from vrijwilligers_app.services.importing.names import split_name
from vrijwilligers_app.services.importing.values import as_birth_year, as_date, as_text, is_empty
from vrijwilligers_app.store.queries import imports
from vrijwilligers_app.store.tables.base import new_uuid, utcnow

FIELDS = {
    "full_name": "Naam vrijwilliger (volledig)", "first_name": "Voornaam",
    "name_prefix": "Tussenvoegsel", "last_name": "Achternaam", "birth_year": "Geboortejaar",
    "initiative": "Initiatief", "role_code": "Rol", "start_date": "Sinds",
    "end_date": "Tot en met",
}
WORDS = {
    "full_name": ("naam", "vrijwilliger", "naamvrijwilliger", "volledigenaam"),
    "first_name": ("voornaam", "roepnaam"), "name_prefix": ("tussenvoegsel", "tv"),
    "last_name": ("achternaam",), "birth_year": ("geboortejaar", "geboortedatum", "gebdatum"),
    "initiative": ("initiatief", "project", "organisatie", "activiteit"),
    "role_code": ("rol", "functie", "taak"), "start_date": ("sinds", "startdatum", "vanaf"),
    "end_date": ("tot", "totenmet", "einddatum", "gestopt"),
}


class Lookups:
    """Volunteers by folded name, initiatives by folded name, roles by code and name."""

    def __init__(self, session: Session) -> None:
        self.people: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
        for vid, first, prefix, last, year in imports.volunteer_names(session):
            self.people[fold(first + prefix + last)].append((vid, year))
        self.initiatives: dict[str, list[int]] = defaultdict(list)
        for iid, name in imports.initiative_names(session):
            self.initiatives[fold(name)].append(iid)
        roles = code_names(session, "duty_role")
        self.roles = {fold(code): code for code in roles} | {fold(n): c for c, n in roles.items()}
        self.open_roles = imports.open_roles(session)


def convert(cells: Sequence[Value], mapping: Mapping[int, str], today: date,
            found: Lookups) -> tuple[dict[str, object], dict[str, str]]:
    raw: dict[str, Value] = {key: cells[i] if i < len(cells) else None
                             for i, key in mapping.items()}
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    try:
        if "full_name" in raw and not is_empty(raw["full_name"]):
            first, prefix, last = split_name(as_text(raw["full_name"]))
        else:
            first, prefix, last = (as_text(raw.get(k)) for k in ("first_name", "name_prefix",
                                                                   "last_name"))
        year = as_birth_year(raw.get("birth_year"), today)
        hits = [vid for vid, born in found.people.get(fold(first + prefix + last), [])
                if year is None or born == year]
        name_key = "full_name" if "full_name" in raw else "last_name"
        if not hits:
            shown = " ".join(p for p in (first, prefix, last) if p)
            errors[name_key] = (f"geen vrijwilliger '{shown}' in het register; lees eerst de "
                                "vrijwilligers in")
        elif len(hits) > 1:
            errors[name_key] = ("meer dan één vrijwilliger heet zo; voeg een kolom "
                                "Geboortejaar toe")
        else:
            values["volunteer_id"] = hits[0]
    except ValueError as exc:
        errors["full_name"] = str(exc)
    for key, table, what in (("initiative", found.initiatives, "initiatief"),
                             ("role_code", None, "rol")):
        text = as_text(raw.get(key)) if not isinstance(raw.get(key), Exception) else ""
        if not text:
            errors[key] = f"vul de {what} in"
            continue
        if table is not None:
            ids = table.get(fold(text), [])
            if len(ids) != 1:
                errors[key] = (f"geen initiatief '{text}' in het register" if not ids else
                               f"meer dan één initiatief heet '{text}'")
            else:
                values["initiative_id"] = ids[0]
        elif fold(text) in found.roles:
            values["role_code"] = found.roles[fold(text)]
        else:
            errors[key] = f"'{text}' staat niet in de lijst van rollen"
    for key in ("start_date", "end_date"):
        try:
            values[key] = as_date(raw.get(key), today)
        except ValueError as exc:
            errors[key] = str(exc)
    start, end = values.get("start_date"), values.get("end_date")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors["end_date"] = "ligt vóór de begindatum"
    return values, errors


def is_duplicate(values: Mapping[str, object], found: Lookups) -> bool:
    key = (values.get("volunteer_id"), values.get("initiative_id"), values.get("role_code"))
    if values.get("end_date") is None and key in found.open_roles:
        return True
    if values.get("end_date") is None:
        found.open_roles.add(key)  # type: ignore[arg-type]
    return False


def insert_roles(session: Session, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    now = utcnow()
    data = [{**row, "uuid": new_uuid(), "created_at": now, "updated_at": now} for row in rows]
    return imports.insert_roles(session, data)
