"""Inzage: one PDF with everything stored about one resident."""

from sqlalchemy import text

from tests.conftest import DEMO_DATE
from tests.services.privacy.test_anonymise import rows
from tests.services.reports.pdftext import squeezed
from tests.services.reports.pdftext import text as text_of
from vrijwilligers_app.domain.validation import format_phone
from vrijwilligers_app.services import audit
from vrijwilligers_app.services.exchange.keys import laptop_keys
from vrijwilligers_app.services.exchange.projection import keyer
from vrijwilligers_app.services.privacy.inzage import collect
from vrijwilligers_app.services.reports.inzage import inzage_pdf


def test_the_pdf_holds_fields_consents_matches_referrals_history_exports_and_audit(
        demo_engine, tmp_path):
    rid, uuid, first, last, phone = rows(demo_engine, """
        SELECT p.id, p.uuid, p.first_name, p.last_name, p.phone FROM resident p
        WHERE p.phone <> '' AND EXISTS (SELECT 1 FROM referral r WHERE r.resident_id = p.id
          AND r.question <> '') AND EXISTS (SELECT 1 FROM buddy_request q
          JOIN buddy_match m ON m.request_id = q.id JOIN contact_moment c ON c.match_id = m.id
          WHERE q.resident_id = p.id) LIMIT 1""")[0]
    question, event_kind = rows(demo_engine, """
        SELECT r.question, count(e.id) FROM referral r JOIN referral_event e
        ON e.referral_id = r.id WHERE r.resident_id = :r AND r.question <> ''
        GROUP BY r.id LIMIT 1""", r=rid)[0]
    volunteer = rows(demo_engine, """
        SELECT v.last_name FROM buddy_match m JOIN buddy_request q ON q.id = m.request_id
        JOIN volunteer v ON v.id = m.volunteer_id WHERE q.resident_id = :r""", r=rid)[0][0]
    audit.record_now(demo_engine, "record_opened", "resident", rid)
    audit.record_now(demo_engine, "export", "package", detail="volgnummer 1")
    keys = laptop_keys(tmp_path)
    content = squeezed(text_of(inzage_pdf(collect(demo_engine, rid, tmp_path),
                                          "Buurtnetwerk", DEMO_DATE)))
    for expected in (f"Inzage:{first}", str(last), format_phone(str(phone)), "Toestemmingen",
                     "Maatjesaanvragen", "Maatjeskoppelingen", str(volunteer),
                     "Contactmomenten", str(question)[:30], "Geschiedenisvandoorverwijzing",
                     "Gesignaleerd", keyer(keys.pseudonym_secret)("inwoner", uuid),
                     "volgnummer1", "Dossiergeopend", "VERTROUWELIJK"):
        assert squeezed(expected) in content, expected
    assert event_kind >= 1


def test_without_laptop_keys_nothing_was_ever_exported(demo_engine, tmp_path):
    rid = rows(demo_engine, "SELECT min(id) FROM resident")[0][0]
    exported = [s for s in collect(demo_engine, rid, tmp_path).sections
                if s.title == "Gedeeld met de gemeente"][0]
    assert exported.rows == [("Exports", "nooit geëxporteerd")]
    assert not (tmp_path / "uitwisseling").exists()  # inzage never makes keys


def test_a_buddy_with_a_tussenvoegsel_is_named_in_full(demo_engine, tmp_path):
    """'Jan van der Heijden', not 'Jan Heijden': the inzage names the maatje the way the
    register does (store/queries/names.full_name_sql)."""
    rid, vid, first, last = rows(demo_engine, """
        SELECT q.resident_id, v.id, v.first_name, v.last_name FROM buddy_match m
        JOIN buddy_request q ON q.id = m.request_id JOIN volunteer v ON v.id = m.volunteer_id
        LIMIT 1""")[0]
    with demo_engine.begin() as connection:
        connection.execute(text("UPDATE volunteer SET name_prefix = 'van der' WHERE id = :v"),
                           {"v": vid})
    content = squeezed(text_of(inzage_pdf(collect(demo_engine, rid, tmp_path),
                                          "Buurtnetwerk", DEMO_DATE)))
    assert squeezed(f"{first} van der {last}") in content
