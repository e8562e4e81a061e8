"""Maatjes services: suggestions, the flow from aanmelding to ending, bad input, reminders."""

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, text
from sqlmodel import select

from tests.helpers.db import add, count
from vrijwilligers_app.services.demo import KLEIN, fill_demo
from vrijwilligers_app.services.editing import FormErrors
from vrijwilligers_app.services.maatjes import (
    EVALUATION_DAYS,
    LABELS,
    RequestNotFound,
    add_contact,
    advance_request,
    buddy_reminders,
    create_request,
    end_match,
    hold_evaluation,
    propose_match,
    start_match,
    suggestions,
)
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.tables import (
    BuddyMatch,
    BuddyRequest,
    ContactMoment,
    Evaluation,
    Initiative,
    Resident,
    Volunteer,
    VolunteerRole,
)

TODAY = date(2026, 11, 23)
CENTRUM, OOST, STIPHOUT = "WK079410", "WK079411", "WK079417"
MA_O, DI_M = 1, 1 << 4


def project(engine: Engine, name: str = "Maatjes Helmond", **rules) -> int:
    values = dict(buddy_contact_weeks=2, buddy_waiting_weeks=6, vog_max_age_years=3)
    values.update(rules)
    return add(engine, Initiative(name=name, type_code="maatjesproject", **values))[0]


def volunteer(engine: Engine, initiative_id: int | None, first: str, role: str = "maatje",
              **facts) -> int:
    values = dict(district_code=CENTRUM, interests="wandelen;koken", languages="nl",
                  gender="v", availability=MA_O | DI_M, vog_date=date(2025, 6, 1))
    values.update(facts)
    vid = add(engine, Volunteer(first_name=first, last_name="Maatje", **values))[0]
    if initiative_id is not None:
        add(engine, VolunteerRole(volunteer_id=vid, initiative_id=initiative_id,
                                  role_code=role, start_date=date(2024, 1, 1)))
    return vid


def resident(engine: Engine, first: str = "Jan", district: str = CENTRUM) -> int:
    return add(engine, Resident(first_name=first, last_name="Inwoner",
                                district_code=district))[0]


def waiting_request(engine: Engine, initiative_id: int, resident_id: int,
                    requested_on: date = date(2026, 9, 1)) -> int:
    rid = create_request(engine, resident_id, initiative_id, requested_on, TODAY,
                         wish="Iemand om mee te wandelen", interests="Wandelen, koken",
                         languages="nl", preferred_gender="v",
                         preferred_availability=MA_O | DI_M)
    advance_request(engine, rid, "intake", requested_on + timedelta(days=7), TODAY)
    advance_request(engine, rid, "wachtend", requested_on + timedelta(days=8), TODAY)
    return rid


def errors_of(excinfo: pytest.ExceptionInfo[FormErrors]) -> dict[str, str]:
    assert set(excinfo.value.errors) <= set(LABELS)  # every message lands under a label
    return excinfo.value.errors


@pytest.fixture
def setup(register_engine: Engine) -> dict[str, int]:
    e = register_engine
    p, other = project(e), project(e, "Maatjes elders")
    ids = dict(engine_project=p, other_project=other)
    ids["best"] = volunteer(e, p, "Anna")
    ids["nearby"] = volunteer(e, p, "Bea", district_code=OOST)
    ids["far"] = volunteer(e, p, "Cor", district_code=STIPHOUT, gender="m", interests="")
    ids["no_vog"] = volunteer(e, p, "Dien", vog_date=None)
    ids["coordinator"] = volunteer(e, p, "Els", role="coordinator")
    ids["elsewhere"] = volunteer(e, other, "Fien")
    ids["archived"] = volunteer(e, p, "Gerda", archived_at=date(2026, 1, 1))
    ids["stopped"] = volunteer(e, p, "Hans", end_date=date(2026, 6, 1))
    ids["resident"] = resident(e)
    ids["request"] = waiting_request(e, p, ids["resident"])
    return ids


def test_suggestions_rank_own_project_volunteers_with_reasons(register_engine, setup):
    result = suggestions(register_engine, setup["request"], TODAY)
    assert [s.volunteer_id for s in result] == [setup["best"], setup["nearby"], setup["far"]]
    top = result[0]
    assert top.explanation()[:2] == ["zelfde wijk (+30)",
                                     "2 gedeelde interesses: wandelen, koken (+20)"]
    assert "wijk ernaast (+15)" in result[1].explanation()
    assert "voorkeur vrouw: past niet (-40)" in result[2].explanation()
    everyone = suggestions(register_engine, setup["request"], TODAY, include_excluded=True)
    assert everyone[-1].volunteer_id == setup["no_vog"]
    assert "geen VOG (uitgesloten)" in everyone[-1].explanation()
    assert suggestions(register_engine, setup["request"], TODAY, limit=1)[0] == top


def test_suggestions_for_missing_request(register_engine):
    with pytest.raises(RequestNotFound, match="bestaat niet meer"):
        suggestions(register_engine, 999, TODAY)


def test_open_matches_elsewhere_lower_the_score(register_engine, setup):
    e = register_engine
    other_resident = resident(e, "Piet")
    other_request = waiting_request(e, setup["engine_project"], other_resident)
    propose_match(e, other_request, setup["best"], TODAY)
    result = suggestions(e, setup["request"], TODAY)
    best = next(s for s in result if s.volunteer_id == setup["best"])
    assert "1 lopende koppeling (+5)" in best.explanation()


def test_whole_flow_from_request_to_ending_keeps_history(register_engine, setup):
    e, rid = register_engine, setup["request"]
    first = propose_match(e, rid, setup["nearby"], date(2026, 10, 1))
    with read_session(e) as session:
        assert session.get(BuddyRequest, rid).status == "voorgesteld"
        assert session.get(BuddyMatch, first).score == 75.0  # 15+20+10+10+10+10
    # Already a proposal on this request; no second one at the same time.
    with pytest.raises(FormErrors) as excinfo:
        propose_match(e, rid, setup["best"], date(2026, 10, 2))
    assert "al een lopende koppeling" in errors_of(excinfo)["request_id"]
    start_match(e, first, date(2026, 10, 8), TODAY)
    add_contact(e, first, date(2026, 10, 15), "bezoek", 90, "Samen koffie gedronken.", TODAY)
    assert end_match(e, first, date(2026, 10, 20), "geen_klik", TODAY) == "wachtend"
    # Not suggested again for this request after geen klik.
    assert setup["nearby"] not in [s.volunteer_id for s in suggestions(e, rid, TODAY)]
    second = propose_match(e, rid, setup["best"], date(2026, 10, 25))
    start_match(e, second, date(2026, 11, 1), TODAY)
    add_contact(e, second, date(2026, 11, 8), "wandeling", 60, "", TODAY)
    assert end_match(e, second, date(2026, 11, 20), "doel_bereikt", TODAY) == "afgesloten"
    with read_session(e) as session:
        request = session.get(BuddyRequest, rid)
        assert (request.status, request.closed_on, request.close_reason_code) == (
            "afgesloten", date(2026, 11, 20), "doel_bereikt")
        assert request.waiting_since == date(2026, 10, 20)
        matches = session.exec(select(BuddyMatch).order_by(BuddyMatch.id)).all()
        assert [(m.ended_on, m.end_reason_code) for m in matches] == [
            (date(2026, 10, 20), "geen_klik"), (date(2026, 11, 20), "doel_bereikt")]
    assert count(e, ContactMoment) == 2
    assert count(e, Evaluation) == 2 * len(EVALUATION_DAYS)
    with pytest.raises(FormErrors) as excinfo:
        propose_match(e, rid, setup["far"], TODAY)
    assert "afgesloten" in errors_of(excinfo)["status"]


def test_volunteer_of_another_project_is_refused(register_engine, setup):
    for key in ("elsewhere", "coordinator"):
        with pytest.raises(FormErrors) as excinfo:
            propose_match(register_engine, setup["request"], setup[key], TODAY)
        assert "alleen binnen hetzelfde project" in errors_of(excinfo)["volunteer_id"]
    assert count(register_engine, BuddyMatch) == 0


def test_missing_vog_archived_and_status_are_refused(register_engine, setup):
    e = register_engine
    with pytest.raises(FormErrors) as excinfo:
        propose_match(e, setup["request"], setup["no_vog"], TODAY)
    assert errors_of(excinfo)["vog"] == ("Deze vrijwilliger kan niet worden voorgesteld: "
                                         "geen VOG.")
    with pytest.raises(FormErrors) as excinfo:
        propose_match(e, setup["request"], setup["archived"], TODAY)
    assert "gestopt of gearchiveerd" in errors_of(excinfo)["volunteer_id"]
    new = create_request(e, resident(e, "Kees"), setup["engine_project"], TODAY, TODAY)
    with pytest.raises(FormErrors) as excinfo:
        propose_match(e, new, setup["best"], TODAY)
    assert "kan niet naar 'voorgesteld'" in errors_of(excinfo)["status"]
    with pytest.raises(FormErrors, match="Vrijwilliger: De vrijwilliger .*bestaat niet meer"):
        propose_match(e, setup["request"], 9999, TODAY)


def test_overlapping_duplicate_pair_is_refused(register_engine, setup):
    e = register_engine
    first = propose_match(e, setup["request"], setup["best"], date(2026, 10, 1))
    start_match(e, first, date(2026, 10, 5), TODAY)
    second_request = waiting_request(e, setup["engine_project"], setup["resident"],
                                     date(2026, 10, 10))
    with pytest.raises(FormErrors) as excinfo:
        propose_match(e, second_request, setup["best"], TODAY)
    assert "al een koppeling in dezelfde periode" in errors_of(excinfo)["volunteer_id"]


def test_bad_dates_and_codes_are_refused_and_nothing_saved(register_engine, setup):
    e = register_engine
    match = propose_match(e, setup["request"], setup["best"], date(2026, 10, 1))
    with pytest.raises(FormErrors) as excinfo:
        start_match(e, match, date(2026, 9, 30), TODAY)
    assert "vóór het voorstel" in errors_of(excinfo)["started_on"]
    with pytest.raises(FormErrors) as excinfo:
        add_contact(e, match, date(2026, 10, 2), "bezoek", 30, "", TODAY)
    assert "nog niet gestart" in errors_of(excinfo)["occurred_on"]
    start_match(e, match, date(2026, 10, 5), TODAY)
    with pytest.raises(FormErrors, match="al gestart"):
        start_match(e, match, date(2026, 10, 6), TODAY)
    with pytest.raises(FormErrors) as excinfo:
        add_contact(e, match, date(2026, 10, 4), "sms", -1, "x" * 501, TODAY)
    assert set(errors_of(excinfo)) == {"occurred_on", "kind_code", "duration_minutes", "note"}
    with pytest.raises(FormErrors) as excinfo:
        add_contact(e, match, date(2026, 10, 6), "bezoek", 30, "bsn 111222333", TODAY)
    assert "BSN" in errors_of(excinfo)["note"]
    add_contact(e, match, date(2026, 11, 1), "telefoon", 20, "", TODAY)
    with pytest.raises(FormErrors) as excinfo:
        end_match(e, match, date(2026, 10, 1), "bestaat_niet", TODAY)
    assert "vóór het begin" in errors_of(excinfo)["ended_on"]
    assert "Kies een reden" in errors_of(excinfo)["reason_code"]
    with pytest.raises(FormErrors, match="contact vastgelegd op 01-11-2026"):
        end_match(e, match, date(2026, 10, 20), "verhuisd", TODAY)
    end_match(e, match, date(2026, 11, 10), "verhuisd", TODAY)
    with pytest.raises(FormErrors) as excinfo:
        add_contact(e, match, date(2026, 11, 11), "bezoek", 30, "", TODAY)
    assert "na het einde van de koppeling (10-11-2026)" in errors_of(excinfo)["occurred_on"]
    with pytest.raises(FormErrors, match="al beëindigd"):
        end_match(e, match, date(2026, 11, 12), "verhuisd", TODAY)
    assert count(e, ContactMoment) == 1


def test_request_steps(register_engine, setup):
    e = register_engine
    with pytest.raises(FormErrors) as excinfo:
        create_request(e, setup["resident"], setup["engine_project"], date(2027, 1, 1), TODAY,
                       preferred_gender="q")
    assert set(errors_of(excinfo)) == {"requested_on", "preferred_gender"}
    with pytest.raises(FormErrors) as excinfo:
        create_request(e, setup["resident"], setup["engine_project"], TODAY, TODAY,
                       wish="BSN 111222333", preferred_availability=1 << 21)
    assert set(errors_of(excinfo)) == {"wish", "preferred_availability"}
    cafe = add(e, Initiative(name="Alzheimer Café", type_code="alzheimercafe"))[0]
    with pytest.raises(FormErrors, match="geen maatjesproject"):
        create_request(e, setup["resident"], cafe, TODAY, TODAY)
    rid = create_request(e, setup["resident"], setup["engine_project"], date(2026, 11, 1),
                         TODAY)
    with pytest.raises(FormErrors) as excinfo:
        advance_request(e, rid, "wachtend", date(2026, 11, 2), TODAY)
    assert "kan niet naar 'wachtend op een maatje'" in errors_of(excinfo)["status"]
    with pytest.raises(FormErrors) as excinfo:
        advance_request(e, rid, "intake", date(2026, 10, 31), TODAY)
    assert "vóór de aanmelding" in errors_of(excinfo)["on"]
    with pytest.raises(FormErrors, match="Kies een reden"):
        advance_request(e, rid, "afgesloten", date(2026, 11, 2), TODAY)
    advance_request(e, rid, "afgesloten", date(2026, 11, 2), TODAY, "inwoner_gestopt")
    with read_session(e) as session:
        request = session.get(BuddyRequest, rid)
        assert (request.status, request.close_reason_code) == ("afgesloten", "inwoner_gestopt")
    match = propose_match(e, setup["request"], setup["best"], TODAY)
    with pytest.raises(FormErrors, match="Beëindig eerst"):
        advance_request(e, setup["request"], "afgesloten", TODAY, TODAY, "verhuisd")
    assert end_match(e, match, TODAY, "verhuisd", TODAY, back_on_waiting_list=True) == "wachtend"


def test_reminders(register_engine, setup):
    e = register_engine
    match = propose_match(e, setup["request"], setup["best"], date(2026, 9, 20))
    start_match(e, match, date(2026, 9, 25), TODAY)
    add_contact(e, match, date(2026, 10, 1), "bezoek", 60, "", TODAY)
    late = waiting_request(e, setup["engine_project"], resident(e, "Lies"), date(2026, 8, 1))
    with write_session(e) as session:
        old = session.get(Volunteer, setup["nearby"])
        old.vog_date = date(2022, 1, 1)
        session.add(old)
    items = buddy_reminders(e, TODAY)
    kinds = {(r.kind, r.record_id) for r in items}
    assert ("geen_contact", match) in kinds and ("evaluatie", match) in kinds
    assert ("wachtlijst", late) in kinds
    assert ("vog", setup["no_vog"]) in kinds and ("vog", setup["nearby"]) in kinds
    assert ("vog", setup["best"]) not in kinds
    assert ("vog", setup["coordinator"]) not in kinds  # no buddy role
    assert ("vog", setup["archived"]) not in kinds
    silent = next(r for r in items if r.kind == "geen_contact")
    assert silent.text.startswith("Maatjes Anna Maatje en Jan Inwoner: geen contact sinds "
                                  "01-10-2026")
    assert silent.due_on == date(2026, 10, 15) and silent.days_late == 39
    evaluation = next(r for r in items if r.kind == "evaluatie")
    assert evaluation.due_on == date(2026, 9, 25) + timedelta(days=EVALUATION_DAYS[0])
    waiting = next(r for r in items if r.kind == "wachtlijst")
    assert "Lies Inwoner wacht al" in waiting.text and waiting.page == "requests"
    assert [r.kind for r in items] == sorted((r.kind for r in items),
                                             key=["wachtlijst", "geen_contact", "evaluatie",
                                                  "vog"].index)


def test_holding_an_evaluation_clears_its_reminder(register_engine, setup):
    e = register_engine
    match = propose_match(e, setup["request"], setup["best"], date(2026, 9, 10))
    start_match(e, match, date(2026, 9, 12), TODAY)
    with read_session(e) as session:
        first = session.exec(select(Evaluation).where(Evaluation.match_id == match)
                             .order_by(Evaluation.planned_on)).first()
    assert first.planned_on == date(2026, 10, 24)
    assert ("evaluatie", match) in {(r.kind, r.record_id) for r in buddy_reminders(e, TODAY)}
    with pytest.raises(FormErrors) as excinfo:
        hold_evaluation(e, first.id, date(2026, 9, 11), "BSN 111222333", True, TODAY)
    assert set(errors_of(excinfo)) == {"held_on", "outcome"}
    hold_evaluation(e, first.id, date(2026, 10, 25), "Gaat goed, samen verder.", True, TODAY)
    with pytest.raises(FormErrors, match="al gehouden op 25-10-2026"):
        hold_evaluation(e, first.id, date(2026, 10, 26), "", True, TODAY)
    assert ("evaluatie", match) not in {(r.kind, r.record_id)
                                        for r in buddy_reminders(e, TODAY)}
    with read_session(e) as session:
        held = session.get(Evaluation, first.id)
        assert (held.outcome, held.continue_match) == ("Gaat goed, samen verder.", True)


# --- on demo klein -------------------------------------------------------------------------

@pytest.fixture
def klein(register_engine: Engine) -> Engine:
    fill_demo(register_engine, KLEIN, seed=7, reference_date=TODAY)
    return register_engine


def test_demo_suggestions_and_proposal(klein):
    with klein.connect() as connection:
        waiting = [r[0] for r in connection.execute(text(
            "SELECT id FROM buddy_request WHERE status = 'wachtend' ORDER BY id"))]
    assert waiting
    proposed = None
    for rid in waiting:
        result = suggestions(klein, rid, TODAY)
        with klein.connect() as connection:
            project = connection.execute(text(
                "SELECT initiative_id FROM buddy_request WHERE id = :r"), {"r": rid}).scalar()
            members = {r[0] for r in connection.execute(text(
                "SELECT volunteer_id FROM volunteer_role WHERE initiative_id = :p "
                "AND role_code <> 'coordinator'"), {"p": project})}
        assert {s.volunteer_id for s in result} <= members
        assert all(not s.excluded for s in result)
        totals = [s.total for s in result]
        assert totals == sorted(totals, reverse=True)
        if result and proposed is None:
            proposed = propose_match(klein, rid, result[0].volunteer_id, TODAY)
    assert proposed is not None
    kinds = {r.kind for r in buddy_reminders(klein, TODAY)}
    assert {"wachtlijst", "geen_contact"} <= kinds
