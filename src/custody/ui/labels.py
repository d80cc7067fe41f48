"""Translatable display names for domain enums (the stored values stay English identifiers)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from custody.domain.enums import Role, SampleStatus

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


def status_label(status: SampleStatus) -> str:
    return QCoreApplication.translate("labels", str(_STATUS[status]))


def role_label(role: Role) -> str:
    return QCoreApplication.translate("labels", str(_ROLE[role]))
