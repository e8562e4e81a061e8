"""The register read side: ordered ids from SQL, row tuples by id, filters and their options."""

from datetime import date, datetime

import pytest
from sqlalchemy import text
from sqlmodel import select

from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.queries.registers import (
    REGISTERS,
    count,
    fetch_rows,
    filter_options,
    list_ids,
)
from vrijwilligers_app.store.queries.spec import sort_text
from vrijwilligers_app.store.tables import (
    BuddyMatch,
    BuddyRequest,
    Consent,
    Destination,
    Initiative,
    Referral,
    Resident,
    Volunteer,
)

TODAY = date(2026, 11, 23)
NATIVE = {"date": (date, datetime), "bool": (bool,), "int": (int,), "count": (int,),
          "text": (str,), "phone": (str,)}


@pytest.fixture(scope="module")
def demo_engine(demo_klein_engine):
    return demo_klein_engine


def _values(engine, kind, ids, key):
    position = [c.key for c in REGISTERS[kind].columns].index(key)
    rows = fetch_rows(engine, kind, ids)
    return {i: rows[i][position] for i in ids}


def _python_order(values: dict[int, object], descending: bool) -> list[int]:
    """SQLite's order: NULLs first ascending and last descending; ties by id ascending."""
    ids = sorted(values)
    return sorted(ids, key=lambda i: (values[i] is not None, values[i]), reverse=descending)


@pytest.mark.parametrize("kind", sorted(REGISTERS))
def test_every_kind_lists_ids_and_fetches_native_rows_in_column_order(demo_engine, kind):
    spec = REGISTERS[kind]
    ids = list_ids(demo_engine, kind, today=TODAY)
    assert ids and len(ids) == len(set(ids)) == count(demo_engine, kind, today=TODAY)
    rows = fetch_rows(demo_engine, kind, ids[:200])
    assert set(rows) == set(ids[:200])
    for row in rows.values():
        assert len(row) == len(spec.columns)
        for column, value in zip(spec.columns, row, strict=True):
            assert value is None or isinstance(value, NATIVE[column.kind]), (column.key, value)
    sort_position = [c.key for c in spec.columns].index(spec.default_sort)
    assert all(row[sort_position] is not None for row in rows.values())


@pytest.mark.parametrize("kind", sorted(REGISTERS))
def test_sorting_by_every_column_both_ways_keeps_all_ids(demo_engine, kind):
    everything = sorted(list_ids(demo_engine, kind))
    for column in REGISTERS[kind].columns:
        up = list_ids(demo_engine, kind, sort_key=column.key)
        down = list_ids(demo_engine, kind, sort_key=column.key, descending=True)
        assert sorted(up) == sorted(down) == everything, column.key
        if column.sort_sql is None:  # sorted by the shown value: Python must agree
            values = _values(demo_engine, kind, up, column.key)
            assert up == _python_order(values, False), column.key
            assert down == _python_order(values, True), column.key


@pytest.mark.parametrize(("kind", "key"), [
    ("volunteers", "naam"), ("residents", "naam"), ("initiatives", "naam"),
    ("referrals", "organisatie"), ("activities", "titel"), ("initiatives", "wijken"),
])
def test_text_columns_sort_like_their_folded_python_twin(demo_engine, kind, key):
    ids = list_ids(demo_engine, kind, sort_key=key)
    values = _values(demo_engine, kind, ids, key)
    if key == "naam" and kind != "initiatives":  # sorted on last name, then first name
        def folded(i):
            last, _, first = values[i].partition(", ")
            return sort_text(last) + " " + sort_text(first.split(" ")[0])
    else:
        def folded(i):
            return sort_text(values[i] or "")
    keys = [folded(i) for i in ids]
    assert keys == sorted(keys)
    down = [folded(i) for i in list_ids(demo_engine, kind, sort_key=key, descending=True)]
    assert down == sorted(keys, reverse=True)


def test_default_order_is_the_specs_and_descending_reverses_it(demo_engine):
    newest_first = list_ids(demo_engine, "referrals")
    dates = _values(demo_engine, "referrals", newest_first, "gesignaleerd")
    assert [dates[i] for i in newest_first] == sorted(dates.values(), reverse=True)
    oldest_first = list_ids(demo_engine, "referrals", descending=True)
    assert [dates[i] for i in oldest_first] == sorted(dates.values())


def _option_values(engine, kind, key):
    return [value for value, _label in filter_options(engine, kind, key)]


@pytest.mark.parametrize("kind", sorted(REGISTERS))
def test_every_filter_option_narrows_to_a_subset(demo_engine, kind):
    everything = set(list_ids(demo_engine, kind, today=TODAY))
    for spec in REGISTERS[kind].filters:
        options = filter_options(demo_engine, kind, spec.key)
        assert options and all(isinstance(v, str) and label for v, label in options)
        narrowed = [set(list_ids(demo_engine, kind, {spec.key: v}, today=TODAY))
                    for v, _label in options]
        if spec.key == "archief":
            assert all(s >= everything or not s for s in narrowed)
            continue
        assert all(s <= everything for s in narrowed), spec.key
        assert any(s and s != everything for s in narrowed), spec.key
        assert list_ids(demo_engine, kind, {spec.key: ""}, today=TODAY) == list_ids(
            demo_engine, kind, today=TODAY)


@pytest.mark.parametrize(("kind", "key", "column"), [
    ("initiatives", "status", "status"), ("volunteers", "status", "status"),
    ("matches", "status", "status"), ("referrals", "urgentie", "urgentie"),
    ("initiatives", "soort", "soort"), ("residents", "wijk", "wijk"),
    ("volunteers", "wijk", "wijk"), ("residents", "delen", "delen"),
])
def test_filters_with_a_column_show_only_matching_values(demo_engine, kind, key, column):
    partition: set[int] = set()
    for value, label in filter_options(demo_engine, kind, key):
        ids = list_ids(demo_engine, kind, {key: value}, today=TODAY)
        shown = set(_values(demo_engine, kind, ids, column).values())
        expected = {"Ja": True, "Nee": False}.get(label, label)
        assert shown <= {expected}, (key, value, shown)
        assert not partition & set(ids)
        partition |= set(ids)
    assert partition == set(list_ids(demo_engine, kind, today=TODAY))


def test_semantic_filters(demo_engine):
    open_ids = list_ids(demo_engine, "referrals", {"status": "open"})
    closed_ids = list_ids(demo_engine, "referrals", {"status": "gesloten"})
    statuses = _values(demo_engine, "referrals", open_ids + closed_ids, "status")
    assert {statuses[i] for i in closed_ids} <= {"Afgesloten", "Teruggemeld", "Afgewezen"}
    assert not {statuses[i] for i in open_ids} & {"Afgesloten", "Teruggemeld", "Afgewezen"}
    upcoming = list_ids(demo_engine, "activities", {"periode": "komend"}, today=TODAY)
    when = _values(demo_engine, "activities", upcoming, "datum")
    assert upcoming and all(w.date() >= TODAY for w in when.values())
    for value, test in (("ontbreekt", lambda d: d is None),
                        ("verlopen", lambda d: d is not None and d < date(2023, 11, 23)),
                        ("geldig", lambda d: d is not None and d >= date(2023, 11, 23))):
        ids = list_ids(demo_engine, "volunteers", {"vog": value}, today=TODAY)
        assert ids and all(test(v) for v in _values(demo_engine, "volunteers", ids,
                                                     "vog").values()), value
    project = _option_values(demo_engine, "volunteers", "initiatief")[0]
    helpers = list_ids(demo_engine, "volunteers", {"initiatief": project})
    with demo_engine.connect() as conn:
        expected = {r[0] for r in conn.execute(text(
            "SELECT volunteer_id FROM volunteer_role WHERE initiative_id = :i "
            "AND end_date IS NULL"), {"i": int(project)})}
    assert set(helpers) == expected
    both = list_ids(demo_engine, "volunteers", {"initiatief": project, "status": "actief"})
    assert set(both) <= set(helpers)


def test_quick_filter_text(demo_engine):
    ids = list_ids(demo_engine, "residents", text="dorien")
    names = _values(demo_engine, "residents", ids, "naam")
    assert ids and all("Doriën" in n for n in names.values())
    assert count(demo_engine, "residents", text="dorien") == len(ids)
    assert list_ids(demo_engine, "residents", text="   ") == list_ids(demo_engine, "residents")
    referrals = list_ids(demo_engine, "referrals", text="levgroep")
    organisations = _values(demo_engine, "referrals", referrals, "organisatie")
    assert referrals and all(o.startswith("LEVgroep") for o in organisations.values())
    matches = list_ids(demo_engine, "matches", text="taalmaatjes")
    projects = _values(demo_engine, "matches", matches, "project")
    assert matches and set(projects.values()) == {"Taalmaatjes Helmond"}
    activities = list_ids(demo_engine, "activities", text="Samen eten")
    titles = _values(demo_engine, "activities", activities, "titel")
    assert activities and all("Samen" in t or "eten" in t for t in titles.values())
    assert list_ids(demo_engine, "activities", text="100%") == []
    assert list_ids(demo_engine, "matches", text="_") == []


@pytest.mark.parametrize(("call", "args"), [
    (list_ids, ("onbekend",)),
    (list_ids, ("residents", None, "geboortedatum")),
    (list_ids, ("residents", {"bsn": "1"})),
    (list_ids, ("residents", {"delen": "misschien"})),
    (count, ("residents", {"wijk ; DROP TABLE resident": "x"})),
    (fetch_rows, ("onbekend", [1])),
    (filter_options, ("residents", "onbekend")),
    (filter_options, ("onbekend", "wijk")),
])
def test_unknown_keys_raise(demo_engine, call, args):
    with pytest.raises(ValueError):
        call(demo_engine, *args)


def test_values_are_bound_never_spliced(demo_engine):
    hostile = "x' OR 1=1 --"
    assert list_ids(demo_engine, "residents", {"wijk": hostile}) == []
    assert list_ids(demo_engine, "volunteers", {"initiatief": hostile}) == []
    assert list_ids(demo_engine, "matches", text=hostile) == []
    assert list_ids(demo_engine, "residents", text=hostile) == []


def test_fetch_rows_skips_unknown_ids_and_handles_many(demo_engine):
    ids = list_ids(demo_engine, "activities")
    assert len(ids) > 500
    rows = fetch_rows(demo_engine, "activities", ids + [10**9, ids[0]])
    assert set(rows) == set(ids)
    assert fetch_rows(demo_engine, "activities", []) == {}


# ------------------------------------------------------------------ hand-made rows
def _resident(first, last, prefix="", **values):
    return Resident(first_name=first, last_name=last, name_prefix=prefix, **values)


def test_names_sort_on_last_name_with_folded_accents(register_engine):
    with write_session(register_engine) as session:
        for first, prefix, last in (("Zoë", "", "Zwart"), ("Ali", "", "Şahin"),
                                    ("Ömer", "", "Öztürk"), ("Jan", "van", "Dijk"),
                                    ("Anna", "", "Aarts"), ("Ans", "", "aarts"),
                                    ("Elif", "", "Çelik")):
            session.add(_resident(first, last, prefix))
    ids = list_ids(register_engine, "residents", sort_key="naam")
    names = [_values(register_engine, "residents", ids, "naam")[i] for i in ids]
    assert names == ["Aarts, Anna", "aarts, Ans", "Çelik, Elif", "Dijk, Jan van",
                     "Öztürk, Ömer", "Şahin, Ali", "Zwart, Zoë"]
    down = list_ids(register_engine, "residents", sort_key="naam", descending=True)
    assert down == list(reversed(ids))


def test_archived_records_are_hidden_unless_asked(register_engine):
    with write_session(register_engine) as session:
        session.add(_resident("Kees", "Kuijpers"))
        session.add(_resident("Truus", "Timmermans", archived_at=date(2026, 1, 5)))
        session.add(Initiative(name="Oud eetpunt", type_code="eetpunt",
                               archived_at=date(2025, 1, 1)))
        session.add(Volunteer(first_name="Piet", last_name="Pijnenburg",
                              archived_at=date(2025, 1, 1)))

    def names(filters=None):
        ids = list_ids(register_engine, "residents", filters)
        return sorted(_values(register_engine, "residents", ids, "naam").values())

    assert names() == ["Kuijpers, Kees"]
    assert names({"archief": "ja"}) == ["Kuijpers, Kees", "Timmermans, Truus"]
    assert names({"archief": "alleen"}) == ["Timmermans, Truus"]
    assert list_ids(register_engine, "initiatives") == []
    assert list_ids(register_engine, "volunteers") == []
    only = list_ids(register_engine, "volunteers", {"archief": "alleen"})
    assert _values(register_engine, "volunteers", only, "status") == {only[0]: "Gearchiveerd"}


def test_referral_and_match_rows_from_hand_made_records(register_engine):
    with write_session(register_engine) as session:
        resident = _resident("Doriën", "Bakker", consent_sharing=True,
                             consent_sharing_on=date(2026, 1, 1))
        volunteer = Volunteer(first_name="Jan", name_prefix="van der", last_name="Heijden")
        project = Initiative(name="Maatjes Test", type_code="maatjesproject")
        destination = session.exec(
            select(Destination).where(Destination.code == "lev_welzijn")).one()
        session.add_all([resident, volunteer, project])
        session.flush()
        project_id = project.id
        session.add(Consent(resident_id=resident.id, purpose="delen",  # the ledger allows it
                            destination_id=destination.id, given_on=date(2026, 1, 1),
                            how="schriftelijk"))
        session.flush()
        session.add(Referral(resident_id=resident.id, destination_id=destination.id,
                             consent_pass_on=True, consent_pass_on_date=date(2026, 2, 1),
                             signalled_on=date(2026, 2, 1), urgency="spoed",
                             status="in_behandeling", volunteer_id=volunteer.id))
        session.add(Referral(district_code="WK079410", age_band="65-74",
                             destination_id=destination.id, signalled_on=date(2026, 3, 1)))
        request = BuddyRequest(resident_id=resident.id, initiative_id=project.id,
                               requested_on=date(2026, 1, 2))
        session.add(request)
        session.flush()
        session.add(BuddyMatch(request_id=request.id, volunteer_id=volunteer.id,
                               proposed_on=date(2026, 1, 10), started_on=date(2026, 1, 20)))
    ids = list_ids(register_engine, "referrals")
    rows = fetch_rows(register_engine, "referrals", ids)
    assert [rows[i][:2] for i in ids] == [
        (date(2026, 3, 1), "anoniem (Binnenstad, 65-74)"),
        (date(2026, 2, 1), "Bakker, Doriën")]
    linked = rows[ids[1]]
    assert linked[2].startswith("LEVgroep") and linked[4:6] == ("Spoed", "In behandeling")
    assert linked[7] == "Jan van der Heijden"
    (match_id,) = list_ids(register_engine, "matches")
    match = fetch_rows(register_engine, "matches", [match_id])[match_id]
    assert match == ("Bakker, Doriën", "Heijden, Jan van der", "Maatjes Test",
                     date(2026, 1, 10), date(2026, 1, 20), None, None, None, "Lopend")
    assert list_ids(register_engine, "matches", {"status": "lopend"}) == [match_id]
    assert list_ids(register_engine, "matches", {"status": "voorgesteld"}) == []
    assert list_ids(register_engine, "matches", {"project": str(project_id)}) == [match_id]


def test_overdue_referrals_filter_matches_the_follow_up_rule(demo_engine):
    today = TODAY
    ids = set(list_ids(demo_engine, "referrals", {"status": "te_laat"}, today=today))
    with demo_engine.connect() as connection:
        expected = {r[0] for r in connection.exec_driver_sql(
            "SELECT id FROM referral WHERE follow_up_on < ? AND status NOT IN "
            "('afgesloten', 'teruggemeld', 'afgewezen')", (today.isoformat(),))}
    assert ids == expected and ids


@pytest.mark.parametrize("kind,index", [("residents", "ix_sort_resident_name"),
                                        ("volunteers", "ix_sort_volunteer_name")])
def test_default_name_order_reads_the_name_index_instead_of_sorting(demo_engine, kind, index):
    """Migration 0003 froze the name-sort expression; the pages must still match it."""
    from vrijwilligers_app.store.queries.registers import _where, register_spec

    spec = register_spec(kind)
    where, params = _where(spec, {}, "", TODAY)
    column = spec.column(spec.default_sort)
    sql = (f"EXPLAIN QUERY PLAN SELECT t.id FROM {spec.from_sql} WHERE {where} "
           f"ORDER BY {column.order_sql} ASC, t.id")
    with demo_engine.connect() as connection:
        plan = " ".join(str(row[-1]) for row in connection.exec_driver_sql(sql, params))
    assert index in plan, plan
