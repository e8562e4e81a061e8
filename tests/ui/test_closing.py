"""Closing does not wait for reads nobody will see, and never cuts a write short."""

import threading

from PySide6.QtWidgets import QApplication

from vrijwilligers_app.store.interrupt import ConnectionsInUse
from vrijwilligers_app.store.settings import get_setting, set_setting
from vrijwilligers_app.ui.tasks import TaskRunner

# Counts to ten billion: minutes of work, so only an interrupt can end it in time.
ENDLESS = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
           "WHERE x < 10000000000) SELECT count(*) FROM c")


def test_shutdown_interrupts_running_reads_drops_queued_ones_and_finishes_writes(
        qtbot, register):
    engine = register.engine
    runner = TaskRunner()
    connections = ConnectionsInUse(engine)
    reading = threading.Event()
    answers: list[object] = []

    def endless_read() -> object:
        with engine.connect() as conn:
            reading.set()
            return conn.exec_driver_sql(ENDLESS).scalar()

    def write_after_read_started() -> None:
        assert reading.wait(120)
        set_setting(engine, "organisation_name", "Buurtkamer Brandevoort")

    for _ in range(4):  # two run at once, two wait in the queue
        runner.run(endless_read, on_done=answers.append, on_error=answers.append)
    runner.run(write_after_read_started, write=True, on_error=answers.append)
    assert reading.wait(120)
    assert runner.shutdown(connections.interrupt, msecs=120_000)
    connections.close()
    assert get_setting(engine, "organisation_name") == "Buurtkamer Brandevoort"
    QApplication.processEvents()  # queued deliveries run: cancelled reads deliver nothing
    assert answers == []
