"""Every report built on demo 'klein' data; the figures in the PDF checked against counts
made here, straight from the tables."""

import re
from datetime import date

import pytest
from sqlalchemy import text as sql

from tests.helpers.pdftext import dutch, pages, squeezed, text
from tests.helpers.samples import DEMO_DATE
from vrijwilligers_app.domain import referral_rules as rules
from vrijwilligers_app.domain.report_period import parse_period
from vrijwilligers_app.services.reports import REPORTS, ReportError, ReportRequest, make_report
from vrijwilligers_app.services.reports.document import NO_DATA

YEAR = parse_period("2026")


def build(engine, kind, period=YEAR, initiative=None, series=None) -> bytes:
    return make_report(engine, ReportRequest(kind, period, DEMO_DATE, initiative, series))


def rows(engine, query, **params):
    with engine.connect() as connection:
        return connection.execute(sql(query), params).all()


def test_social_map_counts_initiatives_per_wijk(demo_klein_engine):
    data = build(demo_klein_engine, "sociale-kaart")
    found = squeezed(text(data))
    per_district = rows(demo_klein_engine, """
        SELECT d.name, count(*) FROM initiative_district x JOIN district d
        ON d.code = x.district_code JOIN initiative i ON i.id = x.initiative_id
        WHERE i.archived_at IS NULL AND (i.end_date IS NULL OR i.end_date >= :today)
        GROUP BY d.name""", today=DEMO_DATE)
    assert per_district
    for name, count in per_district:
        assert squeezed(f"{name} ({count})") in found
    for (name,) in rows(demo_klein_engine, "SELECT organisation FROM destination WHERE active"):
        assert squeezed(name) in found


def test_volunteer_list_names_everyone_with_a_role_and_is_confidential(demo_klein_engine):
    data = build(demo_klein_engine, "vrijwilligers", initiative=1)
    people = rows(demo_klein_engine, """
        SELECT DISTINCT v.id, v.last_name, v.phone FROM volunteer v
        JOIN volunteer_role r ON r.volunteer_id = v.id
        WHERE r.initiative_id = 1 AND v.archived_at IS NULL
          AND (r.start_date IS NULL OR r.start_date <= '2026-12-31')
          AND (r.end_date IS NULL OR r.end_date >= '2026-01-01')""")
    texts = pages(data)
    found = squeezed("".join(texts))
    assert f"{len(people)} vrijwilligers met een rol" in texts[0]
    for _id, last_name, phone in people:
        assert squeezed(last_name) in found
        assert phone[-8:] in found  # 06 12345678: the digits are there
    assert all("VERTROUWELIJK" in page for page in texts)


def test_volunteer_list_needs_an_existing_initiative(demo_klein_engine):
    with pytest.raises(ReportError, match="initiatief"):
        build(demo_klein_engine, "vrijwilligers")
    with pytest.raises(ReportError, match="bestaat niet"):
        build(demo_klein_engine, "vrijwilligers", initiative=99999)


def _not_done(events) -> bool:
    """Open for the lead time: no aanmelding yet, or neither helped nor closed since the
    last aanmelding, and not closed now (a forward after a refusal reopens it): the
    definition in domain.waiting_times, recomputed by hand."""
    kinds = [kind for kind, _at in sorted(events, key=lambda e: e[1])]
    if "aangemeld" not in kinds:
        return True
    last = len(kinds) - 1 - kinds[::-1].index("aangemeld")
    if any(k in ("geholpen", "afgesloten") for k in kinds[last + 1:]):
        return False
    states = [k for k in kinds if k in ("aangemeld", "doorgestuurd", "afgesloten", "afgewezen")]
    return states[-1] not in ("afgesloten", "afgewezen")


def test_referrals_report_counts_and_open_ones(demo_klein_engine):
    data = build(demo_klein_engine, "doorverwijzingen")
    found = text(data)
    events = rows(demo_klein_engine, """
        SELECT r.id, e.kind, e.occurred_at FROM referral r JOIN referral_event e
        ON e.referral_id = r.id WHERE r.signalled_on BETWEEN '2026-01-01' AND :today""",
                  today=DEMO_DATE)
    per_referral: dict[int, list] = {}
    for rid, kind, at in events:
        per_referral.setdefault(rid, []).append((kind, at))
    total = len(per_referral)
    still_open = sum(_not_done(e) for e in per_referral.values())
    assert total > 50 and 0 < still_open < total
    assert f"{dutch(total)} doorverwijzingen gesignaleerd, waarvan {dutch(still_open)} nog " \
           "niet afgerond" in " ".join(found.split())
    assert re.search(rf"Totaal\s+{dutch(total)}\s+\d+\s+{dutch(still_open)}\s", found)
    closed = ", ".join(f"'{s}'" for s in rules.CLOSED_STATES)
    overdue = rows(demo_klein_engine, f"SELECT count(*) FROM referral WHERE follow_up_on < "
                                      f":today AND status NOT IN ({closed})", today=DEMO_DATE)
    assert f"({overdue[0][0]})" in found
    # Each organisation's row starts with its count of referrals signalled in the period.
    per_destination = rows(demo_klein_engine, """
        SELECT d.organisation || CASE WHEN d.service <> '' THEN ' – ' || d.service ELSE '' END,
               count(*) FROM referral r JOIN destination d
        ON d.id = r.destination_id WHERE r.signalled_on BETWEEN '2026-01-01' AND :today
        GROUP BY d.id""", today=DEMO_DATE)
    assert sum(count for _, count in per_destination) == total
    for label, count in per_destination:
        wrapped_label = r"\s*".join(map(re.escape, squeezed(label)))
        assert re.search(rf"{wrapped_label}\s+{dutch(count)}\s", found), label
    # A quantile not reached (too many still waiting) is shown as '> N days', not dropped.
    assert re.search(r"> \d+\s", found)


# The maatjes overview also shows today's waiting list, which an old period does not empty.
@pytest.mark.parametrize("kind", [k for k, spec in REPORTS.items()
                                  if spec.uses_period and k != "maatjes"])
def test_an_empty_period_gives_one_clear_page(demo_klein_engine, kind):
    spec = REPORTS[kind]
    data = build(demo_klein_engine, kind, parse_period("1990"),
                 initiative=1 if spec.needs_initiative else None)
    texts = pages(data)
    assert len(texts) == 1
    assert NO_DATA in texts[0] and "pagina 1 van 1" in texts[0]


def test_empty_register_social_map(register_engine):
    data = make_report(register_engine, ReportRequest("sociale-kaart", YEAR, date(2026, 1, 5)))
    assert "Organisaties voor doorverwijzing" in text(data)  # the shipped sociale kaart


def test_maatjes_in_an_empty_period_still_shows_todays_waiting_list(demo_klein_engine):
    found = text(build(demo_klein_engine, "maatjes", parse_period("1990")))
    assert "Geen koppeling beëindigd in deze periode." in found
    assert re.search(r"Gekoppeld in de periode\s+0\s", found)


@pytest.mark.parametrize("kind", [k for k, spec in REPORTS.items() if spec.uses_period])
def test_an_empty_register_gives_one_clear_page(register_engine, kind):
    from vrijwilligers_app.store.engine import write_session
    from vrijwilligers_app.store.tables import Initiative

    with write_session(register_engine) as session:
        initiative = Initiative(name="Leeg initiatief", type_code="overig")
        session.add(initiative)
        session.flush()
        initiative_id = initiative.id
    data = make_report(register_engine, ReportRequest(kind, YEAR, DEMO_DATE, initiative_id))
    texts = pages(data)
    assert len(texts) == 1 and NO_DATA in texts[0]


def test_a_long_overdue_list_is_cut_with_a_pointer_to_the_app(demo_klein_engine, monkeypatch):
    from vrijwilligers_app.services.reports import referrals as report_module

    monkeypatch.setattr(report_module, "OVERDUE_PRINTED", 3)
    found = " ".join(text(build(demo_klein_engine, "doorverwijzingen")).split())
    assert "Alleen de 3 langst verlopen staan hieronder" in found
    assert "filter 'Vervolg te laat'" in found


def test_volunteer_flow_report_and_jaarverslag_count_in_door_and_uitstroom(demo_klein_engine):
    from vrijwilligers_app.services.volunteer_roles import flow

    whole = flow(demo_klein_engine, YEAR)
    assert whole.outflow and whole.reasons  # the demo ends roles with reasons
    found = squeezed(text(build(demo_klein_engine, "vrijwilligersstroom")))
    assert squeezed("Uitstroom naar reden") in found
    for reason, count in whole.reasons.items():
        assert squeezed(f"{reason}{dutch(count)}") in found
    busiest = rows(demo_klein_engine, """
        SELECT initiative_id FROM volunteer_role WHERE end_date BETWEEN '2026-01-01'
        AND '2026-12-31' GROUP BY initiative_id ORDER BY count(*) DESC LIMIT 1""")[0][0]
    cafe = flow(demo_klein_engine, YEAR, busiest)
    annual = squeezed(text(build(demo_klein_engine, "jaarverslag", initiative=busiest)))
    assert squeezed("nieuw (instroom)") in annual
    assert squeezed("gestopt (uitstroom)") in annual
    totals = [dutch(n) for n in (cafe.inflow, cafe.through, cafe.outflow)]
    for label, total in zip(("nieuw(instroom)", "naarander initiatief(doorstroom)",
                             "gestopt(uitstroom)"), totals, strict=True):
        assert re.search(re.escape(squeezed(label)) + r"[0-9.]*" + re.escape(total), annual)
