"""The Spanish (es_MX) translation: complete catalogues, placeholders kept, the shipped .qm
translating the real windows, dates and numbers in the locale, and the start-up wiring."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from custody.context import AppContext
from custody.domain.enums import (
    EventType,
    LocationKind,
    Role,
    SampleForm,
    SampleStatus,
    ShipmentStatus,
)
from custody.domain.label_templates import TEMPLATES
from custody.services.lab import LabView
from custody.ui import i18n
from custody.ui.labels import STOCK_TITLES, location_kind_label, role_label, status_label
from custody.ui.main_window import MainWindow
from custody.ui.models.sample_table import SampleTableModel, format_grams
from custody.ui.models.shipment_table import shipment_status_label
from custody.ui.models.timeline import event_label
from custody.ui.widgets.form_combo import form_label

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "resources" / "i18n").glob("*.ts"))
UI_CATALOGUE = ROOT / "resources" / "i18n" / "custody_es_MX.ts"
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%n|%L?\d")


def _messages(ts: Path) -> Iterator[tuple[str, str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message.findtext("source") or "", message


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    forms = list(translation.iter("numerusform"))
    texts = [form.text for form in forms] if forms else [translation.text]
    return [text or "" for text in texts]


def _is_unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    texts = _translations(message)
    return (
        translation is None
        or translation.get("type") is not None
        or not all(text.strip() for text in texts)
    )


def _accelerator(text: str) -> str:
    found = re.search(r"&(?!&)(\w)", text.replace("&&", ""))
    return found.group(1).lower() if found else ""


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)\S", text.replace("&&", "")))


# --- the catalogues ---------------------------------------------------------------------------


def test_the_ui_catalogue_exists_and_is_large() -> None:
    assert UI_CATALOGUE in CATALOGUES
    root = ET.parse(UI_CATALOGUE).getroot()
    assert root.get("language") == "es_MX" and root.get("sourcelanguage") == "en"
    assert sum(1 for _ in _messages(UI_CATALOGUE)) > 800


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_no_entry_is_unfinished(ts: Path) -> None:
    unfinished = [
        f"[{context}] {source!r}"
        for context, source, message in _messages(ts)
        if _is_unfinished(message)
    ]
    assert unfinished == [], f"{ts.name}: {len(unfinished)} unfinished:\n" + "\n".join(unfinished)


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_every_translation_keeps_the_placeholders(ts: Path) -> None:
    wrong = []
    for context, source, message in _messages(ts):
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for text in _translations(message):
            if text and sorted(set(PLACEHOLDER.findall(text))) != wanted:
                wrong.append(f"[{context}] {source!r} -> {text!r}")
    assert wrong == []


def test_every_accelerator_is_kept_and_plurals_have_both_forms() -> None:
    wrong = []
    for context, source, message in _messages(UI_CATALOGUE):
        texts = _translations(message)
        if message.get("numerus") == "yes" and len(texts) != 2:  # Spanish: singular, plural
            wrong.append(f"[{context}] {source!r}: {len(texts)} plural forms")
        for text in texts:
            if _accelerators(text) != _accelerators(source):
                wrong.append(f"[{context}] {source!r} -> {text!r}")
    assert wrong == []


def test_the_menu_bar_accelerators_differ_from_the_tab_accelerators() -> None:
    """Alt+letter in the main window reaches the menus and the view tabs alike."""
    shown = {
        source: text
        for context, source, message in _messages(UI_CATALOGUE)
        if context == "MainWindow"
        for text in _translations(message)
    }
    titles = ["&File", "&View", "&Tools", "&Help", "&Samples", "S&can station"]
    titles += ["Sample &detail", "&Intake", "S&hipments", "&Audit", "Dash&board", "Ad&min"]
    letters = [_accelerator(shown[title]) for title in titles]
    assert len(set(letters)) == len(letters), dict(zip(titles, letters, strict=True))


# --- the shipped .qm, in the running application ----------------------------------------------


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """The application in es_MX (the package's compiled catalogues); English again afterwards."""
    before = QLocale()
    for name in ("custody_es_MX.qm",):
        if not (i18n.catalogue_dir() / name).is_file():
            pytest.fail(f"{name} is not in the package: run `scripts/translations release`")
    translators = i18n.install_translators(qapp, "es")
    try:
        yield translators
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
            translator.setParent(None)  # collected with the test
        QLocale.setDefault(before)


def test_install_translators_translates_ours_and_qts_own(spanish: list[QTranslator]) -> None:
    assert len(spanish) >= 2  # Qt's own (qtbase_es) and ours
    assert QLocale().name() == "es_MX"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
    assert QCoreApplication.translate("labels", "Evidence clerk") == "Encargado de evidencia"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    source = "To {consignee}: {status}, %n sample(s)."
    one = QCoreApplication.translate("ScanFeedback", source, None, 1)
    assert one == "Para {consignee}: {status}, 1 muestra."
    three = QCoreApplication.translate("ScanFeedback", source, None, 3)
    assert three == "Para {consignee}: {status}, 3 muestras."


def test_english_needs_no_catalogue(qapp: QApplication) -> None:
    before = QLocale()
    try:
        assert i18n.install_translators(qapp, "en") == []
        assert QLocale().name() == "en_US"
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        QLocale.setDefault(before)


def test_every_display_name_has_a_spanish_translation(spanish: list[QTranslator]) -> None:
    names = [status_label(s) for s in SampleStatus] + [role_label(r) for r in Role]
    names += [location_kind_label(k) for k in LocationKind] + [form_label(f) for f in SampleForm]
    names += [event_label(e) for e in EventType]
    names += [shipment_status_label(s) for s in ShipmentStatus]
    assert status_label(SampleStatus.STORED) == "Almacenada"
    assert event_label(EventType.TRANSFER) == "Entregada"
    assert shipment_status_label(ShipmentStatus.DISPATCHED) == "Despachado"
    assert location_kind_label(LocationKind.SHELF) == "Anaquel"
    assert all(names) and "Stored" not in names and "Handed over" not in names


def test_every_label_stock_title_is_offered_for_translation() -> None:
    assert {str(title) for title in STOCK_TITLES} == {t.title for t in TEMPLATES.values()}


def test_the_main_window_in_spanish(
    qtbot, spanish: list[QTranslator], signed_in: AppContext, lab_view: LabView
) -> None:
    window = MainWindow(signed_in, lab_view)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Archivo", "&Ver", "&Herramientas", "A&yuda"]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[:3] == ["Muestras", "Estación de escaneo", "Detalle de muestra"]
    assert {"Ingreso", "Envíos", "Auditoría", "Tablero", "Administración"} <= set(tabs)
    views = [action.text() for action in window.menuBar().actions()[1].menu().actions()]
    assert views[:2] == ["&Muestras", "&Estación de escaneo"]  # the View menu keeps Alt+letters
    assert window.count_label.text() == "11 muestras"
    assert window.user_label.text() == "Sesión iniciada: Dra. Mariana López Ortega (Supervisor)"
    model = window.model
    header = model.headerData(SampleTableModel.REGISTERED, Qt.Orientation.Horizontal)
    assert header == "Registro"
    assert model.index(0, SampleTableModel.STATUS).data() == "Almacenada"
    first = model.row_at(0)
    local = first.created_at.astimezone(ZoneInfo(lab_view.timezone))
    shown = model.index(0, SampleTableModel.REGISTERED).data()
    assert shown == f"{local:%d/%m/%Y %H:%M}"  # es_MX: day/month/four-digit year, 24 h
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", shown)


# --- dates and numbers -------------------------------------------------------------------------


MOMENT = datetime(2026, 8, 3, 16, 5, 9, tzinfo=ZoneInfo("America/Mexico_City"))


def test_dates_are_iso_in_english_and_day_first_in_spanish(qapp: QApplication) -> None:
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("en_US"))
        assert i18n.format_date_time(MOMENT) == "2026-08-03 16:05"
        assert i18n.format_date_time(MOMENT, seconds=True) == "2026-08-03 16:05:09"
        QLocale.setDefault(QLocale("es_MX"))
        assert i18n.date_format() == "dd/MM/yyyy"
        assert i18n.format_date_time(MOMENT) == "03/08/2026 16:05"
        assert i18n.format_date_time(MOMENT, seconds=True) == "03/08/2026 16:05:09"
    finally:
        QLocale.setDefault(before)


def test_weights_use_the_locale_separators_exactly(qapp: QApplication) -> None:
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("es_MX"))  # Mexico writes 1,234.5 like English
        assert format_grams(Decimal("1234.5")) == "1,234.5000"
        QLocale.setDefault(QLocale("de_DE"))  # the separators swap where the locale says so
        assert format_grams(Decimal("1234567.0001")) == "1.234.567,0001"
    finally:
        QLocale.setDefault(before)


# --- start-up ----------------------------------------------------------------------------------

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QLocale
import custody.app as app

def probe(qapp, args):
    print(QLocale().name(), QCoreApplication.translate("MainWindow", "&File"),
          QCoreApplication.translate("QPlatformTheme", "Cancel"), sep="|")
    return 0

app.run = probe
sys.exit(app.main([]))
"""


@pytest.mark.parametrize(
    ("language", "expected"), [("es", "es_MX|&Archivo|Cancelar"), ("en", "en_US|&File|Cancel")]
)
def test_the_app_starts_in_the_workstation_language(
    tmp_path: Path, language: str, expected: str
) -> None:
    settings = tmp_path / "config" / "Custody" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"language": language}), "utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LANG": "C.UTF-8",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == expected
