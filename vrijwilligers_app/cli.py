"""Command line: the GUI is the default; demo, check, backup and restore work without a display."""

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

from vrijwilligers_app import APP_NAME, __version__
from vrijwilligers_app.paths import DATABASE_NAME, MissingResourceError, resolve_data_dir
from vrijwilligers_app.store.errors import RegisterError

log = logging.getLogger(__name__)

DATA_DIR_HELP = (
    "map met het register (standaard de gebruikersmap van dit systeem, "
    "of de omgevingsvariabele VRIJWILLIGERS_DATA_DIR)"
)


# argparse ships no Dutch catalogue; these are the phrases a user can meet.
ARGPARSE_DUTCH = (
    ("the following arguments are required", "deze gegevens ontbreken"),
    ("unrecognized arguments", "onbekende opties"),
    ("invalid choice", "ongeldige keuze"),
    ("choose from", "kies uit"),
    ("expected one argument", "verwacht een waarde"),
    ("invalid int value", "geen geheel getal"),
    ("argument ", "optie "),
)


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "opdrachten"
        self._optionals.title = "opties"

    def error(self, message: str) -> None:  # type: ignore[override]
        for english, dutch in ARGPARSE_DUTCH:
            message = message.replace(english, dutch)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


Fill = Callable[[argparse.ArgumentParser], None]


class CommandParser(DutchArgumentParser):
    """One command's parser. Its own options are added (`fill`) the first time it parses or
    formats its help: a run builds the options of its own command only, not the 70 of every
    command (nor imports the modules that define them)."""

    def __init__(self, *args: Any, fill: Fill | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fill = fill

    def _filled(self) -> None:
        fill, self._fill = self._fill, None
        if fill is not None:
            fill(self)

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def]
        self._filled()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._filled()
        return super().format_usage()

    def format_help(self) -> str:
        self._filled()
        return super().format_help()


def _elsewhere(module: str, function: str) -> Fill:
    """The options of a command defined in another cli module, imported when it runs."""
    def fill(parser: argparse.ArgumentParser) -> None:
        getattr(import_module(f"vrijwilligers_app.{module}"), function)(parser)
    return fill


def _demo_options(demo: argparse.ArgumentParser) -> None:
    demo.add_argument(
        "--size", "--grootte", dest="size", default="klein", metavar="klein|groot|N",
        help="klein, groot (100.000 inwoners) of een aantal inwoners (standaard: klein)",
    )
    demo.add_argument("--seed", type=int, default=1, metavar="GETAL",
                      help="startgetal: zelfde getal, zelfde gegevens")
    demo.add_argument("--peildatum", metavar="DD-MM-JJJJ", default=None,
                      help="datum waarop de demo 'vandaag' is (standaard: vandaag)")


def _check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("--json", action="store_true", help="uitvoer als JSON")


def _backup_options(bk: argparse.ArgumentParser) -> None:
    bk.add_argument("--to", "--naar", dest="to", metavar="PAD", default=None,
                    help="bestand of map voor de back-up (standaard: de map backups)")


def _restore_options(rs: argparse.ArgumentParser) -> None:
    rs.add_argument("path", metavar="PAD", help="het back-upbestand")


def _report_options(rp: argparse.ArgumentParser) -> None:
    from vrijwilligers_app.services.reports.kinds import kinds_help

    rp._positionals.title = "soort"
    rp.add_argument("kind", metavar="SOORT", help=f"soort overzicht: {kinds_help()}")
    rp.add_argument("--periode", dest="period", metavar="PERIODE", default=None,
                    help="2026, 2026-K3 of 01-01-2026..30-06-2026 (standaard: dit jaar)")
    rp.add_argument("--initiatief", dest="initiative", type=int, metavar="NUMMER",
                    help="het initiatief (nodig voor vrijwilligers, rooster en jaarverslag)")
    rp.add_argument("--reeks", dest="series", type=int, metavar="NUMMER",
                    help="alleen deze activiteitenreeks (rooster)")
    rp.add_argument("--datum", dest="today", metavar="DD-MM-JJJJ", default=None,
                    help="afdrukdatum; cijfers tot en met die dag (standaard: vandaag)")
    rp.add_argument("-o", "--uitvoer", dest="output", metavar="BESTAND.pdf", required=True,
                    help="het PDF-bestand dat gemaakt wordt")


# Every command: its name, its help text (in `--help`) and what adds its options.
COMMANDS: tuple[tuple[str, str, Fill], ...] = (
    ("demo", "vul een leeg register met verzonnen, realistische Helmondse gegevens",
     _demo_options),
    ("check", "controleer het register: integriteit, verwijzingen, schema, aantallen",
     _check_options),
    ("backup", "maak nu een back-up van het register", _backup_options),
    ("restore", "zet een back-up terug (het huidige register wordt eerst bewaard)",
     _restore_options),
    ("rapport", "maak een overzicht als PDF om af te drukken", _report_options),
    ("export", "schrijf een exportbestand voor de gemeente (alleen wat gedeeld mag worden)",
     _elsewhere("cli_exchange", "export_options")),
    ("sync", "synchroniseren: exporteer en lees terugmeldingen van de gemeente in",
     _elsewhere("cli_exchange", "sync_options")),
    ("gemeentesleutel", "leg de openbare sleutel van de gemeente vast (uit het bestand dat "
                        "de gemeente gaf)", _elsewhere("cli_exchange", "key_options")),
    ("gemeente", "de kant van de gemeente: sleutel, inlezen, terugmelden, overzicht",
     _elsewhere("cli_exchange", "gemeente_commands")),
    ("import", "lees een lijst in uit Excel (.xlsx, .xls), LibreOffice (.ods) of CSV",
     _elsewhere("cli_import", "import_options")),
)
EXCHANGE_COMMANDS = frozenset({"export", "sync", "gemeentesleutel", "gemeente"})


def build_parser() -> argparse.ArgumentParser:
    common = CommandParser(add_help=False)  # --data-dir, before or after the command
    common.add_argument("--data-dir", metavar="MAP", default=argparse.SUPPRESS,
                        help=DATA_DIR_HELP)
    parser = DutchArgumentParser(
        prog="vrijwilligers-app", parents=[common], add_help=False,
        description=f"{APP_NAME}: het register van de sociale basis. Zonder opdracht start "
                    "het programmavenster.",
    )
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help="toon het versienummer en stop")
    parser.add_argument("--demo", action="store_true",
                        help="vul een leeg register eerst met demo-gegevens (klein)")
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT",
                                parser_class=CommandParser)
    for name, help_text, fill in COMMANDS:
        p = sub.add_parser(name, parents=[common], add_help=False, help=help_text,
                           description=help_text, fill=fill)
        p.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    return parser


WINDOW_FLAGS = {"--demo": "demo", "--smoke-test": "smoke_test"}


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain window start (only --data-dir, --demo, --smoke-test, each at
    most once), read without building the whole parser with every command's options: that is
    on the way to the window's first paint. None for anything else: the parser reads it."""
    args = argparse.Namespace(command=None, demo=False, smoke_test=False)
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token in WINDOW_FLAGS and not getattr(args, WINDOW_FLAGS[token]):
            setattr(args, WINDOW_FLAGS[token], True)
        elif token == "--data-dir" and rest and not rest[0].startswith("-") \
                and not hasattr(args, "data_dir"):
            args.data_dir = rest.pop(0)
        elif token.startswith("--data-dir=") and len(token) > 11 \
                and not hasattr(args, "data_dir"):
            args.data_dir = token[len("--data-dir="):]
        else:
            return None
    return args


def run() -> int:
    """The program's entry (`python -m vrijwilligers_app`, the `vrijwilligers-app` script,
    the frozen program): `main`, in a process that ends when it returns."""
    return main(process_ends=True)


def main(argv: Sequence[str] | None = None, *, process_ends: bool = False) -> int:
    """`process_ends`: only the entry points (`run`) say so, never tests calling main."""
    from vrijwilligers_app.store.private import restrict_umask

    restrict_umask()  # everything this process creates is private to the user
    argv = sys.argv[1:] if argv is None else list(argv)
    args = window_arguments(argv) or build_parser().parse_args(argv)
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    code = _run(args, data_dir)
    if process_ends and args.command is not None:
        _leave_objects_to_the_os()
    return code


def _leave_objects_to_the_os() -> None:
    """A command is done and its process ends: its files are written and closed, the
    register is closed and its clean record written, and logging's exit handler still
    flushes the log. Python's finalisation would now run the garbage collector over every
    object the command made (a report: ~34,000, ~20 ms, more than the rest of the exit);
    frozen (gc.freeze), they are left to the operating system. Objects without cycles are
    still freed as before. Not for the window: Qt's objects are destroyed as always."""
    import gc

    gc.freeze()


def _run(args: argparse.Namespace, data_dir: Path) -> int:
    from vrijwilligers_app.logsetup import session

    command = args.command or "venster"
    with session(data_dir, command, defer_file=args.command is None):
        try:
            if args.command is None:
                return _gui(data_dir, args.demo, args.smoke_test)
            return _handler(args.command)(data_dir, args)
        except RegisterError as exc:
            log.warning("%s geweigerd: %s", command, type(exc).__name__)
            print(f"Fout: {exc}", file=sys.stderr)
            return 1
        except Exception as exc:  # only database and file errors are handled here
            # e.g. a full disk while the demo is written: a Dutch sentence, not a traceback.
            # Imported here: building the parser must not import SQLAlchemy (start-up time).
            from vrijwilligers_app.store.sqlite_text import (
                dutch_reason,
                is_database_or_file_error,
            )

            if not is_database_or_file_error(exc) or isinstance(exc, MissingResourceError):
                raise  # a damaged installation is the entry point's to explain
            log.warning("%s mislukt: %s", command, type(exc).__name__)
            print(f"\nFout: {dutch_reason(exc)}. Wat al was opgeslagen blijft bewaard; wat "
                  "bezig was is teruggedraaid.", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("Afgebroken.", file=sys.stderr)
            return 130


def _handler(command: str) -> Callable[[Path, argparse.Namespace], int]:
    """The function that runs `command`; the exchange's and the import's are imported only
    for their own commands."""
    if command in EXCHANGE_COMMANDS:
        from vrijwilligers_app.cli_exchange import HANDLERS

        return HANDLERS[command]
    if command == "import":
        from vrijwilligers_app.cli_import import run_import

        return run_import
    return {"demo": _demo, "check": _check, "backup": _backup, "restore": _restore,
            "rapport": _report}[command]


def _progress(done: int, total: int, label: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{label}: {done}/{total}    ", end="", file=sys.stderr, flush=True)


def _demo(data_dir: Path, args: argparse.Namespace) -> int:
    from datetime import date

    from vrijwilligers_app.domain.validation import ValidationError, parse_date_nl
    from vrijwilligers_app.services.demo import DemoError, demo_size, fill_demo_beside
    from vrijwilligers_app.store.register import open_register

    try:
        size = demo_size(args.size)
        reference = parse_date_nl(args.peildatum, "Peildatum") if args.peildatum else None
    except (ValueError, ValidationError) as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    from vrijwilligers_app.cli_key import obtain_key

    with open_register(data_dir, key=obtain_key(data_dir), daily_backup=False) as register:
        try:
            counts = fill_demo_beside(register, size, seed=args.seed,
                                      reference_date=reference or date.today(),
                                      progress=_progress)
        except DemoError as exc:
            print(f"\nFout: {exc}", file=sys.stderr)
            return 1
    total = sum(counts.values())
    print(f"\nDemo-gegevens gemaakt in {data_dir}: {total} records "
          f"({counts.get('resident', 0)} inwoners, {counts.get('volunteer', 0)} vrijwilligers).")
    return 0


def _check(data_dir: Path, args: argparse.Namespace) -> int:
    import json

    from vrijwilligers_app.cli_key import key_if_encrypted
    from vrijwilligers_app.store.health import check_database

    db_path = data_dir / DATABASE_NAME
    report = check_database(db_path, key_if_encrypted(data_dir, db_path))
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(f"Register: {report.database}")
        print(f"Versleuteld: {'ja' if report.encrypted else 'nee'}")
        print(f"Integriteit: {report.integrity}")
        print(f"Ontbrekende verwijzingen: {report.foreign_key_problems}")
        print(f"Schemaversie: {report.schema_revision or '-'} (deze app: {report.schema_head})")
        for table, count in report.row_counts.items():
            print(f"  {table:<24} {count:>9}")
        print("Gezond." if report.healthy else "NIET gezond:")
        for problem in report.problems:
            print(f"- {problem}")
    return 0 if report.healthy else 1


def _backup(data_dir: Path, args: argparse.Namespace) -> int:
    from vrijwilligers_app.cli_key import obtain_key
    from vrijwilligers_app.store.backup import make_backup
    from vrijwilligers_app.store.register import open_register

    with open_register(data_dir, key=obtain_key(data_dir), daily_backup=False) as register:
        target = make_backup(register.db_path, data_dir, Path(args.to) if args.to else None,
                             key=register.key)
    print(f"Back-up gemaakt: {target}")
    return 0


def _restore(data_dir: Path, args: argparse.Namespace) -> int:
    from vrijwilligers_app.cli_key import obtain_key
    from vrijwilligers_app.store.register import open_register
    from vrijwilligers_app.store.restore import restore_backup

    key = obtain_key(data_dir)
    with open_register(data_dir, key=key, daily_backup=False):
        pass  # a plain register is converted before anything is put back
    kept = restore_backup(Path(args.path), data_dir, key=key)
    with open_register(data_dir, key=key, daily_backup=False):
        pass  # migrates an older backup to the current schema, with its own safety copy
    print(f"Back-up teruggezet uit {args.path}.")
    if kept:
        print(f"Het vorige register is bewaard als {kept}.")
    return 0


def _report(data_dir: Path, args: argparse.Namespace) -> int:
    from vrijwilligers_app.cli_key import obtain_key
    from vrijwilligers_app.services.reports.command import run_report_command

    return run_report_command(data_dir, args.kind, args.period, args.initiative, args.series,
                              args.today, Path(args.output), key=lambda: obtain_key(data_dir))


def _gui(data_dir: Path, with_demo: bool, smoke_test: bool) -> int:
    from vrijwilligers_app.ui.app import run_gui

    return run_gui(data_dir, with_demo=with_demo, smoke_test=smoke_test)
