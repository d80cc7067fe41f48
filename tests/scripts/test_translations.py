"""scripts/translations (the Qt Linguist workflow) run for real: on this repository, and on a
small project in tmp_path where each step can be watched failing and passing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "translations"


def translations(*args: str, root: Path | None = None) -> subprocess.CompletedProcess[str]:
    where = ["--root", str(root)] if root is not None else []
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args, *where],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_the_script_is_executable() -> None:
    assert os.access(SCRIPT, os.X_OK)


def test_this_repository_is_translated_and_up_to_date() -> None:
    """Every .ts complete, each up to date with its sources, each .qm built from its .ts."""
    done = translations("check")
    assert done.returncode == 0, done.stdout + done.stderr


# --- a small project ---------------------------------------------------------------------------

VIEW = """
from PySide6.QtWidgets import QWidget


class GreetingView(QWidget):
    def texts(self, name: str, n: int) -> list[str]:
        return [
            self.tr("Hello {name}").format(name=name),
            self.tr("%n file(s) saved", "", n),
        ]
"""
APP = """
from custody.ui.i18n import translate

TITLE = translate("app", "Custody — Database problem")
"""
EXTRACTOR = """
import sys
from pathlib import Path

Path(sys.argv[1]).write_text(
    'from PySide6.QtCore import QT_TRANSLATE_NOOP\\n'
    'QT_TRANSLATE_NOOP("Message", "There is no sample {code}.")\\n'
)
"""
SPANISH = {
    "Hello {name}": "Hola {name}",
    "%n file(s) saved": ("%n archivo guardado", "%n archivos guardados"),
    "Custody — Database problem": "Custody — Problema con la base de datos",
    "There is no sample {code}.": "No existe la muestra {code}.",
}


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    ui = root / "src" / "custody" / "ui" / "views"
    ui.mkdir(parents=True)
    (ui / "greeting.py").write_text(textwrap.dedent(VIEW))
    (root / "src" / "custody" / "app.py").write_text(textwrap.dedent(APP))
    return root


def translate_ts(ts: Path) -> None:
    """What a translator does in Qt Linguist: fill every entry and mark it finished."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        text = SPANISH[message.findtext("source") or ""]
        translation.attrib.pop("type", None)
        if isinstance(text, tuple):
            for form, value in zip(translation.iter("numerusform"), text, strict=True):
                form.text = value
        else:
            translation.text = text
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def test_update_release_check_on_a_project(tmp_path: Path) -> None:
    root = project(tmp_path)
    ts = root / "resources" / "i18n" / "custody_es_MX.ts"
    qm = root / "src" / "custody" / "resources" / "i18n" / "custody_es_MX.qm"

    assert translations("update", root=root).returncode == 0
    sources = {m.findtext("source") for m in ET.parse(ts).getroot().iter("message")}
    assert sources == {"Hello {name}", "%n file(s) saved", "Custody — Database problem"}
    assert "<location" not in ts.read_text("utf-8")  # -locations none: stable across edits
    assert not (root / "resources" / "i18n" / "messages_es_MX.ts").exists()  # no extractor

    first = translations("check", root=root)
    assert first.returncode == 1
    assert "custody_es_MX.ts: unfinished: [GreetingView] 'Hello {name}'" in first.stdout
    assert "custody_es_MX.qm: missing" in first.stdout

    translate_ts(ts)
    assert translations("release", root=root).returncode == 0
    assert qm.is_file()
    done = translations("check", root=root)
    assert done.returncode == 0, done.stdout
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("GreetingView", "Hello {name}") == "Hola {name}"
    assert translator.translate("GreetingView", "%n file(s) saved", None, 3) == (
        "%n archivos guardados"
    )


def test_check_finds_stale_catalogues_and_release_rebuilds(tmp_path: Path) -> None:
    root = project(tmp_path)
    ts = root / "resources" / "i18n" / "custody_es_MX.ts"
    qm = root / "src" / "custody" / "resources" / "i18n" / "custody_es_MX.qm"
    translations("update", root=root)
    translate_ts(ts)
    translations("release", root=root)
    built = qm.stat().st_mtime_ns
    assert translations("release", root=root).returncode == 0
    assert qm.stat().st_mtime_ns == built  # up to date: not rebuilt

    ts.write_text(ts.read_text("utf-8").replace("Hola {name}", "Buenos días {name}"), "utf-8")
    stale_qm = translations("check", root=root)
    assert stale_qm.returncode == 1
    assert "custody_es_MX.qm: stale" in stale_qm.stdout
    translations("release", root=root)
    assert translations("check", root=root).returncode == 0

    view = root / "src" / "custody" / "ui" / "views" / "greeting.py"
    view.write_text(view.read_text().replace("Hello {name}", "Good morning {name}"))
    stale_ts = translations("check", root=root)
    assert stale_ts.returncode == 1
    assert "custody_es_MX.ts: stale" in stale_ts.stdout
    assert translations("update", root=root).returncode == 0
    unfinished = translations("check", root=root)
    assert "unfinished: [GreetingView] 'Good morning {name}'" in unfinished.stdout


def test_update_runs_the_message_extractor_when_there_is_one(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "scripts").mkdir()
    (root / "scripts" / "extract_messages.py").write_text(textwrap.dedent(EXTRACTOR))
    assert translations("update", root=root).returncode == 0
    messages = root / "resources" / "i18n" / "messages_es_MX.ts"
    tree = ET.parse(messages).getroot()
    assert [c.findtext("name") for c in tree.iter("context")] == ["Message"]
    assert [m.findtext("source") for m in tree.iter("message")] == ["There is no sample {code}."]
    translate_ts(messages)
    translate_ts(root / "resources" / "i18n" / "custody_es_MX.ts")
    translations("release", root=root)
    assert (root / "src" / "custody" / "resources" / "i18n" / "messages_es_MX.qm").is_file()
    assert translations("check", root=root).returncode == 0
