"""Is this person (or initiative) already in the register? Checked while a form is filled.

SQL narrows to rows sharing a birth year, postcode, phone or e-mail (indexed where the
schema has an index); names are then compared in Python, accent- and typo-tolerant.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, or_, select
from sqlmodel import col

from vrijwilligers_app.domain.names import full_name
from vrijwilligers_app.domain.validation import (
    ValidationError,
    normalize_email,
    normalize_pc4_or_postcode,
    normalize_phone,
)
from vrijwilligers_app.services.editing.fields import TABLES, form
from vrijwilligers_app.services.editing.names import fold, similar
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.tables import Initiative

MAX_HITS = 20
ARCHIVED = " (gearchiveerd)"
FACETS = (("birth_year", "geboortejaar"), ("postcode", "postcode"), ("phone", "telefoonnummer"),
          ("email", "e-mailadres"))


@dataclass(frozen=True)
class DuplicateHit:
    record_id: int
    label: str  # 'Doriën de Vries, 1948, 5701 AB'
    reason: str  # 'zelfde naam en geboortejaar'


def _join_nl(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


def _lenient(normalise: Any, raw: object) -> str:
    """The stored form if the input is already valid, else '' (a half-typed form)."""
    try:
        return str(normalise(raw if isinstance(raw, str) else "", "veld"))
    except ValidationError:
        return ""


def _year(raw: object) -> int | None:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    text = raw.strip() if isinstance(raw, str) else ""
    return int(text) if text.isascii() and text.isdigit() and len(text) == 4 else None


@dataclass(frozen=True)
class Probe:
    first: str
    last: str  # tussenvoegsel + achternaam, folded
    last_only: str
    birth_year: int | None
    postcode: str
    phone: str
    email: str
    # first name as typed in a row -> similar to ours; names repeat, so each is folded once
    _first_seen: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, values: Mapping[str, object]) -> "Probe":
        def text(key: str) -> str:
            value = values.get(key)
            return value if isinstance(value, str) else ""

        return cls(fold(text("first_name")), fold(text("name_prefix") + text("last_name")),
                   fold(text("last_name")), _year(values.get("birth_year")),
                   _lenient(normalize_pc4_or_postcode, values.get("postcode")),
                   _lenient(normalize_phone, values.get("phone")),
                   _lenient(normalize_email, values.get("email")).casefold())

    @classmethod
    def of_stored(cls, values: Mapping[str, object]) -> "Probe":
        """Like `of` for values already in their stored form (cleaned by the form rules):
        no second round through the phone parser."""
        def text(key: str) -> str:
            value = values.get(key)
            return value if isinstance(value, str) else ""

        return cls(fold(text("first_name")), fold(text("name_prefix") + text("last_name")),
                   fold(text("last_name")), _year(values.get("birth_year")), text("postcode"),
                   text("phone"), text("email").casefold())

    def name_match(self, row: Any) -> tuple[bool, bool]:
        """(similar, equal once folded). A tussenvoegsel left out on one side ('Vries' for
        'de Vries') still counts as equal; a different one ('van den'/'van der') as similar."""
        if not (self.first and self.last):
            return False, False
        first_ok = self._first_seen.get(row.first_name)
        if first_ok is None:
            first_ok = self._first_seen[row.first_name] = similar(self.first,
                                                                  fold(row.first_name), 5)
        if not first_ok:
            return False, False
        first, last = fold(row.first_name), fold(row.name_prefix + row.last_name)
        last_only = fold(row.last_name)
        exact = first == self.first and (last == self.last or (
            last_only == self.last_only and (last == last_only or self.last == self.last_only)))
        return exact or similar(self.last, last) or similar(self.last_only, last_only), exact

    def facets(self, row: Any) -> dict[str, bool]:
        return {
            "birth_year": self.birth_year is not None and row.birth_year == self.birth_year,
            # Literally the same: a bare PC4 area ('5701') holds thousands of addresses, so
            # it is no evidence against or for a full postcode in that area.
            "postcode": bool(self.postcode) and row.postcode == self.postcode,
            "phone": bool(self.phone) and row.phone == self.phone,
            "email": bool(self.email) and row.email.casefold() == self.email,
        }


def _person_label(row: Any) -> str:
    parts = [full_name(row.first_name, row.name_prefix, row.last_name)]
    parts += [str(row.birth_year)] if row.birth_year else []
    parts += [row.postcode] if row.postcode else []
    return ", ".join(parts) + (ARCHIVED if row.archived_at else "")


def _people(engine: Engine, kind: str, probe: Probe, exclude_id: int | None) -> list[
        tuple[int, DuplicateHit]]:
    table = TABLES[kind].__table__  # type: ignore[attr-defined]
    c = table.c
    named = bool(probe.first and probe.last)
    # Two queries, not one OR: birth year and postcode use their indexes; phone and e-mail
    # have none (yet) and need a scan, which stays cheap when it only tests those two.
    indexed, scanned = [], []
    if named and probe.birth_year is not None:
        indexed.append(c.birth_year == probe.birth_year)
    if named and probe.postcode:
        indexed.append(c.postcode == probe.postcode)
    if probe.phone:
        scanned.append(c.phone == probe.phone)
    if probe.email:
        scanned.append(c.email.collate("NOCASE") == probe.email)
    columns = (c.id, c.first_name, c.name_prefix, c.last_name, c.birth_year, c.postcode,
               c.phone, c.email, c.archived_at)
    rows: dict[int, Any] = {}
    contacts: set[int] = set()  # ids found by phone or e-mail
    with read_session(engine) as session:
        conn = session.connection()
        for conditions in (indexed, scanned):
            if not conditions:
                continue
            stmt = select(*columns).where(or_(*conditions))
            if exclude_id is not None:
                stmt = stmt.where(c.id != exclude_id)
            found = conn.execute(stmt).all()
            rows.update((row.id, row) for row in found)
            if conditions is scanned:
                contacts.update(row.id for row in found)
    return judge_people(probe, rows.values(), contacts)


def judge_people(probe: "Probe", rows: Iterable[Any], contacts: set[int]) -> list[
        tuple[int, DuplicateHit]]:
    """The duplicate rule on candidate rows (id, names, birth_year, postcode, phone, email,
    archived_at); `contacts` holds the ids found by the same phone or e-mail. Shared by the
    form check and the import preview, which finds its candidates in memory."""
    hits = []
    for row in rows:
        name_similar, exact = probe.name_match(row)  # cheap first: most rows fail here
        if not name_similar and row.id not in contacts:
            continue
        facets = probe.facets(row)
        if not (facets["phone"] or facets["email"] or (name_similar and any(facets.values()))):
            continue
        words = [word for key, word in FACETS if facets[key]]
        if not name_similar:
            reason = f"zelfde {_join_nl(words)}"
        elif exact:
            reason = f"zelfde naam en {_join_nl(words)}" if len(words) == 1 else \
                f"zelfde naam, {_join_nl(words)}"
        else:
            reason = f"bijna dezelfde naam, zelfde {_join_nl(words)}"
        score = len(words) + name_similar + exact
        hits.append((score, DuplicateHit(row.id, _person_label(row), reason)))
    return hits


def _initiatives(engine: Engine, values: Mapping[str, object], exclude_id: int | None) -> list[
        tuple[int, DuplicateHit]]:
    name = values.get("name")
    wanted = fold(name) if isinstance(name, str) else ""
    if not wanted:
        return []
    stmt = select(col(Initiative.id), col(Initiative.name), col(Initiative.archived_at))
    with read_session(engine) as session:
        rows = session.execute(stmt).all()
    hits = []
    for row in rows:
        folded = fold(row.name)
        if row.id == exclude_id or not similar(wanted, folded, 6):
            continue
        reason = "zelfde naam" if folded == wanted else "bijna dezelfde naam"
        label = row.name + (ARCHIVED if row.archived_at else "")
        hits.append((2 if folded == wanted else 1, DuplicateHit(row.id, label, reason)))
    return hits


def find_duplicates(engine: Engine, kind: str, values: Mapping[str, object],
                    exclude_id: int | None = None) -> list[DuplicateHit]:
    """Records that may be the same person: a similar name (accents, case and one typo in
    the last name tolerated) together with the same birth year, postcode or phone; or the
    same phone or e-mail alone. For initiatives: a (nearly) equal name. Strongest first,
    at most MAX_HITS. Values may be half-typed form input; invalid parts are ignored."""
    form(kind)
    if kind == "initiatives":
        hits = _initiatives(engine, values, exclude_id)
    else:
        hits = _people(engine, kind, Probe.of(values), exclude_id)
    hits.sort(key=lambda pair: (-pair[0], pair[1].record_id))
    return [hit for _, hit in hits[:MAX_HITS]]
