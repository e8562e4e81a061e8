"""Demo data: a fictitious but believable Helmond register, for trying the app and for tests.

`fill_demo` writes everything in one IMMEDIATE transaction, in chunks of executemany with ids
assigned here (see writer.py), so a crash leaves the register empty, never half filled.
`fill_demo_beside` (the CLI's `demo --size N`) does the same into a side copy of an open
register that replaces it only when complete (store.side_file): no WAL of a gigabyte.
For a run time that grows linearly with the size, the tables' secondary indexes are dropped
inside the transaction and built again (one sort each) after the last row, and the page cache
grows with the size so the uuid indexes (UNIQUE constraints, kept) stay in memory; the schema
afterwards is exactly the migrated one (tests/services/test_demo.py). The search index is
still filled by its triggers, but FTS5 merges nothing until one 'optimize' at the end
(store.queries.demo.pause_fts_merges): its merges were the part of the cost per row that grew
with the register.
The same seed and reference date always give byte-identical content: all chance comes from
one `random.Random(seed)` and all dates from the reference date, never from the clock.
"""

from datetime import date
from random import Random
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from vrijwilligers_app.services.demo import activities, initiatives, matches, people, referrals
from vrijwilligers_app.services.demo.context import Context, load_codes
from vrijwilligers_app.services.demo.sizes import GROOT, KLEIN, DemoError, DemoSize, demo_size
from vrijwilligers_app.services.demo.writer import Progress, ProgressCallback, Writer
from vrijwilligers_app.store.consent_cache import refresh_all
from vrijwilligers_app.store.queries import demo as queries
from vrijwilligers_app.store.side_file import fill_beside
from vrijwilligers_app.store.tables import metadata

if TYPE_CHECKING:
    from vrijwilligers_app.store.register import Register

__all__ = ["GROOT", "KLEIN", "DEMO_TABLES", "DemoError", "DemoSize", "demo_size", "fill_demo",
           "fill_demo_beside"]

NOT_EMPTY = ("Het register bevat al gegevens; demo-gegevens worden alleen in een leeg register "
             "gezet.")
SAVE_LABEL = "Gegevens opslaan"
# Tables the demo fills, parents first.
DEMO_TABLES = (
    "resident", "consent", "volunteer", "initiative", "initiative_district",
    "initiative_life_domain",
    "volunteer_role", "buddy_request", "buddy_match", "contact_moment", "evaluation",
    "referral", "referral_life_domain", "referral_event", "activity_series", "activity",
    "attendance", "shift",
)
CACHE_KIB = 65_536  # groot: 26 s with SQLite's default 2 MB, 23 s with 64 MB
# The uuid indexes (UNIQUE constraints, so they stay while loading) are written at random
# places; ~0.8 KiB of them per resident. A cache that holds them keeps every row's cost flat.
CACHE_KIB_PER_RESIDENT = 1
CACHE_KIB_MAX = 1_048_576
# The consent trigger on referral inserts looks consents up by this index: kept while loading.
TRIGGER_INDEXES = ("ix_consent_lookup",)
# Any of these means someone already works in this register.
_OWNED = ("initiative", "volunteer", "resident", "referral")


def _refuse_if_filled(conn: Connection) -> None:
    if queries.holds_rows(conn, (metadata.tables[name] for name in _OWNED)):
        raise DemoError(NOT_EMPTY)


def fill_demo(engine: Engine, size: DemoSize, seed: int = 1,
              reference_date: date | None = None,
              progress: ProgressCallback | None = None) -> dict[str, int]:
    """Fill an empty register with demo data; returns the rows inserted per table.

    Raises DemoError (Dutch message) when the register already holds initiatives,
    volunteers, residents or referrals; nothing is changed then.
    """
    today = reference_date or date.today()
    writer_engine = engine.execution_options(sqlite_begin="IMMEDIATE")
    with writer_engine.begin() as conn:
        _refuse_if_filled(conn)
        # A bigger page cache while filling: the uuid indexes are written at random places.
        # (Not smaller than the connection's own: fill_demo_beside sets it for the checks.)
        cache_size = queries.cache_size(conn)
        if cache_size >= 0 or -cache_size < _cache_kib(size):
            queries.set_cache_size(conn, -_cache_kib(size))
        # The other indexes are built once at the end (a sort each), not row by row at
        # random places: the cost per row no longer grows with the register.
        deferred = queries.drop_secondary_indexes(conn, DEMO_TABLES, keep=TRIGGER_INDEXES)
        # The search index is filled by its triggers, row by row, but merged once at the end.
        fts_config = queries.pause_fts_merges(conn)
        tracker = Progress(progress)
        ctx = Context(conn=conn, rng=Random(seed), today=today, codes=load_codes(conn),
                      writer=Writer(conn), progress=tracker)
        try:
            _generate(ctx, size)
            ctx.writer.flush()
            refresh_all(conn)
            queries.resume_fts_merges(conn, fts_config)
            queries.create_indexes(conn, deferred)
            tracker.advance(SAVE_LABEL)
        finally:
            queries.set_cache_size(conn, cache_size)
    return {name: ctx.writer.counts[name] for name in DEMO_TABLES}


def _cache_kib(size: DemoSize) -> int:
    return min(CACHE_KIB_MAX, max(CACHE_KIB, size.residents * CACHE_KIB_PER_RESIDENT))


def fill_demo_beside(register: "Register", size: DemoSize, seed: int = 1,
                     reference_date: date | None = None,
                     progress: ProgressCallback | None = None) -> dict[str, int]:
    """`fill_demo` into a side copy of the open register, renamed over it once complete and
    checked; on any error (DemoError included) the register is as it was and no copy stays."""
    with register.engine.connect() as conn:  # refuse before copying anything
        _refuse_if_filled(conn)
    return fill_beside(register, lambda engine: fill_demo(
        engine, size, seed=seed, reference_date=reference_date, progress=progress),
        cache_kib=_cache_kib(size))


def _generate(ctx: Context, size: DemoSize) -> None:
    tracker = ctx.progress
    tracker.total = (size.residents + size.volunteers + 3 * size.initiatives
                     + size.buddy_requests + size.referrals + 1)
    tracker.report(people.RESIDENT_LABEL)
    residents = people.add_residents(ctx, size.residents)
    volunteers = people.add_volunteers(ctx, size.volunteers)
    projects = initiatives.add_initiatives(ctx, size.initiatives)
    # The catalogue may hold fewer initiatives than asked; keep the total honest.
    tracker.total -= 3 * (size.initiatives - len(projects))
    initiatives.add_roles(ctx, volunteers, projects, activities.MINIMUM_ROLES)
    matches.add_buddy_requests(ctx, size.buddy_requests, residents, projects,
                               {v.id: v.gender for v in volunteers})
    referrals.add_referrals(ctx, size.referrals, size.activity_months, residents,
                            volunteers, projects)
    activities.add_activities(ctx, size.activity_months, projects)
