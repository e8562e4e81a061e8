"""Activiteiten: series and single activities, duty rosters, attendance, .ics export, figures.

Modules: `planning` (create a series or one activity, move, cancel, edit), `roster` (places,
candidates with availability and clash warnings, no-shows), `attendance` (counts per visitor
type, named participants, hours), `ics_export` (a roster per volunteer as iCalendar),
`figures` (per initiative, wijk or month). Read side of the roster: store.queries.roster.
"""
