"""Deleting with undo, and refusing to delete what other records still use."""

import sqlite3
from datetime import date

import pytest
from sqlalchemy import text

from tests.helpers.samples import INITIATIVE, RESIDENT, TODAY, VOLUNTEER
from vrijwilligers_app.services.demo import demo_size, fill_demo
from vrijwilligers_app.services.editing import (
    InUseError,
    RecordNotFound,
    RestoreError,
    delete_record,
    load_record,
    restore_deleted,
    save_record,
)
from vrijwilligers_app.services.editing.deletion import OWN_LINKS, REFERENCES, references
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.tables import VolunteerRole

OWN_ROWS = {
    "initiatives": (("initiative", "id"), ("initiative_district", "initiative_id"),
                    ("initiative_life_domain", "initiative_id")),
    "volunteers": (("volunteer", "id"), ("volunteer_role", "volunteer_id")),
    "residents": (("resident", "id"), ("consent", "resident_id")),
}


def dump(engine, kind: str, record_id: int) -> dict[str, list[tuple]]:
    """Raw rows as SQLite holds them, through a separate plain connection."""
    connection = sqlite3.connect(engine.url.database)
    rows = {table: connection.execute(f"SELECT * FROM {table} WHERE {column} = ? ORDER BY 1, 2",
                                      (record_id,)).fetchall()
            for table, column in OWN_ROWS[kind]}
    connection.close()
    return rows


def test_every_reference_has_a_dutch_phrase():
    for kind in OWN_LINKS:
        assert all(ref in REFERENCES for ref in references(kind)), kind


@pytest.mark.parametrize("kind", ["initiatives", "volunteers", "residents"])
def test_delete_and_restore_gives_identical_rows(register_engine, kind):
    values = {"initiatives": INITIATIVE, "volunteers": VOLUNTEER, "residents": RESIDENT}[kind]
    keep = save_record(register_engine, kind, values, today=TODAY)  # a neighbour, untouched
    record_id = save_record(register_engine, kind, values, today=TODAY)
    if kind == "volunteers":
        initiative_id = save_record(register_engine, "initiatives", INITIATIVE, today=TODAY)
        with write_session(register_engine) as session:
            session.add(VolunteerRole(volunteer_id=record_id, initiative_id=initiative_id,
                                      role_code="gastvrouw", start_date=date(2024, 1, 1)))
    before, neighbour = dump(register_engine, kind, record_id), dump(register_engine, kind, keep)
    assert all(before.values())  # the record and each of its link tables hold rows

    snapshot = delete_record(register_engine, kind, record_id)
    assert snapshot.record_id == record_id and snapshot.kind == kind
    assert sum(map(len, snapshot.rows.values())) == sum(map(len, before.values()))
    assert not any(dump(register_engine, kind, record_id).values())
    with pytest.raises(RecordNotFound):
        load_record(register_engine, kind, record_id)

    assert restore_deleted(register_engine, snapshot) == record_id
    assert dump(register_engine, kind, record_id) == before
    assert dump(register_engine, kind, keep) == neighbour


def test_snapshot_label_and_plain_values(register_engine):
    record_id = save_record(register_engine, "volunteers", VOLUNTEER, today=TODAY)
    snapshot = delete_record(register_engine, "volunteers", record_id)
    assert snapshot.label == "Vrijwilliger Doriën de Vries"
    row = snapshot.rows["volunteer"][0]
    assert row["id"] == record_id and isinstance(row["uuid"], str)
    assert all(v is None or isinstance(v, (str, int, float)) for v in row.values())


def test_restore_refused_when_the_id_was_reused(register_engine):
    record_id = save_record(register_engine, "residents", RESIDENT, today=TODAY)
    snapshot = delete_record(register_engine, "residents", record_id)
    assert save_record(register_engine, "residents", RESIDENT, today=TODAY) == record_id
    with pytest.raises(RestoreError, match="Inwoner Jan van Dijk kan niet meer teruggezet"):
        restore_deleted(register_engine, snapshot)


def test_deleting_a_missing_record(register_engine):
    with pytest.raises(RecordNotFound):
        delete_record(register_engine, "initiatives", 12345)


@pytest.fixture
def demo_engine(register_engine):
    fill_demo(register_engine, demo_size("klein"), seed=1, reference_date=TODAY)
    return register_engine


def _count(conn, table: str, column: str, record_id: int) -> int:
    return conn.execute(text(f"SELECT count(*) FROM {table} WHERE {column} = :id"),
                        {"id": record_id}).scalar_one()


def test_referenced_volunteer_is_refused_with_counts(demo_engine):
    with demo_engine.connect() as conn:
        volunteer_id = conn.execute(text(
            "SELECT volunteer_id FROM shift WHERE volunteer_id IN "
            "(SELECT volunteer_id FROM referral) GROUP BY volunteer_id "
            "HAVING count(*) > 1 LIMIT 1")).scalar_one()
        shifts = _count(conn, "shift", "volunteer_id", volunteer_id)
        referrals = _count(conn, "referral", "volunteer_id", volunteer_id)
        matches = _count(conn, "buddy_match", "volunteer_id", volunteer_id)
    before = dump(demo_engine, "volunteers", volunteer_id)
    with pytest.raises(InUseError) as info:
        delete_record(demo_engine, "volunteers", volunteer_id)
    middle = f"op {shifts} roosterplaatsen" + (
        f", bij {matches} maatjeskoppeling{'en' if matches > 1 else ''}" if matches else "")
    referral_text = f"{referrals} doorverwijzing{'en' if referrals > 1 else ''}"
    assert str(info.value) == (f"Deze vrijwilliger staat nog {middle} en bij {referral_text}; "
                               "archiveer in plaats van verwijderen.")
    assert info.value.counts["shift.volunteer_id"] == shifts
    assert dump(demo_engine, "volunteers", volunteer_id) == before


def test_referenced_resident_is_refused(demo_engine):
    with demo_engine.connect() as conn:
        resident_id = conn.execute(text(
            "SELECT resident_id FROM buddy_request WHERE resident_id IN "
            "(SELECT resident_id FROM referral) LIMIT 1")).scalar_one()
        requests = _count(conn, "buddy_request", "resident_id", resident_id)
        referrals = _count(conn, "referral", "resident_id", resident_id)
    with pytest.raises(InUseError) as info:
        delete_record(demo_engine, "residents", resident_id)
    message = str(info.value)
    assert message.startswith(f"Deze inwoner staat nog bij {requests} aanmelding")
    assert f"bij {referrals} doorverwijzing" in message
    assert message.endswith("; archiveer in plaats van verwijderen.")
    assert dump(demo_engine, "residents", resident_id)["resident"]


def test_initiative_with_activities_is_refused(demo_engine):
    with demo_engine.connect() as conn:
        initiative_id = conn.execute(text(
            "SELECT initiative_id FROM activity GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        )).scalar_one()
        activities = _count(conn, "activity", "initiative_id", initiative_id)
    with pytest.raises(InUseError, match=f"^Dit initiatief heeft nog {activities} activiteiten"):
        delete_record(demo_engine, "initiatives", initiative_id)


def test_unreferenced_demo_resident_can_be_deleted(demo_engine):
    with demo_engine.connect() as conn:
        resident_id = conn.execute(text(
            "SELECT id FROM resident WHERE id NOT IN (SELECT resident_id FROM buddy_request) "
            "AND id NOT IN (SELECT resident_id FROM referral WHERE resident_id IS NOT NULL) "
            "AND id NOT IN (SELECT resident_id FROM participation) LIMIT 1")).scalar_one()
    before = dump(demo_engine, "residents", resident_id)
    snapshot = delete_record(demo_engine, "residents", resident_id)
    restore_deleted(demo_engine, snapshot)
    assert dump(demo_engine, "residents", resident_id) == before
