"""Inzage (art. 15 AVG): one PDF with everything stored about one resident (sections from
services.privacy.inzage), confidential, for the resident to take home."""

from datetime import date

from vrijwilligers_app.services.privacy.inzage import Inzage
from vrijwilligers_app.services.reports.document import FRAME_WIDTH, Report, render
from vrijwilligers_app.services.reports.tables import Column, data_table, key_value_table

INTRO = ("Dit overzicht bevat alle gegevens die in het vrijwilligersregister over u zijn "
         "vastgelegd (artikel 15 AVG): uw gegevens en toestemmingen, maatjesaanvragen en "
         "koppelingen, doorverwijzingen met hun geschiedenis, wat (zonder naam) met de "
         "gemeente is gedeeld, en wie uw dossier heeft geopend of afgedrukt. Klopt er iets "
         "niet, dan passen wij het aan. U kunt ook vragen om uw gegevens te wissen.")


WIDE = {"Wens", "Interesses", "Notities", "Notitie", "Uitkomst", "Project", "Vrijwilliger",
        "Activiteit", "Wat", "Datums", "Waarvoor"}

MEDIUM = {"Status", "Stap", "Soort", "Reden", "Bron"}


def build_inzage(inzage: Inzage, owner: str, today: date) -> Report:
    report = Report(title=f"Inzage: {inzage.name}", owner=owner, period_text=f"Stand per "
                    f"{today:%d-%m-%Y}", printed_on=today, confidential=True,
                    subject="Inzage (art. 15 AVG)")
    report.text(INTRO)
    for section in inzage.sections:
        report.heading(section.title)
        if section.note:
            report.note(section.note)
        if not section.rows:
            report.text("Niets vastgelegd.")
        elif not section.headers:
            pairs = [(str(label), str(value)) for label, value in section.rows]
            report.add(key_value_table(pairs, FRAME_WIDTH, 0.35, numbers=False))
        else:
            weights = [3 if h in WIDE else 1.6 if h in MEDIUM else 1 for h in section.headers]
            columns = [Column(h, w / sum(weights)) for h, w in zip(section.headers, weights,
                                                                     strict=True)]
            report.add(data_table(columns, section.rows))
    return report


def inzage_pdf(inzage: Inzage, owner: str, today: date) -> bytes:
    return render(build_inzage(inzage, owner, today))
