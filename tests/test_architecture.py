"""The layers stay apart: Qt only in ui/, no SQL in domain/ or ui/, store/ below services/."""

import ast
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
