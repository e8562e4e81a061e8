"""Printing a finished PDF. First choice (print_report_pdf): the PDF itself, to a PDF file or
to the system's printing (services/print_system.py), so text stays text. Fallback
(print_document): QtPdf renders each page to an image that is painted on the QPrinter the
user chose in QPrintDialog; it works the same for a real printer and a PdfFormat printer.

Pages are rendered at the printer's resolution but at most 300 dpi: an A4 page at a
printer's 1200 dpi would be a 550 MB image, and 300 dpi is sharp on paper.
"""

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from vrijwilligers_app.services import print_system

MAX_DPI = 300


class PrintError(Exception):
    """str(exc) is Dutch."""


def a4_printer(mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the PDF brings its own margins
    return printer


def page_range(document: QPdfDocument, printer: QPrinter) -> range:
    """The pages (0-based) the print dialog asked for; all when no range was chosen."""
    count = document.pageCount()
    first = printer.fromPage() or 1
    last = printer.toPage() or count
    return range(max(first, 1) - 1, min(last, count))


def print_document(document: QPdfDocument, printer: QPrinter,
                   on_page: Callable[[int, int], bool] | None = None) -> int:
    """Print; returns the number of pages printed. `on_page(done, total)` may return False
    to stop (the pages already sent stay printed)."""
    pages = page_range(document, printer)
    if not pages:
        raise PrintError("Er is niets af te drukken: het rapport heeft geen pagina's in het "
                         "gekozen bereik.")
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("De printer kon niet beginnen met afdrukken. Controleer of de "
                         "printer aan staat, of kies een andere printer.")
    printed = 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for page in pages:
            if printed and not printer.newPage():
                raise PrintError(f"De printer weigerde pagina {page + 1}.")
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * dpi / 72),
                                                round(points.height() * dpi / 72)))
            if image.isNull():
                raise PrintError(f"Pagina {page + 1} kon niet worden opgemaakt voor de printer.")
            target = QRectF(painter.viewport())
            scaled = image.size().toSizeF().scaled(target.size(),
                                                   Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.topLeft(), scaled), image)
            printed += 1
            if on_page is not None and not on_page(printed, len(pages)):
                break
    finally:
        painter.end()
    return printed


def whole_document(document: QPdfDocument, printer: QPrinter) -> bool:
    pages = page_range(document, printer)
    return pages.start == 0 and pages.stop == document.pageCount()


def print_report_pdf(pdf_bytes: bytes, document: QPdfDocument, printer: QPrinter,
                     folder: Path, on_page: Callable[[int, int], bool] | None = None,
                     ) -> tuple[int, str]:
    """Print the report as text and vector where the platform allows; returns (pages, how).

    - "Afdrukken naar PDF-bestand" of the whole report: the report's own PDF is the file.
    - A system printer with CUPS (Linux, macOS) or a PDF program (Windows, whole report):
      the PDF goes to the system as it is.
    - Otherwise (no CUPS, no PDF program, a page range on Windows): page images.
    """
    pages = page_range(document, printer)
    if not pages:
        raise PrintError("Er is niets af te drukken: het rapport heeft geen pagina's in het "
                         "gekozen bereik.")
    native = printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    if not native and printer.outputFileName() and whole_document(document, printer):
        try:
            Path(printer.outputFileName()).write_bytes(pdf_bytes)
        except OSError as exc:
            raise PrintError(f"Het PDF-bestand kon niet worden geschreven: {exc}") from exc
        return len(pages), "pdf"
    if native and print_system.available() and (
            sys.platform != "win32" or whole_document(document, printer)):
        target = folder / "afdrukken.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_bytes(pdf_bytes)
            print_system.print_pdf(target, printer.printerName(), printer.fromPage(),
                                   printer.toPage(), document.pageCount(),
                                   printer.copyCount())
        except (OSError, print_system.SystemPrintError):
            pass  # the image path below still works with Qt's own printing
        else:
            return len(pages), "systeem"
        finally:
            if sys.platform != "win32":  # lp has copied it to the spool; Windows reads later
                target.unlink(missing_ok=True)
    return print_document(document, printer, on_page), "afbeeldingen"
