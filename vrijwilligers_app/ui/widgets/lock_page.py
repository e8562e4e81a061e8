"""What a locked window shows instead of the register: a heading and the unlock form."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from vrijwilligers_app.ui.widgets.unlock_form import UnlockForm


class LockPage(QScrollArea):
    def __init__(self, form: UnlockForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_page")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.form = form
        inner = QWidget()
        inner.setAutoFillBackground(True)
        layout = QVBoxLayout(inner)
        layout.addStretch(1)
        title = QLabel("<h2>Het register is vergrendeld</h2>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        explanation = QLabel("Na een tijd zonder gebruik wordt het venster vergrendeld, zodat "
                             "niemand anders de gegevens ziet. Wat u aan het invullen was, "
                             "blijft bewaard.")
        explanation.setWordWrap(True)
        explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(explanation)
        form.setFixedWidth(520)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(form)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.setWidget(inner)


class CoverPage(QWidget):
    """Covers an open dialog while locked: no data visible, nothing to type into."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        label = QLabel("Vergrendeld. Ontgrendel het register in het hoofdvenster.")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
