"""Planning, roster and attendance services on a small register."""

from datetime import date, datetime, time

import pytest
from sqlalchemy import text

from tests.helpers.activities import add_activity, add_initiative, add_resident, add_volunteer
from tests.helpers.db import count
from vrijwilligers_app.domain import availability
from vrijwilligers_app.services.activities import attendance, planning, roster
from vrijwilligers_app.services.editing import FormErrors
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.queries.roster import roster as read_roster
from vrijwilligers_app.store.tables import Resident, VolunteerRole


def series_values(initiative: int, **changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "initiative_id": initiative, "title": "Alzheimer Café",
        "rule": "FREQ=MONTHLY;BYDAY=3TU", "first_on": date(2026, 9, 1),
        "until_on": date(2026, 12, 31), "start_time": time(19), "end_time": time(21, 30),
        "location": "Wijkhuis De Fonkel", "theme": "Omgaan met onrust", "speaker": "",
        "places": {"gastvrouw": 2, "koffie": 1}}
    values.update(changes)
    return values


def test_create_series_in_one_go(register_engine):
    initiative = add_initiative(register_engine)
    created = planning.create_series(register_engine, series_values(initiative))
    assert (created.first, created.last) == (date(2026, 9, 15), date(2026, 12, 15))
    activities = read_roster(register_engine, created.activity_ids)
    assert [a.starts_at for a in activities] == [
        datetime(2026, 9, 15, 19), datetime(2026, 10, 20, 19), datetime(2026, 11, 17, 19),
        datetime(2026, 12, 15, 19)]
    assert all(a.free_places == 3 and len(a.places) == 3 for a in activities)
    assert activities[0].theme == "Omgaan met onrust"


@pytest.mark.parametrize(("changes", "key", "words"), [
    ({"end_time": time(18)}, "end_time", "eindtijd moet na de begintijd"),
    ({"until_on": date(2026, 8, 1)}, "until_on", "vóór de eerste datum"),
    ({"title": "  "}, "title", "titel"),
    ({"initiative_id": None}, "initiative_id", "initiatief"),
    ({"places": {"gastvrouw": -1}}, "places", "0 tot 20"),
    ({"rule": "FREQ=MONTHLY;BYDAY=5TU", "first_on": date(2026, 10, 1),
      "until_on": date(2026, 11, 30)}, "rule",
     "geen enkele datum"),
    ({"rule": "FREQ=WEEKLY;BYDAY=SU", "start_time": time(2, 30), "end_time": time(4),
      "first_on": date(2027, 3, 21), "until_on": date(2027, 4, 4)}, "start_time", "zomertijd"),
])
def test_series_refused_whole_with_dutch_message(register_engine, changes, key, words):
    initiative = add_initiative(register_engine)
    with pytest.raises(FormErrors) as caught:
        planning.create_series(register_engine, series_values(initiative, **changes))
    assert words in caught.value.errors[key]
    assert count(register_engine, "activity") == 0
    assert count(register_engine, "activity_series") == 0
    assert count(register_engine, "shift") == 0


def test_move_cancel_and_edit_one_date(register_engine):
    initiative = add_initiative(register_engine)
    created = planning.create_series(register_engine, series_values(initiative))
    october = created.activity_ids[1]
    change = planning.update_activity(register_engine, october,
                                      {"on": date(2026, 10, 27), "start_time": time(19, 30),
                                       "end_time": time(22)})
    assert change.previous["on"] == date(2026, 10, 20)
    moved = read_roster(register_engine, [october])[0]
    assert moved.starts_at == datetime(2026, 10, 27, 19, 30)
    assert all(p.starts_at == datetime(2026, 10, 27, 19, 30) for p in moved.places)
    assert moved.title == "Alzheimer Café"  # untouched keys keep their value
    with pytest.raises(FormErrors):
        planning.update_activity(register_engine, october, {"end_time": time(19)})
    assert planning.set_cancelled(register_engine, created.activity_ids[2], True) is False
    assert read_roster(register_engine, [created.activity_ids[2]])[0].cancelled
    assert planning.set_cancelled(register_engine, created.activity_ids[2], False) is True
    # undo of the move restores the old date and times
    planning.update_activity(register_engine, october, change.previous)
    assert read_roster(register_engine, [october])[0].starts_at == datetime(2026, 10, 20, 19)


def test_roster_fill_with_clash_warning(register_engine):
    cafe = add_initiative(register_engine, "Café")
    eetpunt = add_initiative(register_engine, "Eetpunt")
    tuesday_evening = availability.slot(1, 2)
    anna = add_volunteer(register_engine, "Anna", "de Vries", tuesday_evening)
    add_volunteer(register_engine, "Bert", "Jansen", 0)
    carla = add_volunteer(register_engine, "Carla", "Smit", tuesday_evening)
    with write_session(register_engine) as session:
        session.add(VolunteerRole(volunteer_id=carla, initiative_id=cafe, role_code="gastvrouw"))
    created = planning.create_series(register_engine, series_values(cafe))
    november = read_roster(register_engine, [created.activity_ids[2]])[0]
    first, second = (p.shift_id for p in november.places if p.role_code == "gastvrouw")
    ranked = roster.candidates(register_engine, first)
    assert [c.name for c in ranked] == ["Carla Smit", "Anna de Vries", "Bert Jansen"]
    assert [c.fit for c in ranked] == ["ja", "ja", "nee"]
    assert roster.assign(register_engine, first, anna) is None
    # Anna on the eetpunt the same evening, overlapping: refused unless allowed
    other = add_activity(register_engine, eetpunt, datetime(2026, 11, 17, 17),
                         datetime(2026, 11, 17, 19, 30))
    (free_place,) = roster.add_places(register_engine, other, "kok", 1)
    with pytest.raises(roster.RosterClash) as caught:
        roster.assign(register_engine, free_place, anna)
    assert "Anna de Vries staat op dat moment al ingeroosterd: Alzheimer Café 17-11-2026" \
        in caught.value.message
    assert read_roster(register_engine, [other])[0].free_places == 1  # nothing saved
    clash_flag = {c.name: c.clash for c in roster.candidates(register_engine, free_place)}
    assert clash_flag["Anna de Vries"] and clash_flag["Bert Jansen"] is None
    # twice on one activity at once is a clash too
    with pytest.raises(roster.RosterClash):
        roster.assign(register_engine, second, anna)
    roster.assign(register_engine, free_place, anna, allow_clash=True)
    assert roster.set_status(register_engine, first, "afwezig") == "gepland"
    assert roster.unassign(register_engine, first) == anna
    place = next(p for p in read_roster(register_engine, [november.activity_id])[0].places
                 if p.shift_id == first)
    assert place.free and place.status == "gepland"
    with pytest.raises(FormErrors):
        roster.set_status(register_engine, first, "aanwezig")  # nobody on it
    with pytest.raises(FormErrors):
        roster.add_places(register_engine, november.activity_id, "gastvrouw", 25)
    roster.remove_place(register_engine, first)
    assert len(read_roster(register_engine, [november.activity_id])[0].places) == 2


def test_attendance_entry(register_engine):
    initiative = add_initiative(register_engine)
    anna = add_volunteer(register_engine, "Anna", "de Vries")
    bert = add_volunteer(register_engine, "Bert", "Jansen")
    willing = add_resident(register_engine, "Rien", "Eén")
    unwilling = add_resident(register_engine, "Sien", "Twee")
    with write_session(register_engine) as session:
        resident = session.get(Resident, willing)
        resident.consent_recording, resident.consent_recording_on = True, date(2026, 1, 5)
        session.add(resident)
    day = "2026-11-17"
    activity = add_activity(
        register_engine, initiative, datetime.fromisoformat(f"{day}T19:00"),
        datetime.fromisoformat(f"{day}T21:30"),
        shifts=((anna, datetime.fromisoformat(f"{day}T18:30"),
                 datetime.fromisoformat(f"{day}T21:45"), "gepland", None),
                (bert, datetime.fromisoformat(f"{day}T19:00"),
                 datetime.fromisoformat(f"{day}T21:30"), "gepland", None)))
    with write_session(register_engine) as session:
        session.execute(text("UPDATE activity SET named_attendance = 1"))
    sheet = attendance.attendance_sheet(register_engine, activity)
    assert [c for c, _n, v in sheet.counts] == ["dementie", "mantelzorger", "professional",
                                                "overig"]
    assert all(v is None for _c, _n, v in sheet.counts)
    places = {p.shift_id: p for p in sheet.activity.places}
    anna_place = next(i for i, p in places.items() if p.volunteer_id == anna)
    bert_place = next(i for i, p in places.items() if p.volunteer_id == bert)
    outcomes = {anna_place: attendance.PlaceOutcome("aanwezig", 2.5),
                bert_place: attendance.PlaceOutcome("afwezig")}
    with pytest.raises(FormErrors) as caught:
        attendance.save_attendance(register_engine, activity, {"dementie": -3, "overig": 4},
                                   [willing, unwilling], outcomes, date(2026, 11, 18))
    assert "niet negatief" in caught.value.errors["dementie"]
    assert "toestemming" in caught.value.errors["participants"]
    assert count(register_engine, "attendance") == 0  # nothing half-saved
    with pytest.raises(FormErrors) as caught:
        attendance.save_attendance(register_engine, activity, {"dementie": 3}, None, {},
                                   date(2026, 11, 16))
    assert "na afloop" in caught.value.errors["activity"]
    attendance.save_attendance(register_engine, activity,
                               {"dementie": 6, "mantelzorger": 9, "professional": 0,
                                "overig": 2}, [willing], outcomes, date(2026, 11, 18))
    sheet = attendance.attendance_sheet(register_engine, activity)
    assert [v for _c, _n, v in sheet.counts] == [6, 9, 0, 2]
    assert sheet.participants == [(willing, "Rien Eén")]
    hours = {p.volunteer_id: (p.status, p.worked_hours) for p in sheet.activity.places}
    assert hours == {anna: ("aanwezig", 2.5), bert: ("afwezig", 0.0)}
