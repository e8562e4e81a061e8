"""Jaarverslag of one initiative for its subsidy: activities, visitors per type, volunteers
and hours, maatjes, referrals, per quarter and for the whole period, with charts.

Figures come from the services that own them: `services.activities.figures` (activities,
visitors, hours), `services.maatjes.figures` (matches), and the volunteer list's query;
only the referral counts per quarter (signalled by this initiative) are read here, as no
service counts referrals per initiative.
"""

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import Engine

from vrijwilligers_app.domain.dutch_format import format_count, format_decimal, format_money
from vrijwilligers_app.domain.report_period import Period, quarter_name
from vrijwilligers_app.domain.volunteer_flow import volunteer_flow
from vrijwilligers_app.services.activities.figures import ActivityFigures, activity_figures
from vrijwilligers_app.services.maatjes.figures import BuddyFigures, buddy_figures
from vrijwilligers_app.services.reports.charts import vertical_bars
from vrijwilligers_app.services.reports.document import FRAME_WIDTH, Report
from vrijwilligers_app.services.reports.request import (
    ReportRequest,
    initiative_name,
    require_initiative,
)
from vrijwilligers_app.services.reports.tables import Column, data_table, key_value_table
from vrijwilligers_app.services.reports.volunteer_list import volunteer_rows
from vrijwilligers_app.services.volunteer_roles import role_spans
from vrijwilligers_app.store.direct import engine_transaction
from vrijwilligers_app.store.queries import reports as queries

TITLE = "Jaarverslag"


def _nothing(engine: Engine, period: Period) -> ActivityFigures:
    """A quarter that lies wholly after the printing day: zero activities (with the
    visitor types, so its column lines up)."""
    return activity_figures(engine, period.start, period.start, "none", initiative_id=-1)


def _buddy(engine: Engine, request: ReportRequest, period: Period, initiative_id: int
           ) -> BuddyFigures:
    rows = buddy_figures(engine, "initiative", request.today, period.start, period.end)
    return next((r.figures for r in rows if r.key == str(initiative_id)), BuddyFigures())


def _referrals(engine: Engine, initiative_id: int, period: Period) -> tuple[int, int]:
    with engine.connect() as connection:
        return queries.referral_counts(connection, initiative_id, period.start, period.end)


def build_annual(engine: Engine, request: ReportRequest) -> Report:
    initiative_id = require_initiative(request, "het jaarverslag")
    name = initiative_name(engine, initiative_id)
    report = Report(f"{TITLE} {name}", name, request.period_text, request.today)
    periods = [*request.period.quarters(), request.period]
    labels = [quarter_name(q) for q in periods[:-1]] + ["Totaal"]
    # Activities after the printing day have not been held yet: not in a jaarverslag.
    activity = [activity_figures(engine, p.start, max(p.start, min(p.end, request.today)),
                                 "none", initiative_id, today=request.today)
                if p.start <= request.today else _nothing(engine, p)
                for p in periods]
    buddies = [_buddy(engine, request, p, initiative_id) for p in periods]
    referrals = [_referrals(engine, initiative_id, p) for p in periods]
    with engine_transaction(engine) as connection:
        volunteers = [len(volunteer_rows(connection, initiative_id, ReportRequest(
            request.kind, p, request.today))) for p in periods]
    spans = role_spans(engine)
    flows = [volunteer_flow(spans, p, initiative_id) for p in periods]
    whole = activity[-1].total
    if not (whole.activities or whole.cancelled or buddies[-1].matched or buddies[-1].ended
            or referrals[-1][0] or volunteers[-1]):
        report.no_data(f"{name} heeft in deze periode geen activiteiten, vrijwilligers, "
                       "koppelingen of doorverwijzingen vastgelegd.")
        return report
    _facts(engine, report, initiative_id)
    types = activity[-1].visitor_types
    rows: list[Sequence[str]] = [
        ("Activiteiten gehouden", *(format_count(a.total.activities) for a in activity)),
        ("Activiteiten afgelast", *(format_count(a.total.cancelled) for a in activity)),
    ]
    rows += [(f"Bezoekers: {type_name.lower()}",
              *(format_count(a.total.visitors.get(code, 0)) for a in activity))
             for code, type_name in types]
    rows += [
        ("Bezoekers totaal", *(format_count(a.total.visitors_total) for a in activity)),
        ("Deelnemers met naam (uniek)", *(format_count(a.total.participants) for a in activity)),
        ("Vrijwilligers met een rol", *(format_count(v) for v in volunteers)),
        ("  nieuw (instroom)", *(format_count(f.inflow) for f in flows)),
        ("  naar ander initiatief (doorstroom)", *(format_count(f.through) for f in flows)),
        ("  gestopt (uitstroom)", *(format_count(f.outflow) for f in flows)),
        ("Vrijwilligers ingezet", *(format_count(a.total.volunteers) for a in activity)),
        ("Vrijwilligersuren", *(format_decimal(a.total.volunteer_hours, 1) for a in activity)),
        ("Niet gekomen (roosterplaatsen)", *(format_count(a.total.no_shows) for a in activity)),
        ("Maatjes gekoppeld", *(format_count(b.matched) for b in buddies)),
        ("Koppelingen beëindigd", *(format_count(b.ended) for b in buddies)),
        ("Doorverwijzingen gesignaleerd", *(format_count(r[0]) for r in referrals)),
        ("  waarvan geholpen of afgesloten", *(format_count(r[1]) for r in referrals)),
    ]
    share = 0.50 / len(labels)
    report.heading("Per kwartaal")
    report.add(data_table((Column("", 0.5), *(Column(label, share, right=True)
                                              for label in labels)), rows))
    report.note("Vrijwilligers en deelnemers tellen in de kolom Totaal één keer, ook wie in "
                "meer kwartalen kwam; die kolom is daarom geen optelsom. Lopende koppelingen "
                f"vandaag: {format_count(buddies[-1].active)}.")
    quarters = labels[:-1]
    if whole.visitors_total:
        report.add(vertical_bars("Bezoekers per kwartaal", quarters,
                                 [(type_name, [a.total.visitors.get(code, 0)
                                               for a in activity[:-1]])
                                  for code, type_name in types]))
    if whole.volunteer_hours:
        report.add(vertical_bars("Vrijwilligersuren per kwartaal", quarters,
                                 [("uren", [a.total.volunteer_hours for a in activity[:-1]])],
                                 height=140))
    _exit_reasons(report, flows[-1].reasons)
    _referral_domains(engine, report, initiative_id, request.period)
    return report


def _exit_reasons(report: Report, reasons: Counter[str]) -> None:
    if not reasons:
        return
    report.heading("Uitstroom van vrijwilligers naar reden")
    report.note("Wie in deze periode met zijn of haar laatste rol stopte en nergens anders "
                "vrijwilliger bleef; wie naar een ander initiatief ging, telt als doorstroom.")
    report.add(data_table((Column("Reden", 0.5), Column("Vrijwilligers", 0.2, right=True)),
                          [(reason, format_count(n)) for reason, n in reasons.most_common()]))


def _facts(engine: Engine, report: Report, initiative_id: int) -> None:
    with engine.connect() as connection:
        subsidised, reference, cents, year, type_name, districts, domains = \
            queries.initiative_facts(connection, initiative_id)
    pairs = [("Soort initiatief", str(type_name)), ("Wijken", districts or "—"),
             ("Leefdomeinen", domains or "—")]
    if subsidised:
        pairs += [("Subsidie", f"{format_money(cents)} ({year or '—'})"),
                  ("Kenmerk subsidie", reference or "—")]
    report.add(key_value_table(pairs, width=FRAME_WIDTH, label_share=0.25, numbers=False))


def _referral_domains(engine: Engine, report: Report, initiative_id: int,
                      period: Period) -> None:
    with engine.connect() as connection:
        groups = queries.referral_groups(connection, initiative_id, period.start, period.end)
    if groups:
        report.heading("Doorverwijzingen naar meedoen, rondkomen en vooruitkomen")
        report.note("Een doorverwijzing met leefdomeinen in meer groepen telt in elk ervan.")
        report.add(data_table((Column("Groep leefdomeinen", 0.4),
                               Column("Doorverwijzingen", 0.2, right=True)),
                              [(str(g), format_count(int(n))) for g, n in groups]))
