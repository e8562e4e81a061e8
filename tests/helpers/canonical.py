"""Two demo laptops holding the same initiatives under other ids, a gemeente that read both,
and packages turned back into schema version 3 (issue 17: one initiative once)."""

import csv
import io
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from nacl.signing import SigningKey
from sqlalchemy import text

from tests.helpers.exchange import Side, export_to, repack, resign, unpack
from vrijwilligers_app.services.exchange.gemeente_returns import write_returns
from vrijwilligers_app.services.exchange.keys import gemeente_keys, laptop_keys
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.exchange.package_read import is_sealed, open_sealed
from vrijwilligers_app.store.engine import write_session


def reenter_initiatives(side: Side) -> None:
    """As if laptop b's user typed the initiatives anew: other ids, names written otherwise
    ("Alzheimer Café Helmond" -> "alzheimercafe helmond")."""
    with write_session(side.engine) as session:
        for (initiative_id,) in session.execute(text("SELECT id FROM initiative")).all():
            session.execute(text("UPDATE initiative SET uuid = :u WHERE id = :i"),
                            {"u": str(uuid.uuid4()), "i": initiative_id})
        session.execute(text("UPDATE initiative SET name = 'alzheimercafe helmond' "
                             "WHERE name = 'Alzheimer Café Helmond'"))
        session.execute(text("UPDATE initiative SET name = lower(name) WHERE id % 3 = 0"))


@dataclass
class Pair:
    a: Side
    b: Side
    gemeente: Side
    folder: Path

    def return_for(self, side: Side) -> Path:
        """The newest return package written for `side`."""
        source = laptop_keys(side.data_dir).source_id
        written = write_returns(self.gemeente.engine, self.gemeente.data_dir, self.folder,
                                self.gemeente.register)
        return next(w.path for w in written if w.source_id == source)


def connected_pair(make_laptop, gemeente: Side, folder: Path) -> Pair:
    """Laptops a and b (b re-entered the initiatives), both exported to the gemeente."""
    a, b = make_laptop("a"), make_laptop("b")
    reenter_initiatives(b)
    for side in (a, b):
        export_to(side, folder, gemeente_side=gemeente)
    assert import_packages(gemeente.engine, gemeente.data_dir, [folder]).refused == []
    return Pair(a, b, gemeente, folder)


def _drop_column(data: bytes, column: str) -> bytes:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    index = rows[0].index(column)
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(
        [r[:index] + r[index + 1:] for r in rows])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def as_version_3(content: bytes, key: SigningKey) -> bytes:
    """The package as a version-3 writer made it: no `gemeentelijst`, no `gemeente_id`."""
    files = unpack(content)
    files.pop("data/gemeentelijst.csv", None)
    if "data/initiatieven.csv" in files:
        files["data/initiatieven.csv"] = _drop_column(files["data/initiatieven.csv"],
                                                      "gemeente_id")
    described = json.loads(files["datapackage.json"])
    described["resources"] = [r for r in described["resources"]
                              if r["name"] != "gemeentelijst"]
    for resource in described["resources"]:
        fields = resource.get("schema", {}).get("fields", [])
        resource.get("schema", {})["fields"] = [f for f in fields
                                                if f["name"] != "gemeente_id"]
    files["datapackage.json"] = json.dumps(described).encode()
    return repack(resign(files, key, schema_version=3))


def opened(path: Path, gemeente: Side) -> bytes:
    """A package's zip, unsealed with the gemeente's key when sealed."""
    content = path.read_bytes()
    if is_sealed(content):
        return open_sealed(content, gemeente_keys(gemeente.data_dir).box_key)
    return content


def edit_csv(content: bytes, key: SigningKey, name: str, old: bytes, new: bytes) -> bytes:
    """Replace the first `old` in data/<name>.csv and sign again (a spoilt package)."""
    files = unpack(content)
    path = f"data/{name}.csv"
    assert old in files[path]
    files[path] = files[path].replace(old, new, 1)
    return repack(resign(files, key))
