"""Fonts and paragraph styles of every report.

DejaVu Sans is shipped in resources/fonts (Bitstream Vera licence, see LICENSE there): the
PDF core fonts only know Latin-1, so names such as Yılmaz, Łukasz, Алексей or Arabic
names would print as black boxes. Reportlab embeds the subset of glyphs a report uses.
The shipped files are themselves a subset of DejaVu Sans (installer/subset_fonts.py: every
script of names DejaVu covers, punctuation and symbols, the same outlines and widths), which
reportlab reads in half the time of the full font's 6,253 glyphs. What reportlab computes from
a file's tables is stored beside it (prepared_fonts.py, `<font>.metrics`), so a process loads
it instead of parsing the tables again.
"""

import html
import threading

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics

from vrijwilligers_app.paths import resource
from vrijwilligers_app.services.reports.prepared_fonts import load_font

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
ACCENT = colors.HexColor("#1f5f8b")
LIGHT = colors.HexColor("#e8f0f6")
STRIPE = colors.HexColor("#f6f8fa")
GRID = colors.HexColor("#b8c4ce")
WARNING = colors.HexColor("#a11d1d")
CELL_SIZE = 8
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Once per process; safe from a background thread."""
    global _registered
    with _lock:
        if _registered:
            return
        pdfmetrics.registerFont(load_font(FONT, resource("fonts", "DejaVuSans.ttf")))
        pdfmetrics.registerFont(load_font(FONT_BOLD, resource("fonts", "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                      boldItalic=FONT_BOLD)
        _registered = True


def escape(text: str) -> str:
    """Text for a Paragraph's markup: &, < and > as entities, as xml.sax.saxutils.escape
    does, without its import of urllib.request, http and ssl (a tenth of a report process's
    own imports)."""
    return html.escape(text, quote=False)


def _style(name: str, size: float, bold: bool = False, **extra: object) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=FONT_BOLD if bold else FONT, fontSize=size,
                          leading=round(size * 1.25, 1), **extra)  # type: ignore[arg-type]


TITLE = _style("titel", 18, True, spaceAfter=4, textColor=ACCENT)
SUBTITLE = _style("ondertitel", 10, spaceAfter=10, textColor=colors.HexColor("#444444"))
HEADING = _style("kop", 13, True, spaceBefore=12, spaceAfter=6, textColor=ACCENT,
                 keepWithNext=1)
SUBHEADING = _style("subkop", 10.5, True, spaceBefore=8, spaceAfter=4, keepWithNext=1)
BODY = _style("tekst", 9.5, spaceAfter=6)
NOTE = _style("toelichting", 8, spaceAfter=6, textColor=colors.HexColor("#555555"))
CELL = _style("cel", CELL_SIZE, alignment=TA_LEFT)
CELL_RIGHT = _style("cel_rechts", CELL_SIZE, alignment=TA_RIGHT)
# Headers wrap between words only: a column is made wide enough for its longest word.
HEADER_CELL = _style("kopcel", CELL_SIZE, True, alignment=TA_LEFT, splitLongWords=0)
HEADER_CELL_RIGHT = _style("kopcel_rechts", CELL_SIZE, True, alignment=TA_RIGHT,
                           splitLongWords=0)
GROUP_CELL = _style("groepcel", CELL_SIZE, True, alignment=TA_CENTER, splitLongWords=0)
EMPTY = _style("leeg", 14, True, spaceBefore=60, spaceAfter=10, textColor=ACCENT)
