"""The gemeente store on PostgreSQL from the command line (issue 17): a bad URL, a server that
is down, a login that is refused and a database that does not exist each end in one Dutch
line naming the server (host:port/database, never a password), exit code 1, and nothing
written."""

import socket

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.helpers.postgres import admin_url
from tests.helpers.registers import TEST_PASSPHRASE, file_digest, make_register_dir
from vrijwilligers_app.cli import main
from vrijwilligers_app.paths import DATABASE_NAME


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch):
    monkeypatch.setenv("VRIJWILLIGERS_WACHTWOORD", TEST_PASSPHRASE)
    monkeypatch.delenv("PGPASSWORD", raising=False)


@pytest.fixture
def gemeente(template_database, tmp_path):
    """A gemeente data dir with keys, its register opened (and encrypted) once already."""
    folder = make_register_dir(template_database, tmp_path / "gemeente")
    assert main(["gemeente", "init", "--data-dir", str(folder), "--to", str(tmp_path)]) == 0
    return folder


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again: nobody listens there


def _refused(gemeente, tmp_path, capsys, url: str) -> str:
    """Run import and return with `url`: exit 1, no return file, the register unchanged."""
    capsys.readouterr()
    register = gemeente / DATABASE_NAME
    before = file_digest(register)
    out = tmp_path / "terug"
    assert main(["gemeente", "import", str(tmp_path), "--database", url,
                 "--data-dir", str(gemeente)]) == 1
    first = capsys.readouterr().err
    assert main(["gemeente", "return", "--to", str(out), "--database", url,
                 "--data-dir", str(gemeente)]) == 1
    assert capsys.readouterr().err == first
    assert not out.exists() or not any(out.iterdir())
    assert file_digest(register) == before
    assert "Traceback" not in first and first.count("\n") == 1
    return first


def test_a_server_that_is_down_is_named_in_dutch(gemeente, tmp_path, capsys):
    port = _closed_port()
    err = _refused(gemeente, tmp_path, capsys, f"postgresql://gemeente@127.0.0.1:{port}/cijfers")
    assert f"De gemeentedatabase op 127.0.0.1:{port}/cijfers is niet bereikbaar" in err
    assert "niets opgeslagen" in err


@pytest.mark.parametrize(("url", "expected"), [
    ("postgresql://gemeente:geheim@server:5432/cijfers", "zet het wachtwoord niet in het adres"),
    ("mysql://gemeente@server/cijfers", "alleen PostgreSQL"),
    ("postgresql://gemeente@server", "noem de server en de database"),
    ("://", "geen geldig adres"),
])
def test_a_bad_url_is_refused_without_showing_a_password(gemeente, tmp_path, capsys, url,
                                                         expected):
    err = _refused(gemeente, tmp_path, capsys, url)
    assert expected in err and "geheim" not in err


def _on_test_server(**parts: str) -> str:
    admin = admin_url()
    if admin is None:
        from tests.helpers.postgres import SKIP_REASON

        pytest.skip(SKIP_REASON)
    return make_url(admin).set(**parts).render_as_string(hide_password=False)


@pytest.fixture
def nologin_role():
    url = _on_test_server()
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP ROLE IF EXISTS vw_test_nologin")
        connection.execute("CREATE ROLE vw_test_nologin NOLOGIN")
    yield "vw_test_nologin"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP ROLE IF EXISTS vw_test_nologin")


def test_a_refused_login_is_named_in_dutch(gemeente, tmp_path, capsys, nologin_role):
    for user in ("vw_test_bestaat_niet", nologin_role):
        url = _on_test_server(username=user)
        err = _refused(gemeente, tmp_path, capsys, url)
        server = make_url(url)
        assert (f"De gemeentedatabase op {server.host}:{server.port}/{server.database} "
                "weigert de aanmelding") in err


def test_a_database_that_does_not_exist_is_named_in_dutch(gemeente, tmp_path, capsys):
    url = _on_test_server(database="vw_test_bestaat_niet")
    err = _refused(gemeente, tmp_path, capsys, url)
    assert "/vw_test_bestaat_niet bestaat niet" in err
