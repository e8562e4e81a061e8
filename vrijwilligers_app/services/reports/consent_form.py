"""Toestemmingsformulier: one A4 for a resident to read and sign, naming the concrete
purposes and organisations (AVG art. 7 and, for health or debt, art. 9: explicit consent).

The organisations listed are those the resident already consented to, those of their named
referrals, and any the caller adds (the one a volunteer is about to refer to), plus empty
lines. What the ledger already holds is printed beside each purpose.
"""

from collections.abc import Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from sqlalchemy import Engine

from vrijwilligers_app.domain import consent as rules
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.consents import ConsentRow, ledger
from vrijwilligers_app.services.reports import styles
from vrijwilligers_app.services.reports.document import FRAME_WIDTH, Report
from vrijwilligers_app.services.reports.errors import ReportError
from vrijwilligers_app.services.reports.request import organisation_name
from vrijwilligers_app.services.reports.styles import escape
from vrijwilligers_app.store.queries import reports as queries

TITLE = "Toestemmingsformulier"
BOX = "☐ ja   ☐ nee"
EMPTY_LINES = 2


def _state(rows: Sequence[ConsentRow], purpose: str, destination_id: int | None = None) -> str:
    for row in rows:
        if row.purpose == purpose and row.withdrawn_on is None and (
                purpose != rules.SHARING or row.destination_id == destination_id):
            return (f"gegeven op {format_date_nl(row.given_on)} "
                    f"({str(row.how).lower()})")
    return ""


def build_consent_form(engine: Engine, resident_id: int, today: date,
                       extra_destinations: Sequence[int] = ()) -> Report:
    with engine.connect() as connection:
        person, organisations = queries.consent_form_rows(connection, resident_id,
                                                          extra_destinations)
    if person is None:
        raise ReportError("Deze inwoner bestaat niet (meer); kies een andere inwoner.")
    owner = organisation_name(engine)
    rows = ledger(engine, resident_id)
    name = " ".join(p for p in (person[0], person[1], person[2]) if p)
    report = Report(TITLE, owner, f"Datum: {format_date_nl(today)}", today, confidential=True,
                    subject=f"Toestemming van {name}")
    report.add(Paragraph(f"<b>Naam inwoner:</b> {escape(name)}<br/><b>Geboortejaar:</b> "
                         f"{person[3] or '—'}<br/><b>Wijk:</b> {escape(person[4] or '—')}",
                         styles.BODY))
    report.text(
        f"{owner} helpt inwoners van Helmond met vrijwilligers, en verwijst soms door naar "
        "een organisatie. Daarvoor schrijven wij een paar gegevens op. Wij vragen uw "
        "toestemming per doel en per organisatie. U kiest zelf: zonder toestemming helpen wij "
        "u ook, maar dan zonder uw naam (alleen wijk en leeftijdsgroep). Wij bewaren nooit uw "
        "BSN.")
    cell, head = styles.CELL, styles.HEADER_CELL
    table: list[list[object]] = [[Paragraph("Waarvoor", head), Paragraph("Uw keuze", head),
                                  Paragraph("Nu vastgelegd", head)]]

    def line(what: str, state: str) -> None:
        table.append([Paragraph(escape(what), cell), Paragraph(BOX, cell),
                      Paragraph(escape(state), cell)])

    line(f"Mijn naam, telefoonnummer, wijk, geboortejaar en mijn vraag mogen worden "
         f"vastgelegd in het register van {owner}.", _state(rows, rules.RECORDING))
    for destination_id, organisation in organisations:
        line(f"Mijn gegevens en mijn vraag mogen worden doorgegeven aan {organisation}, "
             "zodat zij mij kunnen helpen.", _state(rows, rules.SHARING, destination_id))
    for _ in range(EMPTY_LINES):
        line("Doorgeven aan (organisatie): ______________________________", "")
    line("Ik mag zonder naam meetellen in de cijfers voor de gemeente Helmond (alleen "
         "leeftijdsgroep, wijk en de cijfers van de postcode).", _state(rows, rules.GEMEENTE))
    grid = Table(table, colWidths=[FRAME_WIDTH * 0.56, FRAME_WIDTH * 0.16, FRAME_WIDTH * 0.28],
                 repeatRows=1)
    grid.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, styles.GRID),
        ("BACKGROUND", (0, 0), (-1, 0), styles.LIGHT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 1), (-1, -1), 6), ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
    ]))
    report.add(grid, Spacer(1, 8))
    report.text(
        "U kunt uw toestemming altijd weer intrekken, helemaal of voor één organisatie, "
        "mondeling of schriftelijk. Wat al is doorgegeven, vertellen wij u dan; daarna geven "
        "wij niets meer door. U mag altijd vragen wat wij over u hebben vastgelegd.")
    signature = Table([
        ["Handtekening inwoner", "", "Naam en handtekening vrijwilliger", ""],
        ["", "", "", ""],
        ["Plaats en datum", "", "Plaats en datum", ""],
    ], colWidths=[FRAME_WIDTH * 0.22, FRAME_WIDTH * 0.26, FRAME_WIDTH * 0.26,
                  FRAME_WIDTH * 0.26], rowHeights=[16, 34, 22])
    signature.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), styles.FONT, 9),
        ("LINEBELOW", (1, 0), (1, 0), 0.7, colors.black),
        ("LINEBELOW", (3, 0), (3, 0), 0.7, colors.black),
        ("LINEBELOW", (1, 2), (1, 2), 0.7, colors.black),
        ("LINEBELOW", (3, 2), (3, 2), 0.7, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    report.add(Spacer(1, 18), signature)
    return report
