"""Reports: a 1,000-row list through the report framework beside reportlab's own plain
Table of the same rows (same run), and the jaarverslag and doorverwijzingen reports on demo
groot beside the data they print.

Run: python -m pytest -m bench tests/bench/test_reports_bench.py -s
Nothing here asserts on time; numbers and ratios go to bench-results/reports.json.
Target (issue 8): a 1,000-row list of about 50 pages under 2 s.
"""

import io
import random
from datetime import date
from functools import partial

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table

from tests.bench import common
from tests.bench.common import Recorder
from vrijwilligers_app.domain.report_period import parse_period
from vrijwilligers_app.services.reports import REPORTS, ReportRequest
from vrijwilligers_app.services.reports.document import Report, render
from vrijwilligers_app.services.reports.tables import Column, data_table

pytestmark = pytest.mark.bench
record = Recorder("reports.json", unit="s")
median_seconds = partial(common.median_seconds, repeat=3)
TODAY = date(2026, 11, 23)
FIRST = ("Fatma", "Jan", "Łukasz", "Yıldız", "Anna-Maria", "Mohamed", "Алексей", "Nguyễn Thị")
LAST = ("van den Boom", "Şahin", "Wójcik", "El Amrani", "Smirnov", "de Vries-Hendriksen",
        "Verbeek", "Pham")
WIJKEN = ("Brouwhuis", "Brandevoort", "'t Hout", "Binnenstad", "Rijpelberg", "Stiphout")
COLUMNS = (Column("Naam", 0.2), Column("Rol", 0.15), Column("Telefoon", 0.13),
           Column("E-mail", 0.22), Column("Adres", 0.2), Column("VOG gezien", 0.1))


def list_rows(n: int) -> list[tuple[str, ...]]:
    """Rows like the adreslijst with a three-line address: ~20 rows a page, ~50 pages."""
    rnd = random.Random(8)
    rows = []
    for i in range(n):
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        rows.append((f"{first} {last}", rnd.choice(("Gastvrouw / gastheer", "Kok", "Maatje")),
                     f"06 {rnd.randrange(10**7, 10**8)}",
                     f"{first.lower()}.{i}@voorbeeld.example".replace(" ", ""),
                     f"Kerkstraat {i % 300 + 1}\n57{i % 100:02d} AB Helmond\n"
                     f"wijk {rnd.choice(WIJKEN)}",
                     f"{rnd.randrange(1, 29):02d}-{rnd.randrange(1, 13):02d}-2025"))
    return rows


def framework_pdf(rows) -> bytes:
    report = Report("Vrijwilligerslijst", "Buurtnetwerk Brouwhuis", "Periode: 2026", TODAY,
                    confidential=True)
    report.add(data_table(COLUMNS, rows))
    return render(report)


def plain_pdf(rows) -> bytes:
    """reportlab alone: one Table, Helvetica, a repeated header, no wrapping, no chrome."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    width = doc.width
    table = Table([[c.header for c in COLUMNS], *rows],
                  colWidths=[c.width * width for c in COLUMNS], repeatRows=1)
    doc.build([table])
    return buffer.getvalue()


def test_thousand_row_list_beside_plain_reportlab_table():
    rows = list_rows(1000)
    pdf = framework_pdf(rows)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    plain_pages = len(PdfReader(io.BytesIO(plain_pdf(rows))).pages)
    measured = median_seconds(lambda: framework_pdf(rows))
    baseline = median_seconds(lambda: plain_pdf(rows))
    record.add({"name": "1000-row list pages", "pages": pages, "plain_table_pages": plain_pages})
    print(f"\n1000-row list: {pages} pages (plain table: {plain_pages})")
    record("1000-row list, report framework", measured, baseline,
           "reportlab plain Table of the same rows")




@pytest.mark.parametrize("kind", ["jaarverslag", "doorverwijzingen", "maatjes"])
def test_report_on_demo_groot_beside_its_data(groot, kind):
    """Whole report (data + layout + PDF) beside building the story only (the queries and
    flowables, no layout): the difference is what printing costs."""
    engine = groot[0]
    from sqlalchemy import text

    with engine.connect() as connection:
        busiest = connection.execute(text(
            "SELECT initiative_id FROM activity GROUP BY initiative_id "
            "ORDER BY count(*) DESC LIMIT 1")).scalar_one()
    spec = REPORTS[kind]
    request = ReportRequest(kind, parse_period("2026"), TODAY,
                            busiest if spec.needs_initiative else None)
    report = spec.build(engine, request)
    pages = len(PdfReader(io.BytesIO(render(report))).pages)
    measured = median_seconds(lambda: render(spec.build(engine, request)))
    data_only = median_seconds(lambda: spec.build(engine, request))
    record.add({"name": f"{kind} on demo groot pages", "pages": pages})
    record(f"{kind} on demo groot ({pages} pages)", measured, data_only,
           "the same report's data and story, not laid out")


PLAIN_REPORTLAB_SCRIPT = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table
rows = [["Naam", "Rol", "Telefoon", "E-mail", "Adres"]] + [
    [f"Vrijwilliger {i}", "Gastvrouw", "06 12345678", f"v{i}@voorbeeld.example",
     f"Kerkstraat {i}"] for i in range(60)]
SimpleDocTemplate(sys.argv[1], pagesize=A4).build([Table(rows)])
"""


def test_volunteer_list_whole_process_beside_a_plain_reportlab_script(groot_dir, tmp_path):
    """`vrijwilligers-app rapport vrijwilligers` as a user runs it (a new process: imports,
    opening the register, the data, the layout) beside a plain reportlab script writing a
    table of the same size in a new process. Goal (issue 18): at most 1.5x."""
    import statistics
    import subprocess
    import sys
    import time

    def seconds(command: list[str]) -> float:
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, timeout=300)
        return time.perf_counter() - started

    app = [sys.executable, "-m", "vrijwilligers_app", "rapport", "vrijwilligers",
           "--initiatief", "1", "--data-dir", str(groot_dir), "-o", str(tmp_path / "a.pdf")]
    plain = [sys.executable, "-c", PLAIN_REPORTLAB_SCRIPT, str(tmp_path / "b.pdf")]
    seconds(app)  # warm: file cache, .pyc files, the daily backup
    app_times, plain_times = [], []
    for _ in range(5):  # interleaved, so a busy moment weighs on both
        app_times.append(seconds(app))
        plain_times.append(seconds(plain))
    record("rapport vrijwilligers, whole process (median of 5)", statistics.median(app_times),
           statistics.median(plain_times), "plain reportlab script, new process")
