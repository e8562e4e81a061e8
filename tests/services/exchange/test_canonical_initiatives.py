"""Issue 17, one initiative once, laptop side: return packages carry the gemeente's list of
initiatives; a laptop user links an own initiative to an entry (suggested, never automatic);
the next export names it and the gemeente counts the initiative once without a manual
merge. Older packages (schema version 3) still read; a spoilt list changes nothing."""

import csv
import io

from tests.helpers.canonical import as_version_3, connected_pair, edit_csv, opened
from tests.helpers.exchange import export_to, unpack
from tests.helpers.samples import DEMO_DATE
from vrijwilligers_app.services import initiative_links as links
from vrijwilligers_app.services.exchange.gemeente_figures import city_overview
from vrijwilligers_app.services.exchange.initiative_merge import (
    canonical_ids,
    possible_duplicates,
)
from vrijwilligers_app.services.exchange.keys import gemeente_keys
from vrijwilligers_app.services.exchange.laptop_returns import read_returns
from vrijwilligers_app.services.exchange.merge import import_packages
from vrijwilligers_app.services.exchange.scan import IMPORTED, REFUSED

PERIOD = (DEMO_DATE.replace(month=1, day=1), DEMO_DATE)


def _csv(content: bytes, name: str) -> list[dict[str, str]]:
    data = unpack(content)[f"data/{name}.csv"].decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(data), delimiter=";"))


def _pair(make_laptop, gemeente, tmp_path):
    return connected_pair(make_laptop, gemeente, tmp_path / "sync")


def _a_uuid_of(pair, initiative_id):
    """The same initiative on laptop a (both laptops started from one demo register)."""
    return pair.a.rows("SELECT uuid FROM initiative WHERE id = :i", i=initiative_id)[0][0]


def test_return_package_carries_the_list_and_the_laptop_stores_it(make_laptop, gemeente,
                                                                  tmp_path):
    pair = _pair(make_laptop, gemeente, tmp_path)
    path = pair.return_for(pair.b)
    listed = _csv(path.read_bytes(), "gemeentelijst")
    a_ids = {u for (u,) in pair.a.rows("SELECT uuid FROM initiative")}
    b_ids = {u for (u,) in pair.b.rows("SELECT uuid FROM initiative")}
    assert {r["id"] for r in listed} == a_ids | b_ids  # nothing merged yet: twice
    alzheimer = next(r for r in listed if r["naam"] == "Alzheimer Café Helmond")
    assert alzheimer["soort"] and alzheimer["adres"]
    assert pair.b.rows("SELECT count(*) FROM canonical_initiative") == [(0,)]

    report = read_returns(pair.b.engine, pair.b.data_dir, [path])
    assert [o.status for o in report.outcomes] == [IMPORTED]
    assert f"gemeentelijst met {len(listed)} initiatieven" in report.outcomes[0].note
    stored = {u for (u,) in pair.b.rows("SELECT canonical_id FROM canonical_initiative")}
    assert stored == a_ids | b_ids


def test_suggestions_rank_the_same_initiative_first(make_laptop, gemeente, tmp_path):
    pair = _pair(make_laptop, gemeente, tmp_path)
    read_returns(pair.b.engine, pair.b.data_dir, [pair.return_for(pair.b)])
    own = {u for (u,) in pair.b.rows("SELECT uuid FROM initiative")}
    renamed = pair.b.rows("SELECT id FROM initiative WHERE name = 'alzheimercafe helmond'")
    assert renamed, "the demo has the Alzheimer Café"
    for (initiative_id,) in pair.b.rows("SELECT id FROM initiative"):
        state = links.link_state(pair.b.engine, initiative_id)
        assert state.linked is None and state.list_size == 2 * len(own)
        assert state.suggestions[0].canonical_id == _a_uuid_of(pair, initiative_id)
        assert not own & {s.canonical_id for s in state.suggestions}  # never its own
    search = links.search_list(pair.b.engine, "alzheimer cafe")
    assert [s.name for s in search] == ["Alzheimer Café Helmond"]


def test_link_is_carried_by_the_next_export_and_unlink_removes_it(make_laptop, gemeente,
                                                                  tmp_path):
    pair = _pair(make_laptop, gemeente, tmp_path)
    read_returns(pair.b.engine, pair.b.data_dir, [pair.return_for(pair.b)])
    (initiative_id, own_uuid), = pair.b.rows(
        "SELECT id, uuid FROM initiative WHERE name = 'alzheimercafe helmond'")
    target = _a_uuid_of(pair, initiative_id)
    links.link(pair.b.engine, initiative_id, target)
    assert links.link_state(pair.b.engine, initiative_id).linked.canonical_id == target

    exported = _csv(opened(export_to(pair.b, tmp_path / "uit1"), gemeente), "initiatieven")
    by_id = {r["id"]: r["gemeente_id"] for r in exported}
    assert by_id[own_uuid] == target
    assert sum(1 for v in by_id.values() if v) == 1

    assert links.unlink(pair.b.engine, initiative_id) is True
    exported = _csv(opened(export_to(pair.b, tmp_path / "uit2"), gemeente), "initiatieven")
    assert all(r["gemeente_id"] == "" for r in exported)


def test_two_demo_laptops_each_linked_count_23_without_a_manual_merge(make_laptop, gemeente,
                                                                      tmp_path):
    pair = _pair(make_laptop, gemeente, tmp_path)
    before = city_overview(gemeente.engine, *PERIOD, DEMO_DATE)
    assert before.total.initiatives_active == 46  # the defect

    read_returns(pair.b.engine, pair.b.data_dir, [pair.return_for(pair.b)])
    for unlinked in links.unlinked_initiatives(pair.b.engine):  # what the dialog walks
        first = links.link_state(pair.b.engine, unlinked.initiative_id).suggestions[0]
        links.link(pair.b.engine, unlinked.initiative_id, first.canonical_id)  # "Koppelen"
    export_to(pair.b, pair.folder, gemeente_side=gemeente)
    assert import_packages(gemeente.engine, gemeente.data_dir, [pair.folder]).refused == []

    after = city_overview(gemeente.engine, *PERIOD, DEMO_DATE)
    assert after.total.initiatives_active == 23
    assert [s.initiatives_active for s in after.sources] == [23, 23]
    assert possible_duplicates(gemeente.engine) == []
    a_ids = {u for (u,) in pair.a.rows("SELECT uuid FROM initiative")}
    assert set(canonical_ids(gemeente.engine).values()) <= a_ids
    # and the next list names each initiative once (archived ones were not walked)
    total, archived = pair.b.rows("SELECT count(*), count(archived_at) FROM initiative")[0]
    assert len(_csv(pair.return_for(pair.a).read_bytes(), "gemeentelijst")) == total + archived


def test_version_3_packages_still_read(make_laptop, gemeente, tmp_path):
    pair = _pair(make_laptop, gemeente, tmp_path)
    key = gemeente_keys(gemeente.data_dir).signing_key
    old = tmp_path / "oud" / "terugmelding-oud.zip"
    old.parent.mkdir()
    old.write_bytes(as_version_3(pair.return_for(pair.b).read_bytes(), key))
    report = read_returns(pair.b.engine, pair.b.data_dir, [old])
    assert [(o.status, o.reason) for o in report.outcomes] == [(IMPORTED, "")]
    assert "gemeentelijst" not in report.outcomes[0].note
    assert pair.b.rows("SELECT count(*) FROM canonical_initiative") == [(0,)]

    # An export of a version-3 laptop (no gemeente_id column) is merged as before.
    from vrijwilligers_app.services.exchange.keys import laptop_keys

    laptop_key = laptop_keys(pair.a.data_dir).signing_key
    plain = export_to(pair.a, tmp_path / "plain")
    old_export = tmp_path / "oud-export" / plain.name.replace(".enc", "")
    old_export.parent.mkdir()
    old_export.write_bytes(as_version_3(opened(plain, gemeente), laptop_key))
    merged = import_packages(gemeente.engine, gemeente.data_dir, [old_export])
    assert merged.refused == [] and [o.status for o in merged.outcomes] == [IMPORTED]


def test_a_laptop_that_sent_version_3_gets_a_return_it_can_read(make_laptop, gemeente,
                                                                tmp_path):
    """A laptop not updated yet refuses version 4 ('nieuwere versie'): its return stays 3."""
    from vrijwilligers_app.services.exchange.keys import laptop_keys

    pair = _pair(make_laptop, gemeente, tmp_path)
    old_laptop = make_laptop("c")
    sent = export_to(old_laptop, tmp_path / "c", gemeente_side=gemeente)
    old_export = tmp_path / "c-oud" / sent.name
    old_export.parent.mkdir()
    old_export.write_bytes(as_version_3(opened(sent, gemeente),
                                        laptop_keys(old_laptop.data_dir).signing_key))
    assert import_packages(gemeente.engine, gemeente.data_dir, [old_export]).refused == []
    old_return = unpack(pair.return_for(old_laptop).read_bytes())
    assert '"schema_version": 3' in old_return["manifest.json"].decode()
    assert "data/gemeentelijst.csv" not in old_return
    report = read_returns(old_laptop.engine, old_laptop.data_dir, [pair.return_for(old_laptop)])
    assert [o.status for o in report.outcomes] == [IMPORTED]
    new_return = unpack(pair.return_for(pair.b).read_bytes())
    assert '"schema_version": 4' in new_return["manifest.json"].decode()


def test_malformed_list_is_refused_in_dutch_naming_the_entry_and_changes_nothing(
        make_laptop, gemeente, tmp_path):
    pair = _pair(make_laptop, gemeente, tmp_path)
    read_returns(pair.b.engine, pair.b.data_dir, [pair.return_for(pair.b)])
    before = pair.b.dump()
    key = gemeente_keys(gemeente.data_dir).signing_key
    good = pair.return_for(pair.b).read_bytes()
    first_id = _csv(good, "gemeentelijst")[0]["id"].encode()
    spoilt = tmp_path / "fout" / "terugmelding-fout.zip"
    spoilt.parent.mkdir()
    spoilt.write_bytes(edit_csv(good, key, "gemeentelijst", first_id, b"geen-nummer"))
    report = read_returns(pair.b.engine, pair.b.data_dir, [spoilt])
    assert [o.status for o in report.outcomes] == [REFUSED]
    assert "data/gemeentelijst.csv, rij 2, veld id" in report.outcomes[0].reason
    assert pair.b.dump() == before


def test_a_linked_initiative_can_be_deleted_and_undo_brings_the_link_back(make_laptop,
                                                                         gemeente, tmp_path):
    from vrijwilligers_app.services import editing

    pair = _pair(make_laptop, gemeente, tmp_path)
    read_returns(pair.b.engine, pair.b.data_dir, [pair.return_for(pair.b)])
    values = {**editing.empty_values("initiatives"), "name": "Repair Cafe Helmond",
              "type_code": "overig"}  # new here, nothing refers to it yet
    initiative_id = editing.save_record(pair.b.engine, "initiatives", values, None, DEMO_DATE)
    target = links.link_state(pair.b.engine, initiative_id).suggestions[0].canonical_id
    links.link(pair.b.engine, initiative_id, target)
    snapshot = editing.delete_record(pair.b.engine, "initiatives", initiative_id)
    assert pair.b.rows("SELECT count(*) FROM initiative_canonical_link") == [(0,)]
    editing.restore_deleted(pair.b.engine, snapshot)
    assert pair.b.rows("SELECT initiative_id, canonical_id FROM initiative_canonical_link"
                       ) == [(initiative_id, target)]
