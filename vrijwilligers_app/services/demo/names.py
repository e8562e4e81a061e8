"""Fictitious but believable Helmond names, streets and postcodes for the demo register.

Names mix the Brabant surnames common in Helmond with the city's newer families; a share
carries diacritics so screens, sorting, search and exports meet them early. Streets are
grouped loosely by wijk and postcode areas per wijk are rough: plausibility for a demo, not a
lookup table (DOMAIN.md: there is no reliable postcode→wijk table).
"""


FEMALE_FIRST_NAMES = (
    "Anna", "Maria", "Johanna", "Petra", "Ingrid", "Marieke", "Anja", "Els", "Ria", "Truus",
    "Mieke", "Annie", "Lies", "Gerda", "Wilma", "Henny", "Corry", "Dinie", "Jeanne", "Tiny",
    "Sandra", "Linda", "Monique", "Esther", "Sanne", "Lotte", "Fleur", "Noor", "Emma", "Julia",
    "Sophie", "Eva", "Lieke", "Femke", "Iris", "Doriën", "Zoë", "Chloë", "Noëlle", "Renée",
    "Hélène", "Anaïs", "Inès", "Fatima", "Khadija", "Meryem", "Elif", "Zeynep", "Ayşe",
    "Agnieszka", "Katarzyna", "Ewa", "Thu", "Linh", "Amal", "Hanan", "Yasmina", "Gül",
    "Maryam", "Olga", "Daniela", "Marta",
)
MALE_FIRST_NAMES = (
    "Jan", "Piet", "Kees", "Henk", "Wim", "Toon", "Harrie", "Sjef", "Jo", "Frans", "Martien",
    "Gerrit", "Hans", "Ad", "Theo", "Rinus", "Marcel", "Peter", "Erik", "Mark", "Rob", "Bas",
    "Tom", "Luuk", "Daan", "Sem", "Thijs", "Bram", "Jeroen", "Ruud", "André", "José", "René",
    "Jérôme", "Joël", "Mohamed", "Ahmed", "Youssef", "Hamza", "Mustafa", "Mehmet", "Ömer",
    "Emre", "Hüseyin", "Tomasz", "Piotr", "Krzysztof", "Minh", "Duc", "Hassan", "Ali",
    "Karim", "Dmytro", "Andrzej", "Joost", "Niels",
)
NEUTRAL_FIRST_NAMES = ("Kim", "Sam", "Robin", "Noa", "Alex", "Charlie", "Jip", "Lou")

# (tussenvoegsel, achternaam)
SURNAMES = (
    ("van", "Bussel"), ("", "Verhoeven"), ("van de", "Ven"), ("van der", "Heijden"),
    ("", "Hendriks"), ("", "Raaijmakers"), ("van", "Gerwen"), ("", "Swinkels"), ("", "Aarts"),
    ("van", "Lieshout"), ("van", "Dijk"), ("", "Vogels"), ("van", "Deursen"), ("", "Manders"),
    ("", "Biemans"), ("", "Vereijken"), ("van", "Mierlo"), ("", "Coolen"), ("", "Kuijpers"),
    ("", "Martens"), ("", "Rooijakkers"), ("", "Peters"), ("", "Janssen"), ("", "Jansen"),
    ("de", "Vries"), ("van den", "Berg"), ("", "Bakker"), ("", "Visser"), ("", "Smits"),
    ("", "Meulendijks"), ("van", "Asten"), ("", "Leenders"), ("", "Verberne"), ("van de", "Laar"),
    ("", "Hurkmans"), ("van", "Rijt"), ("", "Bekkers"), ("van den", "Boom"), ("", "Fransen"),
    ("de", "Wit"), ("van", "Veghel"), ("", "Slegers"), ("", "Donkers"), ("van der", "Linden"),
    ("", "Goossens"), ("", "Willems"), ("van", "Beek"), ("de", "Groot"), ("van den", "Heuvel"),
    ("", "Müller"), ("", "Şahin"), ("", "Nguyễn"), ("", "Yılmaz"), ("", "Kaya"), ("", "Öztürk"),
    ("", "Çelik"), ("", "Doğan"), ("el", "Amrani"), ("", "Bouzid"), ("", "Benali"),
    ("", "Kowalski"), ("", "Nowak"), ("", "Wiśniewski"), ("", "Tran"), ("", "Pham"),
    ("", "Haddad"), ("", "Abdi"), ("", "Santos"), ("", "Popescu"), ("", "Ivanova"),
    ("", "Schäfer"), ("", "Lefèvre"),
)
# Dutch families twice as likely as any single other; the list order above does the rest.
SURNAME_WEIGHTS = tuple(3 if i < 49 else 1 for i in range(len(SURNAMES)))

LANGUAGE_BY_SURNAME = {
    "Şahin": "tr", "Yılmaz": "tr", "Kaya": "tr", "Öztürk": "tr", "Çelik": "tr", "Doğan": "tr",
    "Amrani": "ar", "Bouzid": "ar", "Benali": "ar", "Haddad": "ar", "Abdi": "so",
    "Kowalski": "pl", "Nowak": "pl", "Wiśniewski": "pl", "Nguyễn": "vi", "Tran": "vi",
    "Pham": "vi", "Santos": "pt", "Popescu": "ro", "Ivanova": "uk", "Müller": "de",
    "Schäfer": "de", "Lefèvre": "fr",
}

# Loosely per wijk (short name as in helmond_wijken.csv); unknown wijken fall back to all.
STREETS_BY_DISTRICT = {
    "Binnenstad": ("Markt", "Veestraat", "Kerkstraat", "Steenweg", "Ameidestraat",
                   "Watermolenwal", "Noord Koninginnewal", "Zuid Koninginnewal", "Havenweg",
                   "Torenstraat", "Molenstraat"),
    "Helmond-Oost": ("Deurneseweg", "Beisterveldweg", "Straakvenweg", "Kasteellaan",
                     "Wolfsdonk", "Prins Karelstraat"),
    "Helmond-Noord": ("Bloemvelden", "Binderseind", "Eeuwselsweg", "Lupinestraat",
                      "Tulpstraat", "Aarle-Rixtelseweg"),
    "'t Hout": ("Hoofdstraat", "Mierloseweg", "Kroon", "Akkerstraat", "Gansenwinkel",
                "Goorloopzoom"),
    "Brouwhuis": ("Brouwhuisweg", "Brouwhorst", "Bakelsedijk", "Kloostereind",
                  "Kasteel-Traverse"),
    "Helmond-West": ("Houtsdonk", "Julianalaan", "Wesselmanlaan", "Zoutsedijk"),
    "Warande": ("Warandelaan", "Oranjestraat", "Zwanenbeemd", "Overbrug"),
    "Stiphout": ("Dorpsstraat", "Schootense Dreef", "Geeneindseweg", "Stiphoutse Dreef"),
    "Rijpelberg": ("Rijpelbergseweg", "Berkendonk", "Rivierensingel", "Maasstraat"),
    "Dierdonk": ("Dierdonklaan", "Scheepstal", "Dierdonkse Dreef", "Hazelaar"),
    "Brandevoort": ("Brandevoortse Dreef", "De Veste", "Schutsboom", "Stepekolk",
                    "Berenbroek", "Marktstraat Brandevoort"),
    "Industriegebied Zuid": ("Hoogeindsestraat", "Churchilllaan"),
}
ALL_STREETS = tuple(s for streets in STREETS_BY_DISTRICT.values() for s in streets)

# Rough PC4 areas per wijk; only 5701-5709 are used.
PC4_BY_DISTRICT = {
    "Binnenstad": (5701, 5702, 5703), "Helmond-Oost": (5701, 5702),
    "Helmond-Noord": (5702, 5703), "'t Hout": (5704, 5705), "Brouwhuis": (5706, 5708),
    "Helmond-West": (5701, 5704), "Warande": (5707,), "Stiphout": (5703, 5704),
    "Rijpelberg": (5704, 5705), "Dierdonk": (5709,), "Brandevoort": (5706, 5708),
    "Industriegebied Zuid": (5705, 5707),
}
POSTCODE_LETTERS = tuple(
    a + b for a in "ABCDEFGHJKLMNPRSTVWXZ" for b in "ABCDEFGHJKLMNPRSTVWXZ"
    if a + b not in ("SA", "SD", "SS")
)

EMAIL_DOMAINS = ("mail.example", "post.example", "webmail.example")
