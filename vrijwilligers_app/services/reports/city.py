"""Sociaal domein in beeld: the gemeente's city-wide overview from the merged export
packages, per source (laptop) and for the whole city.

Paper leaves the gemeente view, so this report prints `published(...)` from
`services.exchange.gemeente_figures`: every count from 1 to 4 is shown as "<5" and the waiting
times of a group with fewer than 5 referrals are left out, so no resident can be singled out.
"""

from typing import Any

from sqlalchemy import Engine

from vrijwilligers_app.domain.dutch_format import format_count, format_decimal, format_percent
from vrijwilligers_app.services.exchange.gemeente_figures import (
    SUPPRESS_BELOW,
    city_overview,
    published,
)
from vrijwilligers_app.services.reports.charts import horizontal_bars
from vrijwilligers_app.services.reports.document import Report
from vrijwilligers_app.services.reports.request import ReportRequest
from vrijwilligers_app.services.reports.tables import Column, data_table, key_value_table
from vrijwilligers_app.store.gemeente_db import gemeente_store, saved_database_url
from vrijwilligers_app.store.queries import reports as queries
from vrijwilligers_app.store.settings import get_setting

TITLE = "Sociaal domein in beeld"
DEFAULT_GEMEENTE = "Gemeente Helmond"
SMALL = "<5"
SUPPRESSION_NOTE = (f"Aantallen van 1 tot en met {SUPPRESS_BELOW - 1} staan er als '{SMALL}': "
                    "zo is geen inwoner te herkennen. Wachttijden staan er alleen bij "
                    f"groepen van minstens {SUPPRESS_BELOW} doorverwijzingen.")


def count_text(value: int | None) -> str:
    return SMALL if value is None else format_count(value)


def _days(block: dict[str, Any] | None, key: str) -> str:
    if not block:
        return "—"
    value = block.get(key)
    if value is None:
        return "nog niet bereikt" if block.get("aantal") else "—"
    return format_count(int(value))


def _names(engine: Engine, table: str) -> dict[str, str]:
    with engine.connect() as connection:
        return queries.code_names(connection, table)


def build_city(engine: Engine, request: ReportRequest) -> Report:
    owner = get_setting(engine, "organisation_name").strip() or DEFAULT_GEMEENTE
    report = Report(TITLE, owner, request.period_text, request.today)
    end = min(request.period.end, request.today)
    # The figures come from the gemeente store: the register, or the PostgreSQL database
    # saved in Instellingen (issue 17).
    with gemeente_store(engine, saved_database_url(engine)) as store:
        overview = published(city_overview(store, request.period.start, end, request.today))
    sources, city = overview["bronnen"], overview["stad"]
    if not sources:
        report.no_data("Er zijn nog geen exportbestanden van initiatieven ingelezen "
                       "(vrijwilligers-app gemeente import MAP).")
        return report
    report.note(SUPPRESSION_NOTE)
    referrals = city["doorverwijzingen"]
    report.add(key_value_table([
        ("Bronnen (laptops)", format_count(len(sources))),
        ("Actieve initiatieven", format_count(city["initiatieven_actief"])),
        ("Vrijwilligersplaatsen", count_text(city["vrijwilligersplaatsen"])),
        ("Inwoners in beeld", count_text(city["inwoners"])),
        ("Maatjes: op de wachtlijst", count_text(city["maatjes_wachtend"])),
        ("Maatjes: lopende koppelingen", count_text(city["maatjes_actief"])),
        ("Activiteiten gehouden", format_count(city["activiteiten"])),
        ("Vrijwilligersuren", format_decimal(city["vrijwilligersuren"], 1)),
        ("Doorverwijzingen gesignaleerd", count_text(referrals["doorverwijzingen"])),
        ("Wachttijd tot eerste contact, mediaan (dagen)", _days(referrals.get("wachttijd"),
                                                                 "mediaan_dagen")),
        ("Doorlooptijd, mediaan (dagen)", _days(referrals.get("doorlooptijd"),
                                                "mediaan_dagen")),
        ("Eerste contact binnen de afgesproken termijn",
         format_percent(referrals.get("binnen_termijn"))),
    ]))
    report.heading("Per bron")
    report.add(data_table(
        (Column("Bron", 0.28), Column("Initiatieven", 0.12, right=True),
         Column("Plaatsen vrijwilligers", 0.13, right=True),
         Column("Maatjes wachtend", 0.11, right=True), Column("Maatjes lopend", 0.11, right=True),
         Column("Activiteiten", 0.12, right=True), Column("Doorverwijzingen", 0.13, right=True)),
        [(s["naam"], format_count(s["initiatieven_actief"]), count_text(s["vrijwilligersplaatsen"]),
          count_text(s["maatjes_wachtend"]), count_text(s["maatjes_actief"]),
          format_count(s["activiteiten"]), count_text(s["doorverwijzingen"]["doorverwijzingen"]))
         for s in sources]))
    _per_destination(engine, report, city)
    _visitors_and_endings(engine, report, city)
    return report


def _per_destination(engine: Engine, report: Report, city: dict[str, Any]) -> None:
    groups = city["doorverwijzingen_per_organisatie"]
    if not groups:
        return
    names = _names(engine, "destination")
    rows = sorted(((names.get(code, code), block) for code, block in groups.items()),
                  key=lambda pair: pair[0].casefold())
    report.heading("Wachttijden per organisatie (hele stad)")
    report.note("Wachttijd: aanmelding tot eerste contact; doorlooptijd: aanmelding tot "
                "geholpen of afgesloten. Wie nog wacht telt mee met de dagen die hij tot nu "
                "toe wacht (rekenwijze Kaplan–Meier); 'nog niet "
                "bereikt': meer dan de helft wacht nog.")
    report.add(data_table(
        (Column("Organisatie", 0.34), Column("Aantal", 0.09, right=True),
         Column("mediaan", 0.1, right=True), Column("90%", 0.1, right=True),
         Column("mediaan", 0.1, right=True), Column("90%", 0.1, right=True),
         Column("Binnen termijn", 0.17, right=True)),
        [(name, count_text(b["doorverwijzingen"]), _days(b.get("wachttijd"), "mediaan_dagen"),
          _days(b.get("wachttijd"), "p90_dagen"), _days(b.get("doorlooptijd"), "mediaan_dagen"),
          _days(b.get("doorlooptijd"), "p90_dagen"), format_percent(b.get("binnen_termijn")))
         for name, b in rows],
        groups=(("", 2), ("Wachttijd (dagen)", 2), ("Doorlooptijd (dagen)", 2), ("", 1))))
    shown = [(name, b["doorverwijzingen"]) for name, b in rows if b["doorverwijzingen"]]
    if shown:
        report.add(horizontal_bars("Doorverwijzingen per organisatie (groepen onder 5 "
                                   "weggelaten)", [n for n, _ in shown],
                                   [("aantal", [c for _, c in shown])]))


def _visitors_and_endings(engine: Engine, report: Report, city: dict[str, Any]) -> None:
    visitor_names = _names(engine, "visitor_type")
    visitors = city["bezoekers_per_soort"]
    if visitors:
        report.heading("Bezoekers van activiteiten per soort")
        report.add(data_table((Column("Soort bezoeker", 0.5), Column("Aantal", 0.15, right=True)),
                              [(visitor_names.get(code, code), count_text(n))
                               for code, n in visitors.items()]))
    endings = city["maatjes_beeindigd_per_reden"]
    if endings:
        reason_names = _names(engine, "match_end_reason")
        report.heading("Beëindigde maatjeskoppelingen per reden")
        report.add(data_table((Column("Reden", 0.5), Column("Aantal", 0.15, right=True)),
                              [(reason_names.get(code, code), count_text(n))
                               for code, n in endings.items()]))
