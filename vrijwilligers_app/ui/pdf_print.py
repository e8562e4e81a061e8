"""Printing a finished PDF: QtPdf renders each page to an image that is painted on the
QPrinter the user chose in QPrintDialog. Works the same for a real printer and for a
PdfFormat printer (which the tests use).

Pages are rendered at the printer's resolution but at most 300 dpi: an A4 page at a
printer's 1200 dpi would be a 550 MB image, and 300 dpi is sharp on paper.
"""

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

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
