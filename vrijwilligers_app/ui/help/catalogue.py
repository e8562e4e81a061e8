"""The handleiding's pages (Markdown in resources/help), the page that belongs to each part of
the window (F1), and accent-insensitive search. No Qt here."""

import logging
import unicodedata
from dataclasses import dataclass

from vrijwilligers_app.paths import resource

log = logging.getLogger(__name__)

# In the order of the contents list.
PAGE_FILES = (
    "beginnen.md", "initiatieven.md", "vrijwilliger-inschrijven.md", "inwoner-inschrijven.md",
    "maatje-koppelen.md", "doorverwijzen.md", "activiteiten.md",
    "exporteren-naar-de-gemeente.md", "rapporten-afdrukken.md", "back-up-terugzetten.md",
    "instellingen.md",
)
# Window part (object name of a page without "page_") -> its help page (F1).
CONTEXT = {
    "overzicht": "beginnen.md", "initiatieven": "initiatieven.md",
    "vrijwilligers": "vrijwilliger-inschrijven.md", "inwoners": "inwoner-inschrijven.md",
    "maatjes": "maatje-koppelen.md", "doorverwijzingen": "doorverwijzen.md",
    "activiteiten": "activiteiten.md", "instellingen": "instellingen.md",
}
START_PAGE = "beginnen.md"


@dataclass(frozen=True)
class HelpPage:
    file: str
    title: str
    markdown: str


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def load_pages() -> list[HelpPage]:
    """The pages that are present; a missing or unreadable page is left out (and logged)."""
    pages = []
    for name in PAGE_FILES:
        try:
            text = resource("help", name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("Handleidingpagina %s ontbreekt of is onleesbaar (%s)", name,
                        type(exc).__name__)
            continue
        first = text.lstrip().splitlines()[0] if text.strip() else name
        pages.append(HelpPage(name, first.lstrip("# ").strip() or name, text))
    return pages


def search(pages: list[HelpPage], query: str) -> list[HelpPage]:
    """Pages holding every word of the query, ignoring case and accents ("beeindigen" finds
    "beëindigen"); titles that match come first."""
    words = _fold(query).split()
    if not words:
        return list(pages)
    hits = [p for p in pages if all(w in _fold(p.markdown) for w in words)]
    return sorted(hits, key=lambda p: not all(w in _fold(p.title) for w in words))


def page_for(context: str) -> str:
    return CONTEXT.get(context, START_PAGE)
