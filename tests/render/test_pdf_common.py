"""Line breaking of table cells: every line fits, nothing is lost, words are cut only when wider
than the column. The page furniture shared by the manifest and the reports, read back."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from custody.render.pdf_common import (
    FurnitureMetrics,
    Measure,
    PageFurniture,
    build_pdf,
    fonts,
    markup,
    page_size,
)
from lab_support import skip_or_fail

WORDS = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzÁÉÍÓÚÑáéíóúñ0123456789/-,;.«»—"),
    min_size=1,
    max_size=30,
)
TEXTS = st.lists(WORDS, max_size=40).map(" ".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, limit=st.floats(min_value=1.0, max_value=300.0), bold=st.booleans())
def test_wrapped_lines_fit_and_keep_every_character(text: str, limit: float, bold: bool) -> None:
    regular, strong = fonts()
    m = Measure(strong if bold else regular, 7.0)
    lines = m.wrap(text, limit)
    assert lines
    for line in lines:
        assert m.width(line) <= limit + 0.02 or len(line) == 1, (line, limit)
    assert "".join("".join(lines).split()) == "".join(text.split())
    if all(m.width(word) <= limit for word in text.split()):  # no word is cut
        assert [w for line in lines for w in line.split()] == text.split()
    assert m.wrap(text, limit) == lines  # cached, same answer


def test_long_word_breaks_after_a_slash_when_it_can() -> None:
    regular, _ = fonts()
    m = Measure(regular, 7.0)
    lines = m.wrap("FED/CDMX/AICM/0004417/2026", m.width("FED/CDMX/AICM/") + 1)
    assert lines == ("FED/CDMX/AICM/", "0004417/2026")
    assert m.wrap("uno\ndos tres", 500) == ("uno", "dos tres")  # the text's own line breaks
    assert m.wrap("", 10) == ("",)


def test_markup_and_page_sizes() -> None:
    assert markup("A & B <b>\nC") == "A &amp; B &lt;b&gt;<br/>C"
    assert page_size("Letter") == (612.0, 792.0)
    assert page_size("a4")[0] == pytest.approx(595.27, abs=0.01)
    assert page_size((300.0, 400.0)) == (300.0, 400.0)
    with pytest.raises(ValueError, match="Unknown page size 'legal'"):
        page_size("legal")


def _pdftotext(pdf: Path, *mode: str) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        skip_or_fail("pdftotext is not installed (apt poppler-utils)")
        raise AssertionError("unreachable")
    done = subprocess.run(
        [tool, *mode, str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60
    )
    return done.stdout


def test_furniture_on_every_page_of_a_narrow_document(tmp_path: Path) -> None:
    """Every page: title, reference (shortened when it cannot fit beside the title), subject,
    the whole fingerprint (its digits on a line of their own when label and digits do not fit
    one), the footer lines and "Page x of y"; nothing past the right margin."""
    regular, _ = fonts()
    fingerprint = hashlib.sha256(b"furniture").hexdigest()
    reference = (
        "Laboratorio Central de Química Forense, Dirección General de Servicios Periciales, "
        "Fiscalía General de la República"
    )
    furniture = PageFurniture(
        title="Informe <b>",
        reference=reference,
        fingerprint=fingerprint,
        fingerprint_label="Content fingerprint / Huella del contenido (SHA-256):",
        subject="Sample / Muestra: MX-AICM-2026-000123",
        footer=("Generated / Generado: 2026-09-30 — Sofía", "Software: Custody 0.1.0"),
    )
    body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=11)
    size = (360.0, 420.0)  # the digits fit the line (about 264 pt), label and digits do not
    metrics = FurnitureMetrics(reference_bold=False, footer_size=7.0, counter_size=8.0)
    with pytest.raises(ValueError, match=r"need 59 pt at the top and 76 pt at the bottom"):
        build_pdf([], furniture, size=size, metrics=metrics)  # four footer lines: no room
    metrics = replace(metrics, footer=80.0)

    def render() -> bytes:  # a new story each time: platypus marks the flowables it laid out
        story = [Paragraph(markup(f"línea {n:03d} & <b>no negrita</b>"), body) for n in range(150)]
        return build_pdf(story, furniture, size=size, metrics=metrics)

    pdf = tmp_path / "narrow.pdf"
    pdf.write_bytes(render())
    assert render() == pdf.read_bytes()

    pages = _pdftotext(pdf, "-layout").split("\f")[:-1]
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines()]
        assert f"Page {number} of {len(pages)} / Página {number} de {len(pages)}" in page
        assert fingerprint in lines  # whole, on its own line
        assert "Content fingerprint / Huella del contenido (SHA-256):" in lines
        assert "Informe <b>" in page and "Sample / Muestra: MX-AICM-2026-000123" in page
        assert "Laboratorio Central" in page and "…" in page and "República" not in page
        assert "Generated / Generado: 2026-09-30 — Sofía" in page
        assert "Software: Custody 0.1.0" in page
    text = "".join(pages)
    assert re.findall(r"línea (\d{3}) & <b>no negrita</b>", text) == [
        f"{n:03d}" for n in range(150)
    ]
    edges = re.findall(
        r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', _pdftotext(pdf, "-bbox")
    )
    assert edges and max(float(x) for x in edges) <= size[0] - metrics.margin + 0.5
