"""Vrijwilligerslijst / adreslijst of one initiative: marked "vertrouwelijk" on every page.

Who: volunteers with a role in the initiative during the period (a role without dates
counts as always), not archived. Sorted by last name as a phone list is.

Reads on a plain DB-API connection (kinds: `plain`; store.direct), so the command line
prints it without importing SQLAlchemy.
"""

from collections import defaultdict
from datetime import date
from typing import Any

from vrijwilligers_app.domain.dutch_format import format_count
from vrijwilligers_app.domain.names import full_name
from vrijwilligers_app.domain.validation import format_date_nl, format_phone
from vrijwilligers_app.services.reports.document import Report
from vrijwilligers_app.services.reports.request import (
    ReportRequest,
    require_initiative,
    unknown_initiative,
)
from vrijwilligers_app.services.reports.tables import Column, data_table
from vrijwilligers_app.store.queries import volunteer_list as queries

TITLE = "Vrijwilligerslijst"
COLUMNS = (Column("Naam", 0.19), Column("Rol", 0.14), Column("Telefoon", 0.13),
           Column("E-mail", 0.25), Column("Adres", 0.18), Column("VOG gezien", 0.11))


def volunteer_rows(connection: Any, initiative_id: int, request: ReportRequest
                   ) -> list[tuple[str, ...]]:
    """`connection`: DB-API (store.direct)."""
    found = queries.volunteers_of_initiative(connection, initiative_id, request.period.start,
                                             request.period.end)
    roles: dict[int, list[str]] = defaultdict(list)
    people: dict[int, Any] = {}
    for row in found:
        people.setdefault(row[0], row)
        if row[11] not in roles[row[0]]:
            roles[row[0]].append(row[11])
    rows: list[tuple[str, ...]] = []
    for vid, row in people.items():
        _id, first, prefix, last, phone, email, street, postcode, city, vog = row[:10]
        address = "\n".join(p for p in (str(street or ""),
                                        " ".join(str(x) for x in (postcode, city) if x)) if p)
        rows.append((full_name(str(first), str(prefix or ""), str(last)), ", ".join(roles[vid]),
                     format_phone(str(phone)) if phone else "", str(email or ""), address,
                     format_date_nl(_day(vog)) if vog else "geen"))
    return rows


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def build_volunteer_list(connection: Any, request: ReportRequest) -> Report:
    """`connection`: DB-API, in one read transaction (store.direct)."""
    initiative_id = require_initiative(request, "de vrijwilligerslijst")
    name = queries.initiative_name(connection, initiative_id)
    if name is None:
        raise unknown_initiative(initiative_id)
    report = Report(f"{TITLE} {name}", name, request.period_text, request.today,
                    confidential=True)
    rows = volunteer_rows(connection, initiative_id, request)
    if not rows:
        report.no_data(f"{name} had in deze periode geen vrijwilligers met een rol.")
        return report
    report.note(f"{format_count(len(rows))} vrijwilligers met een rol in deze periode.")
    report.add(data_table(COLUMNS, rows))
    return report
