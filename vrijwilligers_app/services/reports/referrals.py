"""Doorverwijzingen: waiting and lead times per organisation and leefdomein, the overdue
follow-ups, with charts. The figures come from `services.referral_figures` (Kaplan–Meier,
open referrals censored): a median that is not reached yet prints as "meer dan N d", and
every open referral counts as still waiting, never dropped.

No resident names: the overdue list shows referral numbers, organisation and urgency.
"""

from sqlalchemy import Engine

from vrijwilligers_app.domain import referral_rules as rules
from vrijwilligers_app.domain.dutch_format import format_count, format_percent
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.domain.waiting_times import DurationStats
from vrijwilligers_app.services.referral_figures import FigureRow, referral_figures
from vrijwilligers_app.services.referrals import overdue_referrals
from vrijwilligers_app.services.reports.charts import horizontal_bars
from vrijwilligers_app.services.reports.document import Report
from vrijwilligers_app.services.reports.request import ReportRequest, organisation_name
from vrijwilligers_app.services.reports.tables import Column, data_table

TITLE = "Doorverwijzingen: wachttijden en doorlooptijden"
OVERDUE_PRINTED = 500  # rows; a list of thousands on paper helps nobody
EXPLANATION = (
    "Wachttijd: van aanmelding bij de organisatie tot het eerste contact met de inwoner. "
    "Doorlooptijd: van aanmelding tot geholpen of afgesloten. Wie nog wacht telt mee met de "
    "dagen die hij tot nu toe wacht (een gangbare rekenwijze voor wachttijden, "
    "Kaplan–Meier genoemd); is de mediaan (de middelste wachttijd) nog niet bereikt, dan staat "
    "er '> N': meer dan de helft wacht dan nog, de langste al N dagen. Nog open: 'wacht' = "
    "nog geen contact, 'niet af' = nog niet geholpen of afgesloten; beide tellen ook wie nog "
    "niet is aangemeld. "
    "Doorverwijzingen gesignaleerd in de periode, gevolgd tot de afdrukdatum.")


def days_text(value: int | None, stats: DurationStats, is_max: bool = False) -> str:
    """Days as a number; a quantile not reached yet as '> N' (N: the longest wait of those
    still open); a maximum that is still open as 'N (open)'."""
    if value is None:
        if stats.count == 0:
            return "—"
        return f"> {stats.oldest_open}" if stats.oldest_open is not None else "—"
    return format_count(value) + (" (open)" if is_max and stats.maximum_open else "")


FIGURE_COLUMNS = (
    Column("", 0.265), Column("Aantal", 0.073, right=True), Column("wacht", 0.065, right=True),
    Column("niet af", 0.07, right=True), Column("mediaan", 0.093, right=True),
    Column("90%", 0.07, right=True), Column("mediaan", 0.093, right=True),
    Column("90%", 0.07, right=True), Column("langste", 0.1, right=True),
    Column("Binnen termijn", 0.095, right=True))
FIGURE_GROUPS = (("", 2), ("Nog open", 2), ("Wachttijd (dagen)", 2),
                 ("Doorlooptijd (dagen)", 3), ("", 1))


def figure_cells(row: FigureRow) -> tuple[str, ...]:
    f = row.figures
    return (row.label, format_count(f.referrals), format_count(f.waiting.open + f.not_registered),
            format_count(f.lead.open + f.not_registered),
            days_text(f.waiting.median, f.waiting), days_text(f.waiting.p90, f.waiting),
            days_text(f.lead.median, f.lead), days_text(f.lead.p90, f.lead),
            days_text(f.lead.maximum, f.lead, True), format_percent(f.share_on_time))


def _table(rows: list[FigureRow], first_header: str) -> object:
    columns = (Column(first_header, FIGURE_COLUMNS[0].width), *FIGURE_COLUMNS[1:])
    return data_table(columns, [figure_cells(r) for r in rows], total_row=True,
                      groups=FIGURE_GROUPS)


def _charts(report: Report, rows: list[FigureRow]) -> None:
    groups = [r for r in rows if r.key is not None]
    report.add(horizontal_bars(
        "Aantal doorverwijzingen per organisatie: afgerond en nog open",
        [r.label for r in groups],
        [("afgerond", [r.figures.referrals - r.figures.lead.open - r.figures.not_registered
                       for r in groups]),
         ("nog open", [r.figures.lead.open + r.figures.not_registered for r in groups])]))
    reached = [r for r in groups if r.figures.waiting.median is not None]
    if reached:
        report.add(horizontal_bars(
            "Wachttijd tot eerste contact in dagen (mediaan en 90%)",
            [r.label for r in reached],
            [("mediaan", [r.figures.waiting.median or 0 for r in reached]),
             ("90%", [r.figures.waiting.p90 or r.figures.waiting.oldest_open or 0
                      for r in reached])]))
    waiting = [r.label for r in groups if r.figures.waiting.median is None
               and r.figures.waiting.count]
    if waiting:
        report.note("Nog niet in de grafiek van de wachttijd, omdat meer dan de helft nog op "
                    "eerste contact wacht: " + ", ".join(waiting) + ".")


def build_referrals(engine: Engine, request: ReportRequest) -> Report:
    report = Report(TITLE, organisation_name(engine), request.period_text, request.today)
    start, end = request.period.start, min(request.period.end, request.today)
    by_destination = referral_figures(engine, "destination", start, end, request.today)
    total = by_destination[-1].figures
    if total.referrals == 0:
        report.no_data("In deze periode is geen doorverwijzing gesignaleerd.")
        return report
    open_now = total.lead.open + total.not_registered
    report.note(EXPLANATION)
    report.text(f"{format_count(total.referrals)} doorverwijzingen gesignaleerd, waarvan "
                f"{format_count(open_now)} nog niet afgerond. Eerste contact binnen de "
                f"afgesproken termijn: {format_percent(total.share_on_time)}.")
    report.heading("Per organisatie")
    report.add(_table(by_destination, "Organisatie"))
    _charts(report, by_destination)
    report.heading("Per leefdomein")
    report.note("Een doorverwijzing met meer leefdomeinen telt bij elk ervan mee; de rijen "
                "tellen daarom niet op tot het totaal.")
    report.add(_table(referral_figures(engine, "life_domain", start, end, request.today),
                      "Leefdomein"))
    overdue = overdue_referrals(engine, request.today)
    report.heading(f"Vervolg te laat op {format_date_nl(request.today)} "
                   f"({format_count(len(overdue))})")
    if not overdue:
        report.text("Geen doorverwijzing met een te laat vervolg.")
    else:
        report.note("Open doorverwijzingen (uit elke periode) waarvan de afgesproken "
                    "vervolgdatum voorbij is; de langst verlopen eerst.")
        if len(overdue) > OVERDUE_PRINTED:
            report.note(f"Alleen de {format_count(OVERDUE_PRINTED)} langst verlopen staan "
                        f"hieronder; alle {format_count(len(overdue))} staan in de app onder "
                        "Doorverwijzingen, filter 'Vervolg te laat'.")
        report.add(data_table(
            (Column("Nummer", 0.09, right=True), Column("Organisatie nu", 0.37),
             Column("Urgentie", 0.1), Column("Status", 0.2), Column("Vervolg op", 0.12),
             Column("Dagen te laat", 0.12, right=True)),
            [(str(o.referral_id), o.destination, rules.URGENCIES.get(o.urgency, o.urgency),
              rules.label(o.status), format_date_nl(o.follow_up_on), format_count(o.days_late))
             for o in overdue[:OVERDUE_PRINTED]]))
    return report
