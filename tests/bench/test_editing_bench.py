"""Editing benchmarks on demo groot (100,000 residents): find_duplicates beside the raw
sqlite3 queries that narrow the candidates, in the same run.

Run: python -m pytest -m bench tests/bench/test_editing_bench.py -s
Nothing here asserts on time; ratios are printed and written to bench-results/editing.json.
The brief's target for find_duplicates is < 50 ms per call.
"""

import sqlite3
from functools import partial
from pathlib import Path

import pytest

from tests.bench import common
from tests.bench.common import Recorder
from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.services.editing import find_duplicates
from vrijwilligers_app.store.engine import create_register_engine

pytestmark = pytest.mark.bench
record = Recorder("editing.json", unit="ms")
REPEAT = 30
median_seconds = partial(common.median_seconds, repeat=REPEAT)
COLUMNS = "id, first_name, name_prefix, last_name, birth_year, postcode, phone, email, archived_at"






@pytest.fixture(scope="module")
def groot(groot_dir) -> Path:
    return groot_dir / DATABASE_NAME


@pytest.fixture(scope="module")
def resident(groot) -> dict[str, object]:
    """A resident with every fact filled in, born in a busy year (many candidates)."""
    connection = sqlite3.connect(groot)
    connection.row_factory = sqlite3.Row
    row = connection.execute(
        "SELECT first_name, name_prefix, last_name, birth_year, postcode, phone, email "
        "FROM resident WHERE phone != '' AND email != '' AND length(postcode) = 7 "
        "AND birth_year = (SELECT birth_year FROM resident GROUP BY 1 ORDER BY count(*) DESC "
        "LIMIT 1) LIMIT 1").fetchone()
    connection.close()
    return dict(row)


def _raw(groot: Path, queries: list[tuple[str, tuple]]) -> float:
    connection = sqlite3.connect(groot)
    try:
        return median_seconds(lambda: [connection.execute(sql, args).fetchall()
                                       for sql, args in queries])
    finally:
        connection.close()


@pytest.mark.parametrize("case", ["name+birth year", "name+birth year+postcode",
                                  "everything, typo in last name", "phone only"])
def test_find_duplicates_beside_raw_queries(groot, resident, case):
    r = resident
    pc = str(r["postcode"])
    by_index = (f"SELECT {COLUMNS} FROM resident WHERE birth_year = ? OR postcode = ?",
                (r["birth_year"], pc))
    by_year = (f"SELECT {COLUMNS} FROM resident WHERE birth_year = ?", (r["birth_year"],))
    by_contact = (f"SELECT {COLUMNS} FROM resident WHERE phone = ? OR email = ? COLLATE NOCASE",
                  (r["phone"], r["email"]))
    by_phone = (f"SELECT {COLUMNS} FROM resident WHERE phone = ?", (r["phone"],))
    name = {"first_name": r["first_name"], "name_prefix": r["name_prefix"],
            "last_name": r["last_name"]}
    values, queries = {
        "name+birth year": ({**name, "birth_year": r["birth_year"]}, [by_year]),
        "name+birth year+postcode": ({**name, "birth_year": r["birth_year"], "postcode": pc},
                                     [by_index]),
        "everything, typo in last name": (
            {**r, "last_name": str(r["last_name"])[:-1] + "x"}, [by_index, by_contact]),
        "phone only": ({"first_name": "Iemand", "last_name": "Anders", "phone": r["phone"]},
                       [by_phone]),
    }[case]
    engine = create_register_engine(groot)
    try:
        assert find_duplicates(engine, "residents", values)  # the resident itself is found
        measured = median_seconds(lambda: find_duplicates(engine, "residents", values))
    finally:
        engine.dispose()
    baseline = _raw(groot, queries)
    record(f"find_duplicates residents ({case}, groot, median of {REPEAT})", measured,
           baseline, "raw sqlite3 narrowing queries")
