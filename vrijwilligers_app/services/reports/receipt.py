"""Bewijs van verwijdering (art. 17 AVG): what kinds of data were erased, when, by whom.

Printed for the resident right after vergeten. It names the register's record number and
the kinds and numbers of records, never the erased data itself (no name, contact data or
text), so the receipt can be kept in a paper file without becoming personal data again.
"""

from datetime import datetime

from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.privacy.forget import ForgetPreview
from vrijwilligers_app.services.reports.document import Report, render
from vrijwilligers_app.services.reports.tables import key_value_table

ERASED = ("naam (voornaam, tussenvoegsel, achternaam)", "telefoonnummer en e-mailadres",
          "het straatdeel van de postcode (de 4 cijfers blijven)",
          "geboortejaar (vervangen door een leeftijdsgroep)",
          "alle vrije tekst: vragen, wensen, interesses, notities, uitkomsten van nabellen, "
          "evaluaties en notities bij contactmomenten",
          "de zoekindex van het register")
KEPT = ("datums, wijk, buurt, codes (organisatie, leefdomein, reden van afsluiten) en "
        "statussen, zonder naam, voor de cijfers van de organisatie en de gemeente",
        "het logboek van het register (alleen met dossiernummer, zonder naam)")


def build_receipt(preview: ForgetPreview, done_at: datetime, actor: str,
                  owner: str, closed: list[str], keep_days: int = 14) -> Report:
    """`preview` is the one shown before vergeten (its counts and open items); `closed`
    what was still open and was closed."""
    report = Report(title="Bewijs van verwijdering", owner=owner or "Vrijwilligersregister",
                    period_text=f"Verwijderd op {format_date_nl(done_at.date())}",
                    printed_on=done_at.date(), subject="Vergeten (art. 17 AVG)")
    report.text("Op verzoek van de inwoner zijn de persoonsgegevens in het "
                "vrijwilligersregister gewist (artikel 17 AVG, recht op vergetelheid).")
    report.add(key_value_table([
        ("Dossiernummer", str(preview.resident_id)),
        ("Gewist op", f"{format_date_nl(done_at.date())} om {done_at:%H:%M}"),
        ("Gewist door", actor or "(geen naam ingesteld)"),
    ]))
    report.heading("Wat is gewist")
    for line in ERASED:
        report.text(f"• {line}")
    counted = [f"{n} {label}" for label, n in preview.counts.items() if n]
    if counted:
        report.text("Bij: " + ", ".join(counted) + ".")
    if closed:
        report.heading("Wat nog liep en is afgesloten")
        for line in closed:
            report.text(f"• {line}")
        report.note("De organisaties zijn hierover niet door het register geïnformeerd. Hun "
                    "eigen gegevens vallen onder hun eigen verantwoordelijkheid.")
    report.heading("Wat blijft")
    for line in KEPT:
        report.text(f"• {line}")
    report.heading("Back-ups")
    report.text("Automatische back-ups op deze computer bevatten de gegevens nog tot ze "
                f"worden opgeruimd: na {keep_days} dagen (zie Instellingen). "
                "Back-ups die elders zijn bewaard, ruimt de beheerder zelf op.")
    return report


def receipt_pdf(preview: ForgetPreview, done_at: datetime, actor: str, owner: str,
                closed: list[str], keep_days: int = 14) -> bytes:
    return render(build_receipt(preview, done_at, actor, owner, closed, keep_days))
