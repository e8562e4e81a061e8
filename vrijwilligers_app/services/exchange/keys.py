"""Keys of the exchange, kept in the data dir (never in the sync folder).

Laptop: `uitwisseling/laptop.json` holds the source id, the Ed25519 signing key (made on first
use) and the pseudonym secret (32 random bytes for the keyed hashes; it never leaves the
laptop). The gemeente's public key is pinned in the register's settings when the user imports
the file the gemeente handed out; a different key is only taken when asked explicitly.

Gemeente: `uitwisseling/gemeente.json` holds its Ed25519 signing key (return packages) and its
Curve25519 private key (laptops encrypt their exports to it with a sealed box). `gemeente init`
writes the public half as `gemeente-sleutel.json` to hand to laptops.

All cryptography is libsodium through PyNaCl; nothing home-made.
"""

import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from nacl.encoding import HexEncoder
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey
from nacl.signing import SigningKey, VerifyKey
from sqlalchemy import Engine

from vrijwilligers_app.services.exchange.errors import ExchangeError
from vrijwilligers_app.services.files import os_reason
from vrijwilligers_app.store.settings import get_setting, set_setting
from vrijwilligers_app.store.sqlite_text import dutch_reason

KEYS_DIR = "uitwisseling"
LAPTOP_FILE = "laptop.json"
GEMEENTE_FILE = "gemeente.json"
PUBLIC_FILE_KIND = "vrijwilligers-app gemeentesleutel"
GEMEENTE_KEY_SETTING = "exchange_gemeente_key"


def fingerprint(*hex_keys: str) -> str:
    """A short, readable fingerprint: 32 hex digits of SHA-256 in groups of four."""
    digest = hashlib.sha256("".join(hex_keys).encode()).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def _write_private(path: Path, content: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".nieuw")
    # Owner-only where the OS honours the mode (POSIX); on Windows the profile folder's ACL.
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(content, handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _read_json(path: Path, what: str) -> dict[str, str]:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ExchangeError(f"{what} in {path} is niet leesbaar ({dutch_reason(exc)}).") from exc
    except ValueError as exc:
        raise ExchangeError(f"{what} in {path} is niet leesbaar (geen geldige JSON).") from exc
    if not isinstance(content, dict):
        raise ExchangeError(f"{what} in {path} is geen sleutelbestand.")
    return content


@dataclass(frozen=True)
class LaptopKeys:
    source_id: str
    signing_key: SigningKey
    pseudonym_secret: bytes

    @property
    def public_hex(self) -> str:
        return self.signing_key.verify_key.encode(HexEncoder).decode()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_hex)


def enrolment_hint(data_dir: Path, organisation: str = "") -> str:
    """What the laptop tells its user after the first export (issue 17): the gemeente keeps a
    new laptop's exports in quarantine until someone there accepts this fingerprint."""
    keys = laptop_keys(data_dir)
    named = f" als '{organisation}'" if organisation else ""
    return (f"Vingerafdruk van deze laptop: {keys.fingerprint}. De gemeente ziet deze laptop"
            f"{named} en leest de export pas in nadat zij deze vingerafdruk heeft "
            "geaccepteerd: geef hem door (telefonisch of op papier).")


def laptop_keys(data_dir: Path) -> LaptopKeys:
    """The laptop's keys, made on first use."""
    path = data_dir / KEYS_DIR / LAPTOP_FILE
    if not path.exists():
        _write_private(path, {
            "source_id": str(uuid.uuid4()),
            "signing_key": SigningKey.generate().encode(HexEncoder).decode(),
            "pseudonym_secret": os.urandom(32).hex(),
        })
    content = _read_json(path, "De sleutel van deze laptop")
    try:
        return LaptopKeys(str(uuid.UUID(content["source_id"])),
                          SigningKey(content["signing_key"].encode(), encoder=HexEncoder),
                          bytes.fromhex(content["pseudonym_secret"]))
    except (KeyError, ValueError, TypeError, CryptoError) as exc:
        raise ExchangeError(f"De sleutel van deze laptop in {path} is beschadigd.") from exc


@dataclass(frozen=True)
class GemeentePublicKey:
    name: str
    verify_hex: str
    box_hex: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.verify_hex, self.box_hex)

    @property
    def verify_key(self) -> VerifyKey:
        return VerifyKey(self.verify_hex.encode(), encoder=HexEncoder)

    @property
    def box_key(self) -> PublicKey:
        return PublicKey(self.box_hex.encode(), encoder=HexEncoder)

    def as_dict(self) -> dict[str, str]:
        return {"soort": PUBLIC_FILE_KIND, "naam": self.name,
                "ondertekening": self.verify_hex, "versleuteling": self.box_hex}

    @classmethod
    def from_dict(cls, content: object, where: str) -> "GemeentePublicKey":
        if not isinstance(content, dict) or content.get("soort") != PUBLIC_FILE_KIND:
            raise ExchangeError(f"{where} is geen sleutelbestand van de gemeente.")
        try:
            key = cls(str(content.get("naam", "")), str(content["ondertekening"]),
                      str(content["versleuteling"]))
            key.verify_key  # noqa: B018 - parse both keys now, so a bad file is refused here
            key.box_key  # noqa: B018
        except (KeyError, ValueError, TypeError, CryptoError) as exc:
            raise ExchangeError(f"{where}: de sleutel van de gemeente is beschadigd.") from exc
        return key


@dataclass(frozen=True)
class GemeenteKeys:
    name: str
    signing_key: SigningKey
    box_key: PrivateKey

    @property
    def public(self) -> GemeentePublicKey:
        return GemeentePublicKey(
            self.name, self.signing_key.verify_key.encode(HexEncoder).decode(),
            self.box_key.public_key.encode(HexEncoder).decode())


def create_gemeente_keys(data_dir: Path, name: str) -> GemeenteKeys:
    """Make the gemeente's key pair; refused when one exists (laptops have pinned it)."""
    path = data_dir / KEYS_DIR / GEMEENTE_FILE
    if path.exists():
        raise ExchangeError(
            f"Er is al een gemeentesleutel in {path}. Laptops hebben die vastgelegd; een "
            "nieuwe sleutel zou al hun terugmeldingen laten weigeren.")
    _write_private(path, {
        "name": name,
        "signing_key": SigningKey.generate().encode(HexEncoder).decode(),
        "box_key": PrivateKey.generate().encode(HexEncoder).decode(),
    })
    return gemeente_keys(data_dir)


def gemeente_keys(data_dir: Path) -> GemeenteKeys:
    path = data_dir / KEYS_DIR / GEMEENTE_FILE
    if not path.exists():
        raise ExchangeError(f"Deze map ({data_dir}) heeft geen gemeentesleutel; maak die met "
                            "'vrijwilligers-app gemeente init'.")
    content = _read_json(path, "De gemeentesleutel")
    try:
        return GemeenteKeys(str(content.get("name", "")),
                            SigningKey(content["signing_key"].encode(), encoder=HexEncoder),
                            PrivateKey(content["box_key"].encode(), encoder=HexEncoder))
    except (KeyError, ValueError, TypeError, CryptoError) as exc:
        raise ExchangeError(f"De gemeentesleutel in {path} is beschadigd.") from exc


def has_gemeente_keys(data_dir: Path) -> bool:
    return (data_dir / KEYS_DIR / GEMEENTE_FILE).exists()


def write_public_key_file(keys: GemeenteKeys, target: Path) -> Path:
    if target.is_dir():
        target = target / "gemeente-sleutel.json"
    try:
        target.write_text(json.dumps(keys.public.as_dict(), indent=2), encoding="utf-8")
    except OSError as exc:
        raise ExchangeError(f"Kan {target} niet schrijven ({os_reason(exc)}).") from exc
    return target


def read_public_key_file(path: Path) -> GemeentePublicKey:
    try:
        if path.stat().st_size > 10_000:
            raise ExchangeError(f"{path} is te groot voor een sleutelbestand.")
        content = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ExchangeError(f"Kan {path} niet lezen ({os_reason(exc)}).") from exc
    except ValueError as exc:
        raise ExchangeError(f"{path} is geen sleutelbestand van de gemeente.") from exc
    return GemeentePublicKey.from_dict(content, str(path))


def pinned_gemeente_key(engine: Engine) -> GemeentePublicKey | None:
    stored = get_setting(engine, GEMEENTE_KEY_SETTING)
    if not stored:
        return None
    return GemeentePublicKey.from_dict(json.loads(stored), "De vastgelegde gemeentesleutel")


def pin_gemeente_key(engine: Engine, key: GemeentePublicKey, replace: bool = False) -> None:
    """Pin the gemeente's key; a different key than the pinned one only with `replace`."""
    current = pinned_gemeente_key(engine)
    if current is not None and current != key and not replace:
        raise ExchangeError(
            "Er is al een andere gemeentesleutel vastgelegd (vingerafdruk "
            f"{current.fingerprint}); de nieuwe heeft {key.fingerprint}. Vraag de gemeente of "
            "de sleutel echt vervangen is en kies dan bewust voor vervangen.")
    set_setting(engine, GEMEENTE_KEY_SETTING, json.dumps(key.as_dict()))
