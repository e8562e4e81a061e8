"""Bewaartermijnen on demo data: who is due, settings respected, the run all or nothing."""


from datetime import date

import pytest
from sqlalchemy import Engine, text

from tests.conftest import DEMO_DATE
from vrijwilligers_app.services.audit import entries
from vrijwilligers_app.services.privacy import anonymise as anonymise_module
from vrijwilligers_app.services.privacy.retention import due_residents, retention_steps, set_term


def rows(engine: Engine, sql: str) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql))]


def drain(steps) -> object:  # type: ignore[no-untyped-def]
    progress = []
    while True:
        try:
            progress.append(next(steps))
        except StopIteration as stop:
            return progress, stop.value


def test_only_residents_with_nothing_open_and_every_term_ended_are_due(demo_engine):
    due = due_residents(demo_engine, DEMO_DATE)
    assert 0 < len(due) < 400
    ids = {d.resident_id for d in due}
    open_ids = {r[0] for r in rows(demo_engine, """
        SELECT resident_id FROM referral WHERE resident_id IS NOT NULL
          AND status NOT IN ('afgesloten', 'teruggemeld', 'afgewezen')
        UNION SELECT resident_id FROM buddy_request WHERE closed_on IS NULL""")}
    assert open_ids and not ids & open_ids
    recent = {r[0] for r in rows(demo_engine, """
        SELECT resident_id FROM referral WHERE closed_on >= '2025-06-01'""")}
    assert recent and not ids & recent  # closed less than 24 months ago
    assert all(d.due_on <= DEMO_DATE for d in due)


def test_longer_terms_mean_fewer_residents_due(demo_engine):
    before = len(due_residents(demo_engine, DEMO_DATE))
    set_term(demo_engine, "retention_months_residents", 60)
    set_term(demo_engine, "retention_months_matches", 60)
    set_term(demo_engine, "retention_months_referrals", 60)
    assert len(due_residents(demo_engine, DEMO_DATE)) < before


def test_the_run_anonymises_the_confirmed_due_residents_only(demo_engine):
    due = [d.resident_id for d in due_residents(demo_engine, DEMO_DATE)]
    listed = ",".join(map(str, due))
    not_due = rows(demo_engine, f"SELECT id FROM resident WHERE id NOT IN ({listed}) LIMIT 1")[0][0]
    chosen = due[:-1] + [not_due]  # the last one the user left out; a stale id slipped in
    progress, result = drain(retention_steps(demo_engine, chosen, DEMO_DATE))
    assert result.residents == len(due) - 1
    assert progress[-1][0] == progress[-1][1]
    anonymised = {r[0] for r in rows(demo_engine, "SELECT id FROM resident "
                                                  "WHERE anonymised_on IS NOT NULL")}
    assert anonymised == set(due[:-1])
    assert [d.resident_id for d in due_residents(demo_engine, DEMO_DATE)] == [due[-1]]
    logged = entries(demo_engine, kinds=["retention_run"])
    assert {e.subject_id for e in logged} == set(due[:-1])
    assert all(e.detail == "bewaartermijn verstreken" for e in logged)


def test_a_run_that_fails_half_way_changes_nothing(demo_engine, monkeypatch):
    monkeypatch.setattr(anonymise_module, "BATCH", 10)
    due = [d.resident_id for d in due_residents(demo_engine, DEMO_DATE)]
    before = rows(demo_engine, "SELECT * FROM resident ORDER BY id")
    real, calls = anonymise_module._anonymise_batch, []

    def failing(session, batch, today):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 5:
            raise MemoryError
        real(session, batch, today)

    monkeypatch.setattr(anonymise_module, "_anonymise_batch", failing)
    with pytest.raises(MemoryError):
        drain(retention_steps(demo_engine, due, DEMO_DATE))
    assert rows(demo_engine, "SELECT * FROM resident ORDER BY id") == before
    assert len(due_residents(demo_engine, DEMO_DATE)) == len(due)


def test_the_free_text_of_old_anonymous_referrals_goes_and_every_figure_stays(demo_engine):
    from tests.services.privacy.test_anonymise import every_figure
    from vrijwilligers_app.services.privacy.retention import due_anonymous_referrals

    with demo_engine.begin() as c:  # a question on an old closed anonymous referral
        c.execute(text("""UPDATE referral SET question = 'Mevrouw op de hoek, dementie'
            WHERE id = (SELECT min(id) FROM referral WHERE resident_id IS NULL
                        AND status = 'afgesloten' AND closed_on < '2026-05-01')"""))
    assert due_anonymous_referrals(demo_engine, DEMO_DATE) == []  # demo referrals are recent
    later = date(2028, 6, 1)
    due = due_anonymous_referrals(demo_engine, later)
    assert due
    recent = {r[0] for r in rows(demo_engine, """SELECT id FROM referral
        WHERE resident_id IS NULL AND (closed_on IS NULL OR closed_on > '2026-06-01')""")}
    assert recent and not recent & set(due)
    before = every_figure(demo_engine)
    drain(retention_steps(demo_engine, [], later))
    listed = ",".join(map(str, due))
    assert rows(demo_engine, f"SELECT count(*) FROM referral WHERE id IN ({listed}) "
                             "AND question <> ''") == [(0,)]
    assert rows(demo_engine, f"SELECT count(*) FROM referral_event WHERE referral_id IN "
                             f"({listed}) AND (note <> '' OR outcome <> '')") == [(0,)]
    assert due_anonymous_referrals(demo_engine, later) == []
    assert every_figure(demo_engine) == before
    assert {e.subject_id for e in entries(demo_engine, kinds=["retention_run"])
            if e.subject_kind == "referral"} == set(due)
