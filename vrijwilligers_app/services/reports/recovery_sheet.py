"""The herstelsleutel on paper: one A4 to print or save, as BitLocker offers."""

from datetime import date

from reportlab.lib.styles import ParagraphStyle

from vrijwilligers_app.services.reports import styles
from vrijwilligers_app.services.reports.document import Report, render


def recovery_sheet_pdf(recovery_key: str, where: str, today: date | None = None) -> bytes:
    """`where`: the data dir (so a coordinator with several laptops knows which register)."""
    report = Report(title="Herstelsleutel van het register", owner="Vrijwilligersregister",
                    period_text=f"Gemaakt op {(today or date.today()):%d-%m-%Y}",
                    printed_on=today or date.today(), confidential=True)
    report.text("Met deze herstelsleutel opent u het register als u het wachtwoord kwijt bent. "
                "Bewaar dit papier op een veilige plek, niet bij de laptop en niet op de "
                "laptop zelf. Wie deze sleutel en de laptop heeft, kan het register lezen.")
    report.heading("Herstelsleutel")
    big = ParagraphStyle("herstelsleutel", fontName=styles.FONT_BOLD, fontSize=18,
                         leading=26, spaceBefore=6, spaceAfter=12)
    report.text(recovery_key.replace("-", " - "), big)
    report.heading("Register")
    report.text(f"Gegevensmap: {where}")
    report.note("Typfouten in spaties en streepjes maken niet uit. Raakt u zowel het wachtwoord "
                "als deze herstelsleutel kwijt, dan kan niemand het register nog openen, ook de "
                "makers van de app niet.")
    return render(report)
