"""The gemeente store on a PostgreSQL server (issue 17): the engine from a database URL, and
the one place where the server's connection errors become Dutch messages.

Without a URL the gemeente store stays in the gemeente's own register (SQLite, store.engine).
With `postgresql://user@host:port/database` it lives on a server that several gemeente
employees and their reporting tools share. The URL never holds a password (it is kept in
Instellingen and shown on screen): libpq takes it from PGPASSWORD or the pgpass file
(%APPDATA%\\postgresql\\pgpass.conf on Windows) as every PostgreSQL tool does, or else from
the OS keyring (service KEYRING_SERVICE, account "user@host:port/database").
Messages name the server as host:port/database, never the password.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from vrijwilligers_app.store.errors import GemeenteDatabaseError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "VrijwilligersregisterHelmond-PostgreSQL"
CONNECT_TIMEOUT_S = 10
DEFAULT_PORT = 5432
EXAMPLE = "postgresql://gebruiker@server:5432/database"
WRITER_LOCK = 0x76772D67656D  # pg_advisory_xact_lock key of the gemeente store's writers


def parse_database_url(text: str) -> URL:
    """The URL for SQLAlchemy's psycopg 3 dialect; GemeenteDatabaseError (Dutch) for anything
    that is not a PostgreSQL URL with server and database, or that holds a password."""
    given = text.strip()
    try:
        url = make_url(given)
    except ArgumentError:
        raise GemeenteDatabaseError(
            f"Databaseadres '{given}' is geen geldig adres; gebruik bijvoorbeeld "
            f"{EXAMPLE}.") from None
    if url.drivername not in ("postgresql", "postgres", "postgresql+psycopg"):
        raise GemeenteDatabaseError(
            f"Databaseadres: alleen PostgreSQL wordt ondersteund (bijvoorbeeld {EXAMPLE}).")
    if url.password is not None:
        raise GemeenteDatabaseError(
            "Databaseadres: zet het wachtwoord niet in het adres (het komt dan in "
            "instellingen en op het scherm). Gebruik PGPASSWORD, het pgpass-bestand of de "
            "sleutelbos van Windows.")
    if not url.host or not url.database:
        raise GemeenteDatabaseError(
            f"Databaseadres: noem de server en de database, bijvoorbeeld {EXAMPLE}.")
    return url.set(drivername="postgresql+psycopg")


def server_label(url: URL) -> str:
    """host:port/database: what messages and the window show (never a password)."""
    return f"{url.host}:{url.port or DEFAULT_PORT}/{url.database}"


def _keyring_password(url: URL) -> str | None:
    if os.environ.get("PGPASSWORD"):
        return None  # libpq uses it
    try:
        import keyring

        account = f"{url.username or ''}@{server_label(url)}"
        return keyring.get_password(KEYRING_SERVICE, account)
    except Exception as exc:  # noqa: BLE001 - no usable keyring: libpq's own ways remain
        log.debug("Geen wachtwoord uit de sleutelbos: %s", type(exc).__name__)
        return None


def create_gemeente_engine(text: str) -> Engine:
    """An engine on the PostgreSQL database of `text`, its first connection made (so a server
    that is down or refuses the login is reported here, in Dutch)."""
    url = parse_database_url(text)
    connect_args: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S,
                                    "application_name": "vrijwilligers-app gemeente"}
    password = _keyring_password(url)
    if password:
        connect_args["password"] = password
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)

    @event.listens_for(engine, "begin")
    def _serialize_writers(conn):  # type: ignore[no-untyped-def]
        # A writer (store.engine.write_session) takes one transaction-scoped lock first, as
        # BEGIN IMMEDIATE does on SQLite: two gemeente users importing the same folder check
        # "already read?" one after the other, so each package is read exactly once and a
        # source's snapshot is never replaced by an older one. Readers never wait.
        if conn.get_execution_options().get("sqlite_begin") == "IMMEDIATE":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")

    with translate_errors(engine), engine.connect():
        pass
    return engine


def describe_failure(exc: DBAPIError, label: str) -> str:
    """Dutch text for a connection or server failure (libpq's English text never shown)."""
    detail = str(exc.orig if exc.orig is not None else exc).lower()
    where = f"De gemeentedatabase op {label}"
    if "does not exist" in detail and "database" in detail:
        return f"{where} bestaat niet. Controleer de databasenaam in het adres."
    if ("password authentication failed" in detail or "no password supplied" in detail
            or "role" in detail and ("does not exist" in detail
                                     or "not permitted to log in" in detail)
            or "pg_hba.conf" in detail or "authentication" in detail):
        return (f"{where} weigert de aanmelding. Controleer gebruikersnaam en wachtwoord "
                "(PGPASSWORD, pgpass-bestand of sleutelbos).")
    if ("connection refused" in detail or "could not connect" in detail
            or "timeout" in detail or "failed to resolve host" in detail
            or "could not translate host name" in detail or "server closed" in detail
            or "terminating connection" in detail or "connection failed" in detail
            or "consuming input failed" in detail or "the connection is lost" in detail):
        return (f"{where} is niet bereikbaar. Staat de server aan en klopt het adres? "
                "Er is niets opgeslagen.")
    return (f"{where} gaf een fout ({type(exc.orig).__name__}). Er is niets opgeslagen; "
            "probeer het opnieuw of vraag de beheerder van de server.")


@contextmanager
def translate_errors(engine: Engine) -> Iterator[None]:
    """Turn the server's connection failures (and any driver error) on a PostgreSQL engine
    into GemeenteDatabaseError naming the server; the transaction that was open is rolled back
    by the server, so nothing is half written. Other engines' errors pass unchanged."""
    if engine.dialect.name != "postgresql":
        yield
        return
    try:
        yield
    except DBAPIError as exc:
        label = server_label(engine.url)
        log.warning("Gemeentedatabase %s: %s", label, type(exc.orig).__name__)
        raise GemeenteDatabaseError(describe_failure(exc, label)) from None
