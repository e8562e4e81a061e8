"""Which panel each register gets beside its list: the kind → panel table of RegisterPage.

Every entry builds its panel from (engine, runner, details, undo_stack); see ui/pages/panel.py
for the protocol. A register without an entry shows the read-only details alone.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.pages.activity_panel import ActivityPanel
from vrijwilligers_app.ui.pages.match_panel import MatchPanel
from vrijwilligers_app.ui.pages.panel import RegisterPanel
from vrijwilligers_app.ui.pages.record_editor import RecordEditor
from vrijwilligers_app.ui.pages.referral_panel import ReferralPanel
from vrijwilligers_app.ui.pages.request_panel import RequestPanel
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.record_form import RecordForm


@dataclass(frozen=True)
class PanelKind:
    """How a register's panel is built: from the engine, the runner, the page's details of the
    selected record and the undo stack. `editable`: the details are a RecordForm."""

    build: Callable[[Engine, TaskRunner, QWidget, QUndoStack], RegisterPanel]
    editable: bool = False


def _editor(engine: Engine, runner: TaskRunner, details: QWidget,
            undo_stack: QUndoStack) -> RegisterPanel:
    assert isinstance(details, RecordForm)
    return RecordEditor(engine, runner, details, undo_stack)


PANELS: dict[str, PanelKind] = {
    "initiatives": PanelKind(_editor, editable=True),
    "volunteers": PanelKind(_editor, editable=True),
    "residents": PanelKind(_editor, editable=True),
    "referrals": PanelKind(lambda engine, runner, details, _undo: ReferralPanel(
        engine, runner, details)),
    "requests": PanelKind(lambda engine, runner, details, _undo: RequestPanel(
        engine, runner, details)),
    "matches": PanelKind(lambda engine, runner, details, _undo: MatchPanel(
        engine, runner, details)),
    "activities": PanelKind(ActivityPanel),
}
