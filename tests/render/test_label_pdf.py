"""Label PDFs for every template: QR codes read back 100 %, text present and fitting, stable bytes.

Rasterised with poppler's ``pdftoppm`` at 203 dpi (the coarsest thermal printer) and 300 dpi,
decoded with zxing-cpp and parsed with the lab key: the set of codes read back must equal the set
printed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from reportlab.pdfbase.pdfmetrics import stringWidth

from custody.domain import labelcode
from custody.domain.label_layout import LAB_CAPTIONS, LabelContent, LabelDoesNotFit
from custody.domain.label_templates import TEMPLATES, Calibration, FieldBox
from custody.domain.labelcode import Code, LabelKind
from custody.render.label_pdf import (
    FONT,
    FONT_BOLD,
    calibration_page,
    font_descent,
    render_labels,
)
from custody.render.qr import matrix_runs, qr_matrix
from lab_support import skip_or_fail

KEY = bytes(range(32))
DESCRIPTION = (
    "Bolsa de plástico transparente con polvo blanco granulado, aproximadamente 12 g, "
    "cerrada con cinta adhesiva café y etiquetada por el ministerio público"
)
# (count, start_at): sheets fill the end of page 1 and the start of page 2.
PLAN = {"letter-30up": (6, 27), "a4-21up": (5, 19)}


def _id(n: int) -> str:
    return f"MX-AICM-2026-{n:06d}"


def _labels(count: int) -> tuple[list[tuple[LabelContent, str]], set[Code]]:
    labels: list[tuple[LabelContent, str]] = []
    codes: set[Code] = set()
    for i in range(count):
        n = 123 + i
        code = Code(LabelKind.SAMPLE, _id(n).replace("-", ""), 5 + i)
        content = LabelContent(
            id_text=_id(n),
            case_exhibit=f"FED/CDMX/AICM/0004417/2026 · Ex. {i + 1}",
            date="2026-09-01",
            initials="JRM",
            description=DESCRIPTION,
            weight="12.3456 g",
            seal="A-0004417",
            hazard=True,
            reprint=1 if i == 1 else 0,
        )
        labels.append((content, labelcode.encode(code, KEY)))
        codes.add(code)
    return labels, codes


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"{name} (poppler-utils) is not installed")
        raise AssertionError("unreachable")
    return path


def _rasterise(pdf: Path, dpi: int) -> list[Path]:
    prefix = pdf.with_name(f"{pdf.stem}-{dpi}")
    subprocess.run(
        [_tool("pdftoppm"), "-r", str(dpi), "-png", str(pdf), str(prefix)],
        check=True,
        timeout=60,
    )
    return sorted(pdf.parent.glob(f"{prefix.name}-*.png"))


def _decode(pngs: list[Path]) -> list[Code]:
    found: list[Code] = []
    for png in pngs:
        with Image.open(png) as img:
            for result in zxingcpp.read_barcodes(img):
                parsed = labelcode.parse(result.text, KEY)
                assert isinstance(parsed, Code), (png.name, result.text, parsed)
                found.append(parsed)
    return found


def _text(pdf: Path) -> str:
    cmd = [_tool("pdftotext"), "-layout", str(pdf), "-"]
    return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=60).stdout


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_template_reads_back(tmp_path: Path, name: str) -> None:
    t = TEMPLATES[name]
    count, start_at = PLAN.get(name, (2, 1))
    labels, codes = _labels(count)
    out = tmp_path / f"{name}.pdf"
    result = render_labels(labels, name, start_at=start_at, out=out)
    assert result.labels == count
    assert result.pages == 2
    assert out.read_bytes().startswith(b"%PDF")
    assert list(tmp_path.glob("*.tmp")) == []

    for dpi in (203, 300):
        pngs = _rasterise(out, dpi)
        assert len(pngs) == 2
        found = _decode(pngs)
        assert len(found) == count, (dpi, found)
        assert set(found) == codes, dpi

    text = _text(out)
    for content, _ in labels:
        assert content.id_text in text
    assert "REIMPRESIÓN / REPRINT 1" in text
    assert "POSIBLE FENTANILO" in text

    # Every drawn string fits its box (the plan measured with the fonts the PDF uses), across
    # and down: its em box (descender below the baseline, the rest above) inside the box.
    boxes: dict[str, FieldBox] = {f.content: f for f in t.fields}
    descent = font_descent()
    for label in result.plans:
        assert label.text_of("id") is not None
        for item in label.items:
            if item.kind != "text":
                continue
            width = stringWidth(item.text, FONT_BOLD if item.bold else FONT, item.size)
            box = boxes[item.field]
            limit = box.width - (3.0 if item.field in LAB_CAPTIONS else 0.0)
            assert width <= limit + 1e-6, (item, box)
            assert box.x - 1e-6 <= item.x and item.x + width <= box.x + box.width + 1e-6
            low, high = t.label_height - box.y - box.height, t.label_height - box.y
            em = (item.y - descent * item.size, item.y + (1 - descent) * item.size)
            assert low - 1e-6 <= em[0] and em[1] <= high + 1e-6, (item, box)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_output_is_byte_identical(tmp_path: Path, name: str) -> None:
    labels, _ = _labels(3)
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_labels(labels, name, out=a)
    render_labels(labels, name, out=b)
    assert a.read_bytes() == b.read_bytes()


def test_output_is_byte_identical_in_a_fresh_process(tmp_path: Path) -> None:
    """The embedded font subsets do not depend on what the process drew before."""
    name = "shipment-4x6"
    here, there = tmp_path / "here.pdf", tmp_path / "there.pdf"
    render_labels(_labels(2)[0], "letter-30up", out=tmp_path / "other.pdf")  # fonts in use
    render_labels(_labels(3)[0], name, out=here)
    script = (
        "import sys; from pathlib import Path; sys.path[:0] = sys.argv[3:]; "
        "from test_label_pdf import _labels; from custody.render.label_pdf import render_labels; "
        "render_labels(_labels(3)[0], sys.argv[1], out=Path(sys.argv[2]))"
    )
    tests = [str(Path(__file__).parent), str(Path(__file__).parents[1])]
    cmd = [sys.executable, "-c", script, name, str(there), *tests]
    subprocess.run(cmd, check=True, timeout=120)
    assert here.read_bytes() == there.read_bytes()


def test_fonts_are_embedded_and_text_extracts(tmp_path: Path) -> None:
    labels, _ = _labels(2)
    accents = "Muestra café, análisis — pendiente…"
    labels[0] = (replace(labels[0][0], description=accents), labels[0][1])
    out = tmp_path / "fonts.pdf"
    render_labels(labels, "letter-30up", out=out)
    listing = subprocess.run(
        [_tool("pdffonts"), str(out)], check=True, capture_output=True, text=True, timeout=60
    ).stdout.splitlines()
    assert listing[0].split()[:7] == ["name", "type", "encoding", "emb", "sub", "uni", "object"]
    fonts = [line.split() for line in listing[2:] if line.strip()]
    names = sorted(row[0].split("+")[-1] for row in fonts)
    assert names == sorted([FONT, FONT_BOLD]), listing  # and no other (no Helvetica)
    for row in fonts:
        name, kind, emb, sub, uni = row[0], row[1], row[-5], row[-4], row[-3]
        assert (kind, emb, sub, uni) == ("TrueType", "yes", "yes", "yes"), row
        assert "+" in name  # a subset
    text = _text(out)
    assert accents in text
    assert "POSIBLE FENTANILO / POSSIBLE FENTANYL — NO ABRIR / DO NOT OPEN" in text
    assert "REIMPRESIÓN / REPRINT 1" in text


def test_descent_is_dejavu_sans() -> None:
    assert font_descent() == pytest.approx(0.24, abs=0.005)


@pytest.mark.parametrize("name", ["letter-30up", "a4-21up"])
def test_sheets_print_a_typical_description_at_6_pt_or_more(tmp_path: Path, name: str) -> None:
    labels, _ = _labels(2)
    typical = ["Polvo blanco en bolsa de plástico, 1 kg", "White powder in plastic bag"]
    labels = [(replace(c, description=d), p) for (c, p), d in zip(labels, typical, strict=True)]
    result = render_labels(labels, name, out=tmp_path / "typical.pdf")
    for label, description in zip(result.plans, typical, strict=True):
        lines = [i for i in label.items if i.kind == "text" and i.field == "description"]
        assert label.text_of("description") == description
        assert lines and min(line.size for line in lines) >= 6.0, lines


def test_shipment_4x6_uses_the_whole_page(tmp_path: Path) -> None:
    t = TEMPLATES["shipment-4x6"]
    result = render_labels(_labels(1)[0], t.name, out=tmp_path / "shipment.pdf")
    (label,) = result.plans
    lowest = min(item.y for item in label.items)  # y is up from the label's bottom edge
    assert lowest < t.label_height / 4
    assert [i.field for i in label.items if i.kind == "rect"] == [
        "lab_no",
        "lab_opened",
        "lab_gross_weight",
    ]
    description = [i for i in label.items if i.kind == "text" and i.field == "description"]
    assert len(description) >= 2 and description[0].size >= 10  # the long one, wrapped, large


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_calibration_page(tmp_path: Path, name: str) -> None:
    out = tmp_path / "cal.pdf"
    calibration_page(name, out, Calibration(dx=1.5, dy=-2.0))
    pngs = _rasterise(out, 72)
    assert len(pngs) == 1
    text = _text(out)
    assert name in text
    assert "+1.5" in text and "-2.0" in text


def test_label_that_does_not_fit_is_refused_and_nothing_written(tmp_path: Path) -> None:
    labels, _ = _labels(1)
    content, payload = labels[0]
    long_seal = replace(content, seal="SELLO-" + "9" * 60)
    out = tmp_path / "refused.pdf"
    with pytest.raises(LabelDoesNotFit, match="seal"):
        render_labels([(content, payload), (long_seal, payload)], "thermal-2x1-203", out=out)
    assert list(tmp_path.iterdir()) == []


def test_qr_matrix_has_no_quiet_zone_and_runs_cover_it() -> None:
    payload = labelcode.encode(Code(LabelKind.SAMPLE, "MXAICM2026000123", 5), KEY)
    matrix = qr_matrix(payload)
    assert len(matrix) == 29 and all(len(row) == 29 for row in matrix)  # version 3, M
    assert all(matrix[0][:7]) and all(row[0] for row in matrix[:7])  # finder touches the edge
    rebuilt = [[False] * 29 for _ in range(29)]
    runs = matrix_runs(matrix)
    for row, col, length in runs:
        assert length >= 1
        for k in range(length):
            assert not rebuilt[row][col + k]
            rebuilt[row][col + k] = True
    assert rebuilt == matrix
    assert all(not matrix[r][c + n] for r, c, n in runs if c + n < 29)  # runs are maximal
