"""The tables of a checked package, read row by row from its zip when they are used (issue 17).

read_package(..., stream=True) checks everything it checks otherwise (sizes, signature, the
hash of every entry, inflated a chunk at a time against the package's budget) but parses no
CSV. The gemeente's merge then reads each table here while it writes it to its store: the
entry is inflated and parsed as a stream, each row checked against the reader's own schema
and cleaned (untrusted.py) on its way, so memory holds one batch of rows, not the package.
A bad row raises PackageRefused in the middle of the merge transaction, which then rolls
back whole: a refused package still changes nothing.
"""

import io
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from vrijwilligers_app.services.exchange.cells import iter_csv_stream, read_csv
from vrijwilligers_app.services.exchange.errors import PackageRefused
from vrijwilligers_app.services.exchange.schema import Table
from vrijwilligers_app.services.exchange.untrusted import clean_rows

_ZIP_ERRORS = (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError,
               NotImplementedError)


@dataclass(frozen=True)
class StreamedTables(Mapping[str, Iterator[dict[str, Any]]]):
    """Table name -> a fresh iterator over its checked, cleaned rows (each time asked).
    Tables an older schema version did not have are empty."""

    content: bytes = field(repr=False)  # the zip (already checked and verified)
    tables: Mapping[str, Table]  # the reader's schema for the package's version
    names: tuple[str, ...]  # every table of the package's kind (current version)

    def __getitem__(self, name: str) -> Iterator[dict[str, Any]]:
        if name not in self.names:
            raise KeyError(name)
        return self._rows(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def _rows(self, name: str) -> Iterator[dict[str, Any]]:
        table = self.tables.get(name)
        if table is None:
            return
        try:
            with zipfile.ZipFile(io.BytesIO(self.content)) as archive:
                try:
                    info = archive.getinfo(table.path)
                except KeyError:  # named by datapackage.json, not there: refused as ever
                    yield from read_csv(table, b"")
                    return
                with archive.open(info) as handle:
                    yield from clean_rows(table, iter_csv_stream(table, handle))
        except _ZIP_ERRORS as exc:
            raise PackageRefused(f"Het zip-bestand is beschadigd ({table.path} is niet uit "
                                 "te pakken).") from exc
