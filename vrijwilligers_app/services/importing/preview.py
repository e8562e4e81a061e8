"""The preview: every row judged before anything is written (new, same as an existing
record, or an error with the reason per cell), with the register's own checks."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine

from vrijwilligers_app.services.editing import DuplicateHit, check_values, find_duplicates
from vrijwilligers_app.services.editing.codes import code_names, known_codes
from vrijwilligers_app.services.importing import roles
from vrijwilligers_app.services.importing.cells import Sheet, Value
from vrijwilligers_app.services.importing.consent import CONSENT_NOTE
from vrijwilligers_app.services.importing.duplicates import PeopleIndex
from vrijwilligers_app.services.importing.headers import header_score
from vrijwilligers_app.services.importing.mapping import IMPORT_FIELDS, PEOPLE, header_key
from vrijwilligers_app.services.importing.rows import NAME_PARTS, convert_row
from vrijwilligers_app.services.importing.values import as_text, is_empty
from vrijwilligers_app.store.engine import read_session

NEW, DUPLICATE, ERROR = "nieuw", "dubbel", "fout"
STATUS_NL = {NEW: "nieuw", DUPLICATE: "staat er al in", ERROR: "fout"}
TOTAL_WORDS = ("totaal", "total", "subtotaal", "aantal", "som", "gemiddeld")


@dataclass
class RowPlan:
    row_number: int  # as the spreadsheet shows it (1 = first row)
    status: str  # NEW, DUPLICATE or ERROR
    values: dict[str, object]
    errors: list[str] = field(default_factory=list)  # Dutch, with row and column
    duplicate: DuplicateHit | None = None  # an existing record (record_id > 0)
    same_as_row: int | None = None  # an earlier row of this file
    duplicate_text: str = ""  # for roles: why it is a duplicate


@dataclass
class Preview:
    kind: str
    file_name: str
    sheet_name: str
    headers: list[str]
    mapping: dict[int, str]
    rows: list[RowPlan]
    notes: list[str]  # rows left out on purpose (blank, totals, repeated headers)
    consent_note: str = ""

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)


def _fill_merged(sheet: Sheet, first_data: int) -> list[list[Value]]:
    """A value merged over several rows (an initiative beside all its volunteers) is
    repeated into each row; calamine leaves only the top-left cell filled."""
    rows = [list(row) for row in sheet.rows]
    for (top, left), (bottom, right) in sheet.merged:
        if bottom < first_data or top >= len(rows):
            continue
        value = rows[top][left] if left < len(rows[top]) else None
        for r in range(max(top, first_data), min(bottom, len(rows) - 1) + 1):
            for c in range(left, right + 1):
                while len(rows[r]) <= c:
                    rows[r].append("")
                rows[r][c] = value
    return rows


def _skip_reason(cells: Sequence[Value], mapping: Mapping[int, str], header_words: int) -> str:
    filled = [c for c in cells if not is_empty(c)]
    if not filled:
        return "leeg"
    texts = sum(1 for c in filled if isinstance(c, str))
    if header_words >= 2 and texts >= header_words and header_score(cells) >= header_words:
        return "de kopregel staat er nog eens"
    first = next((c for c in filled if isinstance(c, str)), None)
    if first is not None and header_key(first).startswith(TOTAL_WORDS):
        return "een totaalregel"
    in_mapped = [i for i in mapping if i < len(cells) and not is_empty(cells[i])]
    if len(mapping) >= 3 and len(filled) == 1 and len(in_mapped) <= 1:
        return "alleen één cel ingevuld (een tussenkop)"
    return ""


def _place(key: str, columns: Mapping[str, str], kind: str, row: int) -> str:
    if key in columns:
        return f"rij {row}, kolom {columns[key]}"
    if key in NAME_PARTS and "full_name" in columns:
        return f"rij {row}, kolom {columns['full_name']}"
    if key == "birth_year" and "birth_date" in columns:
        return f"rij {row}, kolom {columns['birth_date']}"
    if key == "recording_given_on" and key in columns:
        return f"rij {row}, kolom {columns[key]}"
    return f"rij {row}, {IMPORT_FIELDS[kind].get(key, key)}"


def build_preview(engine: Engine, kind: str, sheet: Sheet, header_row: int,
                  mapping: Mapping[int, str], file_name: str = "",
                  today: date | None = None) -> Preview:
    """Judge every row under `header_row` (0-based) with the columns mapped to fields."""
    today = today or date.today()
    mapping = {i: key for i, key in mapping.items() if key}
    headers = [as_text(c) if not is_empty(c) else f"kolom {i + 1}"
               for i, c in enumerate(sheet.rows[header_row])] if sheet.rows else []
    columns = {key: headers[i] if i < len(headers) else f"kolom {i + 1}"
               for i, key in mapping.items()}
    header_words = header_score(sheet.rows[header_row]) if sheet.rows else 0
    rows = _fill_merged(sheet, header_row + 1)
    plans: list[RowPlan] = []
    notes: list[str] = []
    with read_session(engine) as session:
        known = known_codes(session)
        cache: dict[str, dict[str, str]] = {}

        def names(table: str) -> dict[str, str]:
            if table not in cache:
                cache[table] = code_names(session, table)
            return cache[table]

        index = PeopleIndex(session, kind) if kind in PEOPLE else None
        found_roles = roles.Lookups(session) if kind == "roles" else None
        for number, cells in enumerate(rows[header_row + 1:], start=header_row + 2):
            reason = _skip_reason(cells, mapping, header_words)
            if reason:
                if reason != "leeg":
                    notes.append(f"rij {number} overgeslagen: {reason}.")
                continue
            if found_roles is not None:
                plans.append(_role_plan(number, cells, mapping, columns, today, found_roles))
                continue
            values, errors = convert_row(kind, cells, mapping, today, names)
            cleaned, form_errors = check_values(session, kind, values, today, known)
            for key, message in form_errors.items():
                errors.setdefault(key, message)
            plan = RowPlan(number, NEW, cleaned if not errors else values)
            if errors:
                plan.status = ERROR
                plan.errors = [f"{_place(k, columns, kind, number)}: {m.rstrip('.')}."
                               for k, m in errors.items()]
            elif index is not None:
                hits = index.find(cleaned)
                if hits:
                    hit = hits[0][1]
                    plan.status = DUPLICATE
                    if hit.record_id > 0:
                        plan.duplicate = hit
                    else:
                        plan.same_as_row = -hit.record_id
                index.add_values(-number, cleaned)
            plans.append(plan)
        if kind == "initiatives":
            _initiative_duplicates(engine, plans)
    note = CONSENT_NOTE if kind == "residents" else ""
    return Preview(kind, file_name, sheet.name, headers, dict(mapping), plans, notes, note)


def _role_plan(number: int, cells: Sequence[Value], mapping: Mapping[int, str],
               columns: Mapping[str, str], today: date, found: roles.Lookups) -> RowPlan:
    values, errors = roles.convert(cells, mapping, today, found)
    if errors:
        return RowPlan(number, ERROR, values, [
            f"{_place(k, columns, 'roles', number)}: {m[0].upper()}{m[1:].rstrip('.')}."
            for k, m in errors.items()])
    if roles.is_duplicate(values, found):
        return RowPlan(number, DUPLICATE, values,
                       duplicate_text="deze vrijwilliger heeft deze rol al in dit initiatief")
    return RowPlan(number, NEW, values)


def _initiative_duplicates(engine: Engine, plans: list[RowPlan]) -> None:
    seen: dict[str, int] = {}
    for plan in plans:
        if plan.status != NEW:
            continue
        hits = find_duplicates(engine, "initiatives", plan.values)
        name = header_key(plan.values.get("name"))
        if hits:
            plan.status, plan.duplicate = DUPLICATE, hits[0]
        elif name in seen:
            plan.status, plan.same_as_row = DUPLICATE, seen[name]
        seen.setdefault(name, plan.row_number)
