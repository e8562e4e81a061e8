"""The register pages' modules, imported on a worker thread once the register is open.

The first visit of a register page (Inwoners, Vrijwilligers, …) imports the editing services,
the SQLModel tables and the consent ledger: more than a
second on an older laptop, spent after the click. The window queues `import_page_modules` as a
background read right after it opened the register, so by the time the user clicks, the
page only has to be built.

Two threads never import at once: the warm-up holds `IMPORTS` for each module it imports and
the window takes it before it imports a page, so at worst a click waits for the module being
imported, never for a second import of the same module. Every other task that imports on a
worker thread takes it too (the Overzicht's attention and retention reads, which run beside
the warm-up on the two read threads): two threads importing SQLModel at once, with PySide6's
import hook reading each new module's source (which touches pydantic's module `__getattr__`),
once failed with an ImportError in a benchmark run. The pages import reportlab and
icalendar only when they print or export, so those come last.
"""

import importlib
import logging
import threading

log = logging.getLogger(__name__)
IMPORTS = threading.Lock()
# The pages first (a click waits at most for the module being imported), then what printing
# and the roster export need (reportlab, icalendar), which the pages import only when used.
PAGE_MODULES = (
    "vrijwilligers_app.store.tables",
    "vrijwilligers_app.services.editing",
    "vrijwilligers_app.services.consents",
    "vrijwilligers_app.ui.pages.register_page",
    "vrijwilligers_app.ui.pages.maatjes_page",
    "vrijwilligers_app.services.reports.document",
    "vrijwilligers_app.services.activities.ics_export",
)


def import_page_modules(modules: tuple[str, ...] = PAGE_MODULES) -> list[str]:
    """Imports `modules`; returns the names that failed (the window imports those itself
    when the page is opened, and shows the error then)."""
    failed = []
    for name in modules:
        with IMPORTS:  # one module (and what it imports) at a time; a click may come between
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - the page import reports it properly later
                log.warning("Vooraf laden van %s mislukt", name, exc_info=True)
                failed.append(name)
    return failed
