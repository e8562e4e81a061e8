"""Maatjesoverzicht: the waiting list, active matches, matches ended by reason (with a chart),
for one maatjesproject or all of them. Figures from `services.maatjes.figures` (waiting and
active are today's facts; matched and ended are those in the period). The two lists come from
the register specs (the Maatjes page's own columns). Names of residents: confidential.
"""

from datetime import date

from sqlalchemy import Engine

from vrijwilligers_app.domain.dutch_format import format_count, format_decimal
from vrijwilligers_app.services.maatjes.figures import BuddyFigureRow, BuddyFigures, buddy_figures
from vrijwilligers_app.services.reports.charts import horizontal_bars
from vrijwilligers_app.services.reports.document import Report
from vrijwilligers_app.services.reports.register_tables import cells, headers, register_rows
from vrijwilligers_app.services.reports.request import (
    ReportRequest,
    initiative_name,
    organisation_name,
)
from vrijwilligers_app.services.reports.tables import Column, data_table, key_value_table

TITLE = "Maatjesoverzicht"


def _days(value: float | None) -> str:
    return "—" if value is None else format_decimal(value, 0)


def summary_pairs(f: BuddyFigures, today: date) -> list[tuple[str, str]]:
    return [
        ("Op de wachtlijst (vandaag)", format_count(f.waiting)),
        ("Voorgesteld, nog geen koppelingsgesprek", format_count(f.proposed)),
        ("Langste wachttijd nu (dagen)", _days(f.longest_wait_days)),
        (f"Lopende koppelingen op {today:%d-%m-%Y}", format_count(f.active)),
        ("Gekoppeld in de periode", format_count(f.matched)),
        ("Mediaan dagen van aanmelding tot koppeling", _days(f.median_days_to_match)),
        ("Beëindigd in de periode", format_count(f.ended)),
        ("Gemiddelde duur van beëindigde koppelingen (dagen)", _days(f.average_duration_days)),
    ]


GROUP_COLUMNS = (Column("", 0.285), Column("Wachtlijst", 0.105, right=True),
                 Column("Voorgesteld", 0.125, right=True), Column("Lopend", 0.08, right=True),
                 Column("Gekoppeld", 0.11, right=True),
                 Column("Mediaan dagen tot koppeling", 0.11, right=True),
                 Column("Beëindigd", 0.105, right=True),
                 Column("Gem. duur (dagen)", 0.08, right=True))


def _group_table(rows: list[BuddyFigureRow], first: str) -> object:
    columns = (Column(first, GROUP_COLUMNS[0].width), *GROUP_COLUMNS[1:])
    return data_table(columns, [
        (r.label, format_count(r.figures.waiting), format_count(r.figures.proposed),
         format_count(r.figures.active), format_count(r.figures.matched),
         _days(r.figures.median_days_to_match), format_count(r.figures.ended),
         _days(r.figures.average_duration_days)) for r in rows], total_row=True)


def _empty(f: BuddyFigures) -> bool:
    return not (f.waiting or f.proposed or f.active or f.matched or f.ended)


def build_buddies(engine: Engine, request: ReportRequest) -> Report:
    start, end = request.period.start, request.period.end
    project = request.initiative_id
    owner = initiative_name(engine, project) if project else organisation_name(engine)
    report = Report(TITLE, owner, request.period_text, request.today, confidential=True)
    by_project = buddy_figures(engine, "initiative", request.today, start, end)
    if project is not None:
        chosen = [r for r in by_project if r.key == str(project)]
        figures = chosen[0].figures if chosen else BuddyFigures()
    else:
        figures = by_project[-1].figures
    if _empty(figures):
        report.no_data("Geen wachtenden, geen lopende koppelingen en niets gekoppeld of "
                       "beëindigd in deze periode.")
        return report
    report.add(key_value_table(summary_pairs(figures, request.today)))
    if project is None:
        report.heading("Per project")
        report.add(_group_table(by_project, "Project"))
        report.heading("Per wijk van de inwoner")
        report.add(_group_table(buddy_figures(engine, "district", request.today, start, end),
                                "Wijk"))
    report.heading(f"Beëindigd in de periode, per reden ({format_count(figures.ended)})")
    if figures.ended_by_reason:
        reasons = figures.ended_by_reason
        report.add(data_table((Column("Reden", 0.5), Column("Aantal", 0.15, right=True)),
                              [(name, format_count(n)) for _c, name, n in reasons]))
        report.add(horizontal_bars("Beëindigde koppelingen per reden",
                                   [name for _c, name, _n in reasons],
                                   [("aantal", [n for _c, _name, n in reasons])],
                                   label_width=150))
    else:
        report.text("Geen koppeling beëindigd in deze periode.")
    _waiting_list(engine, report, request, project)
    _active_list(engine, report, project)
    return report


def _filters(status: str, project: int | None) -> dict[str, str]:
    return {"status": status} | ({"project": str(project)} if project else {})


def _waiting_list(engine: Engine, report: Report, request: ReportRequest,
                  project: int | None) -> None:
    keys = ["inwoner", "status", "wijk", "aangemeld", "wacht_sinds"] + (
        [] if project else ["project"])
    rows = register_rows(engine, "requests", _filters("wachtlijst", project), keys)
    report.heading(f"Wachtlijst op {request.today:%d-%m-%Y} ({format_count(len(rows))})")
    if not rows:
        report.text("Niemand wacht op een maatje.")
        return
    widths = {"inwoner": 0.24, "status": 0.1, "wijk": 0.15, "aangemeld": 0.1,
              "wacht_sinds": 0.1, "project": 0.21}
    columns = [Column(h, widths[k]) for k, h in zip(keys, headers("requests", keys), strict=True)]
    columns.insert(5, Column("Wacht (dagen)", 0.1, right=True))
    table_rows = []
    for row in rows:
        texts = cells("requests", row, keys)
        since = row["wacht_sinds"]
        waited = (request.today - since).days if isinstance(since, date) else None
        texts.insert(5, format_count(waited))
        table_rows.append(texts)
    report.add(data_table(columns, table_rows))


def _active_list(engine: Engine, report: Report, project: int | None) -> None:
    keys = ["inwoner", "vrijwilliger", "gestart", "laatste_contact"] + (
        [] if project else ["project"])
    rows = register_rows(engine, "matches", _filters("lopend", project), keys)
    report.heading(f"Lopende koppelingen ({format_count(len(rows))})")
    if not rows:
        report.text("Geen lopende koppelingen.")
        return
    widths = {"inwoner": 0.25, "vrijwilliger": 0.25, "gestart": 0.12,
              "laatste_contact": 0.13, "project": 0.25}
    report.add(data_table([Column(h, widths[k]) for k, h in
                           zip(keys, headers("matches", keys), strict=True)],
                          [cells("matches", r, keys) for r in rows]))
