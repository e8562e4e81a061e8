"""The milestone dates cached on referrals (migration 0004) agree with the events, whoever
wrote them: the demo writer, the service (also for reopened referrals and same-day steps)
and the migration's backfill of an existing register."""

from collections import defaultdict
from datetime import date, datetime

from alembic import command
from sqlalchemy import text

from vrijwilligers_app.domain.referral_rules import Event, milestones
from vrijwilligers_app.services.demo import demo_size, fill_demo
from vrijwilligers_app.services.referrals import add_event, create_referral
from vrijwilligers_app.store import migrate
from vrijwilligers_app.store.engine import create_register_engine
from vrijwilligers_app.store.seed import load_code_lists

TODAY = date(2026, 11, 23)
COLUMNS = "registered_on, first_contact_on, done_on, closed_on"


def cached(engine) -> dict[int, tuple[date | None, ...]]:
    with engine.connect() as connection:
        return {rid: tuple(None if v is None else date.fromisoformat(v) for v in values)
                for rid, *values in connection.execute(text(
                    f"SELECT id, {COLUMNS} FROM referral ORDER BY id"))}


def from_events(engine) -> dict[int, tuple[date | None, ...]]:
    events: dict[int, list[Event]] = defaultdict(list)
    with engine.connect() as connection:
        for rid, kind, moment in connection.execute(text(
                "SELECT referral_id, kind, occurred_at FROM referral_event "
                "ORDER BY referral_id, occurred_at, id")):
            events[rid].append(Event(kind, datetime.fromisoformat(moment)))
    result = {}
    for rid, history in events.items():
        marks = milestones(history)
        result[rid] = (marks.registered_on, marks.first_contact_on, marks.done_on,
                       marks.closed_on)
    return result


def hand_made(engine) -> list[int]:
    with engine.connect() as connection:
        huisarts, schuld = (connection.execute(text(
            "SELECT id FROM destination WHERE code = :c"), {"c": code}).scalar_one()
            for code in ("huisarts", "schuldhulp"))
    base = {"district_code": "WK079412", "age_band": "65-74", "destination_id": huisarts,
            "urgency": "normaal", "question": "Vergeetachtig.",
            "signalled_on": date(2026, 3, 2), "life_domains": ["gezondheid"]}
    reopened = create_referral(engine, base, TODAY)
    for kind, day in (("aangemeld", 3), ("geholpen", 8), ("afgesloten", 9), ("aangemeld", 15),
                      ("contact", 18), ("geholpen", 25)):
        add_event(engine, reopened, kind, date(2026, 3, day), today=TODAY)
    same_day = create_referral(engine, base, TODAY)
    for kind in ("aangemeld", "afgesloten"):
        add_event(engine, same_day, kind, date(2026, 3, 4), today=TODAY)
    forwarded = create_referral(engine, base, TODAY)
    add_event(engine, forwarded, "aangemeld", date(2026, 3, 3), today=TODAY)
    add_event(engine, forwarded, "afgewezen", date(2026, 3, 5), today=TODAY)
    add_event(engine, forwarded, "doorgestuurd", date(2026, 3, 6), destination_id=schuld,
              today=TODAY)
    return [reopened, same_day, forwarded]


def test_demo_service_and_backfill_agree_with_the_events(tmp_path):
    engine = create_register_engine(tmp_path / "register.sqlite")
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    load_code_lists(engine)
    fill_demo(engine, demo_size("400"), seed=5, reference_date=TODAY)
    reopened, same_day, forwarded = hand_made(engine)
    truth = from_events(engine)
    written = cached(engine)
    assert written == truth
    assert written[reopened] == (date(2026, 3, 3), date(2026, 3, 8), date(2026, 3, 25), None)
    assert written[same_day] == (date(2026, 3, 4), None, date(2026, 3, 4), date(2026, 3, 4))
    assert written[forwarded] == (date(2026, 3, 3), None, None, None)
    states = {(v[0] is None, v[2] is None, v[3] is None) for v in truth.values()}
    assert len(states) >= 3  # the demo has open, helped and closed referrals

    with engine.begin() as connection:  # an existing register without the cache
        command.downgrade(migrate.alembic_config(connection), "0003")
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "0004")
    assert cached(engine) == truth
    engine.dispose()


def test_life_domain_key_is_the_link_table_whoever_wrote_it(tmp_path):
    engine = create_register_engine(tmp_path / "register.sqlite")
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    load_code_lists(engine)
    fill_demo(engine, demo_size("300"), seed=7, reference_date=TODAY)
    hand_made(engine)
    truth_sql = ("SELECT r.id, coalesce((SELECT group_concat(code, ',') FROM (SELECT "
                 "life_domain_code AS code FROM referral_life_domain x WHERE x.referral_id "
                 "= r.id ORDER BY code)), '') FROM referral r ORDER BY r.id")

    def keys():
        with engine.connect() as connection:
            return dict(connection.execute(text(
                "SELECT id, life_domain_key FROM referral ORDER BY id")).all())

    with engine.connect() as connection:
        truth = dict(connection.execute(text(truth_sql)).all())
    assert keys() == truth
    assert any("," in key for key in truth.values())  # some referrals have several
    with engine.begin() as connection:  # an existing register without the key
        command.downgrade(migrate.alembic_config(connection), "0005")
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "head")
    assert keys() == truth
    engine.dispose()
