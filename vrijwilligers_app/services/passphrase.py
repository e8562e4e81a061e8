"""Choosing a passphrase: a plain, honest strength estimate, and the first set-up of keys.

The estimate is deliberately simple (length and kinds of characters, with a penalty for very
common passwords and repeats) and says in Dutch what would make the passphrase stronger.
A long sentence of ordinary words is the advice: easy to remember, hard to guess.
"""

from dataclasses import dataclass
from pathlib import Path

from vrijwilligers_app.paths import DATABASE_NAME
from vrijwilligers_app.paths import PASSPHRASE_ENV as PASSPHRASE_ENV  # lives in the light paths
from vrijwilligers_app.store import cipher, keys
from vrijwilligers_app.store.inspect import file_key
from vrijwilligers_app.store.location import ensure_safe_data_dir

MIN_LENGTH = 10
COMMON = frozenset({
    "wachtwoord", "password", "welkom", "welkom01", "qwerty", "123456", "1234567890",
    "vrijwilliger", "vrijwilligers", "helmond", "geheim", "letmein", "azerty", "wachtwoord1",
})


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (zwak) .. 4 (sterk)
    label: str
    advice: str


LABELS = ("heel zwak", "zwak", "redelijk", "goed", "sterk")


def strength(passphrase: str) -> Strength:
    text = passphrase.strip()
    classes = sum((
        any(c.islower() for c in text), any(c.isupper() for c in text),
        any(c.isdigit() for c in text), any(not c.isalnum() for c in text),
    ))
    words = len(text.split())
    score = 0
    if len(text) >= MIN_LENGTH:
        score = 1
    if len(text) >= 14 or (len(text) >= 12 and classes >= 3):
        score = 2
    if len(text) >= 18 or (len(text) >= 14 and classes >= 3) or words >= 4:
        score = 3
    if len(text) >= 24 and (classes >= 2 or words >= 4):
        score = 4
    if text.lower() in COMMON or len(set(text)) <= 3:
        score = 0
    if score >= 3:
        advice = "Goed te onthouden en moeilijk te raden."
    elif len(text) < MIN_LENGTH:
        advice = f"Gebruik minstens {MIN_LENGTH} tekens; een korte zin is het makkelijkst."
    else:
        advice = "Langer is sterker: maak er een zin van vier of meer woorden van."
    return Strength(score, LABELS[score], advice)


def setup_problem(passphrase: str) -> str | None:
    """Why this passphrase cannot be chosen, or None."""
    if len(passphrase.strip()) < MIN_LENGTH:
        return f"Het wachtwoord moet minstens {MIN_LENGTH} tekens hebben."
    if strength(passphrase).score == 0:
        return "Dit wachtwoord is te makkelijk te raden; kies een zin van een paar woorden."
    return None


@dataclass(frozen=True)
class KeySetup:
    """Setting up the keys of a data dir that has none yet (first start or conversion)."""

    data_dir: Path

    @classmethod
    def check_possible(cls, data_dir: Path) -> "KeySetup":
        """Refuse when the register is already encrypted but its key file is missing: a new
        key would never open it."""
        ensure_safe_data_dir(data_dir)
        db = data_dir / DATABASE_NAME
        if keys.has_key_file(data_dir):
            raise keys.KeyFileError(f"Er is al een sleutelbestand in {data_dir}.")
        if db.is_file() and db.stat().st_size > 0 and not cipher.is_plain_sqlite(db):
            if not cipher.looks_encrypted(db):  # neither SQLite nor an encrypted register
                file_key(db, None, "Het bestand is niet aangeraakt.")  # raises, in Dutch
            raise keys.KeyFileError(
                f"Het register in {data_dir} is versleuteld, maar het sleutelbestand "
                f"{keys.KEY_FILE_NAME} ontbreekt. Zet dat bestand terug (het staat naast elke "
                "handmatige back-up); zonder dat bestand kan het register niet worden geopend."
            )
        return cls(data_dir)

    def create(self, passphrase: str) -> tuple[bytes, str]:
        problem = setup_problem(passphrase)
        if problem:
            raise keys.KeyFileError(problem)
        return keys.create_keys(self.data_dir, passphrase)
