"""Rooster, maatjesoverzicht and jaarverslag on demo 'klein' data, against counts made here
from the tables."""

import re

from sqlalchemy import text as sql

from tests.helpers.pdftext import dutch, pages, text
from tests.helpers.samples import DEMO_DATE
from vrijwilligers_app.domain.report_period import parse_period
from vrijwilligers_app.services.reports import ReportRequest, make_report

YEAR = parse_period("2026")


def build(engine, kind, initiative=None, series=None, period=YEAR) -> bytes:
    return make_report(engine, ReportRequest(kind, period, DEMO_DATE, initiative, series))


def one(engine, query, **params):
    with engine.connect() as connection:
        return connection.execute(sql(query), params).one()


def row_pattern(label: str, values) -> str:
    return re.escape(label) + "".join(rf"\s+{re.escape(v)}" for v in values) + r"\s"


def test_roster_of_an_initiative(demo_klein_engine):
    activities, places, free = one(demo_klein_engine, """
        SELECT count(DISTINCT a.id), count(s.id), count(s.id) - count(s.volunteer_id)
        FROM activity a LEFT JOIN shift s ON s.activity_id = a.id
        WHERE a.initiative_id = 3 AND NOT a.cancelled
          AND substr(a.starts_at, 1, 10) BETWEEN '2026-01-01' AND '2026-12-31'""")
    found = text(build(demo_klein_engine, "rooster", initiative=3))
    flat = " ".join(found.split())
    assert (f"{dutch(activities)} activiteiten, {dutch(places)} plaatsen op het rooster, "
            f"waarvan {dutch(free)} nog open") in flat
    assert flat.count("— vrij —") == free
    assert flat.count("Samen eten") >= activities


def test_roster_of_one_series(demo_klein_engine):
    series_id, title, initiative = one(demo_klein_engine, """
        SELECT id, title, initiative_id FROM activity_series WHERE initiative_id = 1""")
    (count,) = one(demo_klein_engine, """
        SELECT count(*) FROM activity WHERE series_id = :s AND NOT cancelled
        AND substr(starts_at, 1, 10) BETWEEN '2026-01-01' AND '2026-12-31'""", s=series_id)
    texts = pages(build(demo_klein_engine, "rooster", series=series_id))
    assert f"Rooster {title}" in texts[0]
    assert f"{dutch(count)} activiteiten" in " ".join(texts[0].split())


def test_maatjes_overview_counts(demo_klein_engine):
    (waiting,) = one(demo_klein_engine, "SELECT count(*) FROM buddy_request WHERE status IN "
                                        "('aanmelding', 'intake', 'wachtend')")
    (active,) = one(demo_klein_engine, "SELECT count(*) FROM buddy_match WHERE started_on IS "
                                       "NOT NULL AND ended_on IS NULL AND started_on <= :t",
                    t=DEMO_DATE)
    with demo_klein_engine.connect() as connection:
        reasons = connection.execute(sql("""
            SELECT r.name, count(*) FROM buddy_match m JOIN match_end_reason r
            ON r.code = m.end_reason_code WHERE m.started_on IS NOT NULL
            AND m.ended_on BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY r.name""")).all()
    texts = pages(build(demo_klein_engine, "maatjes"))
    found = "\n".join(texts)
    assert all("VERTROUWELIJK" in page for page in texts)
    assert re.search(row_pattern("Op de wachtlijst (vandaag)", [dutch(waiting)]), found)
    assert f"Wachtlijst op 23-11-2026 ({dutch(waiting)})" in found
    assert f"Lopende koppelingen ({dutch(active)})" in found
    assert reasons
    for name, count in reasons:
        assert re.search(row_pattern(name, [dutch(count)]), found), name
    total_ended = sum(n for _, n in reasons)
    assert f"Beëindigd in de periode, per reden ({dutch(total_ended)})" in found


def test_maatjes_overview_of_one_project(demo_klein_engine):
    project, name = one(demo_klein_engine, "SELECT id, name FROM initiative WHERE type_code = "
                                           "'maatjesproject' ORDER BY id LIMIT 1")
    (waiting,) = one(demo_klein_engine, "SELECT count(*) FROM buddy_request WHERE status IN "
                                        "('aanmelding', 'intake', 'wachtend') AND "
                                        "initiative_id = :p", p=project)
    found = text(build(demo_klein_engine, "maatjes", initiative=project))
    assert name in found and "Per project" not in found
    assert f"Wachtlijst op 23-11-2026 ({dutch(waiting)})" in found


def test_annual_report_per_quarter(demo_klein_engine):
    quarters = [("2026-01-01", "2026-03-31"), ("2026-04-01", "2026-06-30"),
                ("2026-07-01", "2026-09-30"), ("2026-10-01", "2026-11-23"),
                ("2026-01-01", "2026-11-23")]
    held, visitors, referrals = [], [], []
    for start, end in quarters:
        held.append(one(demo_klein_engine, """
            SELECT count(*) FROM activity WHERE initiative_id = 1 AND NOT cancelled
            AND substr(starts_at, 1, 10) BETWEEN :s AND :e""", s=start, e=end)[0])
        visitors.append(one(demo_klein_engine, """
            SELECT coalesce(sum(n.visitors), 0) FROM attendance n JOIN activity a
            ON a.id = n.activity_id WHERE a.initiative_id = 1 AND NOT a.cancelled
            AND substr(a.starts_at, 1, 10) BETWEEN :s AND :e""", s=start, e=end)[0])
        referrals.append(one(demo_klein_engine, """
            SELECT count(*) FROM referral WHERE initiative_id = 1
            AND signalled_on BETWEEN :s AND :e""", s=start, e=end)[0])
    assert held[-1] > 0 and visitors[-1] > 0
    found = text(build(demo_klein_engine, "jaarverslag", initiative=1))
    assert re.search(row_pattern("Activiteiten gehouden", map(dutch, held)), found)
    assert re.search(row_pattern("Bezoekers totaal", map(dutch, visitors)), found)
    assert re.search(row_pattern("Doorverwijzingen gesignaleerd", map(dutch, referrals)), found)
    assert "Bezoekers per kwartaal" in found and "€ " in found
