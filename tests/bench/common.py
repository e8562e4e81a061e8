"""What every benchmark does: time an action (median, after one warm-up run) and record
a measurement beside its same-run baseline, printed and written to bench-results/NAME.json."""

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[2] / "bench-results"


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    action()  # warm the page cache and any lazy imports
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


class Recorder:
    """record(name, measured, baseline, baseline_name): values in seconds, shown in `unit`."""

    def __init__(self, file_name: str, unit: str = "ms") -> None:
        self.path = RESULTS / file_name
        self.scale, self.unit = (1000.0, "ms") if unit == "ms" else (1.0, "s")
        self.rows: list[dict[str, object]] = []

    def add(self, row: dict[str, object]) -> None:
        """A row that is not a timing (e.g. a size)."""
        self.rows.append(row)
        RESULTS.mkdir(exist_ok=True)
        self.path.write_text(json.dumps(self.rows, indent=2))

    def __call__(self, name: str, measured: float, baseline: float, baseline_name: str,
                 unit: str | None = None) -> None:
        """`unit` overrides the recorder's for a value that is not a time (e.g. "MB")."""
        scale, shown = (1.0, unit) if unit else (self.scale, self.unit)
        ratio = measured / baseline
        self.rows.append({"name": name, "seconds": round(measured, 5), "baseline": baseline_name,
                          "baseline_seconds": round(baseline, 5), "ratio": round(ratio, 2)})
        print(f"\n{name}: {measured * scale:.3g} {shown}; {baseline_name}: "
              f"{baseline * scale:.3g} {shown}; ratio {ratio:.2f}")
        RESULTS.mkdir(exist_ok=True)
        self.path.write_text(json.dumps(self.rows, indent=2))
