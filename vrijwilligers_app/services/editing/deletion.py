"""Deleting a record for good, with an undo; refused while other records still use it.

A deletion removes the row and its own link rows in one transaction and returns a snapshot
of every removed row, with values exactly as SQLite stored them, so restore_deleted puts
back identical rows (same id and uuid). Records still referred to elsewhere (roster places,
referrals, matches...) are refused with a Dutch message that counts them: archive those.
"""

from dataclasses import dataclass, field

from sqlalchemy import Engine, Table
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from vrijwilligers_app.domain.names import full_name
from vrijwilligers_app.services.editing.fields import NOUNS, SUBJECTS, TABLE_NAMES, TABLES, form
from vrijwilligers_app.services.editing.records import RecordNotFound
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.queries import record_rows
from vrijwilligers_app.store.tables import metadata

# Link rows that belong to the record and go with it.
OWN_LINKS: dict[str, tuple[str, ...]] = {
    # The link to the gemeente's list (issue 17) goes and comes back with the initiative.
    "initiatives": ("initiative_district", "initiative_life_domain",
                    "initiative_canonical_link"),
    "volunteers": ("volunteer_role",),
    "residents": ("consent",),
}
# What still refers to a record, in the order the message names them: (singular, plural).
REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("shift", "volunteer_id"): ("op {n} roosterplaats", "op {n} roosterplaatsen"),
    ("buddy_match", "volunteer_id"): ("bij {n} maatjeskoppeling", "bij {n} maatjeskoppelingen"),
    ("referral", "volunteer_id"): ("bij {n} doorverwijzing", "bij {n} doorverwijzingen"),
    ("buddy_request", "resident_id"): ("bij {n} aanmelding voor een maatje",
                                       "bij {n} aanmeldingen voor een maatje"),
    ("referral", "resident_id"): ("bij {n} doorverwijzing", "bij {n} doorverwijzingen"),
    ("participation", "resident_id"): ("op {n} deelnemerslijst van een activiteit",
                                       "op {n} deelnemerslijsten van activiteiten"),
    ("activity", "initiative_id"): ("{n} activiteit", "{n} activiteiten"),
    ("activity_series", "initiative_id"): ("{n} terugkerende activiteit",
                                           "{n} terugkerende activiteiten"),
    ("volunteer_role", "initiative_id"): ("{n} vrijwilligersrol", "{n} vrijwilligersrollen"),
    ("buddy_request", "initiative_id"): ("{n} aanmelding voor een maatje",
                                         "{n} aanmeldingen voor een maatje"),
    ("referral", "initiative_id"): ("{n} doorverwijzing", "{n} doorverwijzingen"),
}
VERBS = {"initiatives": "heeft nog", "volunteers": "staat nog", "residents": "staat nog"}
ADVICE = "archiveer in plaats van verwijderen."


class InUseError(Exception):
    """Other records still refer to this one; `counts` maps 'table.column' to a count."""

    def __init__(self, message: str, counts: dict[str, int]) -> None:
        super().__init__(message)
        self.counts = counts


class RestoreError(Exception):
    """The snapshot cannot go back (its id, uuid or a code it uses changed meanwhile)."""


@dataclass(frozen=True)
class DeletedRecord:
    kind: str
    record_id: int
    label: str  # 'Vrijwilliger Doriën de Vries', for an undo button or message
    rows: dict[str, list[dict[str, object]]] = field(hash=False)  # table -> rows, parent first


def references(kind: str) -> list[tuple[str, str]]:
    """(table, column) of every foreign key to this kind's table, other than its own links."""
    own_table = TABLE_NAMES[kind]
    found = [(fk.parent.table.name, fk.parent.name) for table in metadata.sorted_tables
             for fk in table.foreign_keys
             if fk.column.table.name == own_table and table.name not in OWN_LINKS[kind]]
    order = list(REFERENCES)
    return sorted(found, key=lambda ref: (order.index(ref) if ref in order else len(order), ref))


def _phrase(ref: tuple[str, str], n: int) -> str:
    singular, plural = REFERENCES.get(ref, ("{n} × " + ref[0], "{n} × " + ref[0]))
    return (singular if n == 1 else plural).format(n=n)


def _in_use(session: Session, kind: str, record_id: int) -> None:
    counts: dict[str, int] = {}
    for table, column in references(kind):
        n = record_rows.count_where(session, table, column, record_id)
        if n:
            counts[f"{table}.{column}"] = n
    if counts:
        phrases = [_phrase(tuple(key.split(".")), n)  # type: ignore[arg-type]
                   for key, n in counts.items()]
        listed = phrases[0] if len(phrases) == 1 else \
            f"{', '.join(phrases[:-1])} en {phrases[-1]}"
        raise InUseError(f"{SUBJECTS[kind]} {VERBS[kind]} {listed}; {ADVICE}", counts)


def _label(kind: str, row: dict[str, object]) -> str:
    if kind == "initiatives":
        return f"{NOUNS[kind]} {row['name']}"
    return f"{NOUNS[kind]} " + full_name(str(row["first_name"]), str(row["name_prefix"]),
                                        str(row["last_name"]))


def delete_record(engine: Engine, kind: str, record_id: int) -> DeletedRecord:
    """Hard delete; raises InUseError (nothing deleted) while other records refer to it,
    and editing.RecordNotFound when it is already gone."""
    form(kind)
    own: Table = TABLES[kind].__table__  # type: ignore[attr-defined]
    parent_column = f"{own.name}_id"
    with write_session(engine) as session:
        main = record_rows.rows_where(session, own.name, "id", record_id)
        if not main:
            raise RecordNotFound(kind, record_id)
        _in_use(session, kind, record_id)
        rows = {own.name: main}
        for link in OWN_LINKS[kind]:
            rows[link] = record_rows.rows_where(session, link, parent_column, record_id)
        for link in OWN_LINKS[kind]:
            record_rows.delete_where(session, link, parent_column, record_id)
        record_rows.delete_where(session, own.name, "id", record_id)
    return DeletedRecord(kind, record_id, _label(kind, main[0]), rows)


def restore_deleted(engine: Engine, snapshot: DeletedRecord) -> int:
    """Undo a deletion: the same rows back, same id and uuid, in one transaction."""
    try:
        with write_session(engine) as session:
            for table, rows in snapshot.rows.items():
                record_rows.insert_rows(session, table, rows)
    except IntegrityError:
        raise RestoreError(
            f"{_label(snapshot.kind, snapshot.rows[TABLE_NAMES[snapshot.kind]][0])} "
            "kan niet meer teruggezet worden: het nummer is intussen opnieuw gebruikt of een "
            "gekoppelde keuze (wijk, leefdomein, rol) bestaat niet meer."
        ) from None
    return snapshot.record_id
