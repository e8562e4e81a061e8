"""The one protocol of the panel beside a register page's list (ui/pages/register_page.py).

Every panel is built as `Panel(engine, runner, details)` (plus `undo_stack` when it can undo):
`details` is the page's view of the selected record (a read-only pane, or for the editable
registers the RecordForm) that the panel shows with its own actions. The page tells the panel
which record is current (`show_record`), asks it before the selection moves (`may_leave`),
and listens to three signals; a panel never reaches into the page, nor the page into a
panel's private state:

- `status(str)`: a Dutch line for the status bar;
- `saved(int)`: this record was stored (new or changed): select it once the list reloads;
- `changed(int)`: this record's row shows other values now: refresh the rows.

Anything a panel asks of the page beyond that (a dialog of the page, a new referral) is its
own signal, connected by the page's kind → panel table.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class RegisterPanel(QWidget):
    status = Signal(str)
    saved = Signal(int)
    changed = Signal(int)
    # The page wraps the panel in a scroll area (large text on a 768-pixel screen); a panel
    # that scrolls inside itself (the record editor's form) says False.
    scrolls = True

    def __init__(self) -> None:
        super().__init__()
        # The page's own actions ("Nieuwe doorverwijzing…"): kept above the scrolling panel.
        self.actions_bar: QWidget | None = None

    def show_record(self, record_id: int | None) -> None:
        """Show this record (None: nothing selected)."""
        raise NotImplementedError

    def may_leave(self) -> bool:
        """True when the selection may move on (nothing unsaved, or the user decided)."""
        return True
