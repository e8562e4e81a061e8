"""The demo generator: counts, determinism, refusal, constraints and believable histories."""

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Date, DateTime, Engine, func, insert, select
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlmodel import Session

from tests.helpers.db import count, rows
from vrijwilligers_app.services import demo
from vrijwilligers_app.services.demo import (
    DEMO_TABLES,
    GROOT,
    KLEIN,
    DemoError,
    DemoSize,
    demo_size,
    fill_demo,
)
from vrijwilligers_app.services.demo import writer as writer_module
from vrijwilligers_app.services.demo.writer import column_converter
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.seed import load_code_lists
from vrijwilligers_app.store.tables import (
    Activity,
    BuddyRequest,
    ReferralEvent,
    Resident,
    metadata,
)

REFERENCE = date(2025, 6, 15)
MOMENT = datetime(2025, 6, 15, 12, tzinfo=UTC)
SMALL = demo_size("120")  # a fast register for the tests that only need some of everything
FTS_CONFIG = "SELECT k, v FROM search_index_config ORDER BY k"
SEARCH_ROWS = "SELECT rowid, * FROM search_index ORDER BY rowid"


def _new_register(folder: Path) -> Engine:
    folder.mkdir()
    engine = create_register_engine(folder / "register.sqlite")
    metadata.create_all(engine)
    load_code_lists(engine)
    return engine


def _dump(engine: Engine) -> list[str]:
    """Every statement needed to rebuild the database: schema and all rows, in order."""
    raw = engine.raw_connection()
    try:
        return list(raw.driver_connection.iterdump())
    finally:
        raw.close()


def _schema(engine: Engine) -> set[tuple[str, str, str, str | None]]:
    """Every table, index and trigger with its own SQL (not its place in sqlite_master)."""
    return set(rows(engine, "SELECT type, name, tbl_name, sql FROM sqlite_master"))


@pytest.fixture
def klein(register_engine: Engine) -> tuple[Engine, dict[str, int]]:
    counts = fill_demo(register_engine, KLEIN, seed=7, reference_date=REFERENCE)
    return register_engine, counts


# --- sizes -------------------------------------------------------------------------------

def test_named_sizes() -> None:
    assert demo_size("klein") == KLEIN
    assert demo_size(" Groot ") == GROOT
    assert DemoSize(400, 150, 25, 60, 300, 12) == KLEIN
    assert (GROOT.residents, GROOT.volunteers, GROOT.referrals) == (100_000, 10_000, 100_000)


def test_number_of_residents_scales_everything() -> None:
    assert demo_size("400") == KLEIN
    assert demo_size("100000") == GROOT
    middle = demo_size("5000")
    assert middle.residents == 5000
    assert KLEIN.volunteers < middle.volunteers < GROOT.volunteers
    assert KLEIN.referrals < middle.referrals < GROOT.referrals
    assert KLEIN.activity_months <= middle.activity_months <= GROOT.activity_months
    tiny = demo_size("1")
    assert tiny.residents == 1 and tiny.volunteers >= 1 and tiny.initiatives >= 8


@pytest.mark.parametrize("value", ["", "middel", "0", "-5", "1.5", "12abc", "2000000",
                                   "１２", "1e3"])
def test_bad_sizes_are_refused_in_dutch(value: str) -> None:
    with pytest.raises(ValueError, match="demogrootte|aantal inwoners"):
        demo_size(value)


# --- filling -----------------------------------------------------------------------------

def test_klein_fills_every_table_believably(klein: tuple[Engine, dict[str, int]]) -> None:
    engine, counts = klein
    assert set(counts) == set(DEMO_TABLES)
    for table in DEMO_TABLES:
        assert counts[table] == count(engine, table), table
        assert counts[table] > 0, table
    assert counts["resident"] == 400 and counts["volunteer"] == 150
    assert counts["initiative"] == 25 and counts["buddy_request"] == 60
    assert counts["referral"] == 300
    assert 3 * counts["referral"] <= counts["referral_event"] <= 10 * counts["referral"]
    assert counts["volunteer_role"] >= counts["volunteer"]
    assert counts["shift"] > counts["activity"] > 200
    # Every kind of request status and of initiative type appears.
    statuses = {s for (s,) in rows(engine, "SELECT DISTINCT status FROM buddy_request")}
    assert statuses == {"aanmelding", "intake", "wachtend", "voorgesteld", "gekoppeld",
                        "afgesloten"}
    types = {t for (t,) in rows(engine, "SELECT DISTINCT type_code FROM initiative")}
    assert {"alzheimercafe", "eetpunt", "maatjesproject", "taalhulp", "buurtnetwerk"} <= types
    ended = rows(engine, "SELECT count(*) FROM initiative WHERE end_date IS NOT NULL")[0][0]
    assert 1 <= ended <= 5
    # Some referrals are still waiting, most are not.
    open_share = rows(engine, "SELECT avg(follow_up_on IS NOT NULL) FROM referral")[0][0]
    assert 0.1 < open_share < 0.6


def test_constraints_and_integrity_hold(klein: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = klein
    assert rows(engine, "PRAGMA foreign_key_check") == []
    assert rows(engine, "PRAGMA integrity_check") == [("ok",)]


def test_same_seed_same_register_other_seed_other_register(tmp_path: Path) -> None:
    engines = [_new_register(tmp_path / name) for name in ("a", "b", "c")]
    try:
        for engine, seed in zip(engines, (3, 3, 4), strict=True):
            fill_demo(engine, SMALL, seed=seed, reference_date=REFERENCE)
        # Code lists and the sociale kaart come from the seed at start (own uuids and times).
        prefixes = tuple(f'INSERT INTO "{table}" ' for table in DEMO_TABLES)
        first, second, other = ([line for line in _dump(e) if line.startswith(prefixes)]
                                for e in engines)
        assert len(first) == sum(count(engines[0], table) for table in DEMO_TABLES)
        assert first == second
        assert first != other
    finally:
        for engine in engines:
            engine.dispose()


def test_refuses_a_register_with_data_and_changes_nothing(register_engine: Engine) -> None:
    with register_engine.begin() as conn:
        conn.execute(insert(Resident.__table__), [{
            "id": 1, "uuid": "00000000-0000-4000-8000-000000000001", "first_name": "Doriën",
            "last_name": "Şahin", "created_at": MOMENT, "updated_at": MOMENT}])
    before = _dump(register_engine)
    with pytest.raises(DemoError, match="bevat al gegevens"):
        fill_demo(register_engine, SMALL, reference_date=REFERENCE)
    assert _dump(register_engine) == before


def test_refuses_a_second_demo(klein: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = klein
    before = _dump(engine)
    with pytest.raises(DemoError):
        fill_demo(engine, SMALL, reference_date=REFERENCE)
    assert _dump(engine) == before


def test_a_failure_halfway_leaves_the_register_empty(register_engine: Engine,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("stroomstoring")

    schema = _schema(register_engine)
    fts_config = rows(register_engine, FTS_CONFIG)
    monkeypatch.setattr(demo.activities, "add_activities", broken)
    with pytest.raises(RuntimeError):
        fill_demo(register_engine, SMALL, reference_date=REFERENCE)
    for table in DEMO_TABLES:
        assert count(register_engine, table) == 0, table
    assert _schema(register_engine) == schema  # the indexes dropped for the load are back
    assert rows(register_engine, FTS_CONFIG) == fts_config  # and the search index's merging
    monkeypatch.undo()
    fill_demo(register_engine, SMALL, reference_date=REFERENCE)  # and it can still be filled
    assert count(register_engine, "activity") > 0


def test_the_filled_register_has_the_schema_of_a_migrated_empty_one(
        register_engine: Engine, template_database: Path) -> None:
    """The secondary indexes are dropped for the load and built again at the end: the same
    indexes, triggers and SQL as the migrations make, and sound."""
    migrated = create_register_engine(template_database)
    try:
        expected = _schema(migrated)
    finally:
        migrated.dispose()
    assert sum(kind == "index" for kind, *_ in expected) > 50
    fill_demo(register_engine, SMALL, reference_date=REFERENCE)
    assert _schema(register_engine) == expected
    assert rows(register_engine, "PRAGMA integrity_check") == [("ok",)]
    plan = rows(register_engine, "EXPLAIN QUERY PLAN SELECT id FROM referral WHERE resident_id = 1")
    assert "ix_referral_resident_id" in plan[0][-1]  # built again, and used


def test_rows_go_in_without_the_secondary_indexes_but_with_the_triggers_own(
        register_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: set[str] = set()
    insert = writer_module.insert_tuples

    def watching(conn: Connection, table: str, *args: Any, **kwargs: Any) -> None:
        if table == "referral":
            seen.update(conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name IN ('referral', 'consent', 'resident')").scalars())
        insert(conn, table, *args, **kwargs)

    monkeypatch.setattr(writer_module, "insert_tuples", watching)
    fill_demo(register_engine, SMALL, reference_date=REFERENCE)
    # only the index the consent trigger on referral inserts looks consents up by
    assert seen == {"ix_consent_lookup"}


def test_the_search_index_is_what_its_triggers_make_merged_into_one_segment(
        register_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """The search index is filled by its own triggers while FTS5 merges nothing (automerge
    0), then merged once ('optimize') and its settings put back as a migrated register has
    them; firing every trigger again changes none of its rows."""
    config = rows(register_engine, FTS_CONFIG)
    seen: set[tuple[Any, ...]] = set()
    insert = writer_module.insert_tuples

    few: dict[str, bool] = {}

    def watching(conn: Connection, table: str, *args: Any, **kwargs: Any) -> None:
        seen.update(conn.exec_driver_sql(FTS_CONFIG).all())
        few[table] = kwargs["few_statements"]
        insert(conn, table, *args, **kwargs)

    monkeypatch.setattr(writer_module, "insert_tuples", watching)
    fill_demo(register_engine, SMALL, reference_date=REFERENCE)
    assert ("automerge", 0) in seen  # no merges while loading
    # multi-row statements for the tables whose triggers feed the search index, only those
    assert {table for table, many in few.items() if many} == {
        "initiative", "volunteer", "resident", "referral"}
    assert rows(register_engine, FTS_CONFIG) == config == [("version", 4)]
    assert rows(register_engine, "SELECT count(DISTINCT segid) FROM search_index_idx") == [(1,)]
    indexed = rows(register_engine, SEARCH_ROWS)
    assert len(indexed) == sum(count(register_engine, t)
                               for t in ("initiative", "volunteer", "resident", "referral"))
    with register_engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
        for table in ("initiative", "volunteer", "resident", "referral"):
            conn.exec_driver_sql(f"UPDATE {table} SET id = id")  # its search trigger again
    assert rows(register_engine, SEARCH_ROWS) == indexed


def test_the_same_rows_whatever_the_statement_size(template_database: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows feeding the search index go in as multi-row INSERTs of at most MAX_PARAMETERS
    parameters; split into many small statements the register is the same."""
    prefixes = tuple(f'INSERT INTO "{table}" ' for table in DEMO_TABLES)
    dumps = []
    for limit in (demo.queries.MAX_PARAMETERS, 70):
        monkeypatch.setattr(demo.queries, "MAX_PARAMETERS", limit)
        path = tmp_path / f"limit-{limit}.sqlite"
        shutil.copyfile(template_database, path)  # migrated: with the search index
        engine = create_register_engine(path)
        try:
            fill_demo(engine, SMALL, seed=3, reference_date=REFERENCE)
            dumps.append([line for line in _dump(engine) if line.startswith(prefixes)]
                         + rows(engine, SEARCH_ROWS))
        finally:
            engine.dispose()
    assert dumps[0] == dumps[1] and len(dumps[0]) > 1000


def test_progress_counts_up_to_the_total_in_dutch(register_engine: Engine) -> None:
    calls: list[tuple[int, int, str]] = []
    fill_demo(register_engine, SMALL, reference_date=REFERENCE,
              progress=lambda done, total, label: calls.append((done, total, label)))
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1] > 0
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:], strict=False))
    labels = [label for _, _, label in calls]
    assert "Inwoners aanmaken" in labels and labels[-1] == "Gegevens opslaan"


def test_reference_date_defaults_to_today(register_engine: Engine) -> None:
    fill_demo(register_engine, demo_size("30"))
    latest = rows(register_engine, "SELECT max(signalled_on) FROM referral")[0][0]
    assert date.fromisoformat(latest) <= date.today()


# --- histories ---------------------------------------------------------------------------

def test_referral_events_are_chronological_from_gesignaleerd(
        klein: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = klein
    events: dict[int, list[tuple[str, str, int | None, str]]] = {}
    for referral_id, kind, occurred, destination, outcome in rows(
            engine, "SELECT referral_id, kind, occurred_at, destination_id, outcome "
                    "FROM referral_event ORDER BY id"):
        events.setdefault(referral_id, []).append((kind, occurred, destination, outcome))
    referrals = rows(engine, "SELECT id, status, signalled_on, follow_up_on FROM referral")
    assert len(events) == len(referrals)
    end_of_reference = f"{REFERENCE + timedelta(days=1)} 00:00:00"
    for referral_id, status, signalled, follow_up in referrals:
        history = events[referral_id]
        moments = [occurred for _, occurred, _, _ in history]
        assert moments == sorted(moments) and len(set(moments)) == len(moments)
        assert history[0][0] == "gesignaleerd" and moments[0][:10] == signalled
        assert moments[-1] < end_of_reference
        assert status == history[-1][0]
        closed = status in ("afgesloten", "teruggemeld", "afgewezen")
        assert (follow_up is None) == closed or status == "afgewezen"
        for kind, _, destination, outcome in history:
            assert (destination is not None) == (kind == "doorgestuurd")
            if kind == "nagebeld":
                assert outcome
    kinds = {kind for history in events.values() for kind, _, _, _ in history}
    assert {"gesignaleerd", "aangemeld", "contact", "in_behandeling", "geholpen",
            "afgesloten", "teruggemeld", "nagebeld", "doorgestuurd"} <= kinds


def test_only_consenting_residents_are_linked_to_referrals(
        klein: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = klein
    linked = rows(engine, """
        SELECT r.consent_pass_on, r.consent_pass_on_date, r.signalled_on,
               p.consent_sharing, p.consent_sharing_on
        FROM referral r JOIN resident p ON p.id = r.resident_id""")
    assert linked
    for consent, consent_on, signalled, sharing, sharing_on in linked:
        assert consent == 1 and consent_on == signalled
        assert sharing == 1 and sharing_on <= signalled
    anonymous = rows(engine, "SELECT district_code, age_band FROM referral "
                              "WHERE resident_id IS NULL")
    assert anonymous
    bands = {"0-17", "18-26", "27-44", "45-64", "65-74", "75-84", "85+"}
    assert all(district and band in bands for district, band in anonymous)


def test_waiting_times_differ_per_destination(klein: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = klein
    waits = dict(rows(engine, """
        SELECT d.code, avg(julianday(c.occurred_at) - julianday(a.occurred_at))
        FROM referral r JOIN destination d ON d.id = r.destination_id
        JOIN referral_event a ON a.referral_id = r.id AND a.kind = 'aangemeld'
        JOIN referral_event c ON c.referral_id = r.id AND c.kind = 'contact'
        WHERE NOT EXISTS (SELECT 1 FROM referral_event x
                          WHERE x.referral_id = r.id AND x.kind = 'doorgestuurd')
        GROUP BY d.code"""))
    assert waits["sth"] > 3 * waits["huisarts"]
    assert waits["sth"] > 21


def test_buddy_dates_follow_each_other(klein: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = klein
    bad_requests = rows(engine, f"""
        SELECT id FROM buddy_request WHERE intake_on < requested_on
            OR waiting_since < intake_on OR closed_on < requested_on
            OR (status = 'afgesloten') != (closed_on IS NOT NULL)
            OR (closed_on IS NOT NULL) != (close_reason_code IS NOT NULL)
            OR coalesce(closed_on, waiting_since, intake_on, requested_on) > '{REFERENCE}'
            OR requested_on < (SELECT start_date FROM initiative i
                               WHERE i.id = buddy_request.initiative_id)""")
    assert bad_requests == []
    bad_matches = rows(engine, f"""
        SELECT m.id FROM buddy_match m JOIN buddy_request r ON r.id = m.request_id
        WHERE m.proposed_on < r.waiting_since OR m.started_on < m.proposed_on
            OR m.ended_on < m.started_on OR m.ended_on > '{REFERENCE}'
            OR (m.ended_on IS NOT NULL) != (m.end_reason_code IS NOT NULL)
            OR (r.status = 'gekoppeld' AND m.ended_on IS NULL AND m.started_on IS NULL)""")
    assert bad_matches == []
    outside = rows(engine, f"""
        SELECT c.id FROM contact_moment c JOIN buddy_match m ON m.id = c.match_id
        WHERE c.occurred_on < m.started_on
           OR c.occurred_on > coalesce(m.ended_on, '{REFERENCE}')""")
    assert outside == []
    held = rows(engine, "SELECT count(*), sum(outcome != '') FROM evaluation "
                         "WHERE held_on IS NOT NULL")[0]
    assert held[0] > 0 and held[0] == held[1]


def test_activities_follow_their_schedule(klein: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = klein
    cafe = rows(engine, """
        SELECT a.starts_at, a.ends_at, a.theme, a.speaker FROM activity a
        JOIN initiative i ON i.id = a.initiative_id WHERE i.type_code = 'alzheimercafe'""")
    assert len(cafe) >= 10
    for starts, ends, theme, speaker in cafe:
        day = date.fromisoformat(starts[:10])
        assert day.weekday() == 1 and 15 <= day.day <= 21  # third Tuesday
        assert starts[11:16] == "19:00" and ends[11:16] == "21:30" and theme and speaker
    assert rows(engine, f"SELECT count(*) FROM activity WHERE starts_at > '{REFERENCE} 23:59'"
                 )[0][0] > 0
    # Rostered volunteers hold that role in the initiative; free places only in the future.
    assert rows(engine, """
        SELECT count(*) FROM shift s JOIN activity a ON a.id = s.activity_id
        WHERE s.volunteer_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM volunteer_role r WHERE r.volunteer_id = s.volunteer_id
            AND r.initiative_id = a.initiative_id AND r.role_code = s.role_code)""")[0][0] == 0
    past_free = rows(engine, f"""SELECT count(*) FROM shift WHERE volunteer_id IS NULL
                                  AND starts_at < '{REFERENCE}'""")[0][0]
    assert past_free == 0
    statuses = dict(rows(engine, "SELECT status, count(*) FROM shift GROUP BY status"))
    assert statuses["afwezig"] > 0 and statuses["gepland"] > 0


def test_people_look_like_helmond(klein: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = klein
    residents = rows(engine, "SELECT postcode, phone, district_code, neighbourhood_code, "
                              "first_name || name_prefix || last_name FROM resident")
    for postcode, phone, _, _, _ in residents:
        assert 5701 <= int(postcode[:4]) <= 5709
        assert len(postcode) == 4 or (postcode[4] == " " and postcode[5:] not in
                                      ("SA", "SD", "SS"))
        assert phone == "" or phone.startswith("+316") or phone.startswith("+31492")
    names = "".join(r[4] for r in residents)
    assert any(c in names for c in "ëéèüöşŞễ")
    assert rows(engine, """SELECT count(*) FROM resident r JOIN neighbourhood n
                            ON n.code = r.neighbourhood_code
                            WHERE n.district_code != r.district_code""")[0][0] == 0
    prefixes = {p for (p,) in rows(engine, "SELECT DISTINCT name_prefix FROM resident")}
    assert {"van", "de"} <= prefixes
    tags = rows(engine, "SELECT skills, languages, availability, vog_date FROM volunteer")
    for skills, languages, availability, _ in tags:
        assert skills == skills.lower() and ";" not in (skills[:1], skills[-1:])
        assert "nl" in languages.split(";") or languages
        assert 0 < availability < 2**21
    old_vog = (REFERENCE - timedelta(days=3 * 365)).isoformat()
    vogs = [v for *_, v in tags]
    assert None in vogs and any(v and v < old_vog for v in vogs)


def test_stored_values_match_what_the_orm_writes(register_engine: Engine) -> None:
    """The writer bypasses SQLAlchemy's binding for speed; an ORM copy must store the same."""
    fill_demo(register_engine, SMALL, reference_date=REFERENCE)
    samples = ((ReferralEvent, ("created_at", "updated_at", "occurred_at")),
               (Activity, ("created_at", "starts_at", "ends_at")),
               (BuddyRequest, ("requested_on", "intake_on")))
    for model, columns in samples:
        table = model.__table__
        with Session(register_engine) as session:
            last_id = session.execute(select(func.max(table.c.id))).scalar_one()
            original = session.get(model, last_id)
            assert original is not None
            assert original.created_at.utcoffset() == timedelta(0)  # aware UTC
            copy = model(**(original.model_dump() | {
                "id": last_id + 1, "uuid": "ffffffff-ffff-4fff-bfff-ffffffffffff"}))
            session.add(copy)
            session.commit()
        stored = rows(register_engine, f'SELECT {", ".join(columns)} FROM "{table.name}" '
                                        f"WHERE id IN ({last_id}, {last_id + 1}) ORDER BY id")
        assert stored[0] == stored[1], model.__name__
        with register_engine.begin() as conn:
            conn.execute(table.delete().where(table.c.id == last_id + 1))


@pytest.mark.slow
def test_groot_is_sound(tmp_path: Path) -> None:
    """Its speed is measured in tests/bench/test_foundation_bench.py, beside raw inserts."""
    engine = _new_register(tmp_path / "groot")
    try:
        counts = fill_demo(engine, GROOT, seed=1, reference_date=REFERENCE)
        assert counts["resident"] == 100_000 and counts["referral"] == 100_000
    finally:
        engine.dispose()
    with sqlite3.connect(tmp_path / "groot" / "register.sqlite") as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]


@pytest.mark.parametrize("column", [ReferralEvent.__table__.c.occurred_at,
                                    Activity.__table__.c.starts_at,
                                    BuddyRequest.__table__.c.requested_on])
def test_fast_formatters_equal_sqlalchemy_binding(column) -> None:
    dialect = sqlite_dialect.dialect()
    ours = column_converter(column.type, dialect)
    theirs = column.type.dialect_impl(dialect).bind_processor(dialect)
    assert ours is not None and theirs is not None and ours is not theirs
    if isinstance(column.type, Date) and not isinstance(column.type, DateTime):
        values = [date(2025, 1, 2), date(1999, 12, 31), None]
    elif column.name == "occurred_at":
        amsterdam = timezone(timedelta(hours=2))
        values = [datetime(2025, 6, 15, 9, 5, 7, tzinfo=UTC),
                  datetime(2025, 6, 15, 9, 5, 7, 123, tzinfo=UTC),
                  datetime(2025, 6, 15, 1, 0, tzinfo=amsterdam), None]
    else:
        values = [datetime(2025, 6, 15, 19, 0), datetime(2025, 6, 15, 19, 0, 0, 5), None]
    for value in values:
        assert ours(value) == theirs(value), value


_DUMP_SCRIPT = """
import hashlib, sys
from datetime import date
from pathlib import Path
from vrijwilligers_app.services.demo import DEMO_TABLES, demo_size, fill_demo
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.seed import load_code_lists
from vrijwilligers_app.store.tables import metadata
engine = create_register_engine(Path(sys.argv[1]))
metadata.create_all(engine)
load_code_lists(engine)
fill_demo(engine, demo_size("300"), seed=5, reference_date=date(2025, 3, 1))
raw = engine.raw_connection()
prefixes = tuple(f'INSERT INTO "{t}" ' for t in DEMO_TABLES)
digest = hashlib.sha256()
for line in raw.driver_connection.iterdump():
    if line.startswith(prefixes):
        digest.update(line.encode())
print(digest.hexdigest())
"""


@pytest.mark.slow
def test_same_content_whatever_the_hash_seed(tmp_path: Path) -> None:
    """No set or hash order leaks into the data: separate processes, other PYTHONHASHSEED."""
    root = Path(__file__).resolve().parents[2]
    digests = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed,
               "PYTHONPATH": os.pathsep.join(filter(None, [str(root),
                                                           os.environ.get("PYTHONPATH")]))}
        result = subprocess.run(
            [sys.executable, "-c", _DUMP_SCRIPT, str(tmp_path / f"r{hash_seed}.sqlite")],
            env=env, capture_output=True, text=True, timeout=120, check=True)
        digests.append(result.stdout.strip())
    assert digests[0] == digests[1] and len(digests[0]) == 64


def test_every_demo_phone_number_passes_the_apps_own_check(register_engine):
    from vrijwilligers_app.domain.validation import normalize_phone

    fill_demo(register_engine, demo_size("klein"), seed=5, reference_date=date(2026, 11, 23))
    with register_engine.connect() as connection:
        numbers = [r[0] for r in connection.exec_driver_sql(
            "SELECT phone FROM resident WHERE phone <> '' UNION ALL "
            "SELECT phone FROM volunteer WHERE phone <> ''")]
    assert len(numbers) > 400
    assert [n for n in numbers if normalize_phone(n) != n] == []
