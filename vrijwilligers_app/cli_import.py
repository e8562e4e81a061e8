"""`vrijwilligers-app import BESTAND`: the import without a window. Shows the preview (with
--toon only that), then writes the new rows in one transaction after a backup; rows with
errors are never written, duplicates follow --dubbel. Exit 0 done, 1 refused, 2 bad input."""

import argparse
import sys
from pathlib import Path

# Kept here (not imported from services.importing): `--help` must not load the database layer.
KINDS_BY_NL = {"vrijwilligers": "volunteers", "inwoners": "residents",
               "initiatieven": "initiatives", "rollen": "roles"}

DUPLICATE_CHOICES = ("overslaan", "aanvullen", "toevoegen")


def import_options(p: argparse.ArgumentParser) -> None:
    """The options of `import` (cli.build_parser names the command and its help text)."""
    p.add_argument("path", metavar="BESTAND", help="het bestand met de lijst")
    p.add_argument("--soort", choices=sorted(KINDS_BY_NL), default="vrijwilligers",
                   help="wat de lijst bevat (standaard: vrijwilligers)")
    p.add_argument("--toon", action="store_true",
                   help="laat alleen het voorbeeld en de fouten zien; schrijf niets")
    p.add_argument("--blad", metavar="NAAM", default=None,
                   help="het werkblad (standaard: het eerste)")
    p.add_argument("--kopregel", type=int, metavar="N", default=None,
                   help="rijnummer van de kopregel (standaard: zelf gezocht)")
    p.add_argument("--dubbel", choices=DUPLICATE_CHOICES, default="overslaan",
                   help="wat met wie er al in staat (standaard: overslaan)")


def run_import(data_dir: Path, args: argparse.Namespace) -> int:
    from vrijwilligers_app.cli_key import obtain_key
    from vrijwilligers_app.services.importing import (
        ImportRefused,
        apply_import,
        build_preview,
        find_header_row,
        read_source,
        recall_mapping,
        suggest_mapping,
    )
    from vrijwilligers_app.services.importing.preview import DUPLICATE
    from vrijwilligers_app.services.importing.report import preview_lines
    from vrijwilligers_app.store.register import open_register

    kind = KINDS_BY_NL[args.soort]
    try:
        source = read_source(Path(args.path))
        sheet = source.sheet(args.blad) if args.blad else source.sheets[0]
    except ImportRefused as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    except KeyError:
        names = ", ".join(s.name for s in source.sheets)
        print(f"Fout: het blad '{args.blad}' bestaat niet; kies uit: {names}.", file=sys.stderr)
        return 2
    header = args.kopregel - 1 if args.kopregel else find_header_row(sheet.rows)
    if not 0 <= header < len(sheet.rows):
        print(f"Fout: rij {args.kopregel} bestaat niet in blad {sheet.name}.", file=sys.stderr)
        return 2
    # The key as every other command takes it: an encrypted register opens, a new one is
    # created encrypted (never a plain file holding the imported names).
    with open_register(data_dir, key=obtain_key(data_dir), daily_backup=False) as register:
        headers = sheet.rows[header]
        mapping = (recall_mapping(register.engine, kind, headers)
                   or suggest_mapping(kind, headers, sheet.hidden_columns))
        preview = build_preview(register.engine, kind, sheet, header, mapping, source.file_name)
        for line in preview_lines(preview):
            print(line)
        if args.toon:
            print("Alleen getoond; er is niets ingelezen.")
            return 0
        choices = {p.row_number: args.dubbel for p in preview.rows if p.status == DUPLICATE}
        try:
            generator = apply_import(register.engine, register.db_path, data_dir, preview,
                                     choices, key=register.key)
            while True:
                next(generator)
        except StopIteration as stop:
            result = stop.value
        except ImportRefused as exc:
            print(f"Fout: {exc}", file=sys.stderr)
            return 1
    print(f"Ingelezen: {result.summary()}. Back-up vooraf: {result.backup}")
    return 0
