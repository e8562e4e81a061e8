"""The help window: contents list, search field and the page (Markdown in a QTextBrowser).
Not modal, so one can read and work side by side."""

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app import APP_NAME
from vrijwilligers_app.ui.help.catalogue import START_PAGE, HelpPage, load_pages, search

MISSING = ("De handleiding ontbreekt in deze installatie. Installeer het programma opnieuw; "
           "uw gegevens blijven bewaard.")


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_window")
        self.setWindowTitle(f"Handleiding — {APP_NAME}")
        self.pages = load_pages()
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText("Zoek in de handleiding…")
        self.search_field.setAccessibleName("Zoek in de handleiding")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(self._filter)
        self.contents = QListWidget()
        self.contents.setAccessibleName("Onderwerpen")
        self.contents.currentItemChanged.connect(self._item_chosen)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_text")
        self.browser.setAccessibleName("Handleidingpagina")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.no_hits = QLabel("Niets gevonden.")
        self.no_hits.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_label = QLabel("&Zoeken:")
        search_label.setBuddy(self.search_field)
        left_layout.addWidget(search_label)
        left_layout.addWidget(self.search_field)
        left_layout.addWidget(self.contents, 1)
        left_layout.addWidget(self.no_hits)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 560])
        buttons = QDialogButtonBox()
        buttons.addButton("Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_field.setFocus)
        self._filter("")
        self.resize(860, 600)
        if not self.pages:
            self.browser.setPlainText(MISSING)

    def _filter(self, query: str) -> None:
        current = self.current_file()
        hits = search(self.pages, query)
        self.contents.blockSignals(True)
        self.contents.clear()
        for page in hits:
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.file)
            self.contents.addItem(item)
        self.contents.blockSignals(False)
        self.no_hits.setVisible(bool(query.strip()) and not hits)
        files = [p.file for p in hits]
        if hits:
            self.show_page(current if current in files and not query.strip() else files[0])
        words = query.split()
        if words:
            self.browser.find(words[0])  # show where the first word stands

    def _item_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self._render(str(item.data(Qt.ItemDataRole.UserRole)))

    def show_page(self, file: str) -> bool:
        """Show a page by file name (F1, links); False when this installation lacks it."""
        page = self._page(file)
        if page is None:
            return False
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == file:
                self.contents.setCurrentRow(row)  # renders through _item_chosen
                break
        else:
            self._render(file)
        self._render(file)
        return True

    def current_file(self) -> str:
        return str(self.browser.property("help_file") or START_PAGE)

    def _render(self, file: str) -> None:
        page = self._page(file)
        if page is not None and self.browser.property("help_file") != file:
            self.browser.setMarkdown(page.markdown)
            self.browser.setProperty("help_file", file)

    def _page(self, file: str) -> HelpPage | None:
        return next((p for p in self.pages if p.file == file), None)

    def _link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.path().endswith(".md"):
            self.show_page(url.path().rsplit("/", 1)[-1])
