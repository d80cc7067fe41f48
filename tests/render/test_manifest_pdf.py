"""Transfer manifest PDFs read back: text with ``pdftotext`` (per page), the QR with ``pdftoppm``
+ zxing-cpp, page count with ``pdfinfo``, structure with ``qpdf --check``; stable bytes."""

from __future__ import annotations

import hashlib
import math
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from custody.domain import labelcode
from custody.domain.canonical import canonical_json
from custody.domain.labelcode import Code, LabelKind
from custody.domain.manifest import (
    ManifestContent,
    ManifestPackage,
    ManifestRow,
    Party,
    SignatureBlock,
)
from custody.render.manifest_pdf import ManifestError, render_manifest, write_manifest
from custody.render.manifest_table import COLUMNS, HAZARD_MARK, PAD_X, sample_list
from custody.render.pdf_common import Measure, fonts
from lab_support import skip_or_fail

KEY = bytes(range(32))
NUMBER = "MX-AICM-M-2026-0007"
REFERENCE = f"{NUMBER} · Revision / Revisión 2"
DESCRIPTIONS = (
    "Bolsa de plástico transparente con polvo blanco granulado, aproximadamente 12 g, "
    "cerrada con cinta adhesiva café y etiquetada por el ministerio público",
    "Envoltorio de papel aluminio con sustancia vegetal verde seca",
    "Frasco de vidrio ámbar con líquido incoloro, tapa rosca negra, sin etiqueta; olor "
    "penetrante — manipular con guantes de nitrilo",
    "Tres comprimidos azules con logotipo «M 30» en blíster sin marca",
)
SIGNED = SignatureBlock(
    role="relinquished",
    printed_name="Ana López Hernández",
    institution="FGR — Laboratorio Central",
    position="Perita química",
    signed_at="2026-11-27 14:05 CST (America/Mexico_City)",
    meaning="Entrego las muestras listadas / Released for transport",
    method="password re-entered at WS-01 (21 CFR 11.200)",
)
WITNESS = replace(
    SIGNED, role="witness", printed_name="José Ñúñez", meaning="Atestiguó / Witnessed"
)
UNSIGNED = SignatureBlock(role="received", printed_name="Nadie Firmó Todavía", meaning="Pendiente")
PAGE = re.compile(r"Page (\d+) of (\d+) / Página (\d+) de (\d+)")
PRINT = re.compile(r"Content fingerprint \(SHA-256\) / Huella del contenido: ([0-9a-f]{64})\b")


def _id(n: int) -> str:
    return f"MX-AICM-2026-{n:06d}"


def _content(count: int, **changes: object) -> ManifestContent:
    packages = max(1, count // 250)
    rows = tuple(
        ManifestRow(
            line=i + 1,
            package=i % packages + 1,
            sample_id=_id(i + 1),
            case_number=f"FED/CDMX/AICM/{4417 + i // 25:07d}/2026",
            exhibit=i % 25 + 1,
            description=DESCRIPTIONS[i % 4],
            substance="Fentanilo (presunto)" if i % 4 != 1 else "Cannabis",
            form=("polvo", "vegetal", "líquido", "comprimidos")[i % 4],
            units="3" if i % 4 == 3 else "",
            net_weight=f"{(i * 37 % 100000) / 1000 + 0.1234:.4f}",
            seals=(f"A-{4417 + i:07d}",) + (("B-0000001", "B-0000002") if i % 9 == 0 else ()),
            hazard=i % 4 != 1,
        )
        for i in range(count)
    )
    content = ManifestContent(
        manifest_number=NUMBER,
        revision=2,
        qr_payload=labelcode.encode(Code(LabelKind.SHIPMENT, "MXAICMM20260007", 3), KEY),
        issued_at="2026-11-27 14:05 CST (America/Mexico_City)",
        shipper=Party("Laboratorio Central <FGR> & Peritos", "Av. Insurgentes Sur 1000\nCDMX"),
        consignee=Party("DEA Office of Forensic Sciences", "22624 Dulles Summit Court\nDulles, VA"),
        carrier="FedEx Custom Critical",
        waybill="AWB 139-12345675",
        transport_mode="Air / Aéreo",
        conditions="Temperatura ambiente, bolsas de evidencia selladas",
        packages=tuple(
            ManifestPackage(p + 1, (f"OS-{p:05d}", f"OS-{p + 500:05d}"), 0, "100.0000")
            for p in range(packages)
        ),
        rows=rows,
        total_net_weight="12345.6789",
        signatures=(SIGNED, UNSIGNED, WITNESS),
        software="Custody 0.3.0, schema 0004",
    )
    return replace(content, **changes)  # type: ignore[arg-type]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"{name} is not installed (apt: poppler-utils, qpdf)")
        raise AssertionError("unreachable")
    return path


def _run(*cmd: str) -> str:
    done = subprocess.run(
        [_tool(cmd[0]), *cmd[1:]], check=True, capture_output=True, text=True, timeout=120
    )
    return done.stdout


def _pages(pdf: Path, *mode: str) -> list[str]:
    """pdftotext's text, one string per page (pages end with a form feed)."""
    text = _run("pdftotext", *mode, str(pdf), "-")
    assert text.endswith("\f")
    return text.split("\f")[:-1]


def _page_count(pdf: Path) -> int:
    found = re.search(r"^Pages:\s+(\d+)$", _run("pdfinfo", str(pdf)), re.M)
    assert found is not None
    return int(found.group(1))


def _check_pdf(pdf: Path, content: ManifestContent) -> list[str]:
    """Every page's furniture, every sample once, the LAST ITEM line, qpdf; the pages' text."""
    assert "No syntax or stream encoding errors found" in _run("qpdf", "--check", str(pdf))
    pages = _pages(pdf, "-layout")
    total = _page_count(pdf)
    assert len(pages) == total
    recomputed = hashlib.sha256(canonical_json(content.fingerprint_data())).hexdigest()
    for number, page in enumerate(pages, start=1):
        assert REFERENCE in page, number
        counters = PAGE.findall(page)
        assert counters == [(str(number), str(total)) * 2], (number, counters)
        assert PRINT.findall(page) == [recomputed], number
        assert content.software in page
    text = "".join(pages)
    last = content.rows[-1]
    # Once in the list; the last sample's ID once more, in the LAST ITEM line.
    for row in content.rows:
        assert text.count(row.sample_id) == (2 if row is last else 1), row.sample_id
    assert f"LAST ITEM / ÚLTIMO ARTÍCULO: line {last.line} — {last.sample_id}" in text
    after = text[text.index("LAST ITEM") :]
    assert re.search(r"MX-AICM-2026-\d{6}", after.split(last.sample_id, 1)[1]) is None
    return pages


def _qr(pdf: Path) -> tuple[str, float]:
    """The decoded QR on page 1 (150 dpi) and its side in inches."""
    prefix = pdf.with_name(f"{pdf.stem}-qr")
    _run("pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(prefix))
    (png,) = pdf.parent.glob(f"{prefix.name}*.png")
    with Image.open(png) as img:
        found = zxingcpp.read_barcodes(img)
    assert len(found) == 1, found
    pos = found[0].position
    side = math.dist((pos.top_left.x, pos.top_left.y), (pos.top_right.x, pos.top_right.y))
    return found[0].text, side / 150


def test_three_rows_read_back(tmp_path: Path) -> None:
    content = _content(3)
    out = tmp_path / "manifest.pdf"
    write_manifest(content, out)
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.pdf"]  # no temp file left
    pages = _check_pdf(out, content)
    layout = "".join(pages)
    for heading in (
        "Transfer manifest / Manifiesto de transferencia",
        "Shipper / Remitente",
        "Consignee / Destinatario",
        "Carrier / Transportista",
        "Packages / Bultos (1)",
        "Relinquished by / Entregado por",
        "Received by / Recibido por",
        "Witness / Testigo",
        "Receiving laboratory / Laboratorio receptor",
        "Laboratorio Central <FGR> & Peritos",  # markup characters print as typed
        "AWB 139-12345675",
        "OS-00000, OS-00500",
        "Totals / Totales: 3 samples / muestras · 1 packages / bultos",
        "12345.6789 g",
        f"{HAZARD_MARK} = potent opioid, POSSIBLE FENTANYL — DO NOT OPEN",
    ):
        assert heading in layout, heading
    assert "SUPERSEDED" not in layout and "SUSTITUIDO" not in layout

    flowing = " ".join("".join(_pages(out)).split())  # reading order, lines joined
    for value in (
        *(getattr(SIGNED, f) for f in ("printed_name", "institution", "position", "signed_at")),
        SIGNED.meaning,
        SIGNED.method,
        WITNESS.printed_name,
        WITNESS.meaning,
        "Outer seals intact / Sellos exteriores intactos",
        "Date-time received / Fecha y hora de recepción",
        "Discrepancies / Discrepancias",
        "2 of 3 samples / 2 de 3 muestras",
        "Página 1 de",
        "Descripción",
        "Bulto",
    ):
        assert value in flowing, value
    words = set(flowing.split())
    for description in DESCRIPTIONS[:3]:  # wrapped in its cell: every word, accents intact
        assert set(description.split()) <= words, description
    assert flowing.count("signed electronically / firmado electrónicamente") == 2
    assert UNSIGNED.printed_name not in flowing and UNSIGNED.meaning not in flowing

    payload, side = _qr(out)
    assert payload == content.qr_payload
    assert side >= 0.8


def test_two_thousand_rows(tmp_path: Path) -> None:
    content = _content(2000)
    start = time.perf_counter()
    pdf = render_manifest(content)
    elapsed = time.perf_counter() - start
    out = tmp_path / "big.pdf"
    out.write_bytes(pdf)
    pages = _check_pdf(out, content)
    assert len(pages) > 40
    for number, page in enumerate(pages, start=1):  # the list's header on every page it spans
        rows = re.sub(r"LAST ITEM.*", "", page)
        has_rows = re.search(r"MX-AICM-2026-\d{6}", rows) is not None
        assert has_rows == ("Sample ID" in page and "ID de muestra" in page), number
    assert elapsed < 15, elapsed  # linear: ~2 s on 2 cores


def test_superseded_watermark_on_every_page(tmp_path: Path) -> None:
    content = _content(120)
    out = tmp_path / "old.pdf"
    write_manifest(content, out, superseded_by=3)
    for mode in ((), ("-layout",)):
        pages = _pages(out, *mode)
        assert len(pages) == _page_count(out) > 1
        for page in pages:
            assert page.count("SUPERSEDED BY REVISION 3") == 1
            assert page.count("SUSTITUIDO POR LA REVISIÓN 3") == 1
    _check_pdf(out, content)  # the watermark leaves the rest of the text readable
    with pytest.raises(ManifestError, match="later revision"):
        render_manifest(content, superseded_by=2)


def test_reprint_is_byte_identical(tmp_path: Path) -> None:
    content = _content(30)
    first = render_manifest(content)
    assert render_manifest(content) == first
    assert render_manifest(_content(30)) == first  # an equal content, built anew
    # In a fresh interpreter with another hash seed, as a reprint next year would be.
    script = (
        "import sys, pickle; from custody.render.manifest_pdf import render_manifest; "
        "sys.stdout.buffer.write(render_manifest(pickle.loads(sys.stdin.buffer.read())))"
    )
    import pickle

    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=pickle.dumps(content),
        capture_output=True,
        check=True,
        env=env,
        timeout=120,
    )
    assert done.stdout == first
    assert render_manifest(content, superseded_by=3) != first
    assert render_manifest(replace(content, revision=3)) != first


def test_a4_pages(tmp_path: Path) -> None:
    content = _content(60)
    out = tmp_path / "a4.pdf"
    write_manifest(content, out, page="a4")
    assert re.search(r"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)", _run("pdfinfo", str(out)))
    _check_pdf(out, content)
    letter = tmp_path / "letter.pdf"
    write_manifest(content, letter)
    assert "(letter)" in _run("pdfinfo", str(letter))


def test_long_values_wrap_inside_their_cells_and_nothing_is_lost(tmp_path: Path) -> None:
    words = [f"palabra{n:04d}" for n in range(700)]  # taller than a page in its column
    seals = tuple(f"S-{n:05d}" for n in range(80))
    base = _content(5)
    rows = list(base.rows)
    rows[2] = replace(
        rows[2],
        description=" ".join(words) + " " + "X" * 300,  # and one word wider than the column
        seals=seals,
        case_number="FED/CDMX/AICM/" + "9" * 40 + "/2026",
    )
    content = replace(base, rows=tuple(rows))

    regular, bold = fonts()
    table = sample_list(content.rows, 540, 600, regular, bold)
    body, strong = Measure(regular, 6.5), Measure(bold, 6.5)
    for row, cells in zip(content.rows, table.cells[1:], strict=True):
        for col, width, cell in zip(COLUMNS, table.data.widths, cells, strict=True):
            font = strong if col.bold else body
            for line in cell.split("\n"):
                assert font.width(line) <= width - 2 * PAD_X + 0.02, (col.english, line)
            assert cell.split() == col.value(row).split() or "".join(cell.split()) == "".join(
                col.value(row).split()
            ), col.english  # only line breaks added

    out = tmp_path / "long.pdf"
    write_manifest(content, out)
    pages = _check_pdf(out, content)
    text = "".join(pages)
    for token in (*words, *seals):
        assert len(re.findall(rf"\b{re.escape(token)}\b", text)) == 1, token
    assert "".join(re.findall(r"X{2,}", text)) == "X" * 300  # not the X of "MX-"
    assert "".join(re.findall(r"9{5,}", text)) == "9" * 40


def test_line_numbers_must_run_in_order() -> None:
    content = _content(4)
    rows = list(content.rows)
    rows[1], rows[2] = rows[2], rows[1]
    with pytest.raises(ManifestError, match="line 2 is numbered 3"):
        render_manifest(replace(content, rows=tuple(rows)))


def test_no_samples_and_no_signatures(tmp_path: Path) -> None:
    content = _content(1, rows=(), packages=(), signatures=(), notes=("Borrador / Draft",))
    out = tmp_path / "empty.pdf"
    write_manifest(content, out)
    text = "".join(_pages(out, "-layout"))
    assert "LAST ITEM / ÚLTIMO ARTÍCULO: none" in text
    assert "Borrador / Draft" in text
    assert "signed electronically" not in text
    for role in ("Relinquished by", "Received by", "Witness"):  # blank blocks to sign by hand
        assert role in text
    assert HAZARD_MARK not in text
