"""The register table shows its first screenful before the whole id list has arrived."""

from vrijwilligers_app.store.queries.registers import first_rows, list_ids
from vrijwilligers_app.ui.models.register_table_model import (
    ID_ROLE,
    PAGE_ROWS,
    RegisterTableModel,
)
from vrijwilligers_app.ui.tasks import TaskRunner


class Events:
    def __init__(self, model: RegisterTableModel) -> None:
        self.seen: list[tuple[str, int]] = []
        model.modelReset.connect(lambda: self.seen.append(("reset", model.rowCount())))
        model.rowsInserted.connect(lambda _p, first, last: self.seen.append(("insert", first)))
        model.loaded.connect(lambda n: self.seen.append(("loaded", n)))


def test_first_rows_match_the_start_of_the_full_order(demo_register):
    orders = ((None, False), ("naam", True), ("postcode", False), ("wijk", False))
    for sort_key, descending in orders:
        full = list_ids(demo_register.engine, "residents", {}, sort_key, descending)
        ids, rows = first_rows(demo_register.engine, "residents", {}, sort_key, descending,
                               "", 50)
        assert len(full) > 50
        assert ids == full[:50]
        assert set(rows) == set(ids)


def test_first_page_is_shown_then_the_rest_is_added_below_it(qtbot, demo_register):
    model = RegisterTableModel(demo_register.engine, "residents", TaskRunner(synchronous=True))
    events = Events(model)
    model.reload()
    total = len(list_ids(demo_register.engine, "residents"))
    assert total > PAGE_ROWS
    # One reset with the first page, then the rest inserted after it: the rows the user
    # already sees (and a selection among them) stay where they are.
    assert events.seen == [("reset", PAGE_ROWS), ("insert", PAGE_ROWS), ("loaded", total)]
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == list_ids(
        demo_register.engine, "residents")


def test_the_full_list_wins_when_it_comes_first_or_the_data_changed(qtbot, demo_register):
    model = RegisterTableModel(demo_register.engine, "residents", TaskRunner(synchronous=True))
    model.reload()
    full = list(model._ids)
    events = Events(model)
    generation = model._generation
    # The full list arrived first (two pool threads): the late first page is ignored.
    model._ids_arrived(generation, full[::-1])
    model._first_arrived(generation, (full[:PAGE_ROWS], {}))
    assert model._ids == full[::-1]
    # A first page that is not the start of the full list (a record was added in between)
    # gives way to the full list with a reset, not an insert after wrong rows.
    model._generation += 1
    model._first_arrived(model._generation, ([full[1], full[0]], {}))
    model._ids_arrived(model._generation, full)
    assert model._ids == full
    assert [kind for kind, _n in events.seen] == ["reset", "loaded", "reset", "reset", "loaded"]


def test_the_threaded_runner_gives_the_same_rows(qtbot, demo_register):
    runner = TaskRunner()
    model = RegisterTableModel(demo_register.engine, "residents", runner)
    with qtbot.waitSignal(model.loaded, timeout=60_000):
        model.reload(text="")
    assert model._ids == list_ids(demo_register.engine, "residents")
    runner.wait_idle()
