"""A process killed in the middle of an import leaves the register as it was."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.helpers.registers import make_register_dir
from vrijwilligers_app.store.engine import create_register_engine, read_session
from vrijwilligers_app.store.health import check_database
from vrijwilligers_app.store.tables import Volunteer

SCRIPT = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from vrijwilligers_app.services.importing import Sheet, apply_import, build_preview
    from vrijwilligers_app.services.importing import write
    from vrijwilligers_app.store.engine import create_register_engine
    data = Path(sys.argv[1])
    engine = create_register_engine(data / "register.sqlite")
    rows = [["Voornaam", "Achternaam"]] + [[f"Naam{i}", f"Achter{i}"] for i in range(600)]
    preview = build_preview(engine, "volunteers", Sheet("Blad1", rows), 0,
                            {0: "first_name", 1: "last_name"}, "lijst.csv")
    write.PROGRESS_EVERY = 100
    for done, total, label in apply_import(engine, data / "register.sqlite", data, preview):
        if done >= 300:  # half the rows are written inside the open transaction
            print("KILL", done, flush=True)
            os._exit(9)  # like a crash or a killed process: no rollback, no cleanup
""")


@pytest.mark.slow
def test_killed_import_leaves_nothing(template_database: Path, tmp_path: Path) -> None:
    data = make_register_dir(template_database, tmp_path / "data")
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(data)], capture_output=True,
                         text=True, timeout=120, cwd=Path(__file__).parents[3])
    assert run.returncode == 9, run.stderr
    assert "KILL 300" in run.stdout
    engine = create_register_engine(data / "register.sqlite")
    try:
        with read_session(engine) as session:
            assert session.execute(select(func.count()).select_from(Volunteer)).scalar_one() == 0
    finally:
        engine.dispose()
    assert check_database(data / "register.sqlite").healthy
    assert list((data / "backups").glob("voor-import-*.sqlite"))
