"""Every demo record opens in its form and saves unchanged: demo data and the form rules
agree, so a coordinator never meets an error on a field they did not touch."""

from datetime import date

import pytest

from vrijwilligers_app.services import editing
from vrijwilligers_app.services.demo import demo_size, fill_demo

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("kind,table", [("initiatives", "initiative"),
                                        ("volunteers", "volunteer"),
                                        ("residents", "resident")])
def test_every_demo_record_saves_unchanged(register_engine, kind, table):
    fill_demo(register_engine, demo_size("klein"), seed=2, reference_date=TODAY)
    with register_engine.connect() as connection:
        ids = [r[0] for r in connection.exec_driver_sql(f"SELECT id FROM {table}")]
    failures = {}
    for record_id in ids:
        values = editing.load_record(register_engine, kind, record_id)
        try:
            editing.save_record(register_engine, kind, values, record_id, TODAY)
        except editing.FormErrors as exc:
            failures[record_id] = str(exc)
        assert editing.load_record(register_engine, kind, record_id) == values
    assert failures == {}
