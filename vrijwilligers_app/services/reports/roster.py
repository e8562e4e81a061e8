"""Rooster of an initiative's activities (or one activity series) in a period: per activity
its date, time, theme and place, and who does what; free places stand out. Read through
`store.queries.roster` (the Activiteiten page's roster query).

Volunteers' names only (no addresses or phone numbers): a roster is handed out.
"""


from reportlab.platypus import KeepTogether, Paragraph
from sqlalchemy import Engine

from vrijwilligers_app.domain.dutch_format import day_name, format_count, format_decimal
from vrijwilligers_app.domain.roster import FREE_PLACE
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.reports import styles
from vrijwilligers_app.services.reports.document import Report
from vrijwilligers_app.services.reports.errors import ReportError
from vrijwilligers_app.services.reports.request import ReportRequest, initiative_name
from vrijwilligers_app.services.reports.styles import escape
from vrijwilligers_app.services.reports.tables import Column, data_table
from vrijwilligers_app.store.queries import reports as queries
from vrijwilligers_app.store.queries.roster import RosterActivity, roster, roster_for_period

TITLE = "Rooster"
STATUS = {"gepland": "", "aanwezig": "aanwezig", "afwezig": "niet gekomen"}
FREE = FREE_PLACE
COLUMNS = (Column("Rol", 0.26), Column("Vrijwilliger", 0.38), Column("Tijd", 0.16),
           Column("Opmerking", 0.20))


def _series(engine: Engine, series_id: int) -> tuple[int, str]:
    with engine.connect() as connection:
        row = queries.series_row(connection, series_id)
    if row is None:
        raise ReportError(f"Activiteitenreeks nummer {series_id} bestaat niet.")
    return int(row[0]), str(row[1])


def _series_activity_ids(engine: Engine, series_id: int, request: ReportRequest) -> list[int]:
    with engine.connect() as connection:
        return queries.series_activity_ids(connection, series_id, request.period.start,
                                           request.period.end)


def heading_text(activity: RosterActivity) -> str:
    start, end = activity.starts_at, activity.ends_at
    parts = [f"{day_name(start)} {format_date_nl(start.date())}, "
             f"{start:%H:%M}–{end:%H:%M}", activity.title]
    parts += [p for p in (activity.theme, activity.location) if p]
    if activity.speaker:
        parts.append(f"spreker: {activity.speaker}")
    return " · ".join(parts)


def _activity_block(activity: RosterActivity) -> KeepTogether:
    rows = [(place.role_name, place.volunteer_name or FREE,
             f"{place.starts_at:%H:%M}–{place.ends_at:%H:%M}", STATUS.get(place.status, ""))
            for place in activity.places]
    parts: list[object] = [Paragraph(escape(heading_text(activity)), styles.SUBHEADING)]
    parts.append(data_table(COLUMNS, rows) if rows else
                 Paragraph("Geen plaatsen op het rooster.", styles.NOTE))
    return KeepTogether(parts)


def build_roster(engine: Engine, request: ReportRequest) -> Report:
    if request.series_id is not None:
        initiative_id, series_title = _series(engine, request.series_id)
        activities = roster(engine, _series_activity_ids(engine, request.series_id, request))
    elif request.initiative_id is not None:
        initiative_id, series_title = request.initiative_id, ""
        activities = roster_for_period(engine, request.period.start, request.period.end,
                                       request.initiative_id)
    else:
        raise ReportError("Voor een rooster is een initiatief (--initiatief NUMMER) of een "
                          "activiteitenreeks (--reeks NUMMER) nodig.")
    name = initiative_name(engine, initiative_id)
    title = f"{TITLE} {series_title or name}"
    report = Report(title, name, request.period_text, request.today)
    if not activities:
        report.no_data("Geen activiteiten in deze periode.")
        return report
    places = sum(len(a.places) for a in activities)
    free = sum(a.free_places for a in activities)
    hours = sum(p.worked_hours for a in activities for p in a.places if not p.free)
    report.note(f"{format_count(len(activities))} activiteiten, {format_count(places)} "
                f"plaatsen op het rooster, waarvan {format_count(free)} nog open. "
                f"Ingeroosterde uren: {format_decimal(hours, 1)}.")
    for activity in activities:
        report.add(_activity_block(activity))
    return report
