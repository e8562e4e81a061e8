"""An action already carried out, put on the window's undo stack (Ctrl+Z / Ctrl+Y)."""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class DoneCommand(QUndoCommand):
    """undo() calls `undo_fn`, redo() `redo_fn` (not on the push: the action is done),
    each followed by `refresh`."""

    def __init__(self, text: str, undo_fn: Callable[[], object], redo_fn: Callable[[], object],
                 refresh: Callable[[], object]) -> None:
        super().__init__(text)
        self._undo, self._redo, self._refresh = undo_fn, redo_fn, refresh
        self._first = True

    def undo(self) -> None:
        self._undo()
        self._refresh()

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()
        self._refresh()
