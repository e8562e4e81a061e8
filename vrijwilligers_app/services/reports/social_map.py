"""Sociale kaart: the initiatives per wijk and per leefdomein with contact data, and the
organisations residents are referred to. Public data: not confidential.

Shows the current state (active, not archived initiatives on the printing day); the period
is not used.
"""

from collections import defaultdict

from sqlalchemy import Engine

from vrijwilligers_app.domain.validation import format_date_nl, format_phone
from vrijwilligers_app.services.reports.document import Report
from vrijwilligers_app.services.reports.request import ReportRequest, organisation_name
from vrijwilligers_app.services.reports.tables import Column, data_table
from vrijwilligers_app.store.queries import reports as queries

TITLE = "Sociale kaart"
ALL_OVER = "Heel Helmond of wijk niet vastgelegd"
_INITIATIVE_COLUMNS = (Column("Initiatief, soort en adres", 0.31), Column("Leefdomeinen", 0.17),
                       Column("Contact", 0.19), Column("E-mail en website", 0.33))


def build_social_map(engine: Engine, request: ReportRequest) -> Report:
    report = Report(TITLE, organisation_name(engine),
                    f"Stand per {format_date_nl(request.today)}", request.today)
    with engine.connect() as connection:
        initiatives, districts, domains, destinations = queries.social_map_rows(
            connection, request.today)
    if not initiatives and not destinations:
        report.no_data("Er zijn geen actieve initiatieven en geen organisaties vastgelegd.")
        return report
    domain_names: dict[int, list[str]] = defaultdict(list)
    by_domain: dict[str, list[int]] = defaultdict(list)
    domain_order: dict[str, str] = {}
    for initiative_id, code, name, group in domains:
        domain_names[initiative_id].append(name)
        by_domain[code].append(initiative_id)
        domain_order.setdefault(code, f"{name} ({group})")
    by_district: dict[tuple[str, str], list[int]] = defaultdict(list)
    placed: set[int] = set()
    for initiative_id, code, name in districts:
        by_district[(name, code)].append(initiative_id)
        placed.add(initiative_id)
    rows = {i[0]: _initiative_row(i, domain_names[i[0]]) for i in initiatives}
    names = {i[0]: i[1] for i in initiatives}

    report.note(f"{len(initiatives)} actieve initiatieven in {len(by_district)} wijken. Een "
                "initiatief dat in meer wijken werkt, staat bij elke wijk.")
    report.heading("Initiatieven per wijk")
    for (district_name, _code), ids in sorted(by_district.items()):
        active = [i for i in ids if i in rows]
        if active:
            report.subheading(f"{district_name} ({len(active)})")
            report.add(data_table(_INITIATIVE_COLUMNS, [rows[i] for i in active]))
    elsewhere = [i for i in rows if i not in placed]
    if elsewhere:
        report.subheading(f"{ALL_OVER} ({len(elsewhere)})")
        report.add(data_table(_INITIATIVE_COLUMNS, [rows[i] for i in elsewhere]))

    report.heading("Initiatieven per leefdomein")
    domain_rows = [(domain_order[code], str(len(active)), ", ".join(names[i] for i in active))
                   for code, ids in by_domain.items()
                   if (active := [i for i in ids if i in names])]
    report.add(data_table((Column("Leefdomein", 0.22), Column("Aantal", 0.08, right=True),
                           Column("Initiatieven", 0.70)), domain_rows))

    if destinations:
        report.heading("Organisaties voor doorverwijzing")
        report.add(data_table(
            (Column("Organisatie", 0.2), Column("Dienst", 0.22), Column("Leefdomeinen", 0.16),
             Column("Telefoon", 0.11), Column("Website", 0.22),
             Column("Reactie binnen", 0.09, right=True)),
            [(org, service, domains_text or "", format_phone(phone) if phone else "",
              short_url(site),
              f"{days} d" if days is not None else "—")
             for _id, org, service, phone, site, days, domains_text in destinations]))
    return report


def _initiative_row(row: tuple[object, ...], domains: list[str]) -> tuple[str, ...]:
    _id, name, type_name, contact, phone, email, website, address, postcode = row
    place = ", ".join(str(p) for p in (address, postcode) if p)
    first = "\n".join(str(p) for p in (name, type_name, place) if p)
    reach = "\n".join(p for p in (str(contact or ""), format_phone(str(phone)) if phone else "")
                      if p)
    return (first, ", ".join(domains), reach,
            "\n".join(v for v in (str(email or ""), short_url(str(website or ""))) if v))


def short_url(url: str) -> str:
    """'https://www.levgroep.nl/' -> 'www.levgroep.nl': what people type, fewer line breaks."""
    for scheme in ("https://", "http://"):
        url = url.removeprefix(scheme)
    return url.rstrip("/")
