"""Command line of the exchange with the gemeente (issue 7): export, sync, gemeentesleutel,
and the gemeente's own commands (gemeente init|import|return|status|bronnen|overzicht).

Kept apart from cli.py so that file stays small. cli.build_parser names these commands with
their help texts (COMMANDS there) and calls the `*_options` functions below only for the
command that runs, so another command never imports this module.
Exit codes: 0 done; 1 refused or failed (for `gemeente import` and `sync`: at least one file
refused, the good ones are still read); 2 bad arguments.
"""

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from vrijwilligers_app.services.exchange.errors import ExchangeError

Handler = Callable[[Path, argparse.Namespace], int]


def export_options(ex: argparse.ArgumentParser) -> None:
    ex.add_argument("--to", "--naar", dest="to", metavar="MAP", default=None,
                    help="map voor het bestand (standaard: de uitwisselmap uit Instellingen)")
    ex.add_argument("--alleen-tonen", dest="preview_only", action="store_true",
                    help="laat alleen zien wat gedeeld zou worden; schrijf niets")
    ex.add_argument("--toch-onversleuteld", dest="unencrypted", action="store_true",
                    help="schrijf zonder gemeentesleutel een onversleuteld bestand (alleen "
                         "voor een USB-stick; nooit in een synchronisatiemap)")


def sync_options(sy: argparse.ArgumentParser) -> None:
    sy.add_argument("--to", "--naar", dest="to", metavar="MAP", default=None,
                    help="de uitwisselmap (standaard: die uit Instellingen)")


def key_options(key: argparse.ArgumentParser) -> None:
    key.add_argument("path", metavar="PAD", help="het sleutelbestand (gemeente-sleutel.json)")
    key.add_argument("--vervang", action="store_true",
                     help="vervang een eerder vastgelegde, andere sleutel (alleen als de "
                          "gemeente dat bevestigt)")


def gemeente_commands(gm: argparse.ArgumentParser) -> None:
    sub = gm.add_subparsers(dest="gemeente_command", metavar="OPDRACHT", required=True)

    def gadd(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, add_help=False, help=help_text, description=help_text)
        p.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
        p.add_argument("--data-dir", metavar="MAP", default=argparse.SUPPRESS,
                       help="map met het register van de gemeente")
        p.add_argument("--database", metavar="URL", default=None,
                       help="de gegevens van de gemeente in deze PostgreSQL-database "
                            "(postgresql://gebruiker@server:5432/database; wachtwoord via "
                            "PGPASSWORD, pgpass-bestand of sleutelbos) in plaats van in het "
                            "register; standaard: het adres uit Instellingen")
        return p

    init = gadd("init", "maak het sleutelpaar van de gemeente en schrijf de openbare sleutel")
    init.add_argument("--naam", default="Gemeente Helmond", help="naam in het sleutelbestand")
    init.add_argument("--to", "--naar", dest="to", metavar="PAD", default=".",
                      help="map of bestand voor de openbare sleutel (standaard: huidige map)")
    imp = gadd("import", "lees exportbestanden van laptops in (bestanden of mappen)")
    imp.add_argument("paths", metavar="PAD", nargs="+", help="bestand of map")
    ret = gadd("return", "schrijf per laptop een terugmelding (status en sociale kaart)")
    ret.add_argument("--to", "--naar", dest="to", metavar="MAP", required=True,
                     help="map waarin de terugmeldingen komen")
    st = gadd("status", "voeg een statusmoment toe aan een doorverwijzing van een laptop")
    st.add_argument("source", metavar="BRON", help="bron-id van de laptop")
    st.add_argument("referral", metavar="DOORVERWIJZING", help="pseudoniem van de doorverwijzing")
    st.add_argument("kind", metavar="SOORT", help="bijvoorbeeld contact, geholpen, afgesloten")
    st.add_argument("on", metavar="DD-MM-JJJJ", help="datum van het statusmoment")
    st.add_argument("--organisatie", default="", help="code van de organisatie (doorgestuurd)")
    br = gadd("bronnen", "toon de laptops (bronnen) met vingerafdruk en laatste volgnummer, "
                         "en de bronnen die in quarantaine wachten")
    what = br.add_mutually_exclusive_group()
    what.add_argument("--accepteer", metavar="VINGERAFDRUK", default=None,
                      help="accepteer de sleutel van een bron in quarantaine en lees haar "
                           "wachtende exports in (vergelijk de vingerafdruk eerst met de laptop)")
    what.add_argument("--weiger", metavar="VINGERAFDRUK", default=None,
                      help="weiger de sleutel van een bron in quarantaine; haar exports worden "
                           "voortaan geweigerd")
    ov = gadd("overzicht", "cijfers per bron en voor de hele stad (kleine aantallen onderdrukt)")
    ov.add_argument("--van", metavar="DD-MM-JJJJ", default=None, help="begin van de periode")
    ov.add_argument("--tot", metavar="DD-MM-JJJJ", default=None, help="einde van de periode")
    ov.add_argument("--json", action="store_true", help="uitvoer als JSON")


def _open(data_dir: Path):  # type: ignore[no-untyped-def]
    from vrijwilligers_app.cli_key import obtain_key
    from vrijwilligers_app.store.register import open_register

    return open_register(data_dir, key=obtain_key(data_dir), daily_backup=False)


@contextmanager
def _gemeente_store(data_dir: Path, args: argparse.Namespace) -> Iterator[tuple[Any, Any]]:
    """(the gemeente's register, the engine of its store): the PostgreSQL database of
    --database or of Instellingen, else the register itself."""
    from vrijwilligers_app.store.gemeente_db import gemeente_store, saved_database_url

    with _open(data_dir) as register:
        url = args.database or saved_database_url(register.engine)
        with gemeente_store(register.engine, url) as engine:
            yield register, engine


def _fail(message: str) -> int:
    print(f"Fout: {message}", file=sys.stderr)
    return 1


def _export(data_dir: Path, args: argparse.Namespace) -> int:
    from vrijwilligers_app.services.exchange.export import describe, export, preview
    from vrijwilligers_app.services.exchange.keys import enrolment_hint, pinned_gemeente_key
    from vrijwilligers_app.store.settings import get_setting

    with _open(data_dir) as register:
        try:
            if args.preview_only:
                print(preview(register.engine, data_dir).as_text())
                return 0
            result = export(register.engine, data_dir, Path(args.to) if args.to else None,
                            allow_unencrypted=args.unencrypted)
            organisation = get_setting(register.engine, "organisation_name")
            print(describe(result.rows, pinned_gemeente_key(register.engine)).as_text())
        except ExchangeError as exc:
            return _fail(str(exc))
    print(f"Exportbestand geschreven: {result.path} (volgnummer {result.sequence}).")
    print(enrolment_hint(data_dir, organisation))
    return 0


def _sync(data_dir: Path, args: argparse.Namespace) -> int:
    from vrijwilligers_app.services.exchange.sync import sync

    with _open(data_dir) as register:
        try:
            result = sync(register.engine, data_dir, Path(args.to) if args.to else None)
        except ExchangeError as exc:
            return _fail(str(exc))
    print(result.as_text())
    return 1 if result.returns.refused else 0


def _gemeentesleutel(data_dir: Path, args: argparse.Namespace) -> int:
    from vrijwilligers_app.services.exchange.keys import pin_gemeente_key, read_public_key_file

    with _open(data_dir) as register:
        try:
            key = read_public_key_file(Path(args.path))
            pin_gemeente_key(register.engine, key, replace=args.vervang)
        except ExchangeError as exc:
            return _fail(str(exc))
    print(f"Sleutel van {key.name or 'de gemeente'} vastgelegd.\nVingerafdruk: "
          f"{key.fingerprint}\nVergelijk die met wat de gemeente opgaf (telefonisch of op "
          "papier).")
    return 0


def _gemeente(data_dir: Path, args: argparse.Namespace) -> int:
    try:
        return GEMEENTE_HANDLERS[args.gemeente_command](data_dir, args)
    except ExchangeError as exc:
        return _fail(str(exc))


def _g_init(data_dir: Path, args: argparse.Namespace) -> int:
    from vrijwilligers_app.services.exchange.keys import (
        create_gemeente_keys,
        write_public_key_file,
    )

    with _gemeente_store(data_dir, args):  # the register, and the store brought up to date
        keys = create_gemeente_keys(data_dir, args.naam)
    path = write_public_key_file(keys, Path(args.to))
    print(f"Sleutelpaar gemaakt in {data_dir}.\nOpenbare sleutel voor de laptops: {path}\n"
          f"Vingerafdruk: {keys.public.fingerprint}")
    return 0


def _g_import(data_dir: Path, args: argparse.Namespace) -> int:
    from vrijwilligers_app.services.exchange.merge import import_packages
    from vrijwilligers_app.services.exchange.scan import QUARANTINED

    with _gemeente_store(data_dir, args) as (register, store):
        report = import_packages(store, data_dir, [Path(p) for p in args.paths])
    print(report.as_text())
    if report.count(QUARANTINED):
        print("Vergelijk de vingerafdruk met wat de laptop toont en accepteer met: "
              "gemeente bronnen --accepteer VINGERAFDRUK")
    return 1 if report.refused else 0


def _g_return(data_dir: Path, args: argparse.Namespace) -> int:
    from vrijwilligers_app.services.exchange.gemeente_returns import write_returns

    with _gemeente_store(data_dir, args) as (register, store):
        written = write_returns(store, data_dir, Path(args.to), register.engine)
    for item in written:
        print(f"{item.path.name}: {item.events} statusmomenten voor bron {item.source_id}")
    print(f"{len(written)} terugmeldingen geschreven in {args.to}.")
    return 0


def _g_status(data_dir: Path, args: argparse.Namespace) -> int:
    from vrijwilligers_app.domain.validation import ValidationError, parse_date_nl
    from vrijwilligers_app.services.exchange.gemeente_returns import add_status_event

    try:
        on = parse_date_nl(args.on, "Datum")
    except ValidationError as exc:
        return _fail(str(exc))
    if on is None:
        return _fail("Datum: vul een datum in (dd-mm-jjjj).")
    with _gemeente_store(data_dir, args) as (register, store):
        event_id = add_status_event(store, args.source, args.referral, args.kind, on,
                                    args.organisatie)
    print(f"Statusmoment {event_id} toegevoegd; het gaat mee met de volgende terugmelding.")
    return 0


def _g_sources(data_dir: Path, args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from vrijwilligers_app.domain.validation import format_date_nl
    from vrijwilligers_app.services.exchange.keys import fingerprint
    from vrijwilligers_app.services.exchange.merge import accept_and_import
    from vrijwilligers_app.services.exchange.quarantine import refuse, waiting_sources
    from vrijwilligers_app.store.engine import read_session
    from vrijwilligers_app.store.gemeente.tables import ExchangeSource

    with _gemeente_store(data_dir, args) as (register, store):
        if args.accepteer:
            accepted, report = accept_and_import(store, data_dir, args.accepteer)
            print(f"Bron '{accepted.name or accepted.source_id}' geaccepteerd (vingerafdruk "
                  f"{accepted.fingerprint}).")
            print(report.as_text())
            return 1 if report.refused else 0
        if args.weiger:
            refused = refuse(store, args.weiger)
            print(f"Bron '{refused.name or refused.source_id}' geweigerd (vingerafdruk "
                  f"{refused.fingerprint}); haar exports worden voortaan geweigerd.")
            return 0
        with read_session(store) as session:
            sources = list(session.execute(select(ExchangeSource)).scalars())
        waiting = waiting_sources(store)
    for s in sources:
        print(f"{s.source_id}  {s.name or '-'}  volgnummer {s.last_sequence}  "
              f"vingerafdruk {fingerprint(s.public_key)}")
    if not sources:
        print("Nog geen bronnen geaccepteerd.")
    if waiting:
        print("\nIn quarantaine (wachten op goedkeuring; vergelijk de vingerafdruk met wat de "
              "laptop toont):")
    for w in waiting:
        print(f"{w.fingerprint}  {w.name or '-'}  bron {w.source_id}  sinds "
              f"{format_date_nl(w.first_seen.date())}  {w.packages} export(s)")
    return 0


def _g_overview(data_dir: Path, args: argparse.Namespace) -> int:
    from vrijwilligers_app.domain.validation import (
        ValidationError,
        format_date_nl,
        parse_date_nl,
    )
    from vrijwilligers_app.services.exchange.gemeente_figures import city_overview, published

    today = date.today()
    try:
        start = (parse_date_nl(args.van, "Van") if args.van else None) or date(today.year, 1, 1)
        end = (parse_date_nl(args.tot, "Tot") if args.tot else None) or today
    except ValidationError as exc:
        return _fail(str(exc))
    with _gemeente_store(data_dir, args) as (register, store):
        figures = published(city_overview(store, start, end, today))
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return 0
    print(f"Periode: {format_date_nl(start)} t/m {format_date_nl(end)} (activiteiten en "
          "doorverwijzingen in die periode; wachtlijst en lopende koppelingen: vandaag)")
    for block in [figures["stad"], *figures["bronnen"]]:
        print(_overview_text(block))
    print("Aantallen onder 5 zijn onderdrukt (<5).")
    return 0


def _n(value: object) -> str:
    return "<5" if value is None else str(value)


def _overview_text(block: dict[str, object]) -> str:
    from vrijwilligers_app.domain.display_format import format_value

    referrals = block["doorverwijzingen"]
    assert isinstance(referrals, dict)
    lines = [f"== {block['naam']}",
             f"Initiatieven actief: {block['initiatieven_actief']}; vrijwilligersplaatsen: "
             f"{_n(block['vrijwilligersplaatsen'])}; inwoners: {_n(block['inwoners'])}",
             f"Maatjes wachtend: {_n(block['maatjes_wachtend'])}; actief: "
             f"{_n(block['maatjes_actief'])}",
             f"Activiteiten: {block['activiteiten']}; vrijwilligersuren: "
             f"{format_value(block['vrijwilligersuren'], 'number')}",
             f"Doorverwijzingen: {_n(referrals['doorverwijzingen'])}"]
    waiting = referrals.get("wachttijd")
    if isinstance(waiting, dict):
        lines.append(f"  wachttijd mediaan {_n(waiting['mediaan_dagen'])} d, p90 "
                     f"{_n(waiting['p90_dagen'])} d; nog wachtend {_n(waiting['open'])}")
    return "\n".join(lines)


GEMEENTE_HANDLERS: dict[str, Handler] = {
    "init": _g_init, "import": _g_import, "return": _g_return, "status": _g_status,
    "bronnen": _g_sources, "overzicht": _g_overview,
}
HANDLERS: dict[str, Handler] = {
    "export": _export, "sync": _sync, "gemeentesleutel": _gemeentesleutel,
    "gemeente": _gemeente,
}
