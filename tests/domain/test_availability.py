import pytest
from hypothesis import given
from hypothesis import strategies as st

from vrijwilligers_app.domain import availability as av
from vrijwilligers_app.domain.validation import ValidationError

SLOTS = st.tuples(st.integers(0, 6), st.integers(0, 2))
MASKS = st.integers(0, av.MAX_MASK)


def test_constants():
    assert av.DAYS == ("ma", "di", "wo", "do", "vr", "za", "zo")
    assert av.PARTS == ("ochtend", "middag", "avond")
    assert av.MAX_MASK == 2**21 - 1


@pytest.mark.parametrize(
    ("day", "part", "bit"), [(0, 0, 0), (0, 2, 2), (1, 0, 3), (1, 1, 4), (6, 2, 20)]
)
def test_slot_bit_index_is_day_times_3_plus_part(day, part, bit):
    assert av.slot(day, part) == 1 << bit


@pytest.mark.parametrize(("day", "part"), [(-1, 0), (7, 0), (0, 3), (0, -1)])
def test_slot_out_of_range(day, part):
    with pytest.raises(ValueError):
        av.slot(day, part)


def test_all_slots_make_max_mask():
    every = [(d, p) for d in range(7) for p in range(3)]
    assert av.from_slots(every) == av.MAX_MASK
    assert av.to_slots(av.MAX_MASK) == every
    assert av.from_slots([]) == 0
    assert av.to_slots(0) == []


def test_from_slots_ignores_duplicates():
    assert av.from_slots([(1, 1), (1, 1)]) == av.slot(1, 1)


@pytest.mark.parametrize("mask", [-1, av.MAX_MASK + 1])
def test_masks_out_of_range_rejected(mask):
    for func in (av.to_slots, av.describe, av.to_code):
        with pytest.raises(ValueError):
            func(mask)
    with pytest.raises(ValueError):
        av.overlap(mask, 0)


def test_overlap_counts_shared_slots():
    a = av.from_slots([(0, 0), (1, 1), (1, 2)])
    b = av.from_slots([(1, 1), (1, 2), (4, 0)])
    assert av.overlap(a, b) == 2
    assert av.overlap(a, 0) == 0
    assert av.overlap(av.MAX_MASK, av.MAX_MASK) == 21


@pytest.mark.parametrize(
    ("slots", "text"),
    [
        ([], "geen"),
        ([(0, 0)], "ma ochtend"),
        ([(0, 0), (1, 1), (1, 2)], "ma ochtend, di middag en avond"),
        ([(2, 0), (2, 2)], "wo ochtend en avond"),
        ([(5, 0), (5, 1), (5, 2), (6, 2)], "za hele dag, zo avond"),
    ],
)
def test_describe(slots, text):
    assert av.describe(av.from_slots(slots)) == text


@pytest.mark.parametrize(
    ("code", "slots"),
    [
        ("ma-o,di-m,di-a", [(0, 0), (1, 1), (1, 2)]),
        ("MA-O; di-middag  di-avond", [(0, 0), (1, 1), (1, 2)]),
        ("zo-a,zo-a", [(6, 2)]),
        ("", []),
        ("geen", []),
        (" , ", []),
    ],
)
def test_parse(code, slots):
    assert av.parse(code) == av.from_slots(slots)


@pytest.mark.parametrize("code", ["ma", "ma-x", "xx-o", "ma-o-a", "maandag-o", "ma o", "ma-"])
def test_parse_rejects_unknown_codes_in_dutch(code):
    with pytest.raises(ValidationError) as info:
        av.parse(code)
    assert info.value.field == "Beschikbaarheid"
    assert "bijvoorbeeld ma-o,di-m,di-a" in info.value.message
    assert str(info.value).startswith("Beschikbaarheid: ")


def test_to_code():
    assert av.to_code(av.from_slots([(1, 2), (0, 0), (1, 1)])) == "ma-o,di-m,di-a"
    assert av.to_code(0) == ""


@given(st.lists(SLOTS))
def test_from_slots_to_slots_round_trip(slots):
    mask = av.from_slots(slots)
    assert 0 <= mask <= av.MAX_MASK
    assert av.to_slots(mask) == sorted(set(slots))
    assert av.from_slots(av.to_slots(mask)) == mask


@given(MASKS)
def test_mask_round_trips_through_slots_and_code(mask):
    assert av.from_slots(av.to_slots(mask)) == mask
    assert av.parse(av.to_code(mask)) == mask


@given(MASKS, MASKS)
def test_overlap_symmetric_and_bounded(a, b):
    assert av.overlap(a, b) == av.overlap(b, a)
    assert 0 <= av.overlap(a, b) <= min(len(av.to_slots(a)), len(av.to_slots(b)))
    assert av.overlap(a, a) == len(av.to_slots(a))


@given(MASKS)
def test_describe_mentions_every_day_used(mask):
    text = av.describe(mask)
    days = {day for day, _ in av.to_slots(mask)}
    if not days:
        assert text == "geen"
    for day in days:
        assert av.DAYS[day] + " " in text
