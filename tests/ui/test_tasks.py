"""The real TaskRunner thread pools (not the synchronous stand-in the page tests use).

Every wait is on a signal or on an event a worker sets; workers block on gates that the
test opens, so the order of events is fixed, whatever the load on the machine.
"""

import threading
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from vrijwilligers_app.ui.tasks import TaskRunner

GATE_SECONDS = 60  # a worker gives up waiting on its gate only if the test itself is broken
SIGNAL_MS = 60_000


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    assert runner.wait_idle(SIGNAL_MS)


def _is(task: dict[str, int]) -> Callable[..., bool]:
    """A check_params_cb: only this task's signal ends the wait (its id is set by then)."""
    return lambda task_id, *rest: task_id == task["id"]


def test_work_runs_off_the_gui_thread_and_answers_on_it(qtbot: QtBot, runner: TaskRunner):
    gui = threading.get_ident()
    answers: list[tuple[int, int]] = []
    task: dict[str, int] = {}
    with qtbot.waitSignal(runner.finished, timeout=SIGNAL_MS, check_params_cb=_is(task)):
        task["id"] = runner.run(threading.get_ident,
                                on_done=lambda worker: answers.append(
                                    (worker, threading.get_ident())))
    assert len(answers) == 1
    worker, delivered_on = answers[0]
    assert worker != gui and delivered_on == gui


def test_an_error_is_delivered_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner):
    def fails() -> None:
        raise ValueError("kapot")

    errors: list[tuple[BaseException, int]] = []
    done: list[object] = []
    task: dict[str, int] = {}
    with qtbot.waitSignal(runner.failed, timeout=SIGNAL_MS, check_params_cb=_is(task)):
        task["id"] = runner.run(fails, on_done=done.append,
                                on_error=lambda exc: errors.append((exc, threading.get_ident())))
    assert done == []
    [(error, thread)] = errors
    assert isinstance(error, ValueError) and str(error) == "kapot"
    assert thread == threading.get_ident()


def test_cancel_stops_a_generator_between_steps_and_drops_its_answer(qtbot: QtBot,
                                                                     runner: TaskRunner):
    first_step = threading.Event()
    gate = threading.Event()
    closed = threading.Event()

    def steps() -> Iterator[tuple[int, int, str]]:
        try:
            yield 1, 10, "stap"
            first_step.set()
            gate.wait(GATE_SECONDS)
            for done in range(2, 11):
                yield done, 10, "stap"
        finally:
            closed.set()

    progress: list[int] = []
    answers: list[object] = []
    task: dict[str, int] = {}
    with qtbot.waitSignal(runner.progressed, timeout=SIGNAL_MS, check_params_cb=_is(task)):
        task["id"] = runner.run(steps, on_done=answers.append,
                                on_progress=lambda done, total, label: progress.append(done))
    assert first_step.wait(GATE_SECONDS)
    runner.cancel(task["id"])
    with qtbot.waitSignal(runner.finished, timeout=SIGNAL_MS, check_params_cb=_is(task)):
        gate.set()
    assert closed.is_set()  # the generator was closed, not run to its end
    assert answers == []  # a cancelled task's answer never reaches the caller
    assert max(progress) <= 2  # at most the step already under way when cancel came


def test_a_stale_answer_is_dropped_and_the_newer_one_delivered(qtbot: QtBot,
                                                               runner: TaskRunner):
    """The search box pattern: a newer query cancels the older one still running."""
    started = threading.Event()
    gate = threading.Event()

    def slow_query() -> str:
        started.set()
        gate.wait(GATE_SECONDS)
        return "oud"

    answers: list[str] = []
    old: dict[str, int] = {}
    new: dict[str, int] = {}
    old["id"] = runner.run(slow_query, on_done=answers.append)
    assert started.wait(GATE_SECONDS)
    runner.cancel(old["id"])
    with qtbot.waitSignal(runner.finished, timeout=SIGNAL_MS, check_params_cb=_is(new)):
        new["id"] = runner.run(lambda: "nieuw", on_done=answers.append)
    with qtbot.waitSignal(runner.finished, timeout=SIGNAL_MS, check_params_cb=_is(old)):
        gate.set()
    assert answers == ["nieuw"]


def test_writes_run_one_at_a_time_while_reads_go_on(qtbot: QtBot, runner: TaskRunner):
    first_in = threading.Event()
    gate = threading.Event()
    second_in = threading.Event()

    def first_write() -> None:
        first_in.set()
        gate.wait(GATE_SECONDS)

    order: list[str] = []
    runner.run(first_write, write=True, on_done=lambda _: order.append("first"))
    assert first_in.wait(GATE_SECONDS)
    second: dict[str, int] = {"id": runner.run(second_in.set, write=True,
                                               on_done=lambda _: order.append("second"))}
    # A read still runs while the write thread is busy, and sees the second write waiting.
    seen: list[bool] = []
    read: dict[str, int] = {}
    with qtbot.waitSignal(runner.finished, timeout=SIGNAL_MS, check_params_cb=_is(read)):
        read["id"] = runner.run(second_in.is_set, on_done=seen.append)
    assert seen == [False]
    with qtbot.waitSignal(runner.finished, timeout=SIGNAL_MS, check_params_cb=_is(second)):
        gate.set()
    assert order == ["first", "second"]


def test_held_tasks_start_only_when_released(qtbot: QtBot, runner: TaskRunner):
    """The window holds the dashboard's reads until its first paint."""
    ran: list[str] = []
    runner.hold()
    held = runner.run(lambda: ran.append("read"))
    # Not idle while a task is held: nothing releases this runner, so waiting ends in False.
    assert not runner.wait_idle(50) and ran == []
    with qtbot.waitSignal(runner.finished, timeout=SIGNAL_MS,
                          check_params_cb=lambda task_id: task_id == held):
        runner.release()
    assert ran == ["read"]
    later = runner.run(lambda: ran.append("after"))  # no longer held
    assert runner.wait_idle(SIGNAL_MS) and ran == ["read", "after"] and later > held


def test_waiting_for_a_window_that_holds_its_tasks_waits_for_them(qtbot: QtBot, tmp_path):
    """The window holds its first reads until it is painted (or, not shown, one turn of the
    event loop later); wait_idle waits for those too instead of returning at once."""
    from vrijwilligers_app.ui.main_window import MainWindow

    window = MainWindow(data_dir=tmp_path)  # the frame: not shown, released a turn later
    qtbot.addWidget(window)
    ran: list[str] = []
    window.runner.run(lambda: ran.append("read"))
    assert window.runner.wait_idle(SIGNAL_MS)
    assert ran == ["read"]


def test_closing_drops_held_reads_and_still_runs_held_writes(qtbot: QtBot):
    runner = TaskRunner()
    ran: list[str] = []
    runner.hold()
    runner.run(lambda: ran.append("read"))
    runner.run(lambda: ran.append("write"), write=True)
    assert runner.shutdown()
    assert ran == ["write"]
