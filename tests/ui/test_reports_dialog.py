"""Rapporten afdrukken: build in the background, preview with QtPdf, save, print."""

import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from tests.helpers.pdftext import pages
from tests.helpers.ui import make_window
from vrijwilligers_app.ui.dialogs.reports_dialog import ReportsDialog
from vrijwilligers_app.ui.pdf_print import a4_printer

pytestmark = pytest.mark.gui
TODAY = date(2026, 11, 23)


@pytest.fixture
def dialog(qtbot, demo_register):
    window = make_window(qtbot, demo_register)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.reports_dialog
    dialog.today = TODAY
    assert dialog.isVisible()
    assert dialog.initiative.count() > 1  # filled by the (synchronous) runner
    return dialog


def test_build_shows_a_preview_and_saves(qtbot, dialog, tmp_path, monkeypatch):
    assert not dialog.save_button.isEnabled()
    dialog.select("vrijwilligers", "2026", 1)
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert dialog.document.pageCount() >= 1
    assert dialog.view.document() is dialog.document
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    assert "Klaar" in dialog.message.text()
    target = tmp_path / "lijst"
    monkeypatch.setattr(ReportsDialog, "ask_save_path",
                        classmethod(lambda cls, parent, suggested: target))
    saved = dialog.save_as()
    assert saved == tmp_path / "lijst.pdf"
    texts = pages(saved.read_bytes())
    assert "VERTROUWELIJK" in texts[0] and "Periode: 2026" in texts[0]
    # The next save dialog opens in the folder chosen this time.
    suggested = []
    monkeypatch.setattr(ReportsDialog, "ask_save_path", classmethod(
        lambda cls, parent, name: suggested.append(name)))
    dialog.save_as()
    assert [Path(name).parent for name in suggested] == [tmp_path]


def test_qt_file_dialogs_speak_dutch(qtbot):
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication, QFileDialog

    from vrijwilligers_app.ui.app import install_dutch_translations

    translator = install_dutch_translations(QApplication.instance())
    try:
        assert translator is not None
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        look_in = dialog.labelText(QFileDialog.DialogLabel.LookIn)
        file_type = dialog.labelText(QFileDialog.DialogLabel.FileType)
        assert look_in != "Look in:" and file_type != "Files of type:"
        assert look_in.replace("&", "") == "Zoeken in:"
        assert file_type.replace("&", "") == "Bestanden van type:"
    finally:
        for installed in QApplication.instance().findChildren(QTranslator):
            QApplication.instance().removeTranslator(installed)


def test_printing_renders_every_page_to_the_printer(qtbot, dialog, tmp_path, monkeypatch):
    dialog.select("doorverwijzingen", "2026")
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    count = dialog.document.pageCount()
    assert count > 1
    out = tmp_path / "afgedrukt.pdf"

    def pdf_printer(cls, parent, page_count):
        printer = a4_printer(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(ReportsDialog, "ask_printer", classmethod(pdf_printer))
    assert dialog.print_report() == count
    assert out.stat().st_size > 10_000
    from pypdf import PdfReader

    assert len(PdfReader(str(out)).pages) == count
    # "Print to PDF" of the whole report keeps the text (searchable, readable aloud).
    assert out.read_bytes() == dialog.pdf_bytes
    assert "Wachttijd" in "".join(pages(out.read_bytes()))


def test_a_page_range_to_a_pdf_file_falls_back_to_page_images(qtbot, dialog, tmp_path,
                                                             monkeypatch):
    dialog.select("doorverwijzingen", "2026")
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "deel.pdf"

    def pdf_printer(cls, parent, page_count):
        printer = a4_printer(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setFromTo(2, 2)
        return printer

    monkeypatch.setattr(ReportsDialog, "ask_printer", classmethod(pdf_printer))
    assert dialog.print_report() == 1
    assert len(pages(out.read_bytes())) == 1
    assert "als afbeeldingen" in dialog.message.text()


@pytest.mark.skipif(sys.platform == "win32", reason="CUPS path (lp)")
def test_a_system_printer_gets_the_pdf_as_it_is(qtbot, dialog, tmp_path, monkeypatch):
    """No CUPS printer on a test machine: a fake `lp` and a printer that says it is one."""
    from vrijwilligers_app.services import print_system

    sent = []
    monkeypatch.setattr(print_system, "available", lambda: True)
    monkeypatch.setattr(print_system, "print_pdf", lambda pdf, queue, first, last, count,
                        copies: sent.append((pdf.read_bytes(), queue, first, last, count)))
    dialog.select("doorverwijzingen", "2026")
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    count = dialog.document.pageCount()

    def system_printer(cls, parent, page_count):
        printer = a4_printer()
        printer.outputFormat = lambda: QPrinter.OutputFormat.NativeFormat
        printer.printerName = lambda: "kantoor"
        return printer

    monkeypatch.setattr(ReportsDialog, "ask_printer", classmethod(system_printer))
    assert dialog.print_report() == count
    assert sent == [(dialog.pdf_bytes, "kantoor", 0, 0, count)]
    assert "afbeeldingen" not in dialog.message.text()
    assert dialog.temp_dir is not None  # the data dir's private temp folder
    assert not (dialog.temp_dir / "afdrukken.pdf").exists()  # not left behind


def test_bad_choices_are_explained_not_built(qtbot, dialog):
    dialog.select("doorverwijzingen", "2026-K9")
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert "geen periode" in dialog.message.text()
    assert dialog.document.pageCount() == 0 and not dialog.save_button.isEnabled()
    dialog.select("vrijwilligers", "2026")
    dialog.initiative.setCurrentIndex(0)
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert "initiatief" in dialog.message.text()


def test_printing_a_page_range(qtbot, dialog, tmp_path, monkeypatch):
    dialog.select("sociale-kaart")
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert dialog.document.pageCount() > 3
    out = tmp_path / "deel.pdf"

    def two_pages(cls, parent, page_count):
        printer = a4_printer(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setFromTo(2, 3)
        return printer

    monkeypatch.setattr(ReportsDialog, "ask_printer", classmethod(two_pages))
    assert dialog.print_report() == 2


def test_unwritable_save_path_is_explained(qtbot, dialog, tmp_path, monkeypatch):
    dialog.select("sociale-kaart")
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    warnings = []
    monkeypatch.setattr(ReportsDialog, "warn", classmethod(
        lambda cls, parent, title, message: warnings.append((title, message))))
    monkeypatch.setattr(ReportsDialog, "ask_save_path", classmethod(
        lambda cls, parent, suggested: tmp_path / "bestaat-niet" / "kaart.pdf"))
    assert dialog.save_as() is None
    assert warnings and warnings[0][0] == "Opslaan mislukt"
    assert "bestaat niet" in warnings[0][1]
    assert not (tmp_path / "bestaat-niet").exists()
    # an earlier success is not left on screen after a failure
    assert dialog.message.text().startswith("Niet opgeslagen")


def test_a_refused_period_takes_the_old_preview_away(qtbot, dialog):
    dialog.select("sociale-kaart", "2026")
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert dialog.document.pageCount() > 0 and dialog.save_button.isEnabled()
    dialog.select("sociale-kaart", "31-02-2026..01-03-2026")
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert "bestaat niet" in dialog.message.text() or "31-02" in dialog.message.text()
    assert dialog.document.pageCount() == 0
    assert not any(b.isEnabled() for b in (dialog.save_button, dialog.open_button,
                                            dialog.print_button))


def test_open_in_pdf_reader_hands_a_file_to_the_system(qtbot, dialog, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    dialog.select("doorverwijzingen", "2026-K3")
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    target = dialog.open_external()
    assert opened == [str(target)]
    assert "Periode: 3e kwartaal 2026" in pages(target.read_bytes())[0]
    dialog.reject()  # closing the dialog removes the copy made for the reader
    assert not target.exists()


def test_a_second_report_replaces_the_preview(qtbot, dialog):
    dialog.select("sociale-kaart")
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    first = dialog.document.pageCount()
    dialog.select("vrijwilligers", "2026", 1)
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert dialog.document.pageCount() == len(pages(dialog.pdf_bytes)) != first
    assert not dialog.progress.isVisible() and dialog.build_button.isEnabled()


def test_roster_of_one_series(qtbot, dialog):
    from sqlalchemy import text as sql

    with dialog.engine.connect() as connection:
        series_id, initiative_id, title = connection.execute(sql(
            "SELECT id, initiative_id, title FROM activity_series ORDER BY id LIMIT 1")).one()
    dialog.select("rooster", "2026", initiative_id)
    assert dialog.series.isEnabled() and dialog.series.count() > 1
    dialog.select("rooster", "2026", initiative_id, series_id)
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert f"Rooster {title}" in pages(dialog.pdf_bytes)[0]
    dialog.select("doorverwijzingen")
    assert not dialog.series.isEnabled()


@pytest.mark.qt_log_ignore("QPainter::begin", "QPdfWriter", "QFile")
def test_a_printer_that_cannot_start_is_explained(qtbot, dialog, tmp_path, monkeypatch):
    dialog.select("sociale-kaart")
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    warnings = []
    monkeypatch.setattr(ReportsDialog, "warn", classmethod(
        lambda cls, parent, title, message: warnings.append((title, message))))

    def broken_printer(cls, parent, page_count):
        printer = a4_printer(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "bestaat-niet" / "uit.pdf"))
        return printer

    monkeypatch.setattr(ReportsDialog, "ask_printer", classmethod(broken_printer))
    assert dialog.print_report() == 0
    assert warnings and warnings[0][0] == "Afdrukken mislukt"
    assert "printer" in warnings[0][1]


def test_no_english_leftovers_in_the_dialog(qtbot, dialog):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel

    from tests.helpers.ui import ENGLISH

    words: set[str] = set(dialog.windowTitle().lower().split())
    for widget in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        words.update(widget.text().replace("&", "").lower().replace("…", " ").split())
    for combo in dialog.findChildren(QComboBox):
        for i in range(combo.count()):
            words.update(combo.itemText(i).lower().split())
    assert "maken" in words and sorted(words & ENGLISH) == []
