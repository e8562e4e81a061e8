"""Global search: FTS5 kept in step by triggers; accent-, case- and syntax-proof."""

from datetime import date

import pytest
from alembic import command
from sqlalchemy import delete, text, update
from sqlmodel import select

from vrijwilligers_app.services.demo import demo_size, fill_demo
from vrijwilligers_app.store import migrate
from vrijwilligers_app.store.engine import create_register_engine, write_session
from vrijwilligers_app.store.queries.search import SearchHit, fts_query, search
from vrijwilligers_app.store.seed import load_code_lists
from vrijwilligers_app.store.tables import (
    Consent,
    Destination,
    Initiative,
    Referral,
    Resident,
    Volunteer,
)

TODAY = date(2026, 11, 23)
HOSTILE = ['"', '""', "*", "NOT", "AND", "OR", "a:b", "(", ")", "-", "^", "NEAR(a b)",
           'jan "van', "title:x", "{title body}: x", "'; DROP TABLE resident; --", "\\",
           "a OR b", "+", "%", "_", "0", "\x00", "NOT *", ":", "a*b", "🙂"]


@pytest.fixture(scope="module")
def demo_engine(demo_klein_engine):
    return demo_klein_engine


def _people(engine, query):
    return {(h.kind, h.title) for h in search(engine, query) if h.kind != "referrals"}


def test_accents_and_case_do_not_matter(demo_engine):
    found = _people(demo_engine, "Dorien")
    assert found and all("Doriën" in title for _, title in found)
    assert _people(demo_engine, "DORIËN") == _people(demo_engine, "dorien") == found
    assert _people(demo_engine, "dori") >= found  # as-you-type prefix
    sahin = _people(demo_engine, "sahin")
    assert sahin and all("Şahin" in title for _, title in sahin)
    yilmaz = _people(demo_engine, "yilmaz")  # ı is not a diacritic to SQLite: folded by us
    assert yilmaz and all("Yılmaz" in title for _, title in yilmaz)
    assert _people(demo_engine, "Yılmaz") == yilmaz


def test_phone_fragment_in_national_form_finds_e164(demo_engine):
    hits = search(demo_engine, "0612", limit=500)
    assert hits
    with demo_engine.connect() as conn:
        expected = {r[0] for r in conn.execute(text(
            "SELECT id FROM resident WHERE phone LIKE '+31612%'"))}
    assert expected and {h.record_id for h in hits if h.kind == "residents"} == expected
    assert {h.record_id for h in search(demo_engine, "06-12", limit=500)
            if h.kind == "residents"} == expected
    assert {h.record_id for h in search(demo_engine, "+31 6 12", limit=500)
            if h.kind == "residents"} == expected


def test_every_typed_word_must_match(demo_engine):
    both = [h for h in search(demo_engine, "jan van", limit=500) if h.kind == "residents"]
    assert both and all("jan" in h.title.lower() and "van" in h.title.lower() for h in both)
    jans = [h for h in search(demo_engine, "jan", limit=500) if h.kind == "residents"]
    assert len(both) < len(jans)


def test_people_come_before_referrals_and_limit_holds(demo_engine):
    assert len(search(demo_engine, "a", limit=40)) == 40
    with demo_engine.connect() as conn:
        last_name, organisation = conn.execute(text(
            "SELECT p.last_name, ds.organisation FROM referral r JOIN resident p "
            "ON p.id = r.resident_id JOIN destination ds ON ds.id = r.destination_id "
            "ORDER BY r.id LIMIT 1")).one()
    mixed = search(demo_engine, f"{organisation.split()[0]} {last_name}", limit=500)
    assert mixed and {h.kind for h in mixed} == {"referrals"}
    anyone = search(demo_engine, last_name, limit=500)
    kinds = [h.kind for h in anyone]
    assert {"referrals", "residents"} <= set(kinds)
    assert kinds == sorted(kinds, key=lambda k: k == "referrals")
    assert all(isinstance(h, SearchHit) and h.subtitle for h in anyone)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_input_never_raises(demo_engine, hostile):
    assert isinstance(search(demo_engine, hostile), list)


def test_empty_input_gives_nothing(demo_engine):
    for empty in ("", " ", "\t\n", "()", '" *'):
        assert search(demo_engine, empty) == []
        assert fts_query(empty) is None


def test_query_words_are_quoted_prefixes():
    assert fts_query('jan "van" NOT') == '"jan"* """van"""* "NOT"*'
    assert fts_query("06 12 34") == '"061234"*'
    assert fts_query("+31 6-12") == '"0612"*'
    assert fts_query("Yılmaz 5701ab") == '"Yilmaz"* "5701ab"*'


# ------------------------------------------------------------------ hand-made rows, triggers
def _ids(engine, query, kind):
    return [h.record_id for h in search(engine, query) if h.kind == kind]


def test_postcode_phone_and_email_of_a_new_resident(register_engine):
    with write_session(register_engine) as session:
        resident = Resident(first_name="Doriën", last_name="Şahin", phone="+31612345678",
                            postcode="5701 AB", email="dorien.sahin@mail.example")
        session.add(resident)
        session.flush()
        rid = resident.id
    for query in ("Dorien", "sahin", "doriën şahin", "0612", "0612345678", "31612",
                  "5701", "5701ab", "5701 AB", "5701AB", "dorien.sahin", "mail.example"):
        assert _ids(register_engine, query, "residents") == [rid], query
    (hit,) = search(register_engine, "5701ab")
    assert hit.title == "Doriën Şahin" and "5701 AB" in hit.subtitle
    assert "06 12345678" in hit.subtitle
    assert search(register_engine, "5702") == []


def test_triggers_follow_update_and_delete(register_engine):
    with write_session(register_engine) as session:
        volunteer = Volunteer(first_name="Henny", last_name="Hurkmans", street="Kerkstraat 1")
        initiative = Initiative(name="Eetpunt Kiezel", type_code="eetpunt", contact_name="Bep")
        session.add_all([volunteer, initiative])
        session.flush()
        vid, iid = volunteer.id, initiative.id
    assert _ids(register_engine, "hurkmans", "volunteers") == [vid]
    assert _ids(register_engine, "kerkstr", "volunteers") == [vid]
    assert _ids(register_engine, "kiezel", "initiatives") == [iid]
    with write_session(register_engine) as session:
        session.execute(update(Volunteer).where(Volunteer.id == vid).values(
            last_name="Hendriks", archived_at=date(2026, 1, 1)))
        session.execute(update(Initiative).values(name="Eetpunt Keizer"))
    assert _ids(register_engine, "hurkmans", "volunteers") == []
    (hit,) = search(register_engine, "hendriks")
    assert (hit.kind, hit.record_id, hit.title, hit.archived) == (
        "volunteers", vid, "Henny Hendriks", True)
    assert _ids(register_engine, "kiezel", "initiatives") == []
    assert _ids(register_engine, "keizer", "initiatives") == [iid]
    with write_session(register_engine) as session:
        session.execute(delete(Volunteer).where(Volunteer.id == vid))
    assert search(register_engine, "hendriks") == []
    with register_engine.connect() as conn:  # raw SQL writers are followed too
        conn.exec_driver_sql("INSERT INTO volunteer (uuid, created_at, updated_at, first_name, "
                             "name_prefix, last_name, gender, phone, email, street, postcode, "
                             "city, skills, interests, languages, availability, "
                             "vog_checked_by, listed_consent, notes) VALUES ('u-1', "
                             "'2026-01-01', '2026-01-01', 'Ria', '', 'Rooijakkers', '', '', "
                             "'', '', '', 'Helmond', '', '', 'nl', 0, '', 0, '')")
        conn.commit()
    assert [h.title for h in search(register_engine, "rooij")] == ["Ria Rooijakkers"]


def test_archived_hits_are_marked_and_come_last(register_engine):
    with write_session(register_engine) as session:
        session.add(Resident(first_name="Anna", last_name="Bakker", archived_at=date(2026, 1, 1)))
        session.add(Resident(first_name="Anna", last_name="Bakker"))
    hits = search(register_engine, "anna bakker")
    assert [h.archived for h in hits] == [False, True]


def test_referral_entries_follow_their_resident_and_destination(register_engine):
    with write_session(register_engine) as session:
        resident = Resident(first_name="Gerda", last_name="Gevers", consent_sharing=True,
                            consent_sharing_on=date(2026, 1, 1))
        destination = session.exec(select(Destination).where(Destination.code == "senzer")).one()
        session.add(resident)
        session.flush()
        session.add(Consent(resident_id=resident.id, purpose="delen",  # the ledger allows it
                            destination_id=destination.id, given_on=date(2026, 1, 1),
                            how="schriftelijk"))
        session.flush()
        referral = Referral(resident_id=resident.id, destination_id=destination.id,
                            consent_pass_on=True, consent_pass_on_date=date(2026, 2, 1),
                            signalled_on=date(2026, 2, 1), question="Zoekt werk als kok")
        anonymous = Referral(destination_id=destination.id, district_code="WK079410",
                             age_band="45-64", signalled_on=date(2026, 2, 2),
                             question="Vraag over schulden")
        session.add_all([referral, anonymous])
        session.flush()
        rid, aid, resident_id, destination_id = (referral.id, anonymous.id, resident.id,
                                                  destination.id)
    assert _ids(register_engine, "gevers", "referrals") == [rid]
    assert _ids(register_engine, "kok", "referrals") == [rid]
    assert sorted(_ids(register_engine, "senzer", "referrals")) == sorted([rid, aid])
    (anonymous_hit,) = [h for h in search(register_engine, "schulden")]
    assert anonymous_hit.title == "Anoniem (Binnenstad, 45-64)"
    assert "naar Senzer" in anonymous_hit.subtitle
    with write_session(register_engine) as session:
        session.execute(update(Resident).where(Resident.id == resident_id).values(
            last_name="Gerrits"))
        session.execute(update(Destination).where(Destination.id == destination_id).values(
            organisation="Werkplein Helmond"))
    assert _ids(register_engine, "gevers", "referrals") == []
    assert _ids(register_engine, "gerrits", "referrals") == [rid]
    assert _ids(register_engine, "senzer", "referrals") == []
    assert sorted(_ids(register_engine, "werkplein", "referrals")) == sorted([rid, aid])
    with write_session(register_engine) as session:
        session.execute(delete(Referral).where(Referral.id == rid))
    assert _ids(register_engine, "gerrits", "referrals") == []


def test_upgrade_from_0001_indexes_existing_rows(tmp_path):
    engine = create_register_engine(tmp_path / "register.sqlite")
    with engine.begin() as connection:  # demo rows need today's schema; then back to 0001
        command.upgrade(migrate.alembic_config(connection), "head")
    load_code_lists(engine)
    counts = fill_demo(engine, demo_size("120"), seed=3, reference_date=TODAY)
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0001")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = "
                                 "'search_index'")).scalar_one() == 0
    with engine.begin() as connection:  # this test is about revision 0002 itself
        command.upgrade(migrate.alembic_config(connection), "0002")
    assert migrate.current_revision(engine) == "0002"
    with engine.connect() as conn:
        indexed = dict(conn.execute(text(
            "SELECT kind, count(*) FROM search_index GROUP BY kind")).all())
        doriens = conn.execute(text(
            "SELECT count(*) FROM resident WHERE first_name = 'Doriën'")).scalar_one()
    assert indexed == {"initiatives": counts["initiative"], "volunteers": counts["volunteer"],
                       "residents": counts["resident"], "referrals": counts["referral"]}
    assert len([h for h in search(engine, "dorien", limit=500)
                if h.kind == "residents"]) == doriens
    with engine.begin() as connection:  # and back: the index and its triggers go
        command.downgrade(migrate.alembic_config(connection), "0001")
    with engine.connect() as conn:
        left = conn.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'search%'"))
        assert left.all() == []
    engine.dispose()


def test_too_broad_queries_are_not_ranked_but_still_answer(demo_engine, monkeypatch):
    from vrijwilligers_app.store.queries import search as search_module

    monkeypatch.setattr(search_module, "RANK_CAP", 5)
    broad = search(demo_engine, "5701", limit=20)
    assert len(broad) == 20 and len({(h.kind, h.record_id) for h in broad}) == 20
    names = search(demo_engine, "d", limit=30)
    titles = [h.title.lower() for h in names]
    in_title = [any(w.startswith("d") for w in t.split()) for t in titles]
    assert in_title == sorted(in_title, reverse=True)  # title hits first


def test_search_of_one_kind_is_not_crowded_out_by_others(demo_engine):
    everything = search(demo_engine, "de", limit=30)
    volunteers = search(demo_engine, "de", limit=30, kind="volunteers")
    assert volunteers and {h.kind for h in volunteers} == {"volunteers"}
    assert len(volunteers) > sum(h.kind == "volunteers" for h in everything)
    with demo_engine.connect() as conn:
        ids = {r[0] for r in conn.execute(text(
            "SELECT record_id FROM search_index WHERE kind = 'volunteers' AND "
            "search_index MATCH 'de*'"))}
    assert {h.record_id for h in volunteers} <= ids
