"""The passphrase on the command line: from a prompt, or from VRIJWILLIGERS_WACHTWOORD for
scripts. Never from an argument: arguments are visible to every user in the process list and
end up in shell history."""

import os
import sys
from pathlib import Path

from vrijwilligers_app.paths import PASSPHRASE_ENV
from vrijwilligers_app.store import keys
from vrijwilligers_app.store.errors import RegisterError


def _ask(prompt: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise RegisterError(
            "Het register is versleuteld en er is geen wachtwoord gegeven. Typ het wachtwoord "
            f"als daarom gevraagd wordt, of zet het in de omgevingsvariabele {PASSPHRASE_ENV} "
            "(voor scripts)."
        )
    import getpass  # a prompt only without VRIJWILLIGERS_WACHTWOORD

    return getpass.getpass(prompt)


def _passphrase(prompt: str) -> str:
    from_env = os.environ.get(PASSPHRASE_ENV)
    return from_env if from_env else _ask(prompt)


def _new_passphrase() -> str:
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        passphrase = from_env
    else:
        passphrase = _ask("Kies een wachtwoord voor het register: ")
        if _ask("Typ het wachtwoord nog eens: ") != passphrase:
            raise RegisterError("De twee wachtwoorden zijn niet gelijk; er is niets veranderd.")
    from vrijwilligers_app.services.passphrase import setup_problem

    problem = setup_problem(passphrase)
    if problem:
        raise RegisterError(f"{problem} Er is niets veranderd.")
    return passphrase


def obtain_key(data_dir: Path) -> bytes:
    """The data key of the register in `data_dir`. The first time (no key file yet) a new
    passphrase is set up and the herstelsleutel printed once."""
    if keys.has_key_file(data_dir):
        return keys.unlock(data_dir, _passphrase("Wachtwoord of herstelsleutel: "))
    # The first time only (services.passphrase: strength rules, set-up checks).
    from vrijwilligers_app.services.passphrase import KeySetup, strength

    setup = KeySetup.check_possible(data_dir)
    passphrase = _new_passphrase()
    data_key, recovery = setup.create(passphrase)
    print(
        "\nHet register wordt versleuteld. Dit is uw HERSTELSLEUTEL; hij opent het register als "
        "u het wachtwoord kwijt bent. Schrijf hem op of druk hem af en bewaar hem op een "
        "veilige plek, niet op deze computer. Hij wordt maar één keer getoond:\n\n"
        f"    {recovery}\n\n"
        f"(Wachtwoordsterkte: {strength(passphrase).label}.)",
        flush=True,
    )
    return data_key


def key_if_encrypted(data_dir: Path, db_path: Path) -> bytes | None:
    """For read-only commands (check): a key only when the register is encrypted."""
    from vrijwilligers_app.store import cipher

    if db_path.is_file() and db_path.stat().st_size > 0 and not cipher.is_plain_sqlite(db_path) \
            and keys.has_key_file(data_dir):
        return keys.unlock(data_dir, _passphrase("Wachtwoord of herstelsleutel: "))
    return None
