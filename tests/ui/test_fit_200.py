"""Every page and every dialog fits a 1366×768 laptop screen at text size 200 %: nothing lies
outside the screen, no button is cut off or clipped, no drop-down's text is cut short.

Dialogs are found by walking vrijwilligers_app/ui (every QDialog subclass in it) and built
from their constructor's parameter names (PROVIDERS below), so a dialog that another engineer
adds is covered; one with a parameter nobody can provide fails with the name to add here.
"""

import importlib
import inspect
import pkgutil
from datetime import date

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)
from sqlalchemy import text

import vrijwilligers_app.ui as ui_package
from tests.ui.conftest import make_window
from vrijwilligers_app.store.queries.roster import roster
from vrijwilligers_app.ui.main_window import KIND_ROW, PAGES

pytestmark = pytest.mark.gui
SCREEN = QRect(0, 0, 1366, 768 - 40)  # above the Windows task bar
# What a window may use: the screen less a Windows task bar (40) and a title bar (31).
CLIENT_WIDTH, CLIENT_HEIGHT = 1366 - 4, 768 - 40 - 31  # (offscreen frames are 2 pixels)
SCALE = 200


def scrolls(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area or a list/table (below `top`): it may be scrolled into view, or
    is the view's own part (a table's corner button)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def combo_text_fits(combo: QComboBox) -> bool:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    return combo.fontMetrics().horizontalAdvance(combo.currentText()) <= field.width() + 1


def problems(top: QWidget, where: str) -> list[str]:
    found = []
    if top.width() > CLIENT_WIDTH or top.height() > CLIENT_HEIGHT:
        found.append(f"{where}: {top.width()}×{top.height()} is groter dan het scherm "
                     f"({CLIENT_WIDTH}×{CLIENT_HEIGHT})")
    if top.isWindow() and not SCREEN.contains(top.frameGeometry()):
        found.append(f"{where}: ligt buiten het scherm ({top.frameGeometry()})")
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.window() is not top:
            continue
        name = f"{where}: {type(widget).__name__} '{getattr(widget, 'text', lambda: '')()}'"
        if isinstance(widget, QAbstractButton):
            if not scrolls(widget, top):
                mapped = QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())
                if not top.rect().contains(mapped):
                    found.append(f"{name} ligt buiten het venster")
                elif widget.visibleRegion().boundingRect() != widget.rect():
                    found.append(f"{name} is afgesneden")
            if isinstance(widget, QPushButton) and \
                    widget.width() < widget.minimumSizeHint().width() - 2:
                found.append(f"{name} is te smal voor de tekst ({widget.width()} < "
                             f"{widget.minimumSizeHint().width()})")
        elif isinstance(widget, QComboBox) and widget.currentText() and \
                not combo_text_fits(widget):
            found.append(f"{where}: keuzelijst '{widget.currentText()}' is afgekapt")
    return found


def settle(window) -> None:
    window.runner.wait_idle()
    for _ in range(5):
        QApplication.processEvents()


def first(register, sql):
    with register.engine.connect() as connection:
        return connection.execute(text(sql)).scalar()


def dialog_classes() -> list[type[QDialog]]:
    found = {}
    for info in pkgutil.walk_packages(ui_package.__path__, ui_package.__name__ + "."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__ \
                    and not issubclass(cls, QMessageBox) and not inspect.isabstract(cls):
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[k] for k in sorted(found)]


def providers(window, register) -> dict[str, object]:
    activity = first(register, "SELECT a.id FROM activity a JOIN shift s ON s.activity_id = a.id "
                               "WHERE s.volunteer_id IS NULL ORDER BY a.starts_at DESC LIMIT 1")
    place = next(p for p in roster(register.engine, [activity])[0].places if p.free)
    from vrijwilligers_app.services.consents.ledger import ledger
    from vrijwilligers_app.services.privacy.forget import forget_preview
    from vrijwilligers_app.services.privacy.retention import due_residents

    resident = first(register, "SELECT resident_id FROM consent GROUP BY resident_id "
                               "ORDER BY count(*) DESC LIMIT 1")
    return {
        "resident_id": resident, "resident": "Johanna van den Heuvel-Verhoeven",
        "consent": ledger(register.engine, resident)[0], "data_dir": register.data_dir,
        "data_key": bytes(32), "due": due_residents(register.engine, date.today()),
        "preview": forget_preview(register.engine, resident),
        "engine": register.engine, "runner": window.runner, "register": register,
        "parent": window, "mode": "series", "activity_id": activity, "place": place,
        "activity_label": "Alzheimer Café: de rol van muziek en herinneringen",
        "initiative_id": first(register, "SELECT min(id) FROM initiative"),
        "initiative_name": first(register, "SELECT name FROM initiative ORDER BY id LIMIT 1"),
        "volunteer_id": first(register, "SELECT min(id) FROM volunteer"),
        "role_id": first(register, "SELECT min(id) FROM volunteer_role"),
        "start": date(2025, 1, 1),
        "what": "Johanna van den Heuvel-Verhoeven: gastvrouw bij Alzheimer Café Helmond",
    }


@pytest.fixture
def big_window(qtbot, demo_register):
    window = make_window(qtbot, demo_register)
    window.move(0, 0)
    window._apply_font_scale(SCALE)
    # The size the window opens in the first time (MainWindow._restore_state): narrower than
    # the screen, so stricter than a maximised window.
    window.resize(1280, min(760, int(768 * 0.9)))
    yield window
    window._apply_font_scale(100)


def test_every_page_fits_the_screen_at_200_percent(qtbot, big_window):
    window = big_window
    found = []
    # The Maatjes page shows two registers on tabs: both are visited.
    visits = [(row, key, kind) for row, (key, _title, kind) in enumerate(PAGES)]
    visits.insert(5, (KIND_ROW["requests"], "maatjes-aanmeldingen", "requests"))
    for row, key, kind in visits:
        window.sidebar.setCurrentRow(row)
        settle(window)
        if kind is not None:
            page = window.register_page(kind)
            page.select_id(page.model.id_at(0) or 0)
            settle(window)
            # The page's own actions never scroll away with its side panel.
            for panel in (page.activity_panel, page.referral_panel, page.side_panel):
                bar = getattr(panel, "actions_bar", None)
                for button in bar.findChildren(QPushButton) if bar is not None else ():
                    if scrolls(button, window) or not button.isVisibleTo(window):
                        found.append(f"pagina {key}: '{button.text()}' scrolt weg")
        found += problems(window, f"pagina {key}")
    assert found == [], "\n".join(found)


def test_every_dialog_fits_the_screen_at_200_percent(qtbot, big_window, demo_register):
    window = big_window
    given = providers(window, demo_register)
    found, built = [], []
    for cls in dialog_classes():
        parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
        if any(p.kind == p.KEYWORD_ONLY and p.default is inspect.Parameter.empty
               for p in parameters):
            continue  # a base class (FiguresDialog): its subclasses are checked
        missing = [p.name for p in parameters if p.name not in given
                   and p.default is inspect.Parameter.empty
                   and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
        if missing:
            found.append(f"{cls.__name__}: geef in PROVIDERS een waarde voor {missing}")
            continue
        kwargs = {p.name: given[p.name] for p in parameters if p.name in given}
        dialog = cls(**kwargs)
        dialog.show()
        settle(window)
        found += problems(dialog, f"dialoog {cls.__name__}")
        built.append(cls.__name__)
        dialog.close()
        dialog.deleteLater()
    assert "ExchangeDialog" in built and "AddRoleDialog" in built and len(built) >= 14
    assert found == [], "\n".join(found)
