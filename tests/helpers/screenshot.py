"""Screenshots of the real window, for looking at it and for docs/screenshots.

    xvfb-run -a -s "-screen 0 1366x768x24" python -m tests.helpers.screenshot DATA_DIR OUT_DIR

Shows the main window at 1366×768 on a real X server and saves one PNG per page.
"""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from vrijwilligers_app.store.register import Register, open_register
from vrijwilligers_app.ui.app import create_application
from vrijwilligers_app.ui.main_window import KIND_ROW, PAGES, MainWindow


def grab(path: Path) -> None:
    """Save the whole screen as a PNG. Asks for the screen each time: PySide6 (6.11) makes
    the QScreen wrapper that `QWidget.screen()` returns a child of that widget, and it is the
    same Python object `primaryScreen()` returned, so once that widget is deleted (the input
    guard's fit_to_screen asks every dialog for its screen; a dialog closed with
    WA_DeleteOnClose goes at the next event loop turn) a wrapper kept from before raises
    "Internal C++ object (QScreen) already deleted", while the screen itself is fine."""
    QApplication.primaryScreen().grabWindow(0).save(str(path))


def open_for_shots(data_dir: Path) -> Register:
    """The register to photograph, without a daily backup; an encrypted one unlocked with
    VRIJWILLIGERS_WACHTWOORD (as the CLI takes it). Every screenshot helper opens it here."""
    import os

    from vrijwilligers_app.store import keys

    key = None
    if keys.key_file_path(data_dir).exists():
        key = keys.unlock(data_dir, os.environ["VRIJWILLIGERS_WACHTWOORD"])
    return open_register(data_dir, key=key, daily_backup=False)


def _settle(app: QApplication, window: MainWindow) -> None:
    # Paint first: the window holds its tasks until its first paint (TaskRunner.hold), so
    # waiting before painting would wait for nothing.
    for _ in range(30):
        app.processEvents()
    window.runner.wait_idle()
    for _ in range(30):
        app.processEvents()


def main(data_dir: Path, out_dir: Path) -> None:
    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_for_shots(data_dir) as register:
        window = MainWindow(register)
        window.showMaximized()
        for index, (key, _title, kind) in enumerate(PAGES):
            window.sidebar.setCurrentRow(index)
            _settle(app, window)
            if kind is not None:
                page = window.register_page(kind)
                page.select_id(page.model.id_at(2) or 0)
                _settle(app, window)
            grab(out_dir / f"{index:02d}-{key}.png")
        _maatjes(app, window, out_dir)
        window.close()


def _first_id(window: MainWindow, sql: str) -> int | None:
    from sqlalchemy import text

    with window.register.engine.connect() as connection:
        return connection.execute(text(sql)).scalar()


def _maatjes(app: QApplication, window: MainWindow, out_dir: Path) -> None:
    """The waiting list with suggestions, a match with its contacts, and the figures."""
    shots = (
        ("requests", "04a-maatjes-wachtlijst-suggesties",
         "SELECT q.id FROM buddy_request q WHERE q.status = 'wachtend' "
         "ORDER BY coalesce(q.waiting_since, q.requested_on), q.id LIMIT 1"),
        ("matches", "04b-maatjes-koppeling-contacten",
         "SELECT m.id FROM buddy_match m JOIN contact_moment c ON c.match_id = m.id "
         "WHERE m.ended_on IS NULL AND m.started_on IS NOT NULL "
         "GROUP BY m.id ORDER BY count(*) DESC, m.id LIMIT 1"),
    )
    window.sidebar.setCurrentRow(KIND_ROW["requests"])
    for kind, name, sql in shots:
        record_id = _first_id(window, sql)
        if record_id is None:
            continue
        window.open_record(kind, record_id)
        _settle(app, window)
        grab(out_dir / f"{name}.png")
    page = window.page_at(KIND_ROW["requests"])
    page.show_figures()  # type: ignore[attr-defined]
    _settle(app, window)
    grab(out_dir / "04c-maatjes-cijfers.png")
    page.figures_dialog.close()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
