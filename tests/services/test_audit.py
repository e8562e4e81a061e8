"""The audit log: append-only, entries by id only, filters, and who writes to it."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from tests.services.reports.pdftext import text as pdf_text
from vrijwilligers_app.services import audit
from vrijwilligers_app.services.exchange.export import export
from vrijwilligers_app.services.reports.audit_log import audit_log_pdf
from vrijwilligers_app.services.reports.catalogue import log_report_use
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.settings import set_setting


def count(engine, where: str = "1") -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM audit_entry WHERE {where}"))
                   .scalar_one())


def test_entries_cannot_be_changed_or_deleted(register_engine):
    audit.record_now(register_engine, "record_opened", "resident", 7)
    for statement in ("UPDATE audit_entry SET actor = 'iemand anders'",
                      "DELETE FROM audit_entry"):
        with (pytest.raises(DatabaseError, match="append-only"),
              register_engine.begin() as connection):
            connection.execute(text(statement))
    assert count(register_engine, "actor = '' AND subject_id = 7") == 1


def test_an_entry_commits_or_rolls_back_with_its_action(register_engine):
    with pytest.raises(RuntimeError), write_session(register_engine) as session:
        audit.record(session, "inzage", "resident", 3)
        raise RuntimeError("de handeling mislukte")
    assert count(register_engine) == 0
    with pytest.raises(audit.UnknownAuditKind):
        audit.record_now(register_engine, "koffie gezet")


def test_the_actor_is_the_user_name_setting_and_filters_work(register_engine):
    set_setting(register_engine, "user_name", "Coby de Wit")
    audit.record_now(register_engine, "record_opened", "resident", 1)
    audit.record_now(register_engine, "vergeten", "resident", 2)
    lines = audit.entries(register_engine)
    assert [(e.kind, e.subject_id, e.actor) for e in lines] == [
        ("vergeten", 2, "Coby de Wit"), ("record_opened", 1, "Coby de Wit")]
    assert [e.subject_id for e in audit.entries(register_engine, kinds=["vergeten"])] == [2]
    today = datetime.now(UTC).date()
    assert len(audit.entries(register_engine, start=today, end=today)) == 2
    assert audit.entries(register_engine, end=today - timedelta(days=1)) == []
    assert [e.subject_id for e in audit.entries(register_engine, subject_kind="resident",
                                                subject_id=1)] == [1]
    data = audit_log_pdf(lines, "Buurtnetwerk", "Periode: vandaag", date(2026, 11, 23))
    content = pdf_text(data)
    assert "Vergeten" in content and "inwoner 2" in content and "Coby de Wit" in content


def test_exports_and_reports_with_names_are_logged(demo_klein_engine, tmp_path):
    before = count(demo_klein_engine, "kind = 'export'")
    result = export(demo_klein_engine, tmp_path / "data", tmp_path / "uit",
                    date(2026, 11, 23), allow_unencrypted=True)
    assert count(demo_klein_engine, "kind = 'export'") == before + 1
    line = audit.entries(demo_klein_engine, kinds=["export"])[0]
    assert line.detail == f"volgnummer 1, {result.rows['inwoners']} inwoners als pseudoniem"
    assert 0 < result.rows["inwoners"] < 400  # only who consented (i12b), as rows
    log_report_use(demo_klein_engine, "jaarverslag", "opgeslagen")  # no names: not logged
    log_report_use(demo_klein_engine, "vrijwilligers", "afgedrukt")
    assert [e.detail for e in audit.entries(demo_klein_engine, kinds=["report_with_names"])
            ] == ["vrijwilligers: afgedrukt"]


def test_record_now_in_plain_sql_stores_what_the_orm_stores(register_engine):
    """record_now skips SQLModel (the `rapport` command's start-up); its row must read back
    exactly like one written through the ORM."""
    set_setting(register_engine, "user_name", "  Coby de Wit  ")
    audit.record_now(register_engine, "report_with_names", "report", detail="x" * 400)
    with write_session(register_engine) as session:
        audit.record(session, "report_with_names", "report", detail="x" * 400)
    with register_engine.connect() as connection:
        stored = connection.execute(text(
            "SELECT at, actor, kind, subject_kind, subject_id, subject_uuid, detail, "
            "typeof(at), length(at) FROM audit_entry ORDER BY id")).all()
    plain, orm = stored
    assert plain[1:] == orm[1:]
    assert plain[1] == "Coby de Wit" and len(plain[6]) == audit.DETAIL_MAX
    lines = audit.entries(register_engine)
    assert all(line.at.tzinfo is not None for line in lines)
    assert abs(lines[0].at - lines[1].at) < timedelta(minutes=5)
