"""The shared document: page numbers, repeated headers, wrapping, fonts, safe writing."""

import os
from datetime import date

import pytest

from tests.helpers.pdftext import pages, squeezed
from vrijwilligers_app.services.reports import ReportError, write_pdf
from vrijwilligers_app.services.reports.document import Report, render
from vrijwilligers_app.services.reports.tables import Column, data_table

NON_LATIN = ("Yıldız Şahin", "Łukasz Wójcik", "Алексей Смирнов", "Ζωή Παπαδοπούλου",
             "Nguyễn Thị Hồng")


def _list_report(rows: int, confidential: bool = False) -> bytes:
    report = Report("Lijst", "Buurtnetwerk Brouwhuis", "Periode: 2026", date(2026, 11, 23),
                    confidential=confidential)
    report.add(data_table((Column("Naam", 0.4), Column("Getal", 0.2, right=True),
                           Column("Plaats", 0.4)),
                          [(f"Persoon {i:04d}", str(i), "Helmond") for i in range(rows)]))
    return render(report)


def test_every_page_has_its_number_of_the_total_and_the_header_repeats():
    texts = pages(_list_report(300))
    assert len(texts) > 3
    for number, page in enumerate(texts, start=1):
        assert f"pagina {number} van {len(texts)}" in page
        assert "Buurtnetwerk Brouwhuis" in page and "Afgedrukt op 23-11-2026" in page
        assert "Naam" in page and "Getal" in page  # the table header on every page
    everything = "\n".join(texts)
    assert all(f"Persoon {i:04d}" in everything for i in range(300))  # no row lost


def test_confidential_reports_say_so_on_every_page():
    texts = pages(_list_report(200, confidential=True))
    assert all("VERTROUWELIJK" in page for page in texts)
    assert not any("VERTROUWELIJK" in page for page in pages(_list_report(10)))


def test_a_long_name_wraps_instead_of_being_cut():
    long_name = ("Stichting Vrijwillige Thuishulp en Burenhulp voor Ouderen en Mantelzorgers "
                 "in Helmond-Noord, Stiphout en Dierdonk")
    no_spaces = "Maatjesprojectbrandevoortenhelmondwestvoorjongerenenouderen"
    report = Report("Lijst", "X", "Periode: 2026", date(2026, 11, 23))
    report.add(data_table((Column("Naam", 0.2), Column("Rest", 0.8)),
                          [(long_name, "a"), (no_spaces, "b")]))
    text = "\n".join(pages(render(report)))
    assert squeezed(long_name) in squeezed(text)
    assert squeezed(no_spaces) in squeezed(text)
    assert not any(long_name in line for line in text.splitlines())  # it did wrap


def test_non_latin_names_are_in_the_font_and_in_the_text():
    report = Report("Namen", "Taalcafé Şehir", "Periode: 2026", date(2026, 11, 23))
    report.add(data_table((Column("Naam", 1.0),), [(n,) for n in NON_LATIN]))
    data = render(report)
    text = "\n".join(pages(data))
    for name in NON_LATIN:
        assert name in text
    assert b"DejaVuSans" in data  # embedded, not a core font without these glyphs


def test_arabic_names_are_printed():
    """Reportlab lays Arabic out right to left; the PDF holds the glyphs in visual order,
    so the text read back is the name reversed."""
    name = "محمد العلي"
    report = Report("Namen", "X", "Periode: 2026", date(2026, 11, 23))
    report.add(data_table((Column("Naam", 1.0),), [(name,)]))
    text = "\n".join(pages(render(report)))
    assert name in text or name[::-1] in text


def test_write_is_all_or_nothing(tmp_path, monkeypatch):
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"oud")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ReportError) as info:
        write_pdf(b"%PDF-nieuw", target)
    assert "u mag hier niet schrijven" in str(info.value) and str(target) in str(info.value)
    assert target.read_bytes() == b"oud"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.pdf"]


@pytest.mark.parametrize("where", ["missing", "folder", "under_file"])
def test_unwritable_targets_get_a_dutch_message(tmp_path, where):
    (tmp_path / "bestand.txt").write_text("x")
    target = {"missing": tmp_path / "bestaat-niet" / "r.pdf", "folder": tmp_path,
              "under_file": tmp_path / "bestand.txt" / "r.pdf"}[where]
    with pytest.raises(ReportError) as info:
        write_pdf(b"%PDF", target)
    assert any(w in str(info.value) for w in ("bestaat niet", "is een map"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestand.txt"]


def test_a_long_table_of_mixed_row_heights_loses_no_row_and_repeats_its_header():
    rows = [(f"Rij {i:04d}", "\n".join(f"regel {j}" for j in range(1 + i % 5)))
            for i in range(400)]
    report = Report("Lang", "X", "Periode: 2026", date(2026, 11, 23))
    report.add(data_table((Column("Naam", 0.3), Column("Tekst", 0.7)), rows, total_row=True))
    texts = pages(render(report))
    assert len(texts) > 10
    everything = "\n".join(texts)
    assert all(everything.count(f"Rij {i:04d}") == 1 for i in range(400))
    assert all("Naam" in page and "Tekst" in page for page in texts)


def test_columns_make_room_for_header_words_and_short_values():
    """A narrow column gets room from the others: its header word and a phone number stay
    whole on one line instead of being split."""
    report = Report("Kolommen", "X", "Periode: 2026", date(2026, 11, 23))
    report.add(data_table((Column("Naam", 0.8), Column("Vrijwilligersplaatsen", 0.1),
                           Column("Telefoon", 0.1)),
                          [("Fatma Yılmaz", "12", "06 12345678")]))
    lines = pages(render(report))[0].splitlines()
    assert any("Vrijwilligersplaatsen" in line for line in lines)
    assert any("06 12345678" in line for line in lines)
