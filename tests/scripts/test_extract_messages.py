"""scripts/extract_messages.py and the committed catalogue resources/i18n/messages_es_MX.ts.

The catalogue must be what `extract + pyside6-lupdate` make of today's sources (nothing stale,
nothing missing), and every entry translated with the template's placeholders kept.
"""

from __future__ import annotations

import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "extract_messages.py"
TS = ROOT / "resources" / "i18n" / "messages_es_MX.ts"
LUPDATE_FLAGS = (
    "-source-language", "en", "-target-language", "es_MX", "-no-obsolete", "-locations", "none"
)  # fmt: skip


def _tool(name: str) -> str:
    found = Path(sys.executable).parent / name
    located = str(found) if found.is_file() else shutil.which(name)
    assert located, f"{name} is part of PySide6: it must be installed"
    return located


def _extract(out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(out), *extra],
        capture_output=True,
        text=True,
        check=False,
    )


def _lupdate(catalog: Path, ts: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lupdate"), str(catalog), "-ts", str(ts), *LUPDATE_FLAGS],
        capture_output=True,
        check=True,
    )


def _messages(ts: Path) -> list[ET.Element]:
    root = ET.parse(ts).getroot()
    assert [c.findtext("name") for c in root.iter("context")] == ["Message"]
    return list(root.iter("message"))


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_committed_catalogue_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    catalog = tmp_path / "messages_catalog.py"
    done = _extract(catalog)
    assert done.returncode == 0, done.stderr
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    _lupdate(catalog, fresh)
    assert fresh.read_bytes() == TS.read_bytes(), (
        "resources/i18n/messages_es_MX.ts is stale: run `scripts/translations update` (or the "
        "extract + lupdate commands in scripts/extract_messages.py) and translate what is new"
    )
    assert len(_messages(TS)) > 300


def test_every_entry_is_translated_and_keeps_its_placeholders() -> None:
    unfinished, broken = [], []
    for message in _messages(TS):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = "" if translation is None else (translation.text or "")
        if translation is None or translation.get("type") or not text.strip():
            unfinished.append(source)
        elif _fields(text) != _fields(source):
            broken.append(source)
    assert unfinished == []
    assert broken == []


def test_extraction_skips_the_ui_and_keeps_each_literal_exactly(tmp_path: Path) -> None:
    src = tmp_path / "custody"
    (src / "services").mkdir(parents=True)
    (src / "ui").mkdir()
    tricky = [
        'It\'s "quoted" — with a \\ backslash, tabs\tand ±½ é.',
        "Two\nlines {x}",
        "{first} or {second}",
    ]
    (src / "services" / "a.py").write_text(
        "from custody.domain import messages\n"
        "from custody.domain.messages import t\n"
        + "".join(f"t({text!r}, x=1)\n" for text in tricky)
        + f"messages.t({tricky[0]!r})\n"  # a duplicate: listed once
        + "other('not a message')\n",
        "utf-8",
    )
    (src / "ui" / "b.py").write_text("t('A UI text: tr() and lupdate handle it')\n", "utf-8")
    catalog = tmp_path / "out" / "catalog.py"
    done = _extract(catalog, "--src", str(src))
    assert done.returncode == 0, done.stderr
    lines = [line for line in catalog.read_text("utf-8").splitlines() if "NOOP(" in line]
    assert len(lines) == 3
    assert lines == sorted(lines)
    ts = tmp_path / "check.ts"
    _lupdate(catalog, ts)
    assert sorted(m.findtext("source") for m in _messages(ts)) == sorted(tricky)


@pytest.mark.parametrize("call", ["t(name)", "t(f'There is no {x}.')", "messages.t('a' + b)"])
def test_a_template_that_is_not_a_literal_is_refused_with_its_place(
    tmp_path: Path, call: str
) -> None:
    src = tmp_path / "custody"
    src.mkdir()
    (src / "c.py").write_text(f"t('fine')\n\n{call}\n", "utf-8")
    out = tmp_path / "catalog.py"
    done = _extract(out, "--src", str(src))
    assert done.returncode == 1
    assert f"{src / 'c.py'}:3:" in done.stderr
    assert not out.exists()
