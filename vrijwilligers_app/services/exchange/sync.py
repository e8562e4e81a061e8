"""Synchroniseren: export to the folder, then read the return packages found there."""

from collections.abc import Generator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.export import (
    ExportResult,
    default_folder,
    export_steps,
)
from vrijwilligers_app.services.exchange.laptop_returns import read_returns
from vrijwilligers_app.services.exchange.scan import Report
from vrijwilligers_app.services.steps import Progress, run_steps


@dataclass(frozen=True)
class SyncResult:
    exported: ExportResult
    returns: Report

    def as_text(self) -> str:
        lines = [f"Export geschreven: {self.exported.path.name} (volgnummer "
                 f"{self.exported.sequence}"
                 f"{', versleuteld' if self.exported.encrypted else ', NIET versleuteld'})."]
        if self.returns.outcomes:
            lines.append("Terugmeldingen van de gemeente:")
            lines += [f"- {o.as_text()}" for o in self.returns.outcomes]
        else:
            lines.append("Geen nieuwe terugmeldingen van de gemeente gevonden.")
        return "\n".join(lines)


def sync(engine: Engine, data_dir: Path, folder: Path | None = None, today: date | None = None,
         progress: Progress | None = None) -> SyncResult:
    return run_steps(sync_steps(engine, data_dir, folder, today), progress)


def sync_steps(engine: Engine, data_dir: Path, folder: Path | None = None,
               today: date | None = None
               ) -> Generator[tuple[int, int, str], None, SyncResult]:
    """sync() as a generator of (done, total, label) for ui.tasks.TaskRunner."""
    folder = folder or default_folder(engine)
    if folder is None:
        raise ExchangeError("Kies een map voor de uitwisseling (of stel die in bij "
                            "Instellingen).")
    exported = yield from export_steps(engine, data_dir, folder, today)
    yield 3, 4, "Terugmeldingen van de gemeente lezen"
    returns = read_returns(engine, data_dir, [folder])
    yield 4, 4, "Klaar"
    return SyncResult(exported, returns)
