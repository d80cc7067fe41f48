"""Supervisor report PDFs read back: text with ``pdftotext -layout`` (per page), word boxes with
``pdftotext -bbox``, structure with ``qpdf --check``, the verification banner's colour from a
``pdftoppm`` raster."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from custody.domain.reports import (
    CustodyReport,
    CustodyReportEvent,
    InventoryReport,
    InventoryRow,
    InventorySection,
    SampleIdentity,
    ShipmentSummary,
    ShipmentSummaryRow,
    VerificationStatus,
)
from custody.render.report_pdf import (
    CUSTODY_TITLE,
    INVENTORY_TITLE,
    SHIPMENTS_TITLE,
    render_custody_report,
    render_inventory,
    render_shipment_summary,
    write_pdf,
)
from lab_support import skip_or_fail

Report = CustodyReport | InventoryReport | ShipmentSummary
ZONE = "CST (America/Mexico_City)"
LAB = "Laboratorio Central de Química Forense, Ciudad de México"
BY = "Sofía Supervisor (sofia)"
SOFTWARE = "Custody 0.1.0, schema 0003"
WHAT = ("Sealed / Sellado", "Transferred / Transferido", "Stored / Almacenado", "Weighed / Pesado")
MARKUP_NOTE = "Cinta café <b>no es negrita</b> & sello íntegro"
UNBROKEN = "SEAL" + "0123456789" * 30  # a value with no space to wrap at
ID = re.compile(r"MX-AICM-2026-\d{6}")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"{name} is not installed (apt poppler-utils / qpdf)")
        raise AssertionError("unreachable")
    return path


def _pages(pdf: Path) -> list[str]:
    """The text of each page (``pdftotext -layout``; pages end with a form feed)."""
    out = subprocess.run(
        [_tool("pdftotext"), "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    pages = out.split("\f")
    assert pages[-1].strip() == ""
    return pages[:-1]


def _h(n: int | str) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


def _independent_fingerprint(report: Report) -> str:
    text = json.dumps(
        dataclasses.asdict(report), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _event(i: int) -> CustodyReportEvent:
    details: tuple[tuple[str, str], ...] = (
        ("From custodian / Custodio que entrega", "Tomás Técnico (tomas)"),
        ("To custodian / Custodio que recibe", "Elena Custodia (elena)"),
        ("Witness / Testigo", "Sofía Supervisor (sofia)"),
        ("Purpose / Propósito", "Almacenamiento en la bóveda"),
        ("Seals before / Sellos antes", f"S-{i:05d}"),
        ("Seal intact / Sello íntegro", "yes / sí"),
        ("Signature / Firma", "Custody accepted / Acepto la custodia — password re-entered"),
    )[: 1 + i % 7]
    if i == 7:
        details += (("Notes / Notas", f"{MARKUP_NOTE} {UNBROKEN} " + "palabra " * 60),)
    if i == 8:
        details += (("Corrects / Corrige", "entry #21"), ("Reason / Motivo", "typo in seal"))
    return CustodyReportEvent(
        seq=3 * i + 1,
        when=f"2026-09-{1 + i % 28:02d} 09:{i % 60:02d}:00 {ZONE}",
        what=WHAT[i % len(WHAT)],
        who="Tomás Técnico (tomas)",
        workstation=f"WS-{i % 3 + 1:02d}",
        details=details,
        entry_hash=_h(i),
    )


def custody_report(events: int = 60, *, intact: bool = True) -> CustodyReport:
    sample = SampleIdentity(
        sample_id="MX-AICM-2026-000123",
        case_number="FED/CDMX/AICM/0004417/2026",
        seizing_institution="FGR — Fiscalía General de la República",
        exhibit="3",
        parent_sample_id="MX-AICM-2026-000100",
        description="Bolsa de plástico transparente con polvo blanco granulado",
        substance="Fentanilo (presunto)",
        form="powder / polvo",
        units="",
        net_weight="12.3450",
        balance_id="BAL-07",
        seals=("S-0001", "S-0002"),
        hazard=True,
        status="stored / almacenada",
        location="VAULT-A › SHELF-2",
        holder="",
    )
    if intact:
        verification = VerificationStatus(True, 1204, 1204, _h("head"), f"2026-09-30 10:00 {ZONE}")
    else:
        verification = VerificationStatus(
            False,
            880,
            1204,
            _h("head"),
            f"2026-09-30 10:00 {ZONE}",
            "entry #881: the hash does not match its payload",
        )
    return CustodyReport(
        lab_name=LAB,
        sample=sample,
        events=tuple(_event(i) for i in range(1, events + 1)),
        verification=verification,
        generated_at=f"2026-09-30 10:00:00 {ZONE}",
        generated_by=BY,
        software=SOFTWARE,
    )


def inventory_report(locations: int = 3, per_location: int = 50) -> InventoryReport:
    sections = tuple(
        InventorySection(
            location_code=f"SHELF-{k}",
            location_name=f"Estante {k} de la bóveda A",
            path=f"VAULT-A › SHELF-{k}",
            rows=tuple(
                InventoryRow(
                    sample_id=f"MX-AICM-2026-{k * 1000 + i:06d}",
                    case_number="FED/CDMX/AICM/0004417/2026",
                    exhibit=str(i),
                    description="Bolsa con polvo blanco" + (" y cinta café" * (i % 4)),
                    status="stored",
                    seals=(f"S-{i:05d}",) if i % 3 else ("S-1", "S-2"),
                    net_weight=f"{i}.{i:04d}",
                    hazard=i % 4 == 0,
                )
                for i in range(1, per_location + 1)
            ),
        )
        for k in range(1, locations + 1)
    )
    return InventoryReport(LAB, "all", sections, f"2026-09-30 10:00 {ZONE}", BY, SOFTWARE)


def shipment_summary(count: int = 12) -> ShipmentSummary:
    rows = tuple(
        ShipmentSummaryRow(
            manifest_number=f"MX-AICM-M-2026-{i:04d}",
            revision=1 + i % 2,
            consignee="DEA Special Testing and Research Laboratory, Dulles VA",
            status=("approved", "dispatched", "received", "reconciled")[i % 4],
            packages=2,
            samples=14,
            total_net_weight="184.2310",
            created_at=f"2026-09-01 09:00 {ZONE}",
            approved_by=BY,
            approved_at=f"2026-09-02 10:00 {ZONE}",
            carrier="FedEx" if i % 4 else "",
            waybill="7712 3456 9901" if i % 4 else "",
            dispatched_at=f"2026-09-03 08:00 {ZONE}" if i % 4 else "",
            received_at="2026-09-05 12:00 EDT (America/New_York)" if i % 4 > 1 else "",
            reconciled_at="2026-09-06 12:00 EDT (America/New_York)" if i % 4 > 2 else "",
            open_discrepancies=i % 3,
        )
        for i in range(1, count + 1)
    )
    return ShipmentSummary(LAB, rows, f"2026-09-30 10:00 {ZONE}", BY, SOFTWARE)


def _furniture_on_every_page(pages: list[str], report: Report, title: str, subject: str) -> None:
    fingerprint = _independent_fingerprint(report)
    assert report.fingerprint == fingerprint
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)} / Página {number} de {len(pages)}" in page
        assert re.findall(r"\(SHA-256\): ([0-9a-f]{64})", page) == [fingerprint]
        assert title in page and LAB in page and subject in page
        assert f"Generated / Generado: {report.generated_at} — {BY}" in page
        assert f"Software: {SOFTWARE}" in page


def _written(tmp_path: Path, name: str, data: bytes) -> Path:
    out = tmp_path / name
    write_pdf(data, out)
    assert out.read_bytes() == data
    assert list(tmp_path.glob("*.tmp")) == []  # written atomically
    check = subprocess.run(
        [_tool("qpdf"), "--check", str(out)], capture_output=True, text=True, timeout=60
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors" in check.stdout
    return out


def test_custody_report_lists_every_event_once_in_order(tmp_path: Path) -> None:
    report = custody_report(60)
    pages = _pages(_written(tmp_path, "custody.pdf", render_custody_report(report)))
    assert len(pages) > 5
    text = "\n".join(pages)
    assert [int(n) for n in re.findall(r"Entry #(\d+)\b", text)] == [e.seq for e in report.events]
    for event in report.events:
        assert event.entry_hash in text and f"{event.entry_hash[:16]}…" in text
    assert "End of report: 60 events / Fin del informe: 60 eventos." in pages[-1]
    _furniture_on_every_page(pages, report, CUSTODY_TITLE, "Sample / Muestra: MX-AICM-2026-000123")


def test_custody_report_prints_every_detail_literally_and_in_spanish(tmp_path: Path) -> None:
    report = custody_report(9)
    pdf = _written(tmp_path, "custody.pdf", render_custody_report(report))
    words = " ".join("\n".join(_pages(pdf)).split())
    for event in report.events:
        for label, value in event.details:
            if value != _event(7).details[-1][1]:  # the long note wraps; checked below
                assert f"{label} {value}" in words, (label, value)
    assert MARKUP_NOTE in words  # markup characters printed, not interpreted
    assert "".join(words.split(UNBROKEN[:20])[1].split()[:10]).startswith(UNBROKEN[20:60])
    for accented in ("Página", "Sofía", "Técnico", "bóveda", "Estación", "República", "›"):
        assert accented in words
    assert "POSSIBLE FENTANYL — POTENT OPIOID / POSIBLE FENTANILO — OPIOIDE POTENTE" in words


def test_no_word_runs_off_the_page(tmp_path: Path) -> None:
    """Long values (one of 304 characters without a space) wrap inside their cells."""
    pdf = _written(tmp_path, "custody.pdf", render_custody_report(custody_report(9)))
    out = subprocess.run(
        [_tool("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    page = re.search(r'<page width="([\d.]+)"', out)
    assert page is not None
    width = float(page.group(1))
    right_edges = [
        float(x) for x in re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', out)
    ]
    assert len(right_edges) > 500
    assert max(right_edges) <= width - 36 + 0.5  # within the right margin


def test_a_value_longer_than_a_page_runs_on_over_pages_and_loses_nothing(tmp_path: Path) -> None:
    report = custody_report(3)
    long_note = " ".join(f"w{n:04d}" for n in range(1500))
    event = report.events[1]
    event = dataclasses.replace(event, details=(*event.details, ("Notes / Notas", long_note)))
    report = dataclasses.replace(report, events=(report.events[0], event, report.events[2]))
    pages = _pages(_written(tmp_path, "long.pdf", render_custody_report(report)))
    assert len(pages) >= 3
    text = "\n".join(pages)
    assert re.findall(r"\bw\d{4}\b", text) == long_note.split()
    assert [int(n) for n in re.findall(r"Entry #(\d+)\b", text)] == [e.seq for e in report.events]
    _furniture_on_every_page(pages, report, CUSTODY_TITLE, "Sample / Muestra: MX-AICM-2026-000123")


def _banner_colours(pdf: Path, tmp_path: Path) -> tuple[int, int]:
    """(greenish, reddish) pixel counts on page 1 (the banner's fill colours), at 50 dpi."""
    prefix = tmp_path / f"{pdf.stem}-page"
    subprocess.run(
        [_tool("pdftoppm"), "-r", "50", "-f", "1", "-l", "1", "-png", str(pdf), str(prefix)],
        check=True,
        timeout=60,
    )
    (png,) = tmp_path.glob(f"{prefix.name}-*.png")
    with Image.open(png) as image:
        raw = image.convert("RGB").tobytes()
    pixels = list(zip(raw[0::3], raw[1::3], raw[2::3], strict=True))
    green = sum(1 for r, g, b in pixels if g > r + 12 and g > b + 12)
    red = sum(1 for r, g, b in pixels if r > g + 12 and r > b + 12)
    return green, red


def test_verified_journal_is_announced_in_green_on_page_one(tmp_path: Path) -> None:
    report = custody_report(3)
    pdf = _written(tmp_path, "intact.pdf", render_custody_report(report))
    first = " ".join(_pages(pdf)[0].split())
    head = report.verification.head_hash
    assert (
        "Journal chain verified / Cadena del diario verificada: 1204 entries / asientos, "
        f"head #1204, hash {head[:16]}…"
    ) in first
    assert head in first and "NOT VERIFIED" not in first
    green, red = _banner_colours(pdf, tmp_path)
    assert green > 2000 and red < green / 4  # the red hazard text is small


def test_broken_journal_is_announced_in_red_on_page_one(tmp_path: Path) -> None:
    report = custody_report(3, intact=False)
    pdf = _written(tmp_path, "broken.pdf", render_custody_report(report))
    first = " ".join(_pages(pdf)[0].split())
    assert "NOT VERIFIED / NO VERIFICADO: entry #881: the hash does not match its payload" in first
    assert "Journal chain verified" not in first
    assert "Entries checked / Asientos revisados: 880" in first
    green, red = _banner_colours(pdf, tmp_path)
    assert red > 2000 and green < 100


def test_custody_report_without_events(tmp_path: Path) -> None:
    report = custody_report(0)
    pages = _pages(_written(tmp_path, "empty.pdf", render_custody_report(report)))
    assert len(pages) == 1
    assert "No custody events recorded / Sin eventos de custodia" in pages[0]
    assert "Entry #" not in pages[0]


def test_inventory_lists_every_sample_once_with_counts(tmp_path: Path) -> None:
    report = inventory_report(3, 50)
    pages = _pages(_written(tmp_path, "inventory.pdf", render_inventory(report)))
    assert len(pages) > 3
    text = "\n".join(pages)
    expected = [row.sample_id for s in report.sections for row in s.rows]
    assert ID.findall(text) == expected  # each once, in location order
    assert text.count("☐") == 150  # one box to tick per sample
    assert text.count("Samples at this location / Muestras en esta ubicación: 50") == 3
    assert "Total samples / Total de muestras: 150 (3 locations / ubicaciones)" in text
    for page in pages:  # a continued table still says which location it is
        if ID.search(page):
            assert re.search(r"\d\. VAULT-A › SHELF-\d — Estante \d de la bóveda A", page)
    last = " ".join(pages[-1].split())
    for line in ("Auditor / Auditor", "Witness / Testigo", "Signature / Firma", "Meaning of"):
        assert line in last
    _furniture_on_every_page(pages, report, INVENTORY_TITLE, "Scope / Alcance: all")


def test_inventory_of_an_empty_location(tmp_path: Path) -> None:
    report = inventory_report(1, 0)
    pages = _pages(_written(tmp_path, "empty.pdf", render_inventory(report)))
    assert "No samples at this location / Sin muestras en esta ubicación" in pages[0]
    assert "Total samples / Total de muestras: 0 (1 locations / ubicaciones)" in pages[0]


def test_shipment_summary_renders_every_shipment(tmp_path: Path) -> None:
    report = shipment_summary(40)
    opened = report.open_discrepancies
    assert opened > 0
    pages = _pages(_written(tmp_path, "shipments.pdf", render_shipment_summary(report)))
    text = "\n".join(pages)
    numbers = re.findall(r"MX-AICM-M-2026-\d{4}", text)
    assert numbers == [row.manifest_number for row in report.rows]
    assert "FedEx" in text and "7712 3456 9901" in text and "rev. 2" in text
    totals = f"Shipments / Envíos: 40 · Open discrepancies / Discrepancias abiertas: {opened}"
    assert totals in " ".join(text.split())
    _furniture_on_every_page(pages, report, SHIPMENTS_TITLE, "All shipments / Todos los envíos")
    empty = dataclasses.replace(report, rows=())
    pages = _pages(_written(tmp_path, "none.pdf", render_shipment_summary(empty)))
    assert "No shipments / Sin envíos" in pages[0]


@pytest.mark.parametrize(
    ("render", "make"),
    [
        (render_custody_report, lambda: custody_report(20)),
        (render_inventory, lambda: inventory_report(2, 30)),
        (render_shipment_summary, lambda: shipment_summary(10)),
    ],
    ids=["custody", "inventory", "shipments"],
)
def test_rendering_is_byte_identical_and_follows_the_content(
    render: Callable[[Any], bytes], make: Callable[[], Report]
) -> None:
    first, second = render(make()), render(make())
    assert first == second
    changed = dataclasses.replace(make(), generated_by="Ana López (ana)")
    assert render(changed) != first


def test_a_fresh_process_renders_the_same_bytes() -> None:
    """A reprint next year, in another interpreter with another hash seed, after this process
    has drawn other documents: the same bytes."""
    here = render_custody_report(custody_report(12))
    render_inventory(inventory_report(1, 5))
    code = (
        "import sys; sys.path[:0] = sys.argv[1:]; import test_report_pdf as t; "
        "sys.stdout.buffer.write(t.render_custody_report(t.custody_report(12)))"
    )
    folder = Path(__file__).parent
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder), str(folder.parent)],
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        capture_output=True,
        check=True,
        timeout=120,
    )
    assert done.stdout == here
    assert render_custody_report(custody_report(12)) == here
