"""A register page: filters and a quick filter above a lazily loaded table; beside it the
register's panel (ui/pages/panel.py): the edit form (initiatives, volunteers, residents) or
the read-only details of the selected row with the register's own actions. Which panel a
register gets is the table PANELS; the page talks to it through its signals."""

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vrijwilligers_app.domain.dutch_format import thousands
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.store.queries.registers import REGISTERS, filter_options
from vrijwilligers_app.ui.dialogs.new_referral import NewReferralDialog
from vrijwilligers_app.ui.dialogs.referral_figures_dialog import ReferralFiguresDialog
from vrijwilligers_app.ui.dialogs.social_map_dialog import SocialMapDialog
from vrijwilligers_app.ui.models.register_table_model import ID_ROLE, RegisterTableModel
from vrijwilligers_app.ui.pages.activity_panel import ActivityPanel
from vrijwilligers_app.ui.pages.consent_panel import ConsentPanel
from vrijwilligers_app.ui.pages.match_panel import MatchPanel
from vrijwilligers_app.ui.pages.panel import RegisterPanel
from vrijwilligers_app.ui.pages.panels import PANELS
from vrijwilligers_app.ui.pages.record_editor import RecordEditor
from vrijwilligers_app.ui.pages.referral_panel import ReferralPanel
from vrijwilligers_app.ui.pages.request_panel import RequestPanel
from vrijwilligers_app.ui.tasks import TaskRunner
from vrijwilligers_app.ui.widgets.filter_grid import FilterGrid
from vrijwilligers_app.ui.widgets.record_form import RecordForm
from vrijwilligers_app.ui.widgets.table_copy import install_copy

QUICK_FILTER_DELAY_MS = 200




class RegisterPage(QWidget):
    status = Signal(str)

    def __init__(self, engine: Engine, kind: str, runner: TaskRunner,
                 undo_stack: QUndoStack) -> None:
        super().__init__()
        self.engine = engine
        self.kind = kind
        self.spec = REGISTERS[kind]
        self.runner = runner
        self.model = RegisterTableModel(engine, kind, runner)
        self._pending_select: int | None = None
        self._build_filters()
        self.view = QTableView()
        self.view.setObjectName(f"table_{kind}")
        self.view.setAccessibleName(self.spec.title)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows may be selected for Ctrl+C; the current row is the one edited.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.copy_shortcut = install_copy(self.view)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(40)  # size columns by the first rows only
        self._sized = False
        default = next(i for i, c in enumerate(self.spec.columns)
                       if c.key == self.spec.default_sort)
        header.setSortIndicator(default, Qt.SortOrder.DescendingOrder
                                if self.spec.default_descending else Qt.SortOrder.AscendingOrder)
        self.model.loaded.connect(self._on_loaded)
        self.model.loading_started.connect(lambda: self.count_label.setText("Laden…"))
        self.view.setSortingEnabled(True)  # asks the model to sort: the first load
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.detail_values: list[QLabel] = []
        self.consent_panel: ConsentPanel | None = None
        self.panel: RegisterPanel | None = None
        panel_kind = PANELS.get(kind)
        if panel_kind is None:  # the details alone
            side = self._details_pane()
        else:
            details = RecordForm(engine, kind) if panel_kind.editable else self._details_pane()
            self.panel = panel = panel_kind.build(engine, runner, details, undo_stack)
            panel.status.connect(self.status)
            panel.saved.connect(self.select_when_loaded)
            panel.changed.connect(self.refresh_current)
            side = self._scrolling_side(panel) if panel.scrolls else panel
            wire = {"referrals": self._wire_referrals, "activities": self._wire_activities,
                    "residents": self._wire_consent}.get(kind)
            if isinstance(panel, RecordEditor):
                self._wire_editor(panel)
            if wire is not None:
                side = wire(panel, side)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.filter_row)
        left_layout.addWidget(self.view, 1)
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 420])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        heading = self.heading = QLabel(self.spec.title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)

    def _scrolling_side(self, panel: QWidget) -> QWidget:
        """The panel scrolls (large text on a small screen); its `actions_bar`, the page's
        own actions ("Nieuwe doorverwijzing…", "Cijfers…"), stays in sight above it."""
        scroll = QScrollArea()
        scroll.setAccessibleName(f"{self.spec.title}: details")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(panel)
        bar = panel.actions_bar if isinstance(panel, RegisterPanel) else None
        if bar is None:
            return scroll
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(bar)
        column.addWidget(scroll, 1)
        return holder

    # --- the panel's own signals ---------------------------------------------------------
    @property
    def editor(self) -> RecordEditor | None:
        return self.panel if isinstance(self.panel, RecordEditor) else None

    @property
    def referral_panel(self) -> ReferralPanel | None:
        return self.panel if isinstance(self.panel, ReferralPanel) else None

    @property
    def activity_panel(self) -> ActivityPanel | None:
        return self.panel if isinstance(self.panel, ActivityPanel) else None

    @property
    def side_panel(self) -> RegisterPanel | None:
        """The maatjes pages' panel (RequestPanel or MatchPanel)."""
        return self.panel if isinstance(self.panel, RequestPanel | MatchPanel) else None

    def _wire_editor(self, editor: RecordEditor) -> None:
        editor.opened.connect(self.record_opened)
        editor.restored.connect(lambda record_id: self.select_when_loaded(record_id, False))
        editor.list_changed.connect(self.apply_filters)
        editor.open_requested.connect(self.show_record)
        for keys, slot in (("Ctrl+N", editor.new), ("Ctrl+S", editor.save),
                           ("Esc", editor.cancel)):
            QShortcut(QKeySequence(keys), self, slot)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, editor.delete)

    def _wire_consent(self, panel: RegisterPanel, side: QWidget) -> QWidget:
        """The resident's data and, on its own tab, the consent ledger."""
        assert isinstance(panel, RecordEditor)
        self.consent_panel = ConsentPanel(self.engine, self.runner, panel.undo_stack)
        self.consent_panel.status.connect(self.status)
        self.consent_panel.changed.connect(lambda _id: self.model.refresh_rows())
        self.consent_panel.form_requested.connect(self.print_consent_form)
        self.consent_panel.show_resident(panel.current_id)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Inwoner: gegevens of toestemming")
        self.tabs.addTab(side, "&Gegevens")
        self.tabs.addTab(self.consent_panel, "&Toestemming")
        return self.tabs

    def _wire_referrals(self, panel: RegisterPanel, side: QWidget) -> QWidget:
        assert isinstance(panel, ReferralPanel)
        panel.new_requested.connect(self.new_referral)
        panel.figures_requested.connect(self.show_figures)
        panel.social_map_requested.connect(self.show_social_map)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_referral)
        return side

    def _wire_activities(self, panel: RegisterPanel, side: QWidget) -> QWidget:
        assert isinstance(panel, ActivityPanel)
        QShortcut(QKeySequence("Ctrl+N"), self, lambda: panel.open_new("single"))
        return side

    # --- filters -------------------------------------------------------------------------
    def _build_filters(self) -> None:
        """Quick filter and count on one line, the filter boxes below it as many to a line as
        fit (ui/widgets/filter_grid.py), so the page fits a 1366×768 screen at 200 %."""
        self.filter_row = QVBoxLayout()
        top = QHBoxLayout()
        self.filter_grid = FilterGrid()
        self.filter_row.addLayout(top)
        self.filter_row.addWidget(self.filter_grid)
        self.quick = QLineEdit()
        self.quick.setObjectName("quick_filter")
        self.quick.setPlaceholderText("Zoek in deze lijst…")
        self.quick.setAccessibleName(f"Zoek in {self.spec.title.lower()}")
        self.quick.setClearButtonEnabled(True)
        self._quick_timer = QTimer(self, singleShot=True, interval=QUICK_FILTER_DELAY_MS)
        self._quick_timer.timeout.connect(self.apply_filters)
        self.quick.textChanged.connect(lambda _t: self._quick_timer.start())
        self.quick.setMinimumWidth(self.fontMetrics().averageCharWidth() * 14)
        top.addWidget(self.quick, 1)
        self.filter_boxes: dict[str, QComboBox] = {}
        for spec in self.spec.filters:
            box = QComboBox()
            box.setObjectName(f"filter_{spec.key}")
            box.setAccessibleName(spec.label)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.addItem(spec.unset_label or f"{spec.label}: alle", "")
            options = spec.options or tuple(filter_options(self.engine, self.kind, spec.key))
            for value, text in options:
                box.addItem(text, value)
            box.setToolTip(box.currentText())  # the full text when a large font truncates it
            box.currentIndexChanged.connect(lambda _i, b=box: b.setToolTip(b.currentText()))
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
            self.filter_grid.add(box)
            self.filter_boxes[spec.key] = box
        self.count_label = QLabel()
        top.addWidget(self.count_label)

    def current_filters(self) -> dict[str, str]:
        return {key: box.currentData() for key, box in self.filter_boxes.items()
                if box.currentData()}

    def apply_filters(self) -> None:
        self.model.reload(self.current_filters(), self.quick.text().strip())

    def clear_filters(self) -> None:
        for box in self.filter_boxes.values():
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.quick.blockSignals(True)
        self.quick.clear()
        self.quick.blockSignals(False)
        self.apply_filters()

    # --- selection -------------------------------------------------------------------------
    def _size_columns(self) -> None:
        """Fit columns to header and first rows once, capped so no column hogs the table."""
        self._sized = True
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        cap = metrics.averageCharWidth() * 32
        for column, spec in enumerate(self.spec.columns):
            header_width = metrics.horizontalAdvance(spec.header) + 28  # + sort arrow
            contents = self.view.sizeHintForColumn(column) if self.model.rowCount() else 0
            header.resizeSection(column, min(max(header_width, contents + 12), cap))

    def _on_loaded(self, count: int) -> None:
        if not self._sized:
            self._size_columns()
        self.count_label.setText(thousands(count) + " gevonden")
        if self._pending_select is not None:
            self.select_id(self._pending_select)

    def select_id(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        self._pending_select = None
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def select_when_loaded(self, record_id: int, reload: bool = True) -> None:
        """Select `record_id` once the ids are loaded again; reload them now unless the
        caller already does (a record was added or came back)."""
        self._pending_select = record_id
        if reload:
            self.apply_filters()

    def show_record(self, record_id: int) -> None:
        """Open a record from elsewhere (search, dashboard), whatever the filters say."""
        if self.editor is not None:
            self.editor.open(record_id)
        if not self.select_id(record_id):
            self._pending_select = record_id
            self.clear_filters()

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _on_current_changed(self, current, previous) -> None:  # type: ignore[no-untyped-def]
        record_id = current.data(ID_ROLE) if current.isValid() else None
        if self.editor is not None:
            if record_id is not None and record_id != self.editor.current_id:
                if not self.editor.may_leave():
                    self.view.selectionModel().blockSignals(True)
                    self.view.selectionModel().setCurrentIndex(
                        previous, QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows)
                    self.view.selectionModel().blockSignals(False)
                    return
                self.editor.open(record_id)
        elif current.isValid():
            self._show_details(current.row())
            if self.panel is not None:
                self.panel.show_record(record_id)

    # --- read-only details ----------------------------------------------------------------
    def _details_pane(self) -> QWidget:
        pane = QWidget()
        self.details = QFormLayout(pane)
        self.detail_values = []
        for column in self.spec.columns:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name = QLabel(column.header)
            name.setBuddy(value)
            self.details.addRow(name, value)
            self.detail_values.append(value)
        return pane

    def _show_details(self, row: int) -> None:
        for column, label in enumerate(self.detail_values):
            label.setText(str(self.model.index(row, column).data() or "—"))

    def font_changed(self) -> None:
        """Text size changed: rows and columns follow."""
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.filter_grid.fonts_changed()
        self._size_columns()

    def record_opened(self, record_id: int | None) -> None:
        """The editor shows another record (None: a new one, nothing selected in the list);
        the consent tab follows."""
        if record_id is None:
            self.view.clearSelection()
        if self.consent_panel is not None:
            self.consent_panel.show_resident(record_id)

    def print_consent_form(self, resident_id: int) -> None:
        """Seam for the toestemmingsformulier (services.reports.consent_form)."""
        from vrijwilligers_app.ui.dialogs.consent_form import print_consent_form

        print_consent_form(self, self.engine, self.runner, resident_id)

    def refresh_current(self, _record_id: int = 0) -> None:
        """A record changed (a new status, an edited activity, a maatjes step): the rows and
        the details above the panel show it at once."""
        self.model.refresh_rows()
        if self.view.currentIndex().isValid():
            self._show_details(self.view.currentIndex().row())

    def new_referral(self) -> None:
        """Open the Nieuwe doorverwijzing dialog; a saved referral is selected in the list."""
        self.referral_dialog = NewReferralDialog(self.engine, self.runner, self)
        self.referral_dialog.accepted.connect(self._referral_created)
        self.referral_dialog.open()

    def show_figures(self) -> None:
        self.figures_dialog = ReferralFiguresDialog(self.engine, self.runner, self)
        self.figures_dialog.show()

    def show_social_map(self) -> None:
        self.social_map_dialog = SocialMapDialog(self.engine, self.runner, self)
        if self.referral_panel is not None:
            self.social_map_dialog.changed.connect(self.referral_panel.reload_destinations)
        self.social_map_dialog.changed.connect(self.model.refresh_rows)
        self.social_map_dialog.show()

    def _referral_created(self) -> None:
        created = self.referral_dialog.created_id
        if created is not None:
            self.status.emit("Doorverwijzing opgeslagen.")
            self.select_when_loaded(created)

    def may_leave(self) -> bool:
        return self.panel.may_leave() if self.panel else True
