"""Read-side benchmarks on demo groot: register pages and global search beside raw sqlite3.

Run: python -m pytest -m bench tests/bench/test_queries_bench.py -s
Nothing here asserts on time; numbers and ratios are printed and written to bench-results/.
App targets: first rows of a page < 0.5 s; search < 50 ms median while typing.
"""

import sqlite3
import statistics
import time
from functools import partial
from pathlib import Path

import pytest

from tests.bench import common
from tests.bench.common import Recorder
from vrijwilligers_app.store.queries.registers import count, fetch_rows, first_rows, list_ids
from vrijwilligers_app.store.queries.search import fts_query, search

pytestmark = pytest.mark.bench
record = Recorder("queries.json", unit="ms")
REPEAT = 5
median_seconds = partial(common.median_seconds, repeat=REPEAT)
# What a user types, letter by letter: names, a phone number, a postcode, an organisation.
PREFIXES = (
    "d", "do", "dor", "dori", "dorie", "dorien", "j", "ja", "jan", "jan v", "jan va",
    "jan van", "s", "sa", "sah", "sahin", "y", "yi", "yil", "yilmaz", "h", "he", "hei",
    "heij", "heijden", "06", "061", "0612", "06123", "5", "57", "570", "5701", "5701a",
    "5701ab", "m", "ma", "mar", "mari", "maria", "b", "ba", "bak", "bakker", "lev", "levg",
    "levgroep", "kerk", "kerkstraat", "verh", "verhoeven",
)








def _raw(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(db, isolation_level=None)


@pytest.mark.parametrize(("kind", "sort_key", "descending", "raw_sql"), [
    ("residents", "naam", False, "SELECT id FROM resident ORDER BY last_name"),
    ("residents", "wijk", False, "SELECT id FROM resident ORDER BY last_name"),
    ("referrals", None, False, "SELECT id FROM referral ORDER BY signalled_on DESC"),
    ("referrals", "inwoner", True, "SELECT id FROM referral ORDER BY signalled_on DESC"),
    ("referrals", "leefdomeinen", False, "SELECT id FROM referral ORDER BY signalled_on DESC"),
    ("residents", "doorverwijzingen", True, "SELECT id FROM resident ORDER BY last_name"),
    ("volunteers", "initiatieven", False, "SELECT id FROM volunteer ORDER BY last_name"),
])
def test_first_rows_beside_raw_order_by(groot, kind, sort_key, descending, raw_sql):
    engine, db = groot
    list_ids(engine, kind, sort_key=sort_key, descending=descending)  # warm the page cache

    def ids_and_rows() -> None:
        ids = list_ids(engine, kind, sort_key=sort_key, descending=descending)
        rows = fetch_rows(engine, kind, ids[:100])
        assert len(rows) == 100

    ids_only = median_seconds(lambda: list_ids(engine, kind, sort_key=sort_key,
                                        descending=descending))
    measured = median_seconds(ids_and_rows)
    connection = _raw(db)
    baseline = median_seconds(lambda: connection.execute(raw_sql).fetchall())
    connection.close()
    label = f"{kind} by {sort_key or 'default'}{' desc' if descending else ''}"
    record(f"{label}: ids", ids_only, baseline, raw_sql)
    record(f"{label}: ids + fetch_rows(100)", measured, baseline, raw_sql)
    # What the page shows first since issue 18: one LIMITed read along the sort index.
    shown_first = median_seconds(lambda: first_rows(engine, kind, {}, sort_key, descending,
                                                    "", 200))
    connection = _raw(db)
    raw_first = median_seconds(lambda: connection.execute(raw_sql + " LIMIT 100").fetchall())
    connection.close()
    record(f"{label}: first_rows(200), what is painted first", shown_first, raw_first,
           raw_sql + " LIMIT 100")


def test_filtered_count_and_quick_filter(groot):
    engine, db = groot
    connection = _raw(db)
    baseline = median_seconds(lambda: connection.execute(
        "SELECT count(*) FROM referral WHERE status NOT IN "
        "('afgesloten', 'teruggemeld', 'afgewezen')").fetchone())
    connection.close()
    record("count referrals open", median_seconds(lambda: count(engine, "referrals",
                                                         {"status": "open"})),
           baseline, "raw count(*) of open referrals")
    record("residents quick filter 'jan' by name",
           median_seconds(lambda: list_ids(engine, "residents", sort_key="naam", text="jan")),
           baseline, "raw count(*) of open referrals")


def test_search_as_you_type_beside_raw_fts(groot):
    engine, db = groot
    for prefix in PREFIXES:  # warm-up pass
        search(engine, prefix)
    app, hits = [], {}
    for prefix in PREFIXES:
        started = time.perf_counter()
        hits[prefix] = len(search(engine, prefix))
        app.append(time.perf_counter() - started)
    connection = _raw(db)
    raw = []
    for prefix in PREFIXES:
        query = fts_query(prefix)
        started = time.perf_counter()
        connection.execute("SELECT rowid, title FROM search_index WHERE search_index MATCH ? "
                           "ORDER BY rank LIMIT 50", (query,)).fetchall()
        raw.append(time.perf_counter() - started)
    connection.close()
    slowest = sorted(zip(app, PREFIXES, strict=True), reverse=True)[:5]
    print("\nslowest prefixes: " + ", ".join(f"{p!r} {t * 1000:.1f} ms" for t, p in slowest))
    print(f"hits per prefix (limit 50): min {min(hits.values())}, "
          f"prefixes with no hit: {[p for p, n in hits.items() if n == 0]}")
    p95 = statistics.quantiles(app, n=20)[-1]
    raw_p95 = statistics.quantiles(raw, n=20)[-1]
    record(f"search median over {len(PREFIXES)} prefixes", statistics.median(app),
           statistics.median(raw), "raw FTS5 MATCH ORDER BY rank LIMIT 50")
    record(f"search p95 over {len(PREFIXES)} prefixes", p95, raw_p95,
           "raw FTS5 MATCH ORDER BY rank LIMIT 50")


def test_index_size(groot):
    _engine, db = groot
    connection = _raw(db)
    total = connection.execute("PRAGMA page_count").fetchone()[0]
    pages = connection.execute(
        "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%'").fetchone()[0]
    connection.close()
    page_size = 4096
    print(f"\nsearch index: {pages / 2**20:.1f} MB of {total * page_size / 2**20:.1f} MB")
    record.add({"name": "search index size (MB)", "mb": round(pages / 2**20, 1),
                "database_mb": round(total * page_size / 2**20, 1)})
