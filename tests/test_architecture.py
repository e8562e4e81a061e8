"""The layers stay apart: Qt only in ui/, no SQL in domain/ or ui/, store/ below services/."""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "vrijwilligers_app"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules_outside(folder: str | None):
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if folder is None or relative.parts[0] != folder:
            yield relative, imported_modules(path)


def test_only_ui_imports_qt():
    offenders = [str(rel) for rel, names in modules_outside("ui")
                 if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names)]
    assert offenders == []


@pytest.mark.parametrize("forbidden", ["sqlalchemy", "sqlmodel", "alembic", "PySide6",
                                       "vrijwilligers_app.store"])
def test_domain_is_pure(forbidden):
    offenders = [str(path.relative_to(PACKAGE)) for path in (PACKAGE / "domain").rglob("*.py")
                 if any(n == forbidden or n.startswith(forbidden + ".")
                        for n in imported_modules(path))]
    assert offenders == []


def test_no_module_grows_past_400_lines():
    big = [f"{p.relative_to(PACKAGE)} ({n})" for p in PACKAGE.rglob("*.py")
           if "migrations" not in p.parts
           and (n := len(p.read_text(encoding="utf-8").splitlines())) > 400]
    assert big == []


@pytest.mark.parametrize("forbidden", ["sqlalchemy", "sqlmodel"])
def test_ui_holds_no_sql(forbidden):
    """The UI asks services (on the TaskRunner) for data; SQL lives in store/ and services/."""
    offenders = [str(path.relative_to(PACKAGE)) for path in (PACKAGE / "ui").rglob("*.py")
                 if any(n == forbidden or n.startswith(forbidden + ".")
                        for n in imported_modules(path))]
    assert offenders == []


def test_ui_builds_no_sql_text():
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == "text":
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


@pytest.mark.parametrize("forbidden", ["vrijwilligers_app.services", "vrijwilligers_app.ui",
                                       "vrijwilligers_app.reports",
                                       "vrijwilligers_app.exchange"])
def test_store_imports_nothing_above_it(forbidden):
    offenders = [str(path.relative_to(PACKAGE)) for path in (PACKAGE / "store").rglob("*.py")
                 if any(n == forbidden or n.startswith(forbidden + ".")
                        for n in imported_modules(path))]
    assert offenders == []


# SQL text belongs in store/ (store/queries/<aggregate>.py); services and ui call it there.
# This list only shrinks: a module leaves it when its SQL moves, and a new module never joins.
SQL_TEXT_ALLOWED: set[str] = set()  # empty: every module's SQL has moved (issue 13)


def allowed(relative: str) -> bool:
    return relative in SQL_TEXT_ALLOWED


SQL_START = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA|REPLACE)\s")


def sql_text_lines(source: str) -> list[int]:
    """Lines with SQL text: a call of sqlalchemy's/sqlmodel's `text`, or a string (plain or
    the start of an f-string) that opens with an upper-case SQL keyword."""
    tree = ast.parse(source)
    text_names = {alias.asname or alias.name for node in ast.walk(tree)
                  if isinstance(node, ast.ImportFrom)
                  and (node.module or "").split(".")[0] in ("sqlalchemy", "sqlmodel")
                  for alias in node.names if alias.name == "text"}

    def is_sql(node: ast.AST) -> bool:
        if isinstance(node, ast.Call):
            func = node.func
            return (isinstance(func, ast.Name) and func.id in text_names) or (
                isinstance(func, ast.Attribute) and func.attr == "text"
                and isinstance(func.value, ast.Name)
                and func.value.id in ("sqlalchemy", "sa", "sqlmodel"))
        return isinstance(node, ast.Constant) and isinstance(node.value, str) \
            and SQL_START.match(node.value) is not None

    found = {node.lineno for node in ast.walk(tree) if is_sql(node)}  # type: ignore[attr-defined]
    return sorted(found)


def test_sql_text_lives_in_store():
    offenders = []
    for folder in ("services", "ui"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            relative = path.relative_to(PACKAGE).as_posix()
            if allowed(relative):
                continue
            lines = sql_text_lines(path.read_text(encoding="utf-8"))
            offenders += [f"{relative}:{line}" for line in lines]
    assert offenders == [], "SQL belongs in store/queries/<aggregate>.py"


def test_the_sql_allowlist_only_shrinks():
    """A module that no longer holds SQL text leaves the list (so it cannot come back).
    Only files are listed: a folder entry would let a new module in it hold SQL."""
    stale = [name for name in sorted(SQL_TEXT_ALLOWED) if name.endswith("/") or (
             not (PACKAGE / name).is_file()
             or not sql_text_lines((PACKAGE / name).read_text(encoding="utf-8")))]
    assert stale == []


@pytest.mark.parametrize("source", [
    'from sqlalchemy import text\nrows = c.execute(text("x"))',
    'import sqlalchemy\nrows = c.execute(sqlalchemy.text("x"))',
    'SQL = """\n    SELECT id FROM volunteer"""',
    'sql = f"DELETE FROM {table} WHERE id = :id"',
])
def test_the_sql_finder_sees_sql(source):
    assert sql_text_lines(source) != []


@pytest.mark.parametrize("source", [
    'name = edit.text()',  # Qt
    'report.text("Select the volunteers")',  # a sentence, not SQL
    '"""Update the cache. Select what changed."""',
    'query = select(Volunteer).where(Volunteer.id == 1)',  # the ORM builds it in store terms
])
def test_the_sql_finder_leaves_other_text_alone(source):
    assert sql_text_lines(source) == []


def test_ui_reads_no_private_attribute_of_another_object():
    """Pages, panels and dialogs meet through signals and public methods: `page._pending`
    or `editor._saving` from outside is a seam to name, not to reach through."""
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") \
                    and not node.attr.startswith("__") \
                    and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {ast.unparse(node)}")
    assert offenders == []
