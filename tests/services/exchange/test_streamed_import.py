"""Issue 17: the gemeente reads each CSV of a package row by row from the zip into its store;
memory holds a batch, not the package, and a bad row late in a table still changes nothing."""

import tracemalloc

from tests.helpers.exchange import export_to, repack, resign, unpack
from vrijwilligers_app.services.exchange.keys import laptop_keys
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.exchange.scan import IMPORTED, REFUSED

MB = 1024 * 1024
RESIDENTS = 50_000


def _with_residents(laptop, tmp_path, name: str, last: bytes | None = None):
    """The laptop's export with RESIDENTS rows of inwoners (the last one replaced by `last`),
    signed again by the laptop."""
    files = unpack(export_to(laptop, tmp_path / "bron").read_bytes())
    header, first = files["data/inwoners.csv"].split(b"\r\n")[:2]
    tail = first.split(b";", 1)[1]
    lines = [header, *(b"%032x;" % number + tail for number in range(RESIDENTS))]
    if last is not None:
        lines[-1] = last
    files["data/inwoners.csv"] = b"\r\n".join(lines) + b"\r\n"
    path = tmp_path / name / "export.zip"
    path.parent.mkdir()
    path.write_bytes(repack(resign(files, laptop_keys(laptop.data_dir).signing_key)))
    return path


def test_a_large_table_is_streamed_into_the_store(laptop, gemeente, tmp_path):
    package = _with_residents(laptop, tmp_path, "groot")
    tracemalloc.start()
    try:
        report = import_packages(gemeente.engine, gemeente.data_dir, [package])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [o.status for o in report.outcomes] == [IMPORTED], report.as_text()
    assert gemeente.rows("SELECT count(*) FROM gemeente_inwoners") == [(RESIDENTS,)]
    # Measured: 23 MB when the package was parsed whole before the merge, 10 MB streamed
    # (one batch of rows, plus the set of keys for the duplicate-key check).
    assert peak < 16 * MB, peak


def test_a_bad_row_at_the_end_of_a_streamed_table_changes_nothing(laptop, gemeente,
                                                                   tmp_path):
    assert import_packages(gemeente.engine, gemeente.data_dir,
                           [export_to(laptop, tmp_path / "eerst")]).refused == []
    before = gemeente.dump()
    bad = _with_residents(laptop, tmp_path, "slecht", last=b"%032x;200-300;;" % 7)
    report = import_packages(gemeente.engine, gemeente.data_dir, [bad])
    assert [o.status for o in report.outcomes] == [REFUSED]
    assert f"rij {RESIDENTS + 1}" in report.outcomes[0].reason
    assert "leeftijdsgroep" in report.outcomes[0].reason
    assert gemeente.dump() == before
