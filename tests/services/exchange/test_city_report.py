"""The gemeente's printed overview (report 'gemeente') from a merged laptop package: the
figures are the laptop's own, and counts below 5 are printed as '<5'."""

import re

from sqlalchemy import text as sql

from tests.helpers.exchange import export_to
from tests.helpers.pdftext import dutch, text
from tests.helpers.samples import DEMO_DATE
from vrijwilligers_app.domain.report_period import parse_period
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.reports import ReportRequest, make_report


def test_city_report_prints_the_laptops_figures_with_small_counts_hidden(laptop, gemeente,
                                                                           tmp_path):
    import_packages(gemeente.engine, gemeente.data_dir, [export_to(laptop, tmp_path / "s")])
    found = text(make_report(gemeente.register, ReportRequest(
        "gemeente", parse_period("2026"), DEMO_DATE)))
    with laptop.engine.connect() as connection:
        held = connection.execute(sql(
            "SELECT count(*) FROM activity WHERE NOT cancelled AND substr(starts_at, 1, 10) "
            "BETWEEN '2026-01-01' AND :t"), {"t": DEMO_DATE.isoformat()}).scalar_one()
        referrals = connection.execute(sql(
            "SELECT count(*) FROM referral WHERE signalled_on BETWEEN '2026-01-01' AND :t"),
            {"t": DEMO_DATE}).scalar_one()
        endings = connection.execute(sql(
            "SELECT r.name, count(*) FROM buddy_match m JOIN match_end_reason r ON "
            "r.code = m.end_reason_code WHERE m.ended_on BETWEEN '2026-01-01' AND :t "
            "GROUP BY r.name"), {"t": DEMO_DATE}).all()
    assert re.search(rf"Activiteiten gehouden\s+{dutch(held)}\s", found)
    assert re.search(rf"Doorverwijzingen gesignaleerd\s+{dutch(referrals)}\s", found)
    assert endings
    for name, count in endings:
        shown = "<5" if count < 5 else dutch(count)
        assert re.search(rf"{re.escape(name)}\s+{re.escape(shown)}\s", found), name
    assert "Sociaal domein in beeld" in found and "Gemeente Helmond" in found
