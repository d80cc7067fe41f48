"""Translatable display names for domain enums (the stored values stay English identifiers)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from custody.domain.enums import LocationKind, Role, SampleStatus
from custody.domain.label_templates import Template

_STATUS = {
    SampleStatus.REGISTERED: QT_TRANSLATE_NOOP("labels", "Registered"),
    SampleStatus.SEALED: QT_TRANSLATE_NOOP("labels", "Sealed"),
    SampleStatus.STORED: QT_TRANSLATE_NOOP("labels", "Stored"),
    SampleStatus.RETRIEVED: QT_TRANSLATE_NOOP("labels", "Retrieved"),
    SampleStatus.OPENED: QT_TRANSLATE_NOOP("labels", "Opened"),
    SampleStatus.PACKED: QT_TRANSLATE_NOOP("labels", "Packed"),
    SampleStatus.IN_TRANSIT: QT_TRANSLATE_NOOP("labels", "In transit"),
    SampleStatus.RECEIVED: QT_TRANSLATE_NOOP("labels", "Received"),
    SampleStatus.RETURNED: QT_TRANSLATE_NOOP("labels", "Returned"),
    SampleStatus.DESTROYED: QT_TRANSLATE_NOOP("labels", "Destroyed"),
}

_ROLE = {
    Role.TECHNICIAN: QT_TRANSLATE_NOOP("labels", "Technician"),
    Role.CLERK: QT_TRANSLATE_NOOP("labels", "Evidence clerk"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("labels", "Supervisor"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("labels", "Auditor"),
}


_LOCATION_KIND = {
    LocationKind.SITE: QT_TRANSLATE_NOOP("labels", "Site"),
    LocationKind.ROOM: QT_TRANSLATE_NOOP("labels", "Room"),
    LocationKind.VAULT: QT_TRANSLATE_NOOP("labels", "Vault"),
    LocationKind.SHELF: QT_TRANSLATE_NOOP("labels", "Shelf"),
    LocationKind.BOX: QT_TRANSLATE_NOOP("labels", "Box"),
}

#: The titles of the label stocks (custody.domain.label_templates), for lupdate; a title not
#: listed here is shown as the template has it.
STOCK_TITLES = (
    QT_TRANSLATE_NOOP("labels", 'Thermal 2"×1" (203 dpi)'),
    QT_TRANSLATE_NOOP("labels", 'Thermal 2"×1" (300 dpi)'),
    QT_TRANSLATE_NOOP("labels", 'Package 4"×2" (203 dpi)'),
    QT_TRANSLATE_NOOP("labels", 'Outer shipment 4"×6" (203 dpi)'),
    QT_TRANSLATE_NOOP("labels", 'Letter, 30 labels 1"×2⅝" (Avery 5160)'),
    QT_TRANSLATE_NOOP("labels", "A4, 21 labels 63.5×38.1 mm"),
)


def status_label(status: SampleStatus) -> str:
    return QCoreApplication.translate("labels", str(_STATUS[status]))


def role_label(role: Role) -> str:
    return QCoreApplication.translate("labels", str(_ROLE[role]))


def location_kind_label(kind: LocationKind) -> str:
    return QCoreApplication.translate("labels", str(_LOCATION_KIND[kind]))


def stock_title(template: Template) -> str:
    """The label stock's title in the interface language."""
    return QCoreApplication.translate("labels", template.title)
