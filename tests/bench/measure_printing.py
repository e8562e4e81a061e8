"""Measured script: printing a report as page images (the old way, now the fallback) against
handing its PDF to the system as it is. Prints job size and time for both.

    python -m tests.bench.measure_printing DATA_DIR [CUPS_QUEUE]

Without a queue both ways print to a PDF file (the images at 300 dpi, like a real printer);
with a CUPS queue (e.g. cups-pdf) the jobs go through CUPS and the spooled job files are
measured in /var/spool/cups.
"""

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: E402
from PySide6.QtPdf import QPdfDocument  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from vrijwilligers_app.domain.report_period import parse_period  # noqa: E402
from vrijwilligers_app.services import print_system  # noqa: E402
from vrijwilligers_app.services.reports import ReportRequest, make_report  # noqa: E402
from vrijwilligers_app.store.register import open_register  # noqa: E402
from vrijwilligers_app.ui.pdf_print import a4_printer, print_document  # noqa: E402

SPOOL = Path("/var/spool/cups")


OUTPUT = Path.home() / "PDF"  # where the cups-pdf queue writes its files


def newest_job_bytes(before: set[Path]) -> int:
    """Size of the job file(s) CUPS spooled since `before` (PreserveJobFiles Yes)."""
    after = set(SPOOL.glob("d*")) - before
    return sum(p.stat().st_size for p in after)


def printed_file(before: set[Path], limit_s: float = 120) -> tuple[int, int]:
    """The cups-pdf output once written: (bytes, characters of text pdftotext finds)."""
    import subprocess

    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        new = set(OUTPUT.glob("*.pdf")) - before if OUTPUT.exists() else set()
        if new:
            path = max(new, key=lambda p: p.stat().st_mtime)
            size = -1
            while size != path.stat().st_size:  # still being written
                size = path.stat().st_size
                time.sleep(0.5)
            found = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                   text=True, check=False).stdout
            return size, len(found.strip())
        time.sleep(0.2)
    return 0, 0


def main(data_dir: Path, queue: str = "") -> None:
    app = QApplication.instance() or QApplication([])
    with open_register(data_dir, daily_backup=False) as register:
        pdf = make_report(register.engine, ReportRequest(
            "doorverwijzingen", parse_period("2026"), date(2026, 11, 23)))
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(app)
    document.load(buffer)
    pages = document.pageCount()
    print(f"rapport doorverwijzingen: {pages} pagina's, PDF {len(pdf):,} bytes")
    folder = Path(tempfile.mkdtemp())
    source = folder / "rapport.pdf"
    source.write_bytes(pdf)
    # 1. page images at 300 dpi
    printer = a4_printer()
    printer.setResolution(300)
    before = set(SPOOL.glob("d*")) if queue else set()
    outputs = set(OUTPUT.glob("*.pdf")) if OUTPUT.exists() else set()
    if queue:
        printer.setPrinterName(queue)
    else:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(folder / "afbeeldingen.pdf"))
    started = time.perf_counter()
    print_document(document, printer)
    images_s = time.perf_counter() - started
    images_bytes = (newest_job_bytes(before) if queue
                    else (folder / "afbeeldingen.pdf").stat().st_size)
    if queue:
        size, chars = printed_file(outputs)
        print(f"  afbeeldingen: cups-pdf schreef {size:,} bytes, {chars} tekens tekst")
        outputs = set(OUTPUT.glob("*.pdf"))
    # 2. the PDF as it is
    before = set(SPOOL.glob("d*")) if queue else set()
    started = time.perf_counter()
    if queue:
        job = print_system.print_pdf(source, queue, 0, 0, pages)
        direct_bytes = newest_job_bytes(before) or job.bytes_sent
        handed_s = direct_s = time.perf_counter() - started
        size, chars = printed_file(outputs)
        print(f"  PDF zoals hij is: cups-pdf schreef {size:,} bytes, {chars} tekens tekst "
              f"(overgedragen in {handed_s:.2f} s)")
    else:
        (folder / "direct.pdf").write_bytes(pdf)
        direct_bytes = (folder / "direct.pdf").stat().st_size
        direct_s = time.perf_counter() - started
    where = f"CUPS-wachtrij '{queue}'" if queue else "PDF-bestand"
    print(f"{where}: afbeeldingen 300 dpi {images_bytes:,} bytes in {images_s:.2f} s; "
          f"PDF zoals hij is {direct_bytes:,} bytes in {direct_s:.2f} s; "
          f"verhouding grootte {images_bytes / max(direct_bytes, 1):.0f}x, "
          f"tijd {images_s / max(direct_s, 1e-6):.0f}x")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "")
