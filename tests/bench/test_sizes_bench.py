"""Does the time to the first rows depend on the register's size? (issue 18: "under 100 ms at
any size"). The largest page, Inwoners, on encrypted demo registers of 100,000 and 300,000
residents (`demo --size N`, cached with VRIJWILLIGERS_BENCH_REGISTERS), each beside the raw
LIMITed read of the same first rows on the same file in the same run.

Run: python -m pytest -m bench tests/bench/test_sizes_bench.py -s
"""

import shutil
import time
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTableView

from tests.bench import common
from tests.bench.common import Recorder
from vrijwilligers_app.store import cipher
from vrijwilligers_app.store.queries.registers import first_rows
from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.ui.main_window import KIND_ROW, MainWindow

pytestmark = pytest.mark.bench
record = Recorder("sizes.json", unit="ms")
median_seconds = partial(common.median_seconds, repeat=7)
RAW_FIRST = ("SELECT id, first_name, last_name, birth_year, postcode FROM resident "
             "ORDER BY last_name LIMIT 100")
SIZES = ["100000", "300000"]
CACHED: dict[str, Path] = {}  # size -> the cached register as made (never opened here)


class _FirstRowPainted(QObject):
    """Notes the first paint of the view's viewport once its model has rows."""

    def __init__(self, view: QTableView) -> None:
        super().__init__()
        self.view = view
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        model = self.view.model()
        if (event.type() == QEvent.Type.Paint and self.at is None and model is not None
                and model.rowCount() > 0):
            self.at = time.perf_counter()
        return False


@pytest.fixture(scope="module", params=SIZES)
def sized(request, tmp_path_factory):
    from tests.bench.conftest import encrypted_demo

    cached, key = encrypted_demo(request.param, tmp_path_factory)
    CACHED[request.param] = cached
    return request.param, _copy(cached, tmp_path_factory.mktemp("sizes")), key


def _copy(cached: Path, parent: Path) -> Path:
    """A copy of the cached register to open and write to (migrations, venster.ini, the daily
    backup): the cache stays as it was made, so an older checkout timed beside this one
    (VRIJWILLIGERS_BENCH_BASELINE_SRC) never meets a register migrated past its own schema."""
    target = parent / cached.name
    shutil.copytree(cached, target, ignore=shutil.ignore_patterns("backups", "logs"))
    return target


def test_first_rows_query_beside_raw_limit(sized):
    size, data_dir, key = sized
    with open_register(data_dir, key=key, daily_backup=False) as register:
        shown = median_seconds(lambda: first_rows(register.engine, "residents", {}, "naam",
                                                  limit=200))
    connection = cipher.connect(data_dir / "register.sqlite", key, read_only=True)
    try:
        raw = median_seconds(lambda: connection.execute(RAW_FIRST).fetchall())
    finally:
        connection.close()
    record(f"first_rows(200) of Inwoners ({size} inwoners)", shown, raw,
           "raw LIMIT 100 on the sort index, same file")


@pytest.mark.parametrize("when", ["right after the first paint", "once the dashboard is filled"])
def test_first_painted_row_of_inwoners(qtbot, sized, when):
    size, data_dir, key = sized
    with open_register(data_dir, key=key, daily_backup=False) as register:
        window = MainWindow(register)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        QApplication.processEvents()
        if when == "once the dashboard is filled":
            assert window.runner.wait_idle()
            QApplication.processEvents()
        started = time.perf_counter()
        window.sidebar.setCurrentRow(KIND_ROW["residents"])
        page = window.register_page("residents")
        spy = _FirstRowPainted(page.view)
        page.view.viewport().installEventFilter(spy)
        qtbot.waitUntil(lambda: spy.at is not None, timeout=60_000)
        assert spy.at is not None
        app_seconds = spy.at - started
        window.sidebar.setCurrentRow(0)  # the next start opens on the Overzicht again
        window.runner.wait_idle()
        window.close()
    connection = cipher.connect(data_dir / "register.sqlite", key, read_only=True)
    try:
        raw = median_seconds(lambda: connection.execute(RAW_FIRST).fetchall())
    finally:
        connection.close()
    record(f"Inwoners: navigation {when} → first painted row ({size} inwoners; "
           "goal < 100 ms)",
           app_seconds, raw, "raw LIMIT 100 on the sort index, same file")


# --- the first click on Inwoners in a new process -------------------------------------------
# The app starts as a user starts it (key given, so Argon2id is not timed), shows the
# dashboard, and once its reads are done (the user looks at it) Inwoners is clicked. Timed in
# the child: click → first painted row. Before the warm-up (ui/warmup.py) this click imported
# the editing services, the SQLModel tables and reportlab first. Afterwards the child goes back
# to the dashboard so the next start opens on it again.
CLICK_CHILD = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from vrijwilligers_app.ui import unlock_flow
key = bytes.fromhex(os.environ["BENCH_KEY"])
unlock_flow.acquire_key = lambda data_dir: (key, False)
from vrijwilligers_app.ui.main_window import KIND_ROW, MainWindow

class Spy(QObject):
    def __init__(self, view, started):
        super().__init__()
        self.view, self.started, self.done = view, started, False
    def eventFilter(self, watched, event):
        model = self.view.model()
        if (event.type() == QEvent.Type.Paint and not self.done and model is not None
                and model.rowCount() > 0):
            self.done = True
            print("eerste rij", time.perf_counter() - self.started, flush=True)
            QTimer.singleShot(0, self.finish)
        return False
    def finish(self):
        window.sidebar.setCurrentRow(0)
        window.runner.wait_idle()
        QApplication.instance().quit()

spies = []

def click_when_idle():
    if not (window.isVisible() and window.attached and window.runner.wait_idle(0)):
        QTimer.singleShot(50, click_when_idle)
        return
    started = time.perf_counter()
    window.sidebar.setCurrentRow(KIND_ROW["residents"])
    view = window.register_page("residents").view
    spies.append(Spy(view, started))  # kept: a filter object without a reference is gone
    view.viewport().installEventFilter(spies[-1])

# Start on the Overzicht, whatever page the last session ended on.
from PySide6.QtCore import QSettings
settings = QSettings(os.path.join(sys.argv[1], "venster.ini"), QSettings.Format.IniFormat)
settings.setValue("last_page", 0)
settings.sync()
del settings

attach = MainWindow.attach
def attached(self, register):
    global window
    window = self
    attach(self, register)
    QTimer.singleShot(0, click_when_idle)
MainWindow.attach = attached
from vrijwilligers_app.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def _click_seconds(data_dir, key: bytes, src: str) -> float:
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BENCH_KEY": key.hex(),
           "PYTHONPATH": src}
    result = subprocess.run([sys.executable, "-c", CLICK_CHILD, str(data_dir)], cwd=src,
                            env=env, capture_output=True, text=True, timeout=900, check=True)
    lines = [line for line in result.stdout.splitlines() if line.startswith("eerste rij")]
    assert lines, result.stdout + result.stderr
    return float(lines[0].split()[-1])


def test_first_click_on_inwoners_in_a_new_process(sized, tmp_path):
    import compileall
    import os
    import statistics

    size, data_dir, key = sized
    root = str(Path(__file__).resolve().parents[2])
    sources = {"now": root}
    if os.environ.get("VRIJWILLIGERS_BENCH_BASELINE_SRC"):
        sources["before"] = os.environ["VRIJWILLIGERS_BENCH_BASELINE_SRC"]
    # Each checkout on its own copy (an older one cannot open a register migrated past its
    # schema), with its bytecode compiled as an installed app has it (see test_window_bench).
    dirs = {name: data_dir if name == "now" else _copy(CACHED[size], tmp_path / name)
            for name in sources}
    for name, src in sources.items():
        assert compileall.compile_dir(Path(src) / "vrijwilligers_app", quiet=1)
        _click_seconds(dirs[name], key, src)  # warm: file cache, the daily backup
    times: dict[str, list[float]] = {name: [] for name in sources}
    for _ in range(int(os.environ.get("VRIJWILLIGERS_BENCH_ROUNDS", "3"))):
        for name, src in sources.items():  # interleaved
            times[name].append(_click_seconds(dirs[name], key, src))
    connection = cipher.connect(data_dir / "register.sqlite", key, read_only=True)
    try:
        raw = median_seconds(lambda: connection.execute(RAW_FIRST).fetchall())
    finally:
        connection.close()
    for name, values in times.items():
        record(f"new process, first click on Inwoners → first painted row, {name} "
               f"({size} inwoners; goal < 100 ms)", statistics.median(values), raw,
               "raw LIMIT 100 on the sort index, same file")
