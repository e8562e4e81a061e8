"""Reports: a 1,000-row list through the report framework beside reportlab's own plain
Table of the same rows (same run), and the jaarverslag and doorverwijzingen reports on demo
groot beside the data they print.

`rapport vrijwilligers` as a whole process on the encrypted demo registers (100k, 300k; set
VRIJWILLIGERS_BENCH_REGISTERS to reuse them, VRIJWILLIGERS_BENCH_BASELINE_SRC to time an old
checkout interleaved) beside a plain reportlab script writing a table of the same rows.

Run: python -m pytest -m bench tests/bench/test_reports_bench.py -s
Nothing here asserts on time; numbers and ratios go to bench-results/reports.json.
Target (issue 8): a 1,000-row list of about 50 pages under 2 s.
"""

import compileall
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from functools import partial
from pathlib import Path

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


# The same job without the app: a table of the report's size (rows passed in, the same six
# columns and shares, a three-line address, the header repeated on every page) in a new
# process. Helvetica: reportlab's plainest; the report embeds DejaVu Sans for Unicode names,
# which the second baseline (same script, the same TrueType font) prices separately.
PLAIN_REPORTLAB_SCRIPT = """
import sys
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
target, count, font = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if font != "Helvetica":
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont("Cell", font))
    font = "Cell"
rows = [["Naam", "Rol", "Telefoon", "E-mail", "Adres", "VOG gezien"]] + [
    [f"Vrijwilliger {i}", "Gastvrouw / gastheer", f"06 {10_000_000 + i}",
     f"vrijwilliger.{i}@voorbeeld.example", f"Kerkstraat {i % 300 + 1}\\n5701 AB\\nHelmond",
     f"{i % 28 + 1:02d}-{i % 12 + 1:02d}-2025"] for i in range(count)]
doc = SimpleDocTemplate(target, pagesize=A4)
widths = [share * doc.width for share in (0.19, 0.14, 0.13, 0.25, 0.18, 0.11)]
table = Table(rows, colWidths=widths, repeatRows=1)
table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 8)]))
doc.build([table])
"""
# The whole DejaVu Sans (6,253 glyphs), not the app's subset in resources/fonts: a plain script
# would register the font as it comes.
FULL_DEJAVU = Path(__file__).resolve().parents[2] / "installer" / "fonts" / "DejaVuSans.ttf"
ROUNDS = int(os.environ.get("VRIJWILLIGERS_BENCH_ROUNDS", "5"))
BASELINE_SRC_ENV = "VRIJWILLIGERS_BENCH_BASELINE_SRC"  # a checkout to time as "before"
# The command as `python -m vrijwilligers_app` runs it, with the passphrase's Argon2id timed
# inside the same process (slow by design, left out of the ratio; timing it in another process
# would not see what this one pays for its memory). It reports the KDF's wall and CPU seconds.
APP_CHILD = """
import sys, time
from vrijwilligers_app.store import keys
unlock, spent, spent_cpu = keys.unlock, [], []
def timed(*args, **kwargs):
    started, started_cpu = time.perf_counter(), time.process_time()
    try:
        return unlock(*args, **kwargs)
    finally:
        spent.append(time.perf_counter() - started)
        spent_cpu.append(time.process_time() - started_cpu)
keys.unlock = timed
from vrijwilligers_app import cli
# As the entry point (cli.run) runs it, where the checkout has one (process_ends: a finished
# command's objects are left to the OS at exit); an older checkout's main takes no flag.
code = (cli.main(sys.argv[1:], process_ends=True) if hasattr(cli, "run")
        else cli.main(sys.argv[1:]))
print("KDF", sum(spent), sum(spent_cpu), flush=True)
sys.exit(code)
"""
# CPU seconds of each child as well (os.times: POSIX only; Windows reports no child times): on
# the shared machine the wall times of the same code swing by a third with the others' load,
# the CPU times far less. The ratios recorded are the wall times'; CPU is printed beside.
CPU_TIMES = os.name == "posix"


def _cpu_of_children() -> float:
    times = os.times()
    return times.children_user + times.children_system


def _seconds(command: list[str], src: str) -> tuple[float, float, float, float]:
    """(wall seconds, the child's KDF wall seconds, the child's CPU seconds, its KDF's CPU
    seconds); the CPU figures are 0 where the OS does not report them."""
    env = {**os.environ, "PYTHONPATH": src}
    cpu_before = _cpu_of_children() if CPU_TIMES else 0.0
    started = time.perf_counter()
    # cwd: `python -c` puts the working directory first on sys.path, ahead of PYTHONPATH
    result = subprocess.run(command, check=True, capture_output=True, timeout=600, env=env,
                            cwd=src, text=True)
    wall = time.perf_counter() - started
    cpu = _cpu_of_children() - cpu_before if CPU_TIMES else 0.0
    kdf = [line.split()[1:] for line in result.stdout.splitlines() if line.startswith("KDF ")]
    return (wall, sum(float(k[0]) for k in kdf), cpu,
            sum(float(k[1]) for k in kdf if len(k) > 1) if CPU_TIMES else 0.0)


def _list_rows(data_dir: Path, key: bytes) -> int:
    """Rows of the list the command prints (its default period: this year)."""
    from vrijwilligers_app.domain.report_period import year_period
    from vrijwilligers_app.services.reports.volunteer_list import volunteer_rows
    from vrijwilligers_app.store.register import open_register

    today = date.today()
    request = ReportRequest("vrijwilligers", year_period(today.year), today, 1)
    with open_register(data_dir, key=key, daily_backup=False, lazy_engine=True) as register, \
            register.transaction() as connection:
        return len(volunteer_rows(connection, 1, request))


@pytest.mark.parametrize("size", ["100000", "300000"])
def test_volunteer_list_whole_process_beside_a_plain_reportlab_script(size, tmp_path_factory,
                                                                       tmp_path):
    """`vrijwilligers-app rapport vrijwilligers` as a user runs it (a new process: imports,
    unlocking, opening the register, the data, the layout) beside a plain reportlab script
    writing a table of the same rows and columns in a new process, interleaved. The
    passphrase's Argon2id (slow by design) is timed inside the app's process and left out
    of the ratio.
    Goal (issue 18): at most 1.5x."""
    from tests.bench.conftest import encrypted_demo
    from tests.helpers.registers import TEST_PASSPHRASE

    cached, key = encrypted_demo(size, tmp_path_factory)
    data_dir = tmp_path / "register"  # the command writes an audit line: never in the cache
    shutil.copytree(cached, data_dir, ignore=shutil.ignore_patterns("backups", "logs"))
    rows = _list_rows(data_dir, key)
    root = str(Path(__file__).resolve().parents[2])
    sources = {"now": root}
    if os.environ.get(BASELINE_SRC_ENV):
        sources["before"] = os.environ[BASELINE_SRC_ENV]
    os.environ.setdefault("VRIJWILLIGERS_WACHTWOORD", TEST_PASSPHRASE)
    app = [sys.executable, "-c", APP_CHILD, "rapport", "vrijwilligers", "--initiatief", "1",
           "--data-dir", str(data_dir), "-o", str(tmp_path / "a.pdf")]
    plains = {"Helvetica": [sys.executable, "-c", PLAIN_REPORTLAB_SCRIPT,
                            str(tmp_path / "b.pdf"), str(rows), "Helvetica"],
              "DejaVu Sans": [sys.executable, "-c", PLAIN_REPORTLAB_SCRIPT,
                              str(tmp_path / "c.pdf"), str(rows), str(FULL_DEJAVU)]}
    for src in sources.values():
        # Bytecode as an installed app has it (PyInstaller ships .pyc; pip compiles at
        # install), as the start-up bench does: under PYTHONDONTWRITEBYTECODE (the shared
        # bench machine) a checkout never writes its __pycache__, so every timed run compiled
        # the app's ~57 modules (about 30 ms) while the plain script's reportlab comes
        # compiled from site-packages. compileall writes regardless of that variable.
        assert compileall.compile_dir(Path(src) / "vrijwilligers_app", quiet=1)
        _seconds(app, src)  # warm: file cache
    for command in plains.values():
        _seconds(command, root)
    times: dict[str, list[float]] = {}
    for _ in range(ROUNDS):  # interleaved, so a busy moment weighs on all of them
        for name, command in plains.items():
            wall, _, cpu, _ = _seconds(command, root)
            times.setdefault(name, []).append(wall)
            times.setdefault(f"{name} CPU", []).append(cpu)
        for name, src in sources.items():
            wall, kdf, cpu, kdf_cpu = _seconds(app, src)
            times.setdefault(name, []).append(wall)
            times.setdefault(f"{name} KDF", []).append(kdf)
            times.setdefault(f"{name} less the KDF", []).append(wall - kdf)
            times.setdefault(f"{name} CPU less the KDF", []).append(cpu - kdf_cpu)
    median = {name: statistics.median(values) for name, values in times.items()}
    pages = len(PdfReader(tmp_path / "a.pdf").pages)
    plain_pages = len(PdfReader(tmp_path / "b.pdf").pages)
    load = [round(x, 2) for x in os.getloadavg()]
    record.add({"name": f"rapport vrijwilligers ({size} inwoners)", "rows": rows,
                "pages": pages, "plain_pages": plain_pages, "rounds": ROUNDS,
                "load_average": load,
                "medians": {n: round(t, 4) for n, t in median.items()},
                "seconds": {n: [round(t, 4) for t in ts] for n, ts in times.items()}})
    print(f"\n{size}: {rows} rows, {pages} pages (plain: {plain_pages}); load {load}")
    for name in sources:
        print(f"{name}: Argon2id inside the process {median[f'{name} KDF']:.3f} s")
        record(f"rapport vrijwilligers, whole process with the KDF, {name} ({size} inwoners)",
               median[name], median["Helvetica"], "plain reportlab script, new process")
        for font in plains:
            record(f"rapport vrijwilligers, whole process less the KDF, {name} ({size} "
                   f"inwoners)", median[f"{name} less the KDF"], median[font],
                   f"plain reportlab script in {font}, new process")
            if CPU_TIMES:
                print(f"  CPU less the KDF {median[f'{name} CPU less the KDF']:.3f} s, "
                      f"plain in {font} {median[f'{font} CPU']:.3f} s: ratio "
                      f"{median[f'{name} CPU less the KDF'] / median[f'{font} CPU']:.2f}")
