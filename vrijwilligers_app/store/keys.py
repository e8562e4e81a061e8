"""The register's keys: one random data key, wrapped twice (like LUKS and BitLocker).

The data key (32 random bytes) is the raw SQLCipher key of the register and its backups. It is
never stored as is: the key file `register.sleutel` beside the register holds it twice,
encrypted with PyNaCl's SecretBox (XSalsa20-Poly1305) under a key derived with Argon2id from

- the passphrase (wachtwoord) the user chose, and
- the herstelsleutel (recovery key): 48 random digits shown once at set-up.

The key file holds no secret: salts, KDF parameters and the two wrapped copies. Changing the
passphrase re-wraps the same data key; nothing in the register changes. A wrong passphrase
fails the Poly1305 check, so the register is never even touched with a wrong key.
"""

import base64
import json
import secrets
from pathlib import Path
from typing import NamedTuple

import nacl.exceptions
import nacl.pwhash.argon2id as argon2id
import nacl.secret
import nacl.utils

from vrijwilligers_app.store.errors import RegisterError
from vrijwilligers_app.store.private import write_private_file

KEY_FILE_NAME = "register.sleutel"
FORMAT = "vrijwilligersregister-sleutel"
VERSION = 1
DATA_KEY_BYTES = 32
PASSPHRASE_SLOT = "wachtwoord"
RECOVERY_SLOT = "herstelsleutel"
RECOVERY_GROUPS = 8
RECOVERY_GROUP_DIGITS = 6


class KdfCost(NamedTuple):  # not a dataclass: unlocking never uses it, importing builds it
    opslimit: int
    memlimit: int


# libsodium's "moderate" profile: about 1 s and 256 MiB on an older laptop. A passphrase is
# guessable, so every guess must cost that much. The herstelsleutel has 159 random bits, out
# of reach of guessing at any cost, so libsodium's "interactive" profile is plenty.
PASSPHRASE_COST = KdfCost(argon2id.OPSLIMIT_MODERATE, argon2id.MEMLIMIT_MODERATE)
RECOVERY_COST = KdfCost(argon2id.OPSLIMIT_INTERACTIVE, argon2id.MEMLIMIT_INTERACTIVE)


class WrongKeyError(RegisterError):
    """Neither the passphrase nor the herstelsleutel opened the key file."""

    def __init__(self) -> None:
        super().__init__("Dit wachtwoord of deze herstelsleutel klopt niet. "
                         "Let op hoofdletters en probeer het opnieuw.")


class KeyFileError(RegisterError):
    pass


def key_file_path(data_dir: Path) -> Path:
    return data_dir / KEY_FILE_NAME


def has_key_file(data_dir: Path) -> bool:
    return key_file_path(data_dir).is_file()


def new_recovery_key() -> str:
    """48 random digits in 8 groups of 6, as BitLocker shows its recovery key."""
    digits = "".join(str(secrets.randbelow(10)) for _ in range(RECOVERY_GROUPS
                                                               * RECOVERY_GROUP_DIGITS))
    return format_recovery_key(digits)


def format_recovery_key(digits: str) -> str:
    size = RECOVERY_GROUP_DIGITS
    return "-".join(digits[i:i + size] for i in range(0, len(digits), size))


def normalise_recovery_key(text: str) -> str | None:
    """The 48 digits of a typed herstelsleutel (spaces, dashes, dots ignored), or None."""
    digits = "".join(ch for ch in text if ch not in " -.\t\r\n")
    if len(digits) == RECOVERY_GROUPS * RECOVERY_GROUP_DIGITS and digits.isdigit():
        return digits
    return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("geen tekst")
    return base64.b64decode(text, validate=True)


def _wrap(data_key: bytes, secret: bytes, cost: KdfCost) -> dict[str, object]:
    salt = nacl.utils.random(argon2id.SALTBYTES)
    kek = argon2id.kdf(nacl.secret.SecretBox.KEY_SIZE, secret, salt,
                       opslimit=cost.opslimit, memlimit=cost.memlimit)
    box = nacl.secret.SecretBox(kek).encrypt(data_key)
    return {"kdf": "argon2id", "opslimit": cost.opslimit, "memlimit": cost.memlimit,
            "salt": _b64(salt), "sleutel": _b64(bytes(box))}


def _unwrap(slot: dict[str, object], secret: bytes) -> bytes:
    opslimit, memlimit = slot.get("opslimit"), slot.get("memlimit")
    if slot.get("kdf") != "argon2id" or not isinstance(opslimit, int) \
            or not isinstance(memlimit, int):
        raise ValueError("onbekende sleutelafleiding")
    kek = argon2id.kdf(nacl.secret.SecretBox.KEY_SIZE, secret, _unb64(slot["salt"]),
                       opslimit=opslimit, memlimit=memlimit)
    return nacl.secret.SecretBox(kek).decrypt(_unb64(slot["sleutel"]))


def _passphrase_bytes(passphrase: str) -> bytes:
    return passphrase.encode("utf-8")


def _save(data_dir: Path, slots: dict[str, dict[str, object]]) -> None:
    document = {"formaat": FORMAT, "versie": VERSION, "sleutels": slots}
    write_private_file(key_file_path(data_dir),
                       json.dumps(document, indent=2).encode("utf-8") + b"\n")


def _load(data_dir: Path) -> dict[str, dict[str, object]]:
    path = key_file_path(data_dir)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        slots = document["sleutels"]
        if document.get("formaat") != FORMAT or document.get("versie") != VERSION \
                or not isinstance(slots, dict):
            raise ValueError("onbekend formaat")
        return slots
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeyFileError(
            f"Het sleutelbestand {path} is beschadigd of onleesbaar ({exc}). Zonder dit bestand "
            "kan het versleutelde register niet worden geopend; zet het terug uit een back-up "
            "(het bevat geen geheimen en staat naast elke handmatige back-up)."
        ) from exc


def create_keys(data_dir: Path, passphrase: str) -> tuple[bytes, str]:
    """A new data key, wrapped by `passphrase` and a new herstelsleutel; the key file is
    written. Returns (data key, herstelsleutel as shown to the user)."""
    if has_key_file(data_dir):
        raise KeyFileError(f"Er is al een sleutelbestand in {data_dir}; er is niets veranderd.")
    data_key = nacl.utils.random(DATA_KEY_BYTES)
    recovery = new_recovery_key()
    digits = normalise_recovery_key(recovery)
    assert digits is not None
    _save(data_dir, {
        PASSPHRASE_SLOT: _wrap(data_key, _passphrase_bytes(passphrase), PASSPHRASE_COST),
        RECOVERY_SLOT: _wrap(data_key, digits.encode("ascii"), RECOVERY_COST),
    })
    return data_key, recovery


def unlock(data_dir: Path, secret: str) -> bytes:
    """The data key, from the passphrase or the herstelsleutel; WrongKeyError otherwise."""
    slots = _load(data_dir)
    attempts: list[tuple[str, bytes]] = [(PASSPHRASE_SLOT, _passphrase_bytes(secret))]
    digits = normalise_recovery_key(secret)
    if digits is not None:
        attempts.insert(0, (RECOVERY_SLOT, digits.encode("ascii")))
    for name, material in attempts:
        slot = slots.get(name)
        if not isinstance(slot, dict):
            continue
        try:
            key = _unwrap(slot, material)
        except nacl.exceptions.CryptoError:
            continue
        except (ValueError, KeyError, TypeError) as exc:
            raise KeyFileError(f"Het sleutelbestand is beschadigd ({exc}).") from exc
        if len(key) == DATA_KEY_BYTES:
            return key
    raise WrongKeyError()


def change_passphrase(data_dir: Path, data_key: bytes, new_passphrase: str) -> None:
    """Re-wrap the data key under a new passphrase; the herstelsleutel keeps working."""
    slots = _load(data_dir)
    slots[PASSPHRASE_SLOT] = _wrap(data_key, _passphrase_bytes(new_passphrase), PASSPHRASE_COST)
    _save(data_dir, slots)


def new_recovery(data_dir: Path, data_key: bytes) -> str:
    """Replace the herstelsleutel (the old one stops working); returns the new one."""
    slots = _load(data_dir)
    recovery = new_recovery_key()
    digits = normalise_recovery_key(recovery)
    assert digits is not None
    slots[RECOVERY_SLOT] = _wrap(data_key, digits.encode("ascii"), RECOVERY_COST)
    _save(data_dir, slots)
    return recovery
