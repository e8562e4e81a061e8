"""The laptop's export: preview in plain Dutch, then one signed (and sealed) snapshot file.

The default folder is the setting `exchange_folder` (Instellingen). Each export is a full
snapshot; its sequence number comes from the register (services/exchange/sequence.py), so it
only grows.
"""

from collections.abc import Generator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine

from vrijwilligers_app.services.audit import record_now
from vrijwilligers_app.services.exchange import keys as keys_module
from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.exchange.export_rows import estimate_rows, export_rows
from vrijwilligers_app.services.exchange.package_stream import stream_package, stream_to_file
from vrijwilligers_app.services.exchange.package_write import datapackage, remove_superseded
from vrijwilligers_app.services.exchange.projection import DESCRIPTIONS, LEFT_OUT
from vrijwilligers_app.services.exchange.schema import EXPORT_TABLES
from vrijwilligers_app.services.exchange.sequence import next_sequence
from vrijwilligers_app.services.steps import Progress, run_steps
from vrijwilligers_app.store.location import sync_folder_reason
from vrijwilligers_app.store.settings import get_setting

FOLDER_SETTING = "exchange_folder"


@dataclass(frozen=True)
class PreviewLine:
    table: str
    title: str
    rows: int
    what: str


@dataclass(frozen=True)
class Preview:
    lines: list[PreviewLine]
    left_out: tuple[str, ...]
    encrypted: bool
    gemeente_fingerprint: str | None

    def as_text(self) -> str:
        out = ["Dit wordt gedeeld met de gemeente:"]
        out += [f"- {line.title}: {line.rows} rijen ({line.what})" for line in self.lines]
        out.append("Dit blijft op deze laptop:")
        out += [f"- {item}" for item in self.left_out]
        out.append("Het bestand wordt versleuteld voor de gemeente (vingerafdruk "
                   f"{self.gemeente_fingerprint})." if self.encrypted else
                   "Let op: er is nog geen gemeentesleutel ingesteld. Zonder sleutel wordt "
                   "er niets geschreven, tenzij u bewust kiest voor 'toch onversleuteld' "
                   "(alleen voor een USB-stick, nooit in een synchronisatiemap).")
        return "\n".join(out)


def preview(engine: Engine, data_dir: Path, today: date | None = None) -> Preview:
    counts = {table.name: sum(1 for _ in rows) for table, rows in export_rows(
        engine, keys_module.laptop_keys(data_dir).pseudonym_secret, today or date.today())}
    return describe(counts, keys_module.pinned_gemeente_key(engine))


def describe(counts: dict[str, int], gemeente: keys_module.GemeentePublicKey | None
             ) -> Preview:
    """The preview of rows counted per table (also after an export, without reading again)."""
    return Preview([PreviewLine(t.name, t.title, counts[t.name], DESCRIPTIONS[t.name])
                    for t in EXPORT_TABLES], LEFT_OUT, gemeente is not None,
                   gemeente.fingerprint if gemeente else None)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sequence: int
    rows: dict[str, int]
    encrypted: bool
    package_hash: str


def default_folder(engine: Engine) -> Path | None:
    value = get_setting(engine, FOLDER_SETTING)
    return Path(value) if value else None


NO_KEY = ("Er is nog geen gemeentesleutel vastgelegd, dus het exportbestand zou niet "
          "versleuteld zijn. Er is niets geschreven. Leg eerst de sleutel van de gemeente vast "
          "(knop 'Gemeentesleutel…', of: vrijwilligers-app gemeentesleutel PAD). Alleen voor "
          "een USB-stick kunt u bewust kiezen voor 'toch onversleuteld'.")


def export(engine: Engine, data_dir: Path, folder: Path | None = None,
           today: date | None = None, progress: Progress | None = None,
           allow_unencrypted: bool = False) -> ExportResult:
    """Write one export package into `folder` (default: the setting); ExchangeError when no
    folder is known or it cannot be written, and when there is no gemeente key unless
    `allow_unencrypted` (never into a sync folder)."""
    return run_steps(export_steps(engine, data_dir, folder, today, allow_unencrypted),
                     progress)


def check_unencrypted(folder: Path, gemeente: object, allow_unencrypted: bool) -> None:
    """A package is never written unencrypted to a sync folder; without a key only on
    purpose (a USB stick)."""
    if gemeente is not None:
        return
    if not allow_unencrypted:
        raise ExchangeError(NO_KEY)
    reason = sync_folder_reason(folder)
    if reason:
        raise ExchangeError(f"Een onversleuteld exportbestand mag niet in een "
                            f"synchronisatiemap: {reason}. Er is niets geschreven; kies een "
                            "USB-stick of een andere map.")


def export_steps(engine: Engine, data_dir: Path, folder: Path | None = None,
                 today: date | None = None, allow_unencrypted: bool = False
                 ) -> Generator[tuple[int, int, str], None, ExportResult]:
    """export() as a generator of (done, total, label) for ui.tasks.TaskRunner."""
    folder = folder or default_folder(engine)
    if folder is None:
        raise ExchangeError("Kies een map voor de export (of stel die in bij Instellingen).")
    if folder.exists() and not folder.is_dir():
        raise ExchangeError(f"{folder} is een bestand, geen map.")
    gemeente = keys_module.pinned_gemeente_key(engine)
    check_unencrypted(folder, gemeente, allow_unencrypted)
    keys = keys_module.laptop_keys(data_dir)
    total = estimate_rows(engine) + 1
    yield 0, total, "Gegevens verzamelen"
    organisation = get_setting(engine, "organisation_name")
    sequence = next_sequence(engine, data_dir, keys.source_id)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    name = (f"export-{keys.source_id[:8]}-{sequence:06d}-{stamp}"
            f"{'.versleuteld' if gemeente else '.zip'}")
    tables = export_rows(engine, keys.pseudonym_secret, today or date.today())
    try:
        written = stream_to_file(folder, name, lambda handle: stream_package(
            handle, "export", keys.source_id, sequence,
            datapackage("export", keys.source_id, {t.name: t for t in EXPORT_TABLES}), tables,
            keys.signing_key, gemeente.box_key if gemeente else None,
            extra={"source_name": organisation}))
        while True:  # rows written so far, every package_stream.BATCH rows
            try:
                done = next(written)
            except StopIteration as stop:
                path, streamed = stop.value
                break
            yield min(done, total - 1), total, "Pakket schrijven"
    finally:
        tables.close()  # ends the read transaction, also on a cancel or an error
        written.close()
    remove_superseded(folder, f"export-{keys.source_id[:8]}", sequence)
    record_now(engine, "export", "package", detail=f"volgnummer {sequence}, "
               f"{streamed.rows['inwoners']} inwoners als pseudoniem")
    yield total, total, "Klaar"
    return ExportResult(path, sequence, streamed.rows, gemeente is not None,
                        streamed.package_hash)
