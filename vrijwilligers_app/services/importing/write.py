"""Writing an import: a "voor-import-" backup, then every chosen row in ONE transaction.

`apply_import` is a generator (TaskRunner: progress, cancel). Cancelling, an error, closing
the window or a killed process all leave the register as it was: the transaction is only
committed after the last row. `undo_import` takes the import back out as one step.
"""

import logging
import threading
from collections.abc import Generator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from vrijwilligers_app.services.editing import FormErrors, save_in_session
from vrijwilligers_app.services.editing.bulk import RowErrors, insert_new
from vrijwilligers_app.services.editing.codes import known_codes
from vrijwilligers_app.services.editing.convert import KnownCodes
from vrijwilligers_app.services.editing.fields import TABLES
from vrijwilligers_app.services.importing import roles
from vrijwilligers_app.services.importing.errors import ImportCancelled, ImportRefused
from vrijwilligers_app.services.importing.preview import DUPLICATE, NEW, Preview, RowPlan
from vrijwilligers_app.store.backup import backups_dir, copy_database, timestamped_name
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.queries.imports import delete_ids
from vrijwilligers_app.store.tables import VolunteerRole
from vrijwilligers_app.store.tables.base import utcnow

log = logging.getLogger(__name__)
SKIP, FILL, ADD = "overslaan", "aanvullen", "toevoegen"
CHOICES_NL = {SKIP: "Overslaan", FILL: "Lege velden aanvullen", ADD: "Toch toevoegen"}
PROGRESS_EVERY = 200
# Never filled into an existing record by an import: consent is given, not copied.
NOT_FILLED = frozenset({"recording_given_on", "recording_how", "recording_by",
                        "consent_recording", "consent_recording_on", "consent_sharing",
                        "consent_sharing_on", "consent_sharing_scope", "languages", "city",
                        "districts", "life_domains"})


@dataclass
class ImportResult:
    kind: str
    file_name: str
    created: list[int] = field(default_factory=list)
    filled: dict[int, dict[str, object]] = field(default_factory=dict)  # id -> old values
    skipped: int = 0
    errors: int = 0
    backup: Path | None = None

    def summary(self) -> str:
        return (f"{len(self.created)} nieuw, {len(self.filled)} aangevuld, "
                f"{self.skipped} overgeslagen, {self.errors} met fouten niet ingelezen")


def _fill_values(session: object, kind: str, record_id: int,
                 values: Mapping[str, object]) -> tuple[dict[str, object], dict[str, object]]:
    record = session.get(TABLES[kind], record_id)  # type: ignore[attr-defined]
    if record is None:
        return {}, {}
    new, old = {}, {}
    for key, value in values.items():
        if key in NOT_FILLED or value in ("", None, [], False) or not hasattr(record, key):
            continue
        current = getattr(record, key)
        if current in ("", None):
            new[key], old[key] = value, current
    return new, old


def apply_import(engine: Engine, db_path: Path, data_dir: Path, preview: Preview,
                 choices: Mapping[int, str] | None = None, today: date | None = None,
                 stop: threading.Event | None = None, *, key: bytes | None = None
                 ) -> Generator[tuple[int, int, str], None, ImportResult]:
    """Write the preview's new rows and the duplicates the user chose to fill or add
    (`choices`: row number -> SKIP/FILL/ADD; default SKIP). Error rows are never written.
    `stop` set (from any thread) before the commit: ImportCancelled, nothing written.
    `key`: the register's data key (Register.key); the "voor-import-" backup is encrypted
    with it, as every backup is."""
    choices = choices or {}
    kind = preview.kind
    result = ImportResult(kind, preview.file_name)
    todo: list[tuple[RowPlan, str]] = []
    for plan in preview.rows:
        choice = ADD if plan.status == NEW else choices.get(plan.row_number, SKIP)
        if plan.status == DUPLICATE and choice == FILL and plan.duplicate is None:
            choice = SKIP  # the same person earlier in this file: nothing stored to fill
        if plan.status not in (NEW, DUPLICATE):
            result.errors += 1
        elif choice == SKIP:
            result.skipped += 1
        else:
            todo.append((plan, choice))
    total = len(todo)
    yield 0, total, "Back-up maken"
    target = backups_dir(data_dir) / timestamped_name("voor-import-")
    result.backup = copy_database(db_path, target, key=key)
    with write_session(engine) as session:
        known = known_codes(session)
        batch: list[RowPlan] = []
        for done, (plan, choice) in enumerate(todo):
            if stop is not None and stop.is_set():
                raise ImportCancelled
            if done % PROGRESS_EVERY == 0:
                _insert(session, kind, batch, result, today, known, preview.file_name)
                yield done, total, "Inlezen"
            if kind == "roles" or choice != FILL or plan.duplicate is None:
                batch.append(plan)
                continue
            record_id = plan.duplicate.record_id
            new, old = _fill_values(session, kind, record_id, plan.values)
            try:
                if new:
                    save_in_session(session, kind, new, record_id, today, known)
                    result.filled[record_id] = old
            except FormErrors as exc:
                raise _changed(preview.file_name, plan, exc) from None
        _insert(session, kind, batch, result, today, known, preview.file_name)
        yield total, total, "Opslaan"
        if stop is not None and stop.is_set():
            raise ImportCancelled  # the last moment: after this the transaction commits
    log.info("Import uit %s (%s): %s", preview.file_name, kind, result.summary())
    return result


def _changed(file_name: str, plan: RowPlan, exc: FormErrors) -> ImportRefused:
    return ImportRefused(file_name, f"rij {plan.row_number}: {exc}. Het register is "
                         "intussen veranderd; maak het voorbeeld opnieuw.")


def _insert(session: Session, kind: str, batch: list[RowPlan], result: ImportResult,
            today: date | None, known: KnownCodes, file_name: str) -> None:
    """The new rows gathered so far, inserted. Their values are the preview's cleaned ones:
    the codes and record rules are checked again (the register may have changed since)."""
    if not batch:
        return
    if kind == "roles":
        result.created.extend(roles.insert_roles(session, [p.values for p in batch]))
        batch.clear()
        return
    try:
        result.created.extend(insert_new(session, kind, [p.values for p in batch], today,
                                         known, precleaned=True))
    except RowErrors as exc:
        raise _changed(file_name, batch[exc.index], exc) from None
    batch.clear()


def undo_import(engine: Engine, result: ImportResult) -> None:
    """Remove what the import added and put the filled-in fields back, in one transaction."""
    model = VolunteerRole if result.kind == "roles" else TABLES[result.kind]
    table = model.__table__  # type: ignore[attr-defined]
    with write_session(engine) as session:
        delete_ids(session, table, result.created)
        for record_id, old in result.filled.items():
            record = session.get(model, record_id)
            if record is None:
                continue
            for key, value in old.items():
                setattr(record, key, value)
            record.updated_at = utcnow()
    log.info("Import uit %s ongedaan gemaakt", result.file_name)
