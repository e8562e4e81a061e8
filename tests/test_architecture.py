"""The layers stay apart: Qt only in ui/, no SQL in domain/."""

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
