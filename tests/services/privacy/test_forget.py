"""Vergeten: one resident at once; open work explained and closed only when confirmed; the
receipt holds no erased data; figures of a resident with nothing open stay identical."""

from datetime import UTC, datetime

import pytest

from tests.conftest import DEMO_DATE
from tests.services.privacy.test_anonymise import every_figure, rows
from tests.services.reports.pdftext import squeezed, text
from vrijwilligers_app.services.audit import entries
from vrijwilligers_app.services.privacy.anonymise import anonymise
from vrijwilligers_app.services.privacy.forget import ForgetRefused, forget_preview, forget_steps
from vrijwilligers_app.services.reports.receipt import receipt_pdf


def drain(steps):  # type: ignore[no-untyped-def]
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def test_an_open_referral_is_explained_and_nothing_changes_without_confirmation(demo_engine):
    rid, organisation = rows(demo_engine, """
        SELECT r.resident_id, d.organisation FROM referral r
        JOIN destination d ON d.id = r.destination_id
        WHERE r.resident_id IS NOT NULL AND r.status IN ('gesignaleerd', 'aangemeld')
        LIMIT 1""")[0]
    preview = forget_preview(demo_engine, rid)
    assert preview.has_open
    assert any(str(organisation) in line for line in preview.open_referrals)
    before = rows(demo_engine, "SELECT * FROM resident WHERE id = :r", r=rid)
    with pytest.raises(ForgetRefused, match="Bevestig eerst"):
        forget_steps(demo_engine, rid, DEMO_DATE)
    assert rows(demo_engine, "SELECT * FROM resident WHERE id = :r", r=rid) == before
    assert drain(forget_steps(demo_engine, rid, DEMO_DATE, close_open=True)).residents == 1
    assert rows(demo_engine, "SELECT count(*) FROM referral WHERE resident_id = :r "
                             "AND status NOT IN ('afgesloten', 'teruggemeld', 'afgewezen')",
                r=rid) == [(0,)]
    assert rows(demo_engine, "SELECT count(*) FROM buddy_request WHERE resident_id = :r "
                             "AND closed_on IS NULL", r=rid) == [(0,)]
    assert rows(demo_engine, "SELECT first_name, phone, anonymised_on FROM resident "
                             "WHERE id = :r", r=rid) == [("Inwoner", "", DEMO_DATE.isoformat())]
    logged = entries(demo_engine, kinds=["vergeten"])
    assert [(e.subject_id, e.subject_kind) for e in logged] == [(rid, "resident")]


def test_forgetting_twice_is_refused_with_the_date(demo_engine):
    rid = rows(demo_engine, "SELECT min(id) FROM resident")[0][0]
    anonymise(demo_engine, [rid], DEMO_DATE)
    with pytest.raises(ForgetRefused, match="al geanonimiseerd op 23-11-2026"):
        forget_steps(demo_engine, rid, DEMO_DATE, close_open=True)


def test_figures_stay_identical_for_a_resident_with_nothing_open(demo_engine):
    rid = rows(demo_engine, """
        SELECT p.id FROM resident p WHERE EXISTS (SELECT 1 FROM referral r
          WHERE r.resident_id = p.id) AND EXISTS (SELECT 1 FROM buddy_request q
          WHERE q.resident_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.resident_id = p.id
          AND r.status NOT IN ('afgesloten', 'teruggemeld', 'afgewezen'))
        AND NOT EXISTS (SELECT 1 FROM buddy_request q WHERE q.resident_id = p.id
          AND q.closed_on IS NULL) LIMIT 1""")[0][0]
    before = every_figure(demo_engine)
    assert not forget_preview(demo_engine, rid).has_open
    drain(forget_steps(demo_engine, rid, DEMO_DATE))
    assert every_figure(demo_engine) == before


def test_the_receipt_names_kinds_and_numbers_but_no_erased_data(demo_engine):
    rid, first, last, phone = rows(demo_engine, """
        SELECT p.id, p.first_name, p.last_name, p.phone FROM resident p
        JOIN referral r ON r.resident_id = p.id WHERE p.phone <> '' LIMIT 1""")[0]
    preview = forget_preview(demo_engine, rid)
    closed = preview.open_referrals + preview.open_buddy
    drain(forget_steps(demo_engine, rid, DEMO_DATE, close_open=True))
    data = receipt_pdf(preview, datetime(2026, 11, 23, 14, 5, tzinfo=UTC), "Coby de Wit",
                       "Buurtnetwerk Helmond-Noord", closed, keep_days=14)
    content = text(data)
    assert "Bewijs van verwijdering" in content
    assert f"Dossiernummer{rid}" in squeezed(content)
    assert "Coby de Wit" in content and "14 dagen" in content
    assert "doorverwijzingen" in content
    for secret in (str(first), str(last), str(phone), "0" + str(phone)[3:]):
        assert squeezed(secret) not in squeezed(content)
