"""A volunteer's roster as .ics: parses back with icalendar, right times across DST, stable
UIDs, cancelled dates marked, and an unwritable folder leaves nothing behind."""

import os
import sys
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.helpers.activities import add_initiative, add_volunteer
from vrijwilligers_app.services.activities import ics_export, planning, roster
from vrijwilligers_app.store.queries.roster import roster as read_roster

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def rostered(register_engine):
    initiative = add_initiative(register_engine, "Alzheimer Café Helmond")
    anna = add_volunteer(register_engine, "Anna", "de Vries")
    bert = add_volunteer(register_engine, "Bert", "Jansen")
    created = planning.create_series(register_engine, {
        "initiative_id": initiative, "title": "Alzheimer Café", "rule": "FREQ=MONTHLY;BYDAY=3TU",
        "first_on": date(2026, 9, 1), "until_on": date(2026, 11, 30), "start_time": time(19),
        "end_time": time(21, 30), "location": "De Fonkel", "theme": "Slaap",
        "places": {"gastvrouw": 2}})
    for activity in read_roster(register_engine, created.activity_ids):
        roster.assign(register_engine, activity.places[0].shift_id, anna)
    roster.assign(register_engine, read_roster(register_engine, created.activity_ids[:1])[0]
                  .places[1].shift_id, bert)
    planning.set_cancelled(register_engine, created.activity_ids[2], True)
    return register_engine, anna, bert, created


def test_ics_parses_back_with_times_and_uids(rostered, tmp_path):
    engine, anna, bert, created = rostered
    tmp_path = tmp_path / "export"
    tmp_path.mkdir()
    paths = ics_export.export_rosters(engine, [anna, bert], tmp_path, date(2026, 9, 1))
    assert [p.name for p in paths] == [f"rooster-anna-de-vries-{anna}.ics",
                                       f"rooster-bert-jansen-{bert}.ics"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)
    calendar = Calendar.from_ical(paths[0].read_bytes())
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    starts = [e.decoded("DTSTART") for e in events]
    assert [s.replace(tzinfo=None) for s in starts] == [
        datetime(2026, 9, 15, 19), datetime(2026, 10, 20, 19), datetime(2026, 11, 17, 19)]
    assert all(str(e["DTSTART"].params["TZID"]) == "Europe/Amsterdam" for e in events)
    # Summer time in September and October, winter time in November: 17:00 vs 18:00 UTC.
    assert [s.astimezone(UTC).hour for s in starts] == [17, 17, 18]
    assert str(events[0]["SUMMARY"]) == "Gastvrouw / gastheer: Alzheimer Café"
    assert str(events[0]["LOCATION"]) == "De Fonkel"
    assert "Thema: Slaap" in str(events[0]["DESCRIPTION"])
    assert [str(e["STATUS"]) for e in events] == ["CONFIRMED", "CONFIRMED", "CANCELLED"]
    assert "Bert" not in paths[0].read_text(encoding="utf-8")  # only her own duties
    # UIDs are stable: a second export (after moving a date) keeps them
    uids = [str(e["UID"]) for e in events]
    planning.update_activity(engine, created.activity_ids[1], {"on": date(2026, 10, 27)})
    again = Calendar.from_ical(ics_export.export_rosters(engine, [anna], tmp_path,
                                                         date(2026, 9, 1))[0].read_bytes())
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == uids
    assert again.walk("VEVENT")[1].decoded("DTSTART") == datetime(2026, 10, 27, 19,
                                                                  tzinfo=AMSTERDAM)
    later = ics_export.duties(engine, anna, date(2026, 10, 1))[1]
    assert len(later) == 2


def test_no_show_left_out(rostered, tmp_path):
    engine, _anna, bert, created = rostered
    place = read_roster(engine, created.activity_ids[:1])[0].places[1]
    roster.set_status(engine, place.shift_id, "afwezig")
    name, found = ics_export.duties(engine, bert, date(2026, 1, 1))
    assert name == "Bert Jansen" and found == []
    assert ics_export.rostered_volunteers(engine, None, date(2026, 1, 1))[0][1] == "Anna de Vries"


def test_unwritable_folder_dutch_message_and_nothing_left(rostered, tmp_path):
    engine, anna, bert, _created = rostered
    missing = tmp_path / "bestaat-niet"
    with pytest.raises(ics_export.IcsExportError) as caught:
        ics_export.export_rosters(engine, [anna], missing, date(2026, 9, 1))
    assert "bestaat niet" in str(caught.value) and "niets weggeschreven" in str(caught.value)
    a_file = tmp_path / "bestand.txt"
    a_file.write_text("x")
    with pytest.raises(ics_export.IcsExportError):
        ics_export.export_rosters(engine, [anna], a_file, date(2026, 9, 1))
    # A folder where the second file cannot be created: the first is not left behind.
    target = tmp_path / "doel"
    target.mkdir()
    (target / ics_export.file_name("Bert Jansen", bert)).with_suffix(".ics.deel").mkdir()
    with pytest.raises(ics_export.IcsExportError):
        ics_export.export_rosters(engine, [anna, bert], target, date(2026, 9, 1))
    assert [p.name for p in target.iterdir()] == [f"rooster-bert-jansen-{bert}.ics.deel"]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="permissions are not enforced for root / differ on Windows")
def test_read_only_folder(rostered, tmp_path):
    engine, anna, _bert, _created = rostered
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ics_export.IcsExportError, match="mag in deze map niet schrijven"):
            ics_export.export_rosters(engine, [anna], folder, date(2026, 9, 1))
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
