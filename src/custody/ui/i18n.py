"""The interface language and how dates and numbers are shown in it.

`install_translators` loads our compiled catalogues (``custody_<locale>.qm``, the UI, and
``messages_<locale>.qm``, the services' messages; built by ``scripts/translations release`` into
``custody/resources/i18n``) and Qt's own (standard buttons and dialogs), and makes the language's
locale the default, so `QLocale()` formats for it. English is the source language: it needs no
catalogue.

Display only: what is stored and journaled never changes language or format. Dates are shown as
ISO 8601 in English (unambiguous for Mexican and US readers alike) and as the locale's short
date with a four-digit year otherwise; times always on the 24-hour clock.
"""

from __future__ import annotations

from datetime import datetime
from importlib import resources
from importlib.resources.abc import Traversable

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

__all__ = [
    "CATALOGUES",
    "LOCALES",
    "date_format",
    "format_date_time",
    "install_translators",
    "locale_name",
    "localized_number",
    "translate",
]

#: The workstation's `language` setting (custody.settings.LANGUAGES) -> the locale it means.
LOCALES = {"en": "en_US", "es": "es_MX"}
#: Our catalogues, in the order they are installed (the last installed is searched first).
CATALOGUES = ("messages", "custody")
ISO_DATE = "yyyy-MM-dd"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`QCoreApplication.translate` (lupdate finds literal ``translate("Context", "text")``)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def locale_name(language: str) -> str:
    """The locale of a `language` setting ("es" -> "es_MX"); a locale name stays as it is."""
    return LOCALES.get(language, language)


def catalogue_dir() -> Traversable:
    """Where the compiled .qm catalogues ship inside the package."""
    return resources.files("custody") / "resources" / "i18n"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Translate `app` into `language` (a setting such as "es", or a locale such as "es_MX").

    Makes the language's locale the default for `QLocale()`. Returns the translators installed
    (owned by `app`); a missing catalogue leaves its texts in English and is not an error.
    """
    locale = QLocale(locale_name(language))
    QLocale.setDefault(locale)
    if locale.language() == QLocale.Language.English:
        return []
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator()
    if qt_own.load(locale, "qtbase", "_", qt_dir):
        installed.append(qt_own)
    folder = catalogue_dir()
    for catalogue in CATALOGUES:
        qm = folder / f"{catalogue}_{locale.name()}.qm"
        if not qm.is_file():
            continue
        translator = QTranslator()
        with resources.as_file(qm) as path:  # a real file unless the package is zipped
            if translator.load(str(path)):
                installed.append(translator)
    for translator in installed:
        translator.setParent(app)  # kept alive as long as the application
        app.installTranslator(translator)
    return installed


def date_format(locale: QLocale | None = None) -> str:
    """The date format shown (a QDate format): ISO 8601 in English, else the locale's short
    date with a four-digit year (es_MX: dd/MM/yyyy)."""
    locale = QLocale() if locale is None else locale
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return ISO_DATE
    shown = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in shown:
        shown = shown.replace("yy", "yyyy")
    return shown


def format_date_time(moment: datetime, *, seconds: bool = False) -> str:
    """`moment`'s wall-clock date and time (already in the zone to show) for the locale."""
    day = QLocale().toString(QDate(moment.year, moment.month, moment.day), date_format())
    return f"{day} {moment:%H:%M:%S}" if seconds else f"{day} {moment:%H:%M}"


def localized_number(text: str) -> str:
    """A number formatted by Python (``,`` groups, ``.`` decimals) in the locale's separators."""
    locale = QLocale()
    group, point = locale.groupSeparator(), locale.decimalPoint()
    if (group, point) == (",", "."):
        return text
    return "".join(group if c == "," else point if c == "." else c for c in text)
