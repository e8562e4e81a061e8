"""Issue 17: cells of a validly signed package are made harmless on import, and a package
that declares huge entries is read a chunk at a time (bounded memory)."""

import csv
import io

import pytest

from tests.services.exchange.conftest import export_to, repack, resign, unpack
from vrijwilligers_app.services.exchange.keys import laptop_keys
from vrijwilligers_app.services.exchange.merge import import_packages, snapshot_rows
from vrijwilligers_app.services.exchange.scan import IMPORTED, REFUSED
from vrijwilligers_app.services.exchange.untrusted import clean_text

MB = 1024 * 1024


@pytest.mark.parametrize(("cell", "stored"), [
    ('=HYPERLINK("http://x";"klik")', '\'=HYPERLINK("http://x";"klik")'),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("Buurt\x00huis", "Buurthuis"),
    ("Buurthuis \u202eetsirk", "Buurthuis etsirk"),
    ("\u2066Wijk\u2069", "Wijk"),
    ("+31 492 123 456", "+31 492 123 456"),
    ("-", "-"),
    ("Gewoon de Brug", "Gewoon de Brug"),
])
def test_clean_text(cell, stored):
    assert clean_text(cell) == stored


def _signed_with_cells(laptop, tmp_path, cells):
    content = export_to(laptop, tmp_path / "bron").read_bytes()
    files = unpack(content)
    rows = list(csv.reader(io.StringIO(files["data/initiatieven.csv"].decode("utf-8-sig"),
                                       newline=""), delimiter=";"))
    column = rows[0].index("naam")
    for number, cell in enumerate(cells, start=1):
        rows[number][column] = cell
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    files["data/initiatieven.csv"] = ("\ufeff" + out.getvalue()).encode("utf-8")
    key = laptop_keys(laptop.data_dir).signing_key
    target = tmp_path / "in" / "export.zip"
    target.parent.mkdir()
    target.write_bytes(repack(resign(files, key)))
    return target


def test_formulas_nul_and_bidi_in_a_signed_package_are_neutralised(laptop, gemeente,
                                                                   tmp_path):
    cells = ['=HYPERLINK("http://x";"klik")', "@SUM(A1:A9)", "Buurt\x00huis",
             "Buurthuis \u202eetsirk"]
    package = _signed_with_cells(laptop, tmp_path, cells)
    report = import_packages(gemeente.engine, gemeente.data_dir, [package])
    assert [o.status for o in report.outcomes] == [IMPORTED], report.as_text()
    names = {row["naam"] for _, row in snapshot_rows(gemeente.engine, "initiatieven")}
    assert {'\'=HYPERLINK("http://x";"klik")', "'@SUM(A1:A9)", "Buurthuis",
            "Buurthuis etsirk"} <= names
    for name in names:
        assert not name.startswith(("=", "@")) and "\x00" not in name and "\u202e" not in name


def test_declared_huge_entries_are_refused_without_holding_them(laptop, gemeente, tmp_path):
    """A package with an entry of 300 MB of one byte, hashes and signature correct: refused
    by the per-package budget, read a megabyte at a time (tracemalloc peak stays small)."""
    import tracemalloc
    from dataclasses import replace

    from vrijwilligers_app.services.exchange.package_read import DEFAULT_LIMITS

    content = export_to(laptop, tmp_path / "bron").read_bytes()
    files = unpack(content)
    files["data/inwoners.csv"] = b"0" * (60 * MB)
    bomb = tmp_path / "in" / "bom.zip"
    bomb.parent.mkdir()
    bomb.write_bytes(repack(resign(files, laptop_keys(laptop.data_dir).signing_key)))
    limits = replace(DEFAULT_LIMITS, total_bytes=40 * MB, ratio=10_000)
    tracemalloc.start()
    try:
        report = import_packages(gemeente.engine, gemeente.data_dir, [bomb], limits=limits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [o.status for o in report.outcomes] == [REFUSED]
    assert "zip-bom" in report.outcomes[0].reason
    assert peak < 20 * MB, peak

    one_line = tmp_path / "in2" / "een-regel.zip"
    one_line.parent.mkdir()
    one_line.write_bytes(bomb.read_bytes())
    tracemalloc.start()
    try:
        report = import_packages(gemeente.engine, gemeente.data_dir, [one_line],
                                 limits=replace(DEFAULT_LIMITS, ratio=10_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [o.status for o in report.outcomes] == [REFUSED]
    assert "een regel is langer dan 1.048.576 tekens" in report.outcomes[0].reason
    assert peak < 20 * MB, peak


@pytest.mark.parametrize(("data", "dutch"), [
    (b'id;tekst\r\n1;"a"b\r\n', "aanhalingsteken"),
    (b'id;tekst\r\n1;"open\r\n', "midden in een veld"),
])
def test_csv_errors_are_said_in_dutch(data, dutch):
    from vrijwilligers_app.services.exchange.cells import read_csv
    from vrijwilligers_app.services.exchange.errors import PackageRefused
    from vrijwilligers_app.services.exchange.schema import Column, Table

    table = Table("proef", "Proef", (Column("id", "integer", required=True), Column("tekst")),
                  ("id",))
    with pytest.raises(PackageRefused) as refused:
        read_csv(table, data)
    assert dutch in refused.value.reason
    assert "expected" not in refused.value.reason and "unexpected" not in refused.value.reason
