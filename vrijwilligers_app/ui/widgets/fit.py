"""Keeping windows on a small screen (1366×768 at text size 200 %): never larger than the
screen's free area, never partly off it. The input guard applies this to every dialog as it
is shown, so a dialog added later is kept on screen as well (its contents must be able to
shrink: put long forms in a scroll area, see form_rows.scrolling_form_layout)."""

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR = 31  # pixels above the client area of a Windows window
TASK_BAR = 40  # reserved when the platform reports none (auto-hide, test screens)


def free_area(window: QWidget) -> QRect:
    """The part of the screen a window (with its frame) may cover."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = QRect(screen.availableGeometry())
    if area == screen.geometry():
        area.setHeight(area.height() - TASK_BAR)
    return area


def fit_to_screen(window: QWidget) -> None:
    """Shrink a window that is larger than the free area, and move it fully onto it."""
    area = free_area(window)
    frame_w = window.frameGeometry().width() - window.width()
    frame_h = max(window.frameGeometry().height() - window.height(), TITLE_BAR)
    width = min(window.width(), area.width() - frame_w)
    height = min(window.height(), area.height() - frame_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(window.x(), area.left()), area.right() + 1 - width - frame_w)
    y = min(max(window.y(), area.top()), area.bottom() + 1 - height - frame_h)
    if (x, y) != (window.x(), window.y()):
        window.move(max(x, area.left()), max(y, area.top()))


def cap_height(wanted: int, window: QWidget, share: float = 0.5) -> int:
    """A minimum height for one part of a window that leaves room for the rest."""
    return min(wanted, int((free_area(window).height() - TITLE_BAR) * share))
