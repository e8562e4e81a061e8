"""Seams for parts built elsewhere to join the first start.

- `register_welcome_step(key, factory)`: a page for the welcome wizard (e.g. the passphrase
  setup, `PassphraseSetupPage`). The factory gets the open register and returns a QWizardPage,
  or None to skip the step this time. Steps appear after the organisation's name, in the order
  registered. A step must be skippable (no mandatory fields) and doable later from a menu.
- `register_import_starter(starter)`: the import wizard for existing lists. When set, the
  welcome's choice "Bestaande lijsten importeren" appears and calls `starter(main_window)`
  after the wizard closes.

Register from the module that defines the page, at import time, and make sure the app imports
that module before the window opens (e.g. from ui/app.py).
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget, QWizardPage

if TYPE_CHECKING:  # imported by the window frame, painted before SQLAlchemy loads
    from vrijwilligers_app.store.register import Register

StepFactory = Callable[["Register"], QWizardPage | None]
ImportStarter = Callable[[QWidget], None]

_steps: dict[str, StepFactory] = {}
_import_starter: list[ImportStarter] = []


def register_welcome_step(key: str, factory: StepFactory) -> None:
    """Add (or replace, by key) an optional step of the welcome wizard."""
    _steps[key] = factory


def unregister_welcome_step(key: str) -> None:
    _steps.pop(key, None)


def welcome_steps() -> list[tuple[str, StepFactory]]:
    return list(_steps.items())


def register_import_starter(starter: ImportStarter | None) -> None:
    _import_starter.clear()
    if starter is not None:
        _import_starter.append(starter)


def import_starter() -> ImportStarter | None:
    return _import_starter[0] if _import_starter else None
