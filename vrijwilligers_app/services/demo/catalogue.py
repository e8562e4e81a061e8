"""The demo's initiatives: a hand-picked core in priority order, then more per wijk and buurt.

`klein` takes the first 25 (every kind of initiative at least once); larger sizes add eetpunten,
buurtnetwerken, taalcafés, maatjesprojecten and buurtkamers per wijk and buurt.
Names are fictitious or generic; contact data in the demo is made up.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    name: str
    kind: str  # initiative type code as shipped (the register's own list may differ)
    wijken: tuple[str, ...]  # short wijk names; empty = stadsbreed
    domains: tuple[str, ...]
    core: bool = False  # never ended in the demo


def _p(name: str, kind: str, wijken: tuple[str, ...] | str, domains: tuple[str, ...],
       core: bool = False) -> Plan:
    return Plan(name, kind, (wijken,) if isinstance(wijken, str) else wijken, domains, core)


CITY: tuple[str, ...] = ()
MEET = ("samenleven", "vrije_tijd")
FOOD = ("samenleven", "gezondheid")
LANG = ("ontwikkelen", "samenleven")
MONEY = ("financien", "inkomen")

CORE = (
    _p("Alzheimer Café Helmond", "alzheimercafe", CITY, ("gezondheid", "samenleven"), True),
    _p("Maatjesproject Helmond", "maatjesproject", CITY, MEET, True),
    _p("Eetpunt De Fonkel", "eetpunt", "Helmond-Noord", FOOD, True),
    _p("Taalcafé Helmond Centrum", "taalhulp", "Binnenstad", LANG, True),
    _p("Humanitas Maatjes Brandevoort", "maatjesproject", "Brandevoort", MEET, True),
    _p("Buurtnetwerk Brouwhuis", "buurtnetwerk", "Brouwhuis", ("samenleven", "veiligheid"), True),
    _p("Eetpunt 't Hout", "eetpunt", "'t Hout", FOOD, True),
    _p("Thuisadministratie Helmond", "thuisadministratie", CITY, MONEY, True),
    _p("Inloop Het Trefpunt Rijpelberg", "ontmoeting", "Rijpelberg", MEET),
    _p("Vrijwillige Vervoersdienst Helmond", "vervoer", CITY, ("gezondheid", "vrije_tijd")),
    _p("Lotgenotengroep Mantelzorgers Helmond", "lotgenoten", CITY, ("gezondheid", "samenleven")),
    _p("Eetpunt Brandevoort", "eetpunt", "Brandevoort", FOOD),
    _p("Taalmaatjes Helmond", "maatjesproject", CITY, LANG),
    _p("Taalcafé Helmond-West", "taalhulp", "Helmond-West", LANG),
    _p("Buurtnetwerk Helmond-Noord", "buurtnetwerk", "Helmond-Noord", MEET),
    _p("Eetpunt Stiphout", "eetpunt", "Stiphout", FOOD),
    _p("Maatjes voor Mantelzorgers", "maatjesproject", CITY, ("gezondheid", "samenleven")),
    _p("Formulierenhulp Helmond-Oost", "thuisadministratie", "Helmond-Oost", MONEY),
    _p("Wandelmaatjes Dierdonk", "maatjesproject", "Dierdonk", ("gezondheid", "vrije_tijd")),
    _p("Eetpunt Rijpelberg", "eetpunt", "Rijpelberg", FOOD),
    _p("Repair Café Helmond", "overig", CITY, ("samenleven", "financien")),
    _p("Lotgenotencontact Rouw en Verlies", "lotgenoten", CITY, ("gezondheid", "samenleven")),
    _p("Buurtnetwerk Binnenstad", "buurtnetwerk", "Binnenstad", ("samenleven", "veiligheid")),
    _p("Inloop De Huiskamer Helmond-Oost", "ontmoeting", "Helmond-Oost", MEET),
    _p("Eetpunt Warande", "eetpunt", "Warande", FOOD),
    _p("SchuldHulpMaatje Helmond", "thuisadministratie", CITY, MONEY),
    _p("Computerhulp Senioren Helmond", "overig", CITY, ("ontwikkelen", "samenleven")),
    _p("Seniorenbus Brandevoort", "vervoer", "Brandevoort", ("vrije_tijd", "gezondheid")),
)

EETPUNT_NAMES = {"Binnenstad": "Eetpunt De Kansel", "Helmond-Oost": "Eetpunt Straakven",
                 "Helmond-West": "Eetpunt De Houtsdonk", "Brouwhuis": "Eetpunt De Smidse",
                 "Dierdonk": "Eetpunt Dierdonk"}
WIJKEN = ("Binnenstad", "Helmond-Oost", "Helmond-Noord", "'t Hout", "Brouwhuis",
          "Helmond-West", "Warande", "Stiphout", "Rijpelberg", "Dierdonk", "Brandevoort")
LOTGENOTEN = ("Parkinson Café Helmond", "Lotgenotengroep NAH Helmond",
              "Inloopgroep Leven met Kanker", "Jonge Mantelzorgers Helmond",
              "Lotgenotengroep Diabetes")


def catalogue(buurten: list[tuple[str, str]]) -> list[Plan]:
    """All plans in priority order; `buurten` is (buurt name, wijk name) from the register."""
    plans = list(CORE)
    plans += [_p(name, "eetpunt", wijk, FOOD) for wijk, name in EETPUNT_NAMES.items()]
    plans += [_p(f"Humanitas Maatjes {wijk}", "maatjesproject", wijk, MEET)
              for wijk in ("Helmond-Noord", "'t Hout", "Brouwhuis", "Rijpelberg", "Stiphout")]
    plans += [_p(f"Taalcafé {wijk}", "taalhulp", wijk, LANG)
              for wijk in ("Brouwhuis", "Rijpelberg", "'t Hout", "Brandevoort")]
    plans += [_p(name, "lotgenoten", CITY, ("gezondheid", "samenleven")) for name in LOTGENOTEN]
    plans += [_p(f"Buurtnetwerk {wijk}", "buurtnetwerk", wijk, ("samenleven", "veiligheid"))
              for wijk in WIJKEN if wijk not in ("Brouwhuis", "Helmond-Noord", "Binnenstad")]
    plans += [_p(f"Klussendienst {wijk}", "overig", wijk, ("wonen", "samenleven"))
              for wijk in WIJKEN]
    plans += [_p(f"Formulierenhulp {wijk}", "thuisadministratie", wijk, MONEY)
              for wijk in ("Binnenstad", "Helmond-Noord", "Rijpelberg", "'t Hout", "Brouwhuis")]
    plans += [_p(f"Buurtkamer {buurt}", "ontmoeting", wijk, MEET) for buurt, wijk in buurten]
    seen: set[str] = set()
    unique = []
    for plan in plans:
        if plan.name not in seen:
            seen.add(plan.name)
            unique.append(plan)
    return unique


DESCRIPTIONS = {
    "alzheimercafe": "Maandelijkse avond voor mensen met dementie, hun naasten en "
                     "belangstellenden: uitleg, gesprek en ontmoeting. Gratis, zonder aanmelden.",
    "eetpunt": "Samen een warme maaltijd eten in de wijk, voor een kleine bijdrage.",
    "maatjesproject": "Koppelt inwoners die er alleen voor staan aan een vrijwillig maatje.",
    "buurtnetwerk": "Buren helpen buren: een klusje, een boodschap of een oogje in het zeil.",
    "taalhulp": "Wekelijks Nederlands oefenen in een ontspannen sfeer.",
    "lotgenoten": "Ervaringen delen met mensen in dezelfde situatie.",
    "ontmoeting": "Vrije inloop met koffie, een praatje en activiteiten.",
    "vervoer": "Vrijwillige chauffeurs voor ritjes naar huisarts, ziekenhuis of familie.",
    "thuisadministratie": "Hulp bij post, formulieren en het op orde houden van de "
                          "administratie.",
    "overig": "Vrijwilligersinitiatief in de sociale basis.",
}
