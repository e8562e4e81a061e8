"""Migration 0007 moves every consent of a register at 0006 into the ledger, date and all."""

from datetime import date

from alembic import command
from sqlalchemy import text

from tests.helpers.db import rows
from vrijwilligers_app.services.demo import demo_size, fill_demo
from vrijwilligers_app.store import migrate
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.seed import load_code_lists

TODAY = date(2026, 11, 23)
HAND_MADE = [  # (first name, recording on, sharing on, free text "Doorgeven aan")
    ("Scope", "2024-01-02", "2024-01-03", "Senzer en de huisarts"),
    ("Buurvrouw", "2024-02-02", "2024-02-05", "mijn buurvrouw"),
    ("Leeg", "2024-03-02", "2024-03-04", ""),
    ("Alleen", "2024-04-02", None, ""),
]


def _at_0006_with_demo(tmp_path):
    engine = create_register_engine(tmp_path / "register.sqlite")
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    load_code_lists(engine)
    fill_demo(engine, demo_size("300"), seed=3, reference_date=TODAY)
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0006")
    with engine.begin() as connection:
        for first, recording, sharing, scope in HAND_MADE:
            connection.execute(text(
                "INSERT INTO resident (uuid, created_at, updated_at, first_name, name_prefix, "
                "last_name, gender, birth_year, phone, email, postcode, languages, "
                "consent_recording, consent_recording_on, consent_sharing, consent_sharing_on, "
                "consent_sharing_scope) VALUES (:u, '2024-01-01', '2024-01-01', :f, '', 'Oud', "
                "'', 1950, '', '', '', 'nl', :r, :ro, :s, :so, :scope)"),
                {"u": f"hand-{first}", "f": first, "r": recording is not None, "ro": recording,
                 "s": sharing is not None, "so": sharing, "scope": scope})
        # a named referral to an organisation the free text did not mention
        connection.execute(text("""
            INSERT INTO referral (uuid, created_at, updated_at, resident_id, destination_id,
                urgency, consent_pass_on, consent_pass_on_date, question, signalled_on, status,
                age_band, life_domain_key)
            SELECT 'hand-ref', '2024-05-01', '2024-05-01', r.id, d.id, 'normaal', 1,
                   '2024-05-01', '', '2024-05-01', 'gesignaleerd', '', ''
            FROM resident r, destination d WHERE r.uuid = 'hand-Scope' AND d.code = 'ggz'"""))
    return engine


def test_every_consent_date_survives_the_upgrade(tmp_path):
    engine = _at_0006_with_demo(tmp_path)
    recording = rows(engine, "SELECT id, consent_recording_on FROM resident "
                     "WHERE consent_recording")
    sharing = rows(engine, "SELECT id, consent_sharing_on FROM resident WHERE consent_sharing")
    named = rows(engine, "SELECT resident_id, destination_id, consent_pass_on_date FROM "
                 "referral WHERE resident_id IS NOT NULL")
    assert len(recording) > 300 and len(sharing) > 100 and len(named) > 50
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")

    ledger = rows(engine, "SELECT resident_id, purpose, destination_id, given_on, how, "
                  "withdrawn_on, legacy_scope FROM consent")
    dated = {(r, p, str(g)[:10]) for r, p, _, g, _, _, _ in ledger}
    for resident, day in recording:
        assert (resident, "vastleggen", day[:10]) in dated
    for resident, day in sharing:
        assert (resident, "delen", day[:10]) in dated
    allowed = {(r, d): str(g)[:10] for r, p, d, g, _, w, _ in ledger if p == "delen" and w is None}
    for resident, destination, day in named:
        assert allowed[(resident, destination)] <= day[:10]
    assert {how for *_, how, _, _ in ledger} == {"onbekend"}

    def hand(first):
        return rows(engine, """SELECT c.purpose, coalesce(d.code, ''), c.given_on, c.legacy_scope
                               FROM consent c JOIN resident r ON r.id = c.resident_id
                               LEFT JOIN destination d ON d.id = c.destination_id
                               WHERE r.first_name = :f ORDER BY 1, 2, 3""", f=first)

    assert hand("Scope") == [("delen", "ggz", "2024-05-01", ""),
                             ("delen", "huisarts", "2024-01-03", ""),
                             ("delen", "senzer", "2024-01-03", ""),
                             ("vastleggen", "", "2024-01-02", "")]
    assert hand("Buurvrouw") == [("delen", "", "2024-02-05", "mijn buurvrouw"),
                                 ("vastleggen", "", "2024-02-02", "")]
    assert hand("Leeg") == [("delen", "", "2024-03-04", "(niet ingevuld)"),
                            ("vastleggen", "", "2024-03-02", "")]
    assert hand("Alleen") == [("vastleggen", "", "2024-04-02", "")]
    # the cache still says what the old boxes said
    assert rows(engine, "SELECT id, consent_recording_on FROM resident WHERE "
                "consent_recording") == recording
    assert {r for r, _ in rows(engine, "SELECT id, 1 FROM resident WHERE consent_sharing")} == {
        r for r, _ in sharing}
    engine.dispose()
