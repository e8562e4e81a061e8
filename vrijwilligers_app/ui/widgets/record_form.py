"""The edit form of a register page, built from the service's field specs.

Every input has a label as its buddy (screen readers name it) and an error line under it.
Fields that can be checked on their own (postcode, phone, e-mail, dates, years, BSN-like
numbers in free text) are checked as soon as the user leaves them; the service checks the
whole record again on save and its messages land under the same fields.
"""

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from vrijwilligers_app.domain import validation
from vrijwilligers_app.services.editing import FORMS, FieldSpec, code_options
from vrijwilligers_app.store.handle import Engine
from vrijwilligers_app.ui.widgets.fields import DateField, Field, LineField, TextField, make_field
from vrijwilligers_app.ui.widgets.form_rows import error_label


def _checker(spec: FieldSpec) -> Callable[[str], object] | None:
    label = spec.label
    checks: dict[str, Callable[[str], object]] = {
        "postcode": lambda t: validation.normalize_postcode(t, label),
        "pc4_or_postcode": lambda t: validation.normalize_pc4_or_postcode(t, label),
        "phone": lambda t: validation.normalize_phone(t, label),
        "email": lambda t: validation.normalize_email(t, label),
        "date": lambda t: validation.parse_date_nl(t, label),
        "year": lambda t: validation.validate_birth_year(t, date.today(), label),
    }
    return checks.get(spec.kind)


FORM_NAMES = {"initiatives": "initiatief", "volunteers": "vrijwilliger",
              "residents": "inwoner"}


class RecordForm(QWidget):
    changed = Signal()

    def __init__(self, engine: Engine, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.specs = FORMS[kind]
        self.fields: dict[str, Field] = {}
        self.errors: dict[str, QLabel] = {}
        self.dirty = False
        self._loading = False
        inner = QWidget()
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above fields: inputs get the pane's full width, also with large fonts.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        group = None
        for spec in self.specs:
            if spec.group and spec.group != group:
                group = spec.group
                heading = QLabel(f"<b>{group}</b>")
                form.addRow(heading)
            field = make_field(spec.kind, spec.label, spec.help,
                               partial(code_options, engine, spec.code_table or ""), spec.required)
            field.setObjectName(f"field_{spec.key}")
            field.changed.connect(self._on_changed)
            self.fields[spec.key] = field
            error = error_label()
            self.errors[spec.key] = error
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(field.widget)
            column.addWidget(error)
            text = spec.label + (" *" if spec.required else "")
            if spec.kind == "bool":
                form.addRow("", holder)
                field.focus_widget().setAccessibleName(spec.label)
            else:
                label = QLabel(text)
                label.setBuddy(field.focus_widget())
                form.addRow(label, holder)
                field.focus_widget().setAccessibleName(spec.label)
            if spec.help:
                field.focus_widget().setToolTip(spec.help)
            self._wire_inline_check(spec, field)
        scroll = QScrollArea()
        scroll.setAccessibleName(f"Formulier {FORM_NAMES.get(kind, kind)}")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _wire_inline_check(self, spec: FieldSpec, field: Field) -> None:
        check = _checker(spec)
        if isinstance(field, LineField | DateField):
            edit = field.edit
            edit.editingFinished.connect(lambda: self._check_one(spec, edit.text(), check))
        elif isinstance(field, TextField):
            field.edit.textChanged.connect(
                lambda: self._check_one(spec, field.edit.toPlainText(), None))

    def _check_one(self, spec: FieldSpec, text: str,
                   check: Callable[[str], object] | None) -> None:
        message = ""
        if spec.kind in ("text", "multiline") and validation.looks_like_bsn(text):
            message = validation.BSN_WARNING
        elif check is not None and text.strip():
            try:
                check(text.strip())
            except ValueError as exc:
                message = getattr(exc, "message", str(exc))
        elif spec.required and not text.strip():
            message = "Dit veld is verplicht."
        self.show_error(spec.key, message)

    def _on_changed(self) -> None:
        if not self._loading:
            self.dirty = True
            self.changed.emit()

    # --- values ------------------------------------------------------------------------------
    def values(self) -> dict[str, object]:
        return {key: field.get() for key, field in self.fields.items()}

    def set_values(self, values: Mapping[str, object]) -> None:
        self._loading = True
        try:
            for key, field in self.fields.items():
                field.set(values.get(key))
        finally:
            self._loading = False
        self.clear_errors()
        self.dirty = False

    # --- errors ------------------------------------------------------------------------------
    def show_error(self, key: str, message: str) -> None:
        label = self.errors.get(key)
        if label is None:
            return
        label.setText(message)
        label.setVisible(bool(message))

    def set_errors(self, errors: Mapping[str, str]) -> None:
        self.clear_errors()
        for key, message in errors.items():
            self.show_error(key, message)
        first = next((k for k in self.fields if k in errors), None)
        if first:
            self.fields[first].focus_widget().setFocus()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def visible_errors(self) -> dict[str, str]:
        return {k: label.text() for k, label in self.errors.items() if label.text()}

    def focus_first(self) -> None:
        if self.specs:
            self.fields[self.specs[0].key].focus_widget().setFocus()
