"""Every bad package of issue 7 is refused (or ignored) with its reason, changes nothing,
and a good package in the same run is still merged."""

import shutil

import pytest
from nacl.public import PrivateKey, SealedBox
from nacl.signing import SigningKey

from tests.helpers.exchange import export_to, repack, resign, unpack
from vrijwilligers_app.services.exchange.keys import laptop_keys
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.exchange.package_write import MAGIC
from vrijwilligers_app.services.exchange.scan import IGNORED, IMPORTED, REFUSED
from vrijwilligers_app.services.exchange.schema import SCHEMA_VERSION

MB = 1024 * 1024


def _csv_edit(files, name, old, new):
    data = files[name]
    assert old in data
    return {**files, name: data.replace(old, new, 1)}


def _first_age_band(files):
    line = files["data/inwoners.csv"].split(b"\r\n")[1]
    return line, line.split(b";")[1]


def truncated(content, key):
    return content[: len(content) // 2]


def flipped_byte(content, key):
    middle = len(content) // 2
    return content[:middle] + bytes([content[middle] ^ 0x55]) + content[middle + 1:]


def checksum_mismatch(content, key):
    files = unpack(content)
    line, band = _first_age_band(files)
    other = b"85+" if band != b"85+" else b"0-17"
    return repack(_csv_edit(files, "data/inwoners.csv", line, line.replace(band, other, 1)))


def bad_signature(content, key):
    files = unpack(content)
    return repack(_csv_edit(files, "manifest.json", b'"sequence": 1', b'"sequence": 7'))


def dotdot_entry(content, key):
    return repack({**unpack(content), "../../buiten.csv": b"x"})


def absolute_entry(content, key):
    return repack({**unpack(content), "/etc/cron.d/buiten": b"x"})


def drive_entry(content, key):
    return repack({**unpack(content), "C:/Windows/buiten.csv": b"x"})


def unknown_entry(content, key):
    return repack({**unpack(content), "LEESMIJ.txt": b"x"})


def unlisted_csv(content, key):
    return repack({**unpack(content), "data/extra.csv": b"a;b\r\n"})


def newer_schema(content, key):
    return repack(resign(unpack(content), key, schema_version=SCHEMA_VERSION + 1))


def zip_bomb(content, key):
    # 40 MB of one byte deflates to ~40 KB: declared size and ratio give it away unread.
    return repack(resign({**unpack(content), "data/inwoners.csv": b"0" * (40 * MB)}, key))


def breaks_table_schema(content, key):
    files = unpack(content)
    line, band = _first_age_band(files)
    return repack(resign(_csv_edit(files, "data/inwoners.csv", line,
                                   line.replace(band, b"twaalf", 1)), key))


def not_an_integer(content, key):
    files = unpack(content)
    header, first = files["data/activiteiten.csv"].split(b"\r\n")[:2]
    cells = first.split(b";")
    cells[5] = b"veel"  # diensten
    return repack(resign(_csv_edit(files, "data/activiteiten.csv", first, b";".join(cells)),
                         key))


def missing_column(content, key):
    files = unpack(content)
    return repack(resign(_csv_edit(files, "data/inwoners.csv", b";pc4", b""), key))


def bzip2_entry(content, key):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_BZIP2) as archive:
        for name, data in unpack(content).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def deeply_nested_manifest(content, key):
    files = unpack(content)
    return repack({**files, "manifest.json": b"[" * 100_000 + b"]" * 100_000})


def invalid_source_id(content, key):
    return repack(resign(unpack(content), key, source_id="../../etc"))


def sequence_2_63(content, key):
    return repack(resign(unpack(content), key, sequence=2**63))


def sequence_10_30(content, key):
    return repack(resign(unpack(content), key, sequence=10**30))


def schema_version_10_30(content, key):
    return repack(resign(unpack(content), key, schema_version=10**30))


def sequence_as_text(content, key):
    return repack(resign(unpack(content), key, sequence="3"))


def sealed_for_another_gemeente(content, key):
    return MAGIC + SealedBox(PrivateKey.generate().public_key).encrypt(content)


BAD = [
    (truncated, "onvolledig"),
    (flipped_byte, "beschadigd"),
    (checksum_mismatch, "controlesom van data/inwoners.csv klopt niet"),
    (bad_signature, "handtekening klopt niet"),
    (dotdot_entry, "Onveilige bestandsnaam"),
    (absolute_entry, "Onveilige bestandsnaam"),
    (drive_entry, "Onveilige bestandsnaam"),
    (unknown_entry, "Onbekend bestand in het pakket: 'LEESMIJ.txt'"),
    (unlisted_csv, "kloppen niet met het manifest (data/extra.csv)"),
    (newer_schema, "nieuwere versie"),
    (zip_bomb, "zip-bom"),
    (breaks_table_schema, "data/inwoners.csv, rij 2, veld leeftijdsgroep"),
    (not_an_integer, "data/activiteiten.csv, rij 2, veld diensten: 'veel' is geen geheel getal"),
    (missing_column, "data/inwoners.csv: de kolommen kloppen niet"),
    (sealed_for_another_gemeente, "niet voor deze gemeentesleutel"),
    (bzip2_entry, "alleen deflate"),
    (deeply_nested_manifest, "manifest.json is onleesbaar"),
    (invalid_source_id, "ongeldige bron"),
    (sequence_2_63, "ongeldig volgnummer (buiten 1 t/m 2.147.483.647)"),
    (sequence_10_30, "ongeldig volgnummer"),
    (schema_version_10_30, "ongeldige schemaversie"),
    (sequence_as_text, "manifest.json is onleesbaar"),
]


@pytest.mark.parametrize(("spoil", "reason"), BAD, ids=[f.__name__ for f, _ in BAD])
def test_bad_package_is_refused_and_changes_nothing_good_one_still_merged(
        spoil, reason, make_laptop, gemeente, tmp_path):
    bad_laptop, good_laptop = make_laptop("a"), make_laptop("b")
    good = export_to(good_laptop, tmp_path / "goed")
    original = export_to(bad_laptop, tmp_path / "bron").read_bytes()
    bad = tmp_path / "in" / "export-a.zip"
    bad.parent.mkdir()
    bad.write_bytes(spoil(original, laptop_keys(bad_laptop.data_dir).signing_key))
    before = gemeente.dump()

    alone = import_packages(gemeente.engine, gemeente.data_dir, [bad])
    assert [(o.status, reason in o.reason) for o in alone.outcomes] == [(REFUSED, True)], \
        alone.as_text()
    assert gemeente.dump() == before

    shutil.copy(good, bad.parent / good.name)
    both = import_packages(gemeente.engine, gemeente.data_dir, [bad.parent])
    outcome = {o.file.name: o for o in both.outcomes}
    assert outcome["export-a.zip"].status == REFUSED
    assert reason in outcome["export-a.zip"].reason
    assert outcome[good.name].status == IMPORTED
    # both laptops are enrolled (conftest); only the good one has a snapshot
    sources = gemeente.rows("SELECT source_id FROM gemeente_source WHERE last_sequence > 0")
    assert sources == [(laptop_keys(good_laptop.data_dir).source_id,)]
    assert gemeente.snapshot_count(exclude=str(sources[0][0])) == 0


def test_enormous_file_is_refused_before_it_is_read(laptop, gemeente, tmp_path):
    huge = tmp_path / "export-groot.zip"
    with open(huge, "wb") as handle:  # sparse: costs no disk space
        handle.write(b"PK\x03\x04")
        handle.truncate(201 * MB)
    before = gemeente.dump()
    report = import_packages(gemeente.engine, gemeente.data_dir, [huge])
    assert [o.status for o in report.outcomes] == [REFUSED]
    assert "te groot (201 MB; hooguit 200 MB)" in report.outcomes[0].reason
    assert gemeente.dump() == before


def test_changed_key_for_a_known_source_is_refused(laptop, gemeente, tmp_path):
    first = export_to(laptop, tmp_path / "1")
    second = export_to(laptop, tmp_path / "2")
    assert import_packages(gemeente.engine, gemeente.data_dir, [first]).refused == []
    before = gemeente.dump()
    impostor = tmp_path / "impostor.zip"
    impostor.write_bytes(repack(resign(unpack(second.read_bytes()), SigningKey.generate())))
    report = import_packages(gemeente.engine, gemeente.data_dir, [impostor])
    assert report.outcomes[0].status == REFUSED
    assert "andere sleutel dan eerder van deze bron" in report.outcomes[0].reason
    assert gemeente.dump() == before


def test_older_and_repeated_sequence_numbers_are_ignored_and_reported(laptop, gemeente,
                                                                      tmp_path):
    older = export_to(laptop, tmp_path / "1")
    newer = export_to(laptop, tmp_path / "2")
    assert import_packages(gemeente.engine, gemeente.data_dir, [newer]).refused == []
    before = gemeente.dump()
    renamed = tmp_path / "kopie van export (1).zip"  # what a sync tool makes of a conflict
    shutil.copy(newer, renamed)
    report = import_packages(gemeente.engine, gemeente.data_dir, [older, renamed])
    assert [o.status for o in report.outcomes] == [IGNORED, IGNORED]
    assert "ouder of herhaald volgnummer 1 (al ingelezen t/m 2)" in report.outcomes[0].reason
    assert "al eerder ingelezen" in report.outcomes[1].reason
    assert gemeente.dump() == before
    assert "0 ingelezen, 2 genegeerd, 0 geweigerd" in report.as_text()


def test_a_repeated_sequence_number_with_other_content_is_ignored(laptop, gemeente, tmp_path):
    """Same source, same number, different bytes (e.g. a restored laptop): not merged."""
    package = export_to(laptop, tmp_path / "1")
    assert import_packages(gemeente.engine, gemeente.data_dir, [package]).refused == []
    before = gemeente.dump()
    key = laptop_keys(laptop.data_dir).signing_key
    again = tmp_path / "zelfde-nummer.zip"
    again.write_bytes(repack(resign(unpack(package.read_bytes()), key,
                                    created_at="2026-11-24T08:00:00.000000Z")))
    report = import_packages(gemeente.engine, gemeente.data_dir, [again])
    assert report.outcomes[0].status == IGNORED
    assert "herhaald volgnummer 1" in report.outcomes[0].reason
    assert gemeente.dump() == before


def test_an_unexpected_error_in_one_file_never_stops_the_round(make_laptop, gemeente, tmp_path,
                                                               monkeypatch):
    from vrijwilligers_app.services.exchange import merge

    first, second = make_laptop("a"), make_laptop("b")
    folder = tmp_path / "in"
    bad = export_to(first, folder)
    good = export_to(second, folder)
    real = merge.merge_package

    def failing(engine, package, file_name, file_path=None):
        if file_name == bad.name:
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return real(engine, package, file_name, file_path)

    monkeypatch.setattr(merge, "merge_package", failing)
    report = import_packages(gemeente.engine, gemeente.data_dir, [folder])
    outcome = {o.file.name: o for o in report.outcomes}
    assert outcome[bad.name].status == REFUSED
    assert "onverwachte fout" in outcome[bad.name].reason
    assert "Python" not in report.as_text()
    assert outcome[good.name].status == IMPORTED
