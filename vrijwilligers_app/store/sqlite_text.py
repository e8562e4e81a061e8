"""SQLite's and the OS's English error texts, said in Dutch for the user.

SQLite reports problems as short English texts ("database or disk is full", "attempt to write
a readonly database"); Python's OSError carries the OS's text. Those never reach a user as
they are: `dutch_reason` gives the Dutch reason for the known ones and a neutral Dutch
sentence with the SQLite error name (or errno) for the rest, so support can still tell them
apart. No data from the database is ever part of such a text.
"""

import errno

from vrijwilligers_app.store import cipher

_BY_NAME = {
    "SQLITE_FULL": "de schijf is vol",
    "SQLITE_READONLY": "het bestand of de map is alleen-lezen",
    "SQLITE_READONLY_DBMOVED": "het bestand is verplaatst terwijl het open was",
    "SQLITE_BUSY": "het register is bezet door een ander programma",
    "SQLITE_LOCKED": "het register is bezet door een ander programma",
    "SQLITE_IOERR": "lezen of schrijven op de schijf mislukte",
    "SQLITE_CORRUPT": "het bestand is beschadigd",
    "SQLITE_NOTADB": "het bestand is geen database",
    "SQLITE_CANTOPEN": "het bestand kan niet worden geopend",
    "SQLITE_PERM": "geen toestemming voor dit bestand",
    "SQLITE_NOMEM": "te weinig geheugen",
    "SQLITE_TOOBIG": "een waarde is te groot",
}
_BY_TEXT = (
    ("disk is full", "de schijf is vol"),
    ("readonly database", "het bestand of de map is alleen-lezen"),
    ("database is locked", "het register is bezet door een ander programma"),
    ("disk i/o error", "lezen of schrijven op de schijf mislukte"),
    ("malformed", "het bestand is beschadigd"),
    ("file is not a database", "het bestand is geen database"),
    ("unable to open database", "het bestand kan niet worden geopend"),
    ("too large to convert", "een getal is te groot"),
    ("out of memory", "te weinig geheugen"),
)
_BY_ERRNO = {
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EACCES: "geen toestemming voor dit bestand of deze map",
    errno.EPERM: "geen toestemming voor dit bestand of deze map",
    errno.ENOENT: "het bestand of de map bestaat niet",
    errno.EIO: "lezen of schrijven op de schijf mislukte",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
}


def _cause(exc: BaseException) -> BaseException:
    """The DB-API error inside SQLAlchemy's wrapper, if any."""
    original = getattr(exc, "orig", None)
    return original if isinstance(original, BaseException) else exc


def dutch_reason(exc: BaseException) -> str:
    """A short Dutch reason (no capital, no full stop) for a database or file error."""
    cause = _cause(exc)
    if isinstance(cause, OSError) and cause.errno in _BY_ERRNO:
        return _BY_ERRNO[cause.errno]
    name = str(getattr(cause, "sqlite_errorname", ""))
    for prefix, reason in _BY_NAME.items():
        if name == prefix or name.startswith(prefix + "_"):
            return reason
    text = str(cause).lower()
    for needle, reason in _BY_TEXT:
        if needle in text:
            return reason
    if isinstance(cause, OSError):
        return f"fout van het besturingssysteem (nummer {cause.errno})"
    if isinstance(cause, cipher.Error):  # SQLite's or SQLCipher's own error classes
        return f"databasefout ({name or type(cause).__name__})"
    return f"onverwachte fout ({type(cause).__name__})"


def is_database_or_file_error(exc: BaseException) -> bool:
    from sqlalchemy.exc import SQLAlchemyError

    return isinstance(exc, (SQLAlchemyError, OSError, *cipher.Error))
