"""A combo box of sample forms (powder, tablets…) with translated names; optionally a first
entry that means "the same as the exhibit / parent"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox

from custody.domain.enums import SampleForm

__all__ = ["SampleFormCombo", "form_label"]

_FORMS = {
    SampleForm.POWDER: QT_TRANSLATE_NOOP("labels", "Powder"),
    SampleForm.TABLETS: QT_TRANSLATE_NOOP("labels", "Tablets"),
    SampleForm.LIQUID: QT_TRANSLATE_NOOP("labels", "Liquid"),
    SampleForm.PATCH: QT_TRANSLATE_NOOP("labels", "Patch"),
    SampleForm.PLANT: QT_TRANSLATE_NOOP("labels", "Plant material"),
    SampleForm.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
}


def form_label(form: SampleForm) -> str:
    return QCoreApplication.translate("labels", str(_FORMS[form]))


class SampleFormCombo(QComboBox):
    def __init__(self, name: str, *, inherit: str | None = None, parent: Any = None) -> None:
        """``inherit``: the text of a first entry meaning "no form given" (None: no such entry)."""
        super().__init__(parent)
        self.setObjectName(name)
        if inherit is not None:
            self.addItem(inherit, None)
        for form in SampleForm:
            self.addItem(form_label(form), form.value)

    def form(self) -> SampleForm | None:
        value = self.currentData()  # a StrEnum reaches Qt as a plain str
        return SampleForm(value) if value else None

    def set_form(self, form: SampleForm | None) -> None:
        index = self.findData(form.value if form else None)
        self.setCurrentIndex(max(index, 0))
