"""The dashboard is one use case: its items are read in one transaction on one Session."""

from sqlalchemy import event

from tests.helpers.samples import DEMO_DATE
from vrijwilligers_app.services.attention import attention_items, attention_items_in
from vrijwilligers_app.services.maatjes.reminders import buddy_reminders, buddy_reminders_in
from vrijwilligers_app.store.engine import read_session


def test_attention_items_read_on_the_callers_session(demo_klein_engine):
    checkouts: list[object] = []

    def checked_out(dbapi_connection: object, record: object, proxy: object) -> None:
        checkouts.append(dbapi_connection)

    event.listen(demo_klein_engine, "checkout", checked_out)
    try:
        with read_session(demo_klein_engine) as session:
            items = attention_items_in(session, DEMO_DATE)
            reminders = buddy_reminders_in(session, DEMO_DATE)
    finally:
        event.remove(demo_klein_engine, "checkout", checked_out)
    assert len(checkouts) == 1  # every query of both ran on the one Session's connection
    assert items and reminders
    assert items == attention_items(demo_klein_engine, DEMO_DATE)  # the Engine wrapper agrees
    assert reminders == buddy_reminders(demo_klein_engine, DEMO_DATE)
