"""Anonymisation keeps every figure, erases the text everywhere (also from the file's free
pages, the search index and the WAL) and is all or nothing."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.conftest import DEMO_DATE
from vrijwilligers_app.domain.validation import format_phone
from vrijwilligers_app.services import overview
from vrijwilligers_app.services.activities.figures import GROUPINGS as ACTIVITY_GROUPS
from vrijwilligers_app.services.activities.figures import activity_figures
from vrijwilligers_app.services.exchange.projection import project
from vrijwilligers_app.services.maatjes.figures import GROUPINGS as BUDDY_GROUPS
from vrijwilligers_app.services.maatjes.figures import buddy_figures
from vrijwilligers_app.services.privacy import anonymise as anonymise_module
from vrijwilligers_app.services.privacy.anonymise import anonymise
from vrijwilligers_app.services.referral_figures import GROUPINGS as REFERRAL_GROUPS
from vrijwilligers_app.services.referral_figures import referral_figures
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.queries.search import search

SECRET = b"k" * 32
PERIODS = ((date(2025, 1, 1), date(2025, 12, 31)), (date(2026, 1, 1), DEMO_DATE),
           (date(2020, 1, 1), DEMO_DATE))


def rows(engine: Engine, sql: str, **params: object) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql), params)]


def every_figure(engine: Engine) -> dict[str, object]:
    figures: dict[str, object] = {"counts": overview.register_counts(engine),
                                  "export": project(engine, SECRET, DEMO_DATE)}
    for start, end in PERIODS:
        for group in BUDDY_GROUPS:
            figures[f"maatjes {group} {start}"] = buddy_figures(engine, group, DEMO_DATE,
                                                                start, end)
        for group in REFERRAL_GROUPS:
            figures[f"referrals {group} {start}"] = referral_figures(engine, group, start, end,
                                                                     DEMO_DATE)
        for group in ACTIVITY_GROUPS:
            figures[f"activities {group} {start}"] = activity_figures(engine, start, end,
                                                                      group)
    return figures


def test_every_figure_is_identical_after_anonymising_every_resident(demo_engine):
    ids = [r[0] for r in rows(demo_engine, "SELECT id FROM resident ORDER BY id")]
    assert len(ids) > 100
    assert rows(demo_engine, "SELECT count(*) FROM referral WHERE question <> '' "
                             "AND resident_id IS NOT NULL")[0][0] > 0
    before = every_figure(demo_engine)
    result = anonymise(demo_engine, ids, DEMO_DATE)
    assert result.residents == len(ids)
    after = every_figure(demo_engine)
    for key, value in before.items():
        assert after[key] == value, key
    # ...and the personal data is really gone.
    assert rows(demo_engine, "SELECT count(*) FROM resident WHERE anonymised_on IS NULL "
                             "OR birth_year IS NOT NULL OR phone <> '' OR email <> '' "
                             "OR length(postcode) > 4")[0][0] == 0
    for table, column in (("referral", "question"), ("referral_event", "note"),
                          ("buddy_request", "wish"), ("buddy_match", "notes"),
                          ("contact_moment", "note"), ("evaluation", "outcome")):
        owned = ("1" if table in ("buddy_match", "contact_moment", "evaluation",
                                  "referral_event") else "resident_id IS NOT NULL")
        assert rows(demo_engine, f"SELECT count(*) FROM {table} WHERE {column} <> '' "
                                 f"AND {owned}")[0][0] == 0, table


def test_search_index_forgets_the_name_and_phone(demo_engine):
    rid, first, last, phone = rows(demo_engine, """
        SELECT id, first_name, last_name, phone FROM resident
        WHERE phone <> '' AND id IN (SELECT resident_id FROM referral) LIMIT 1""")[0]
    assert any(h.record_id == rid for h in search(demo_engine, f"{first} {last}",
                                                  kind="residents"))
    anonymise(demo_engine, [rid], DEMO_DATE, audit_kind="vergeten")
    assert not any(h.record_id == rid for h in search(demo_engine, f"{first} {last}"))
    assert not any(h.record_id == rid for h in search(demo_engine, format_phone(str(phone))))
    hits = search(demo_engine, f"Inwoner {rid}", kind="residents")
    assert [h.record_id for h in hits][:1] == [rid]


def _file_bytes(db_path: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-journal"):
        path = Path(str(db_path) + suffix)
        if path.exists():
            data += path.read_bytes()
    return data


def test_erased_name_and_phone_are_in_no_byte_of_the_open_register(demo_engine):
    db_path = Path(str(demo_engine.url.database))
    rid, first, last, phone, referral_id = rows(demo_engine, """
        SELECT p.id, p.first_name, p.last_name, p.phone, r.id FROM resident p
        JOIN referral r ON r.resident_id = p.id
        WHERE p.phone <> '' AND length(p.last_name) > 5 LIMIT 1""")[0]
    question = "Heeft schulden bij Zwaluwstaartbank en slaapt slecht"  # demo texts repeat
    # Needles: the full name, the phone as stored and as indexed, a question of theirs.
    needles = [f"{first} {last}".encode(), str(phone).encode(),
               ("0" + str(phone)[3:]).encode(), question.encode()]
    with demo_engine.connect() as connection:  # the register is open, with a WAL
        connection.execute(text("UPDATE referral SET question = :q WHERE id = :id"),
                           {"q": question, "id": referral_id})
        connection.commit()  # open, but not inside a read (a reader would pin old pages)
        data = _file_bytes(db_path)
        assert all(n in data for n in needles)
        anonymise(demo_engine, [rid], DEMO_DATE, audit_kind="vergeten")
        data = _file_bytes(db_path)
    for needle in needles:
        assert needle not in data, needle


def test_an_error_half_way_leaves_everything_unchanged(demo_engine, monkeypatch):
    ids = [r[0] for r in rows(demo_engine, "SELECT id FROM resident ORDER BY id")]
    snapshot = rows(demo_engine, "SELECT * FROM resident ORDER BY id")
    questions = rows(demo_engine, "SELECT id, question FROM referral ORDER BY id")
    real = anonymise_module._anonymise_batch
    calls = []

    def failing(session, batch, today):  # type: ignore[no-untyped-def]
        calls.append(batch)
        if len(calls) == 2:
            raise OSError("schijf weg")
        real(session, batch, today)

    monkeypatch.setattr(anonymise_module, "_anonymise_batch", failing)
    with pytest.raises(OSError):
        anonymise(demo_engine, ids, DEMO_DATE)
    assert len(calls) == 2
    assert rows(demo_engine, "SELECT * FROM resident ORDER BY id") == snapshot
    assert rows(demo_engine, "SELECT id, question FROM referral ORDER BY id") == questions
    assert rows(demo_engine, "SELECT count(*) FROM audit_entry")[0][0] == 0


def test_already_anonymised_residents_are_skipped(demo_engine):
    rid = rows(demo_engine, "SELECT min(id) FROM resident")[0][0]
    assert anonymise(demo_engine, [rid], DEMO_DATE).residents == 1
    assert anonymise(demo_engine, [rid], DEMO_DATE).residents == 0
    assert rows(demo_engine, "SELECT count(*) FROM audit_entry WHERE subject_id = :r",
                r=rid)[0][0] == 1



def test_migrated_free_text_in_the_consent_ledger_is_cleared_and_the_consent_kept(demo_engine):
    rid = rows(demo_engine, "SELECT min(id) FROM resident")[0][0]
    with demo_engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO consent (uuid, created_at, updated_at, resident_id, purpose, "
            "destination_id, legacy_scope, given_on, how, recorded_by) VALUES ("
            "'6f1c0c1e-0000-4000-8000-000000000001', '2025-03-01 10:00:00', "
            "'2025-03-01 10:00:00', :r, 'delen', NULL, 'aan zijn dochter Marja Verhoeven', "
            "'2025-03-01', 'onbekend', '')"), {"r": rid})
    anonymise(demo_engine, [rid], DEMO_DATE)
    kept = rows(demo_engine, "SELECT legacy_scope, given_on FROM consent WHERE resident_id = :r "
                "AND purpose = 'delen' AND destination_id IS NULL", r=rid)
    assert [scope for scope, _ in kept] == ["(tekst verwijderd bij anonimiseren)"]
    assert [str(given)[:10] for _, given in kept] == ["2025-03-01"]

CHILD = """
import sys
from datetime import date
from pathlib import Path
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.services.privacy.anonymise import anonymise_steps
engine = create_register_engine(Path(sys.argv[1]))
with engine.connect() as connection:
    ids = [r[0] for r in connection.exec_driver_sql("SELECT id FROM resident")]
for done, total, label in anonymise_steps(engine, ids, date(2026, 11, 23)):
    if label.startswith("Zoekindex"):  # every resident written, not yet committed
        print("midden", flush=True)
        sys.stdin.readline()  # wait here until killed
"""


def test_a_killed_process_mid_run_leaves_everything_unchanged(demo_engine):
    import os
    import subprocess
    import sys

    db_path = str(demo_engine.url.database)
    snapshot = rows(demo_engine, "SELECT * FROM resident ORDER BY id")
    demo_engine.dispose()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    with subprocess.Popen([sys.executable, "-c", CHILD, db_path], env=env,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "midden"
        finally:
            child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
            child.wait()
    engine = create_register_engine(Path(db_path))
    try:
        assert rows(engine, "PRAGMA integrity_check") == [("ok",)]
        assert rows(engine, "SELECT * FROM resident ORDER BY id") == snapshot
        assert rows(engine, "SELECT count(*) FROM audit_entry")[0][0] == 0
    finally:
        engine.dispose()
