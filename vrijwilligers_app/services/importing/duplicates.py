"""The register's duplicate rule for thousands of rows: candidates come from indexes built
in memory once (not one query per row); the judgement is editing.duplicates' own."""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from vrijwilligers_app.services.editing import DuplicateHit
from vrijwilligers_app.services.editing.duplicates import Probe, judge_people
from vrijwilligers_app.services.editing.fields import TABLES
from vrijwilligers_app.services.editing.names import fold, similar
from vrijwilligers_app.store.queries.imports import people_for_duplicates


@dataclass(frozen=True)
class _Row:
    id: int
    first_name: str
    name_prefix: str
    last_name: str
    birth_year: int | None
    postcode: str
    phone: str
    email: str
    archived_at: date | None


class PeopleIndex:
    """Existing volunteers or residents, plus the rows of the file seen so far (negative
    ids: -row number), so a person listed twice in one file is caught as well.

    Birth year and postcode candidates are kept per folded first name: the rule only calls
    a name similar when the first names are (names.similar, 5 letters), so only those
    buckets are judged, not every person born in the same year."""

    def __init__(self, session: Session, kind: str) -> None:
        self.rows: dict[int, _Row] = {}
        self._by: dict[str, dict[object, set[int]]] = defaultdict(lambda: defaultdict(set))
        self._named: dict[str, dict[object, dict[str, set[int]]]] = {
            "birth_year": defaultdict(lambda: defaultdict(set)),
            "postcode": defaultdict(lambda: defaultdict(set))}
        self._similar_first: dict[tuple[str, str], bool] = {}
        table = TABLES[kind].__table__  # type: ignore[attr-defined]
        for found in people_for_duplicates(session, table):
            self.add(_Row(*found))

    def add(self, row: _Row) -> None:
        self.rows[row.id] = row
        first = fold(row.first_name)
        for key, value in (("birth_year", row.birth_year), ("postcode", row.postcode)):
            if value not in (None, ""):
                self._named[key][value][first].add(row.id)
        for key, value in (("phone", row.phone), ("email", row.email.casefold())):
            if value:
                self._by[key][value].add(row.id)

    def _named_ids(self, key: str, value: object, first: str) -> set[int]:
        found: set[int] = set()
        for other, ids in self._named[key].get(value, {}).items():
            pair = (first, other)
            ok = self._similar_first.get(pair)
            if ok is None:
                ok = self._similar_first[pair] = similar(first, other, 5)
            if ok:
                found |= ids
        return found

    def add_values(self, row_id: int, values: Mapping[str, object]) -> None:
        def text(key: str) -> str:
            value = values.get(key)
            return value if isinstance(value, str) else ""

        year = values.get("birth_year")
        self.add(_Row(row_id, text("first_name"), text("name_prefix"), text("last_name"),
                      year if isinstance(year, int) else None, text("postcode"), text("phone"),
                      text("email"), None))

    def find(self, values: Mapping[str, object]) -> list[tuple[int, DuplicateHit]]:
        probe = Probe.of_stored(values)
        named = bool(probe.first and probe.last)
        ids: set[int] = set()
        if named and probe.birth_year is not None:
            ids |= self._named_ids("birth_year", probe.birth_year, probe.first)
        if named and probe.postcode:
            ids |= self._named_ids("postcode", probe.postcode, probe.first)
        contacts = set(self._by["phone"].get(probe.phone, set())) if probe.phone else set()
        if probe.email:
            contacts |= self._by["email"].get(probe.email, set())
        hits = judge_people(probe, (self.rows[i] for i in ids | contacts), contacts)
        hits.sort(key=lambda pair: (-pair[0], pair[1].record_id))
        return hits
