"""The figures from SQL equal the domain's own computation, referral by referral.

`services.referral_figures` gets its counts from one packed SQL statement; the reference here
reads every referral's cached milestones and lets `domain.waiting_times.referral_figures`
compute each group's figures from dates. Same demo, every grouping, several periods."""

from collections import defaultdict
from datetime import date

import pytest
from sqlalchemy import Engine

from tests.helpers.db import rows
from tests.helpers.samples import TODAY
from vrijwilligers_app.domain.waiting_times import ReferralDates, ReferralFigures
from vrijwilligers_app.domain.waiting_times import referral_figures as from_dates
from vrijwilligers_app.services.referral_figures import GROUPINGS, referral_figures

KEY_COLUMNS = {"destination": "r.destination_id", "urgency": "r.urgency",
               "district": "r.district_code", "life_domain": "r.life_domain_key"}


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def reference(engine: Engine, group_by: str, start: date, end: date
              ) -> dict[str | None, ReferralFigures]:
    groups: dict[str | None, list[ReferralDates]] = defaultdict(list)
    everyone: list[ReferralDates] = []
    for registered, contact, done, closed, agreed, key in rows(engine, f"""
            SELECT r.registered_on, r.first_contact_on, r.done_on, r.closed_on,
                d.agreed_response_days, {KEY_COLUMNS[group_by]}
            FROM referral r JOIN destination d ON d.id = r.destination_id
            WHERE r.signalled_on BETWEEN '{start}' AND '{end}'"""):
        referral = ReferralDates(_day(registered), _day(contact), _day(done), _day(closed),
                                 agreed_days=agreed)
        everyone.append(referral)
        if group_by == "life_domain":
            keys = [code or None for code in (key or "").split(",")]
        else:
            keys = [None if key is None else str(key)]
        for k in keys:
            groups[k].append(referral)
    figures = {k: from_dates(group, TODAY) for k, group in groups.items()}
    figures["Totaal"] = from_dates(everyone, TODAY)
    return figures


@pytest.mark.parametrize("group_by", GROUPINGS)
@pytest.mark.parametrize("start", [date(2000, 1, 1), date(TODAY.year, 1, 1),
                                   date.fromordinal(TODAY.toordinal() - 90)])
def test_figures_equal_the_domain_computation_on_the_demo(demo_klein_engine: Engine,
                                                           group_by: str, start: date) -> None:
    computed = referral_figures(demo_klein_engine, group_by, start, TODAY, TODAY)
    expected = reference(demo_klein_engine, group_by, start, TODAY)
    assert computed[-1].figures.referrals > 0
    assert {("Totaal" if row.key is None and row.label == "Totaal" else row.key): row.figures
            for row in computed} == expected


def test_an_empty_period_has_an_empty_total(demo_klein_engine: Engine) -> None:
    computed = referral_figures(demo_klein_engine, "life_domain", date(1990, 1, 1),
                                date(1990, 12, 31), TODAY)
    assert len(computed) == 1 and computed[0].figures.referrals == 0
