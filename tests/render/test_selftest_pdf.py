"""The scanner self-test label: its QR code and Code 128 read back as TEST_PAYLOAD on every
template, at 203 and 300 dpi (pdftoppm + zxing-cpp), with the title and instructions as text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from custody.domain.label_templates import MIN_DOTS_PER_MODULE, TEMPLATES, TemplateError
from custody.domain.scanner_check import TEST_PAYLOAD
from custody.render.selftest_pdf import INSTRUCTIONS, TITLE, code128_templates, selftest_page
from lab_support import skip_or_fail

# Where the 508-module Code 128 fits at a readable bar width (a decision, pinned here).
WITH_CODE128 = {"letter-30up", "a4-21up", "shipment-4x6"}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"{name} (poppler-utils) is not installed")
        raise AssertionError("unreachable")
    return path


def _decoded(pdf: Path, dpi: int) -> list[tuple[str, str]]:
    """(format, text) of every barcode found on the page rasterised at ``dpi``."""
    prefix = pdf.with_name(f"{pdf.stem}-{dpi}")
    subprocess.run(
        [_tool("pdftoppm"), "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True, timeout=60
    )
    pngs = sorted(pdf.parent.glob(f"{prefix.name}-*.png"))
    assert len(pngs) == 1, pngs
    with Image.open(pngs[0]) as image:
        return sorted((r.format.name, r.text) for r in zxingcpp.read_barcodes(image))


def _text(pdf: Path) -> str:
    cmd = [_tool("pdftotext"), str(pdf), "-"]
    return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=60).stdout


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_both_codes_read_back_as_the_payload(tmp_path: Path, name: str) -> None:
    out = tmp_path / f"{name}.pdf"
    result = selftest_page(name, out)
    assert result.path == out and result.template == name
    assert result.qr_module_dots >= MIN_DOTS_PER_MODULE
    assert result.has_code128 == (name in WITH_CODE128)
    if result.code128_module_dots is not None:
        assert result.code128_module_dots >= 2
    assert list(tmp_path.glob("*.tmp")) == []  # written atomically

    expected = [("QRCode", TEST_PAYLOAD)]
    if name in WITH_CODE128:
        expected = sorted([*expected, ("Code128", TEST_PAYLOAD)])
    for dpi in (203, 300):
        assert _decoded(out, dpi) == expected, dpi

    words = " ".join(_text(out).split())
    assert TITLE in words, words
    assert any(english in words and spanish in words for english, spanish in INSTRUCTIONS), words


def test_code128_templates_names_the_wide_ones() -> None:
    assert set(code128_templates()) == WITH_CODE128


def test_sheets_print_the_payload_under_the_code128(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    selftest_page("a4-21up", out)
    assert TEST_PAYLOAD in _text(out)
    assert "custody-cli labels selftest --check" in " ".join(_text(out).split())


def test_the_output_is_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    selftest_page("thermal-2x1-203", first)
    selftest_page("thermal-2x1-203", second)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().startswith(b"%PDF")


def test_an_unknown_template_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(TemplateError, match="Unknown label template 'avery-9999'; known: "):
        selftest_page("avery-9999", out)
    assert not out.exists()


def test_a_file_in_the_way_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "label.pdf"
    out.write_bytes(b"an older test label")
    selftest_page("package-4x2", out)
    assert out.read_bytes().startswith(b"%PDF")
    assert _decoded(out, 203) == [("QRCode", TEST_PAYLOAD)]
