"""Long work as a generator of (done, total, label) steps that returns its result.

ui.tasks.TaskRunner drives such a generator on a worker thread and shows the steps as
progress; the command line and tests run it to the end with `run_steps`.
"""

from collections.abc import Callable, Generator
from typing import TypeVar

Progress = Callable[[int, int, str], None]
T = TypeVar("T")


def run_steps(steps: Generator[tuple[int, int, str], None, T],
              progress: Progress | None = None) -> T:
    """Run the steps to the end, reporting each to `progress`; return the result."""
    while True:
        try:
            step = next(steps)
        except StopIteration as stop:
            result: T = stop.value
            return result
        if progress:
            progress(*step)


def drain(steps: Generator[object, None, T]) -> T:
    """Run a generator to the end, ignoring what it yields; return its result."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            result: T = stop.value
            return result
