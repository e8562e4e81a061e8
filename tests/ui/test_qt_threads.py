"""The Qt binding must not corrupt Python's reference counts.

PySide6 6.12.0 drops one reference to None on every QCoreApplication.processEvents() call
from Python; once None's count reaches zero the process aborts ("none_dealloc"), which the
window benchmark hit within seconds. pyproject.toml keeps PySide6 below 6.12 for that; this
test fails on any version with the bug.
"""

import sys

from PySide6.QtWidgets import QApplication


def test_process_events_keeps_the_reference_count_of_none(qapp: QApplication):
    before = sys.getrefcount(None)
    for _ in range(2_000):
        qapp.processEvents()
    assert sys.getrefcount(None) - before > -100
