"""Vrijwilligers per initiatief: how many with a role at the start and end of the period, and
in-, door- and uitstroom with the reasons people stopped (domain.volunteer_flow)."""

from collections import Counter

from sqlalchemy import Engine

from vrijwilligers_app.domain.number_format import format_count
from vrijwilligers_app.domain.volunteer_flow import Flow, volunteer_flow
from vrijwilligers_app.services.reports.document import Report
from vrijwilligers_app.services.reports.request import ReportRequest, organisation_name
from vrijwilligers_app.services.reports.tables import Column, data_table
from vrijwilligers_app.services.volunteer_roles import role_spans
from vrijwilligers_app.store.queries import reports as queries

TITLE = "Vrijwilligers per initiatief"
COLUMNS = (Column("Initiatief", 0.34), Column("Begin", 0.11, right=True),
           Column("Instroom", 0.12, right=True), Column("Doorstroom", 0.14, right=True),
           Column("Uitstroom", 0.13, right=True), Column("Eind", 0.11, right=True))


def _cells(name: str, flow: Flow) -> tuple[str, ...]:
    return (name, *(format_count(n) for n in (flow.at_start, flow.inflow, flow.through,
                                                 flow.outflow, flow.at_end)))


def build_volunteer_figures(engine: Engine, request: ReportRequest) -> Report:
    report = Report(TITLE, organisation_name(engine), request.period_text, request.today)
    spans = role_spans(engine)
    with engine.connect() as connection:
        names = queries.initiatives_with_roles(connection)
    rows = []
    reasons: Counter[str] = Counter()
    for initiative_id, name in names:
        flow = volunteer_flow(spans, request.period, initiative_id)
        if flow.at_start or flow.at_end or flow.inflow or flow.through or flow.outflow:
            rows.append(_cells(name, flow))
            reasons.update(flow.reasons)
    if not rows:
        report.no_data("In deze periode had geen enkele vrijwilliger een rol bij een "
                       "initiatief.")
        return report
    whole = volunteer_flow(spans, request.period)
    rows.append(_cells("Hele register (elke vrijwilliger één keer)", whole))
    report.note("Begin en Eind: vrijwilligers met een rol op de eerste en de laatste dag van de "
                "periode. Instroom: nieuw bij het initiatief. Doorstroom: gestopt bij het "
                "initiatief maar vrijwilliger gebleven bij een ander. Uitstroom: helemaal "
                "gestopt.")
    report.add(data_table(COLUMNS, rows, total_row=True))
    if whole.reasons:
        report.heading("Uitstroom naar reden (hele register)")
        report.add(data_table((Column("Reden", 0.5), Column("Vrijwilligers", 0.2, right=True)),
                              [(r, format_count(n)) for r, n in whole.reasons.most_common()]))
    return report
