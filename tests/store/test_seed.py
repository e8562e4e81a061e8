"""Code lists are loaded once per release of them, not on every open."""

import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.helpers.registers import make_register_dir
from vrijwilligers_app.paths import resource
from vrijwilligers_app.store import seed
from vrijwilligers_app.store.register import open_register
from vrijwilligers_app.store.settings import get_setting


def test_an_unchanged_app_skips_loading_and_new_code_lists_are_loaded(
        template_database, tmp_path, monkeypatch):
    data_dir = make_register_dir(template_database, tmp_path / "data")
    with open_register(data_dir, daily_backup=False) as register:
        engine = register.engine
        assert get_setting(engine, seed.LOADED_SETTING) == seed.code_lists_fingerprint(
            resource("codes"))

        def must_not_run(*_args: object) -> int:
            raise AssertionError("loaded again although nothing changed")

        with monkeypatch.context() as patch:
            patch.setattr(seed, "load_code_lists", must_not_run)
            assert seed.ensure_code_lists(engine) == 0
        # A release with one more code: loaded on the next open, once.
        codes = tmp_path / "codes"
        shutil.copytree(resource("codes"), codes)
        wijken = codes / "helmond_wijken.csv"
        lines = wijken.read_text(encoding="utf-8").splitlines()
        fields = lines[-1].split(";")
        fields[0] = "WK079499"
        wijken.write_text("\n".join([*lines, ";".join(fields)]) + "\n", encoding="utf-8")
        assert seed.ensure_code_lists(engine, codes) == 1
        assert seed.ensure_code_lists(engine, codes) == 0


@pytest.mark.slow
def test_a_report_from_an_opened_register_builds_no_sqlmodel_tables(template_database,
                                                                    tmp_path):
    data_dir = make_register_dir(template_database, tmp_path / "data")
    with open_register(data_dir, daily_backup=False):
        pass
    probe = textwrap.dedent(f"""
        import sys
        from vrijwilligers_app.cli import main
        main(["rapport", "sociale-kaart", "--data-dir", {str(data_dir)!r},
              "-o", {str(tmp_path / "kaart.pdf")!r}])
        print([m for m in ("sqlmodel", "pydantic", "alembic") if m in sys.modules])
    """)
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
