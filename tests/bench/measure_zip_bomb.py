"""Peak memory and time of importing the issue-17 package: about 5 MB on disk, two CSV entries
that inflate to 399 MB each, signed with a correct manifest.

Not a test (it takes seconds and a gigabyte on the old code): run it by hand, once against
the code under test and once against an older checkout, e.g.
    PYTHONPATH=. python tests/bench/measure_zip_bomb.py
It prints the outcome, the wall time and the process's peak resident memory (getrusage).
"""

import hashlib
import json
import os
import resource
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from nacl.signing import SigningKey

MB = 1024 * 1024


def build(target: Path) -> None:
    key = SigningKey.generate()
    # ~160x compressible: one random 4 KB block repeated with a changing prefix
    block = os.urandom(1024).hex().encode() * 2
    entries = {"data/inwoners.csv": 399 * MB, "data/verwijzingen.csv": 399 * MB}
    hashes = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, size in entries.items():
            digest = hashlib.sha256()
            with archive.open(name, "w", force_zip64=True) as handle:
                written = 0
                counter = 0
                while written < size:
                    piece = (b"%08d" % counter + block)[: min(len(block) + 8, size - written)]
                    if counter % 200 == 0:
                        piece = os.urandom(len(piece))
                    handle.write(piece)
                    digest.update(piece)
                    written += len(piece)
                    counter += 1
            hashes[name] = digest.hexdigest()
        from vrijwilligers_app.services.exchange.schema import TABLES

        datapackage = json.dumps({"resources": [{"name": n} for n in TABLES["export"]]}
                                 ).encode()
        archive.writestr("datapackage.json", datapackage)
        hashes["datapackage.json"] = hashlib.sha256(datapackage).hexdigest()
        manifest = json.dumps({
            "kind": "export", "source_id": "0b7f2a8e-7b9e-4a57-9d3a-0c2b1f5e9a11",
            "sequence": 1, "schema_version": 1, "created_at": "2026-12-01T08:00:00Z",
            "public_key": key.verify_key.encode().hex(), "files": hashes}).encode()
        archive.writestr("manifest.json", manifest)
        archive.writestr("manifest.sig", key.sign(manifest).signature.hex())


def main() -> None:
    from vrijwilligers_app.services.exchange.errors import PackageRefused
    from vrijwilligers_app.services.exchange.package_read import read_package

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bom.zip"
        build(path)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        try:
            read_package(path.read_bytes(), expected_kind="export")
            outcome = "gelezen"
        except PackageRefused as exc:
            outcome = f"geweigerd: {exc.reason}"
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"file {path.stat().st_size / MB:.1f} MB; {outcome}")
        print(f"time {seconds:.1f} s; peak RSS {peak / 1024:.0f} MB "
              f"(before reading: {before / 1024:.0f} MB)")


if __name__ == "__main__":
    sys.exit(main())
