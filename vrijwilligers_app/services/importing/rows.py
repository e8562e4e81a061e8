"""One spreadsheet row -> the values of a register form, with a Dutch reason per bad cell."""

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from vrijwilligers_app.services.editing import FORMS
from vrijwilligers_app.services.editing.names import fold
from vrijwilligers_app.services.importing.cells import CellError, Value
from vrijwilligers_app.services.importing.consent import imported_consent
from vrijwilligers_app.services.importing.names import split_name
from vrijwilligers_app.services.importing.values import (
    as_birth_year,
    as_bool,
    as_date,
    as_phone,
    as_text,
    is_empty,
)

CodeNames = Callable[[str], dict[str, str]]  # code table -> {code: name}
PC4_ONLY = ("'{0}' is geen volledige postcode; vul ook de twee letters in, bijvoorbeeld "
            "{0} AB")
NAME_PARTS = ("first_name", "name_prefix", "last_name")


def _code(value: Value, table: str, names: CodeNames) -> str:
    """A code list value written as its code ('WK079413') or its name ('Brandevoort')."""
    text = as_text(value)
    options = names(table)
    if text in options:
        return text
    wanted = fold(text)
    for code, name in options.items():
        if fold(name) == wanted or fold(code) == wanted:
            return code
    # 'Brandevoort' for 'Wijk 21 Brandevoort': only when exactly one name ends that way
    endings = [code for code, name in options.items() if wanted and fold(name).endswith(wanted)]
    if len(endings) == 1:
        return endings[0]
    if table == "gender" and wanted[:1] in ("v", "m", "x"):
        return {"v": "v", "m": "m", "x": "x"}[wanted[0]]
    return text  # the form check says it is not in the list


def convert_row(kind: str, cells: Sequence[Value], mapping: Mapping[int, str],
                today: date, names: CodeNames) -> tuple[dict[str, object], dict[str, str]]:
    """(form values, {field key: Dutch reason}) for the mapped cells of one row."""
    specs = {spec.key: spec for spec in FORMS[kind]}
    values: dict[str, object] = {}
    errors: dict[str, str] = {}
    mapped = set(mapping.values())
    for index, key in mapping.items():
        cell: Value = cells[index] if index < len(cells) else None
        if is_empty(cell):
            continue
        try:
            if isinstance(cell, CellError):
                raise ValueError(f"de cel bevat een fout ({cell})")
            if key == "full_name":
                first, prefix, last = split_name(as_text(cell))
                for part, text in zip(NAME_PARTS, (first, prefix, last), strict=True):
                    if part not in mapped:
                        values[part] = text
            elif key == "birth_date":
                if "birth_year" not in mapped:
                    values["birth_year"] = as_birth_year(cell, today)
            elif key == "birth_year":
                values[key] = as_birth_year(cell, today)
            elif key == "recording_given_on":
                values.update(imported_consent(as_date(cell, today, past=True)))
            else:
                values[key] = _field(specs[key].kind, specs[key].code_table, cell, today,
                                     names)
        except ValueError as exc:
            errors[key] = str(exc)
    if kind == "residents" and "recording_given_on" not in values:
        values.update(imported_consent(None))
    return values, errors


def _field(kind: str, table: str | None, cell: Value, today: date, names: CodeNames) -> object:
    if kind == "phone":
        return as_phone(cell)
    if kind == "date":
        return as_date(cell, today)
    if kind == "bool":
        return as_bool(cell)
    if kind == "code":
        return _code(cell, table or "", names)
    text = as_text(cell)
    if kind == "postcode" and text.isdigit() and len(text) == 4:
        raise ValueError(PC4_ONLY.format(text))
    return text
