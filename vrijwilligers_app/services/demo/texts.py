"""Short Dutch texts for the demo: referral questions, maatjes wishes, café themes, notes.

Questions name no one and hold no health details beyond what a volunteer would jot down.
"""

# (question, life domains, destination codes in order of likelihood, urgency weights
#  normaal/hoog/spoed)
QUESTIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[int, int, int]], ...] = (
    ("Post stapelt zich op, er zijn betalingsachterstanden.", ("financien",),
     ("schuldhulp", "lev_welzijn"), (70, 25, 5)),
    ("Heeft schulden en durft de deurwaarder niet te bellen.", ("financien", "inkomen"),
     ("schuldhulp", "lev_welzijn"), (60, 30, 10)),
    ("Inkomen is weggevallen na overlijden partner; hulp bij aanvragen nodig.",
     ("inkomen",), ("bijzondere_bijstand", "lev_welzijn", "senzer"), (75, 20, 5)),
    ("Kan de eigen bijdrage voor een bril of tandarts niet betalen.", ("inkomen",),
     ("bijzondere_bijstand",), (85, 15, 0)),
    ("Zoekt werk of dagbesteding, wil graag iets om handen.", ("werk", "ontwikkelen"),
     ("senzer", "lev_welzijn"), (90, 10, 0)),
    ("Huis is te groot en trap wordt te zwaar; vraag over aanpassing of verhuizing.",
     ("wonen",), ("woonpartners", "volksbelang", "compaen", "sth"), (80, 20, 0)),
    ("Vochtproblemen in de woning, verhuurder reageert niet.", ("wonen", "gezondheid"),
     ("woonpartners", "compaen", "volksbelang"), (75, 25, 0)),
    ("Huurachterstand, dreigt uit huis gezet te worden.", ("wonen", "financien"),
     ("schuldhulp", "woonpartners", "sth"), (20, 50, 30)),
    ("Redt het thuis steeds minder; hulp in huishouden of Wmo-aanvraag.",
     ("gezondheid", "wonen"), ("sth", "clientondersteuning"), (65, 30, 5)),
    ("Mantelzorger is overbelast en slaapt slecht.", ("gezondheid", "samenleven"),
     ("mantelzorg", "sth", "huisarts"), (60, 35, 5)),
    ("Vergeetachtigheid neemt toe, familie maakt zich zorgen.", ("gezondheid",),
     ("huisarts", "sth"), (70, 25, 5)),
    ("Voelt zich eenzaam en komt de deur niet meer uit.", ("samenleven", "vrije_tijd"),
     ("lev_welzijn", "sth"), (85, 15, 0)),
    ("Somberheid en piekeren, wil met iemand praten.", ("gezondheid",),
     ("huisarts", "ggz", "lev_welzijn"), (65, 30, 5)),
    ("Zorgen over alcoholgebruik van een gezinslid.", ("gezondheid", "veiligheid"),
     ("novadic", "huisarts"), (60, 35, 5)),
    ("Spanningen thuis; vermoeden van huiselijk geweld.", ("veiligheid",),
     ("veilig_thuis", "sth"), (10, 40, 50)),
    ("Ouder van drie kinderen zoekt opvoedsteun.", ("ontwikkelen", "samenleven"),
     ("sth", "lev_welzijn"), (80, 20, 0)),
    ("Begrijpt brieven van instanties niet; hulp bij formulieren nodig.",
     ("financien", "ontwikkelen"), ("lev_welzijn", "clientondersteuning"), (90, 10, 0)),
    ("Wil beter Nederlands leren om zelf te kunnen bellen met instanties.",
     ("ontwikkelen",), ("lev_welzijn", "senzer"), (95, 5, 0)),
    ("Hygiëne en overlast rond de woning, buren maken zich zorgen.",
     ("wonen", "gezondheid", "veiligheid"), ("ggd", "sth", "woonpartners"), (50, 40, 10)),
    ("Verward gedrag, vergeet te eten; woont alleen.", ("gezondheid", "veiligheid"),
     ("sth", "huisarts", "ggz"), (30, 50, 20)),
    ("Vraagt naar vervoer naar ziekenhuis en dagbesteding.", ("gezondheid", "vrije_tijd"),
     ("sth", "clientondersteuning"), (85, 15, 0)),
    ("Jongere na school thuis zonder werk of opleiding.", ("werk", "ontwikkelen"),
     ("senzer", "sth"), (85, 15, 0)),
)

# Questions that only fit some age bands; the others fit anyone.
AGE_HINTS = {
    "Zoekt werk of dagbesteding, wil graag iets om handen.": ("18-26", "27-44", "45-64"),
    "Mantelzorger is overbelast en slaapt slecht.": ("27-44", "45-64", "65-74", "75-84"),
    "Vergeetachtigheid neemt toe, familie maakt zich zorgen.": ("65-74", "75-84", "85+"),
    "Ouder van drie kinderen zoekt opvoedsteun.": ("18-26", "27-44", "45-64"),
    "Jongere na school thuis zonder werk of opleiding.": ("0-17", "18-26"),
    "Huis is te groot en trap wordt te zwaar; vraag over aanpassing of verhuizing.":
        ("65-74", "75-84", "85+"),
    "Inkomen is weggevallen na overlijden partner; hulp bij aanvragen nodig.":
        ("45-64", "65-74", "75-84", "85+"),
}

WISHES = (
    "Iemand om mee te wandelen, het liefst in de Warande.",
    "Samen boodschappen doen en een kop koffie drinken.",
    "Gezelschap; sinds mijn vrouw er niet meer is zie ik weinig mensen.",
    "Iemand om Nederlands mee te oefenen.",
    "Samen naar de markt of een museum.",
    "Een maatje om mee te fietsen.",
    "Iemand die een keer per week komt praten.",
    "Hulp om weer mensen te leren kennen in de wijk.",
    "Samen kaarten of een spelletje doen.",
    "Even de deur uit, mijn mantelzorger heeft dan een middag voor zichzelf.",
)

SKILLS = ("koken", "luisteren", "administratie", "rijbewijs", "computer", "tuinieren",
          "taalles", "muziek", "ehbo", "organiseren", "klussen", "gastvrijheid",
          "gespreksvoering", "fietsen", "schrijven")
INTERESTS = ("wandelen", "fietsen", "koken", "lezen", "muziek", "voetbal", "tuinieren",
             "kaarten", "schilderen", "geschiedenis", "natuur", "dieren", "handwerken",
             "puzzelen", "film", "reizen")
LANGUAGES = ("en", "de", "fr", "tr", "ar", "pl", "es")

CAFE_THEMES = (
    "Wat is dementie?", "Omgaan met veranderend gedrag", "Communiceren met iemand met dementie",
    "Mantelzorg: zorgen voor jezelf", "Levenstestament en mentorschap",
    "Dementie op jonge leeftijd", "Muziek en dementie", "Dagbesteding en respijtzorg",
    "Wat doet de casemanager dementie?", "Thuis wonen of verhuizen naar een verpleeghuis",
    "Rouw en verlies bij dementie", "Medicijnen en dementie", "Technologie in huis",
    "Bewegen en voeding", "Autorijden en dementie",
)
SPEAKER_ROLES = ("casemanager dementie", "specialist ouderengeneeskunde", "notaris",
                 "mantelzorgconsulent", "muziektherapeut", "fysiotherapeut", "psycholoog",
                 "diëtist", "ervaringsdeskundige")

CONTACT_NOTES = {
    "bezoek": ("", "", "Samen koffie gedronken.", "Goed gesprek gehad.", "Spelletje gedaan.",
               "Foto's van de kleinkinderen bekeken."),
    "wandeling": ("", "Gewandeld in de Warande.", "Boodschappen gedaan.",
                  "Samen naar de markt.", "Rondje over de Kasteelweide."),
    "telefoon": ("", "", "Even gebeld, gaat goed.", "Afspraak verzet naar volgende week."),
    "beeldbellen": ("", "Beeldbellen lukt steeds beter."),
    "bericht": ("", "", "Appje gestuurd voor de afspraak."),
}
EVALUATION_OUTCOMES = (
    "Klikt goed, beiden willen door.", "Contact is wat onregelmatig; afspraken gemaakt.",
    "Inwoner komt meer buiten, doel komt in zicht.", "Vrijwilliger vraagt wat meer begeleiding.",
    "Gaat prima, volgende evaluatie over drie maanden.",
)
CALLBACK_OUTCOMES = ("Nog geen contact gehad", "Staat op de wachtlijst",
                     "Intakegesprek gepland", "Geen gehoor, later opnieuw",
                     "Brief ontvangen, wacht op afspraak")
