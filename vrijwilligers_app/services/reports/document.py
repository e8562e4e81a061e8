"""The A4 document every report shares: header, footer "pagina x van y", confidential mark.

A report is built as a `Report` (title, period text, name for the header, flowables) and
rendered to bytes in memory by `render`; `write_pdf` then writes those bytes next to the
target and renames, so a failed or refused write never leaves half a PDF behind.

"pagina x van y" needs the page count before the first page is final: the canvas keeps each
page's state and draws header and footer on all of them at `save` (the usual two-pass
canvas), which costs no second layout run.
"""

import io
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, SimpleDocTemplate, Spacer

from vrijwilligers_app import APP_NAME
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.files import os_reason, write_atomically
from vrijwilligers_app.services.reports import styles
from vrijwilligers_app.services.reports.errors import ReportError
from vrijwilligers_app.services.reports.styles import escape

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
TOP = 30 * mm
BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
NO_DATA = "Geen gegevens in deze periode"
HEADING_ROOM = 45 * mm  # less room than this left on a page: a heading starts a new page
CONFIDENTIAL_NOTE = ("Vertrouwelijk: bevat persoonsgegevens. Niet doorgeven, niet laten "
                     "liggen, vernietigen na gebruik.")


class Report:
    """A report being built: its page chrome and its flowables. A plain class (not a
    dataclass, whose creation at import costs the `rapport` process a few ms: issue 18)."""

    def __init__(self, title: str, owner: str, period_text: str, printed_on: date,
                 confidential: bool = False, story: list[Flowable] | None = None,
                 subject: str = "") -> None:
        self.title = title
        self.owner = owner  # organisation, initiative or gemeente: top left of every page
        self.period_text = period_text  # "Periode: 2026" or "Stand per 23-11-2026"
        self.printed_on = printed_on
        self.confidential = confidential
        self.story: list[Flowable] = [] if story is None else story
        self.subject = subject
        styles.register_fonts()  # paragraphs look their font up when they are made

    def __repr__(self) -> str:
        return f"Report(title={self.title!r}, {len(self.story)} flowables)"

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)

    def heading(self, text: str) -> None:
        """A section title; never alone at the foot of a page."""
        self.story.append(CondPageBreak(HEADING_ROOM))
        self.story.append(Paragraph(escape(text), styles.HEADING))

    def subheading(self, text: str) -> None:
        self.story.append(CondPageBreak(HEADING_ROOM * 0.7))
        self.story.append(Paragraph(escape(text), styles.SUBHEADING))

    def text(self, text: str, style: Any = None) -> None:
        self.story.append(Paragraph(escape(text), style or styles.BODY))

    def note(self, text: str) -> None:
        self.story.append(Paragraph(escape(text), styles.NOTE))

    def no_data(self, explanation: str = "") -> None:
        """The whole report for an empty period: one clear page instead of empty tables."""
        self.story.append(Paragraph(NO_DATA, styles.EMPTY))
        if explanation:
            self.story.append(Paragraph(escape(explanation), styles.BODY))


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until `save`, then draws the chrome with the total page count."""

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._report = report
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_chrome(number, total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_chrome(self, number: int, total: int) -> None:
        r = self._report
        top = PAGE_HEIGHT - 12 * mm
        self.saveState()
        self.setFillColor(styles.ACCENT)
        self.setFont(styles.FONT_BOLD, 10)
        owner = _fit(r.owner, styles.FONT_BOLD, 10, FRAME_WIDTH * 0.55)
        self.drawString(MARGIN, top, owner)
        self.setFont(styles.FONT, 9)
        # The title gets the rest of the line (half of it beside the centred VERTROUWELIJK).
        room = (FRAME_WIDTH * 0.38 if r.confidential else
                FRAME_WIDTH - stringWidth(owner, styles.FONT_BOLD, 10) - 8 * mm)
        self.drawRightString(PAGE_WIDTH - MARGIN, top, _fit(r.title, styles.FONT, 9, room))
        self.setFillColor(colors.HexColor("#444444"))
        self.setFont(styles.FONT, 8)
        self.drawString(MARGIN, top - 11, r.period_text)
        self.drawRightString(PAGE_WIDTH - MARGIN, top - 11,
                             f"Afgedrukt op {format_date_nl(r.printed_on)}")
        self.setStrokeColor(styles.ACCENT)
        self.setLineWidth(0.8)
        self.line(MARGIN, top - 16, PAGE_WIDTH - MARGIN, top - 16)
        if r.confidential:
            self.setFillColor(styles.WARNING)
            self.setFont(styles.FONT_BOLD, 10)
            self.drawCentredString(PAGE_WIDTH / 2, top, "VERTROUWELIJK")
        bottom = 10 * mm
        self.setStrokeColor(styles.GRID)
        self.setLineWidth(0.4)
        self.line(MARGIN, bottom + 10, PAGE_WIDTH - MARGIN, bottom + 10)
        self.setFont(styles.FONT, 7.5)
        self.setFillColor(styles.WARNING if r.confidential else colors.HexColor("#555555"))
        self.drawString(MARGIN, bottom, CONFIDENTIAL_NOTE if r.confidential else APP_NAME)
        self.setFillColor(colors.black)
        self.setFont(styles.FONT, 8)
        self.drawRightString(PAGE_WIDTH - MARGIN, bottom, f"pagina {number} van {total}")
        self.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Header texts are one line: shorten with an ellipsis rather than run into each other."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def render(report: Report) -> bytes:
    """The PDF as bytes; nothing touches the disk."""
    styles.register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP,
        bottomMargin=BOTTOM, title=report.title, author=report.owner,
        subject=report.subject or report.period_text, creator=APP_NAME, lang="nl-NL",
    )
    story: list[Flowable] = [
        Paragraph(escape(report.title), styles.TITLE),
        Paragraph(escape(f"{report.owner} · {report.period_text}"), styles.SUBTITLE),
    ]
    if report.confidential:
        story.append(Paragraph(escape(CONFIDENTIAL_NOTE), styles.NOTE))
    story.extend(report.story or [Spacer(1, 1)])
    doc.build(story, canvasmaker=partial(_NumberedCanvas, report=report))
    return buffer.getvalue()


def write_pdf(data: bytes, target: Path) -> Path:
    """Write next to `target` under a temporary name, then rename: all or nothing."""
    target = Path(target)
    if target.is_dir():
        raise ReportError(f"{target} is een map; geef een bestandsnaam op, bijvoorbeeld "
                          f"{target / 'rapport.pdf'}.")
    folder = target.parent
    if not folder.is_dir():
        raise ReportError(f"De map {folder} bestaat niet; kies een bestaande map voor "
                          f"{target.name}.")
    try:
        write_atomically(target, data)
    except OSError as exc:
        raise ReportError(f"Kan {target} niet schrijven ({os_reason(exc)}). Kies een andere "
                          "map of sluit het bestand als het in een PDF-lezer openstaat.") from exc
    return target
