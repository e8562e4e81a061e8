"""A register page to Excel: "Lijst naar Excel…" writes what the list shows (its filter,
sort and visible columns) on the TaskRunner. Ctrl+C is in widgets/table_copy.py."""

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from vrijwilligers_app.domain.dutch_format import thousands
from vrijwilligers_app.services.exporting import RESIDENT_KINDS, export_register_steps
from vrijwilligers_app.ui.dialogs.confirm import Confirm
from vrijwilligers_app.ui.pages.register_page import RegisterPage
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.table_copy import visible_columns

XLSX_FILTER = "Excel-werkmap (*.xlsx)"


class ExportFile:
    """Where to save; tests replace `ask`."""

    @classmethod
    def ask(cls, parent: QWidget, suggested: str) -> Path | None:
        name, _f = QFileDialog.getSaveFileName(parent, "Opslaan als Excel-bestand", suggested,
                                               XLSX_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")


def reload_kind(window: Any, kind: str) -> None:
    """After an import or its undo: reload that register's page if it was built."""
    from vrijwilligers_app.ui.main_window import KIND_ROW

    row = KIND_ROW.get(kind)
    page = window.pages.get(row) if row is not None else None
    if isinstance(page, RegisterPage):
        page.apply_filters()


def current_list(window: Any) -> RegisterPage | None:
    """The register list on screen (the current tab of the Maatjes page)."""
    from vrijwilligers_app.ui.pages.maatjes_page import MaatjesPage

    page = window.pages.get(window.current_row)
    if isinstance(page, MaatjesPage):
        current = page.tabs.currentWidget()
        return current if isinstance(current, RegisterPage) else None
    return page if isinstance(page, RegisterPage) else None


def filter_text(page: RegisterPage) -> str:
    parts = [f"{box.accessibleName()}: {box.currentText()}"
             for box in page.filter_boxes.values() if box.currentData()]
    if page.quick.text().strip():
        parts.append(f"zoekwoorden '{page.quick.text().strip()}'")
    model = page.model
    column = model.spec.column(model.sort_key)
    order = "aflopend" if model.descending else "oplopend"
    what = "Filter: " + "; ".join(parts) if parts else "Alle records (geen filter)"
    return f"{what}. Gesorteerd op {column.header} ({order})."


def _progress_text(done: int, total: int, label: str, name: str) -> str:
    if label == "Opslaan":
        return f"{name} opslaan…"
    return f"Exporteren naar {name}: {thousands(done)} van {thousands(total)} rijen…"


def export_page(page: RegisterPage, runner: TaskRunner, parent: QWidget) -> bool:
    """Ask where, confirm for residents' data, then write on the TaskRunner. False when the
    user stopped."""
    model = page.model
    ids = model.ids()
    if model.kind in RESIDENT_KINDS and not Confirm.ask(
            parent, "Gegevens van inwoners exporteren?",
            f"Het bestand bevat gegevens van inwoners ({len(ids)} rijen). Bewaar het niet in "
            "een gedeelde map of op een USB-stick die rondgaat, geef het alleen aan wie het "
            "mag zien, en verwijder het na gebruik.", "Exporteren"):
        return False
    path = ExportFile.ask(parent, f"{model.spec.title.lower()}.xlsx")
    if path is None:
        return False
    columns = [model.column_key(c) for c in visible_columns(page.view)]
    page.status.emit(f"{len(ids)} rijen naar {path.name}…")
    runner.run(export_register_steps, page.engine, model.kind, ids, path, filter_text(page),
               columns, on_done=lambda n: page.status.emit(
                   f"{n} rijen opgeslagen in {path}"),
               on_error=lambda exc: page.status.emit(f"Exporteren mislukt: {exc}"),
               on_progress=lambda done, total, label: page.status.emit(
                   _progress_text(done, total, label, path.name)))
    return True


__all__ = ["ExportFile", "export_page", "filter_text"]
