"""CellTable draws a text cell as one text object: fewer PDF operators, the same pages."""

import io
import re
import subprocess
from datetime import date

from pypdf import PdfReader
from reportlab.platypus import Table

from vrijwilligers_app.services.reports import tables
from vrijwilligers_app.services.reports.document import Report, render
from vrijwilligers_app.services.reports.tables import Column, data_table, key_value_table

COLUMNS = (Column("Naam", 0.3), Column("Adres", 0.3), Column("Uren", 0.15, right=True),
           Column("Opmerking", 0.25))
ROWS = [(f"Łukasz Wójcik-{i}", f"Kerkstraat {i}\n5701 AB Helmond", str(i * 3),
         "Алексей, Yıldız & <Nguyễn Thị> met een lange opmerking die over regels gaat")
        for i in range(90)] + [("Totaal", "", "270", "")]


def report_pdf() -> bytes:
    report = Report("Proef", "Buurtnetwerk", "Periode: 2026", date(2026, 11, 23),
                    confidential=True)
    report.add(key_value_table([("Vrijwilligers", "12"), ("Uren\nsamen", "1.234")]))
    report.add(data_table(COLUMNS, ROWS, total_row=True, groups=[("", 2), ("Inzet", 2)]))
    report.add(data_table(COLUMNS, ROWS[:5]))  # short: one Table, not paged
    return render(report)


def pixels(pdf: bytes) -> bytes:
    """Every page rendered by poppler at 72 dpi, raw (PPM)."""
    return subprocess.run(["pdftoppm", "-r", "72"], input=pdf, capture_output=True,
                          check=True, timeout=120).stdout


def operators(pdf: bytes, name: bytes) -> int:
    pattern = re.compile(rb"(?<![A-Za-z])" + name + rb"(?![A-Za-z])")
    return sum(len(pattern.findall(page.get_contents().get_data()))
               for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_pages_are_reportlabs_own_with_fewer_text_objects(monkeypatch):
    ours = report_pdf()
    with monkeypatch.context() as patch:
        patch.setattr(tables, "CellTable", Table)
        theirs = report_pdf()
    assert len(PdfReader(io.BytesIO(ours)).pages) == len(PdfReader(io.BytesIO(theirs)).pages) > 2
    assert pixels(ours) == pixels(theirs)
    assert operators(ours, b"Tj") == operators(theirs, b"Tj")  # every line drawn
    assert operators(ours, b"BT") < 0.8 * operators(theirs, b"BT")  # in fewer text objects


def test_header_cells_break_their_lines_once_per_width_and_print_the_same(monkeypatch):
    """HeaderCell heads every page's table; reportlab wraps it again for each, and the
    answer for the same width is kept: the same pages as with plain Paragraphs, far fewer
    line breakings."""
    from reportlab.platypus import Paragraph

    broken: list[object] = []
    line_breaking = Paragraph.breakLines

    def counted(self, width):  # type: ignore[no-untyped-def]
        broken.append(self)
        return line_breaking(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    ours = report_pdf()
    ours_broken = len(broken)
    broken.clear()
    with monkeypatch.context() as patch:
        patch.setattr(tables, "HeaderCell", Paragraph)
        theirs = report_pdf()
    assert len(PdfReader(io.BytesIO(ours)).pages) > 2
    assert pixels(ours) == pixels(theirs)
    assert ours_broken < 0.5 * len(broken)
