"""The supervisor reports as PDF (reportlab platypus): chain of custody, inventory, shipments.

Each renderer draws exactly the pure content of :mod:`custody.domain.reports` and nothing
else; the header and footer of every page (title, lab, subject, content fingerprint, generated
at/by, software, "Page x of y / Página x de y") are :func:`custody.render.report_pages.furniture`,
drawn by :func:`custody.render.pdf_common.build_pdf` as on the transfer manifest.
Headings are bilingual (English / Spanish). Every value sits in a wrapping paragraph, so a long
value wraps inside its cell and never runs off the page. Output is byte-identical for identical
input; :func:`write_pdf` writes it atomically. The inventory and the shipment summary are drawn
in :mod:`custody.render.report_lists` and exported from here too.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from custody.atomic import write_atomically
from custody.domain.reports import (
    CustodyReport,
    CustodyReportEvent,
    SampleIdentity,
    VerificationStatus,
)
from custody.render.pdf_common import build_pdf
from custody.render.report_lists import (
    INVENTORY_TITLE,
    SHIPMENTS_TITLE,
    render_inventory,
    render_shipment_summary,
)
from custody.render.report_pages import (
    BAD_INK,
    GRID,
    MARGIN,
    METRICS,
    PORTRAIT,
    SHADE,
    furniture,
    grams,
    or_dash,
    para,
    seals,
    style,
)

__all__ = [
    "CUSTODY_TITLE",
    "HAZARD_TEXT",
    "INVENTORY_TITLE",
    "SHIPMENTS_TITLE",
    "render_custody_report",
    "render_inventory",
    "render_shipment_summary",
    "write_pdf",
]

CUSTODY_TITLE = "Chain-of-custody report / Informe de cadena de custodia"
HAZARD_TEXT = "POSSIBLE FENTANYL — POTENT OPIOID / POSIBLE FENTANILO — OPIOIDE POTENTE"

_OK_FILL = colors.Color(0.88, 0.96, 0.89)
_OK_INK = colors.Color(0.05, 0.38, 0.13)
_BAD_FILL = colors.Color(0.99, 0.88, 0.88)

_H1 = style("h1", 11, bold=True, spaceBefore=8, spaceAfter=4, keepWithNext=1)
_LABEL = style("label", 7.5, bold=True)
_EVENT_LABEL = style("event-label", 7, bold=True)
_VALUE = style("value", 8)
_SMALL = style("small", 5.5, textColor=colors.Color(0.3, 0.3, 0.3))
_HAZARD = style("hazard", 8, bold=True, textColor=BAD_INK)
_NOTE = style("note", 8, spaceBefore=6)
_OK = style("ok", 10, bold=True, textColor=_OK_INK)
_BAD = style("bad", 10, bold=True, textColor=BAD_INK)
_BANNER_SMALL = style("banner-small", 7.5)


def write_pdf(data: bytes, out: Path) -> None:
    """Write rendered PDF bytes to ``out`` atomically (temp file, fsync, rename)."""
    write_atomically(out, data)


# --- chain-of-custody report ------------------------------------------------------------------


def _verification(v: VerificationStatus, width: float) -> Table:
    if v.intact:
        lines = [
            para(
                "Journal chain verified / Cadena del diario verificada: "
                f"{v.entries_checked} entries / asientos, head #{v.head_seq}, "
                f"hash {v.head_hash[:16]}…",
                _OK,
            ),
            para(f"Checked at / Verificada: {v.checked_at} · head hash: {v.head_hash}", _SMALL),
        ]
        fill, ink = _OK_FILL, _OK_INK
    else:
        lines = [
            para(f"NOT VERIFIED / NO VERIFICADO: {v.message}", _BAD),
            para(
                f"Entries checked / Asientos revisados: {v.entries_checked} · head #{v.head_seq} "
                f"· checked at / revisada: {v.checked_at}. Do not rely on this report until the "
                "journal is verified / No se confíe en este informe hasta verificar el diario.",
                _BANNER_SMALL,
            ),
        ]
        fill, ink = _BAD_FILL, BAD_INK
    table = Table([[lines]], splitInRow=1, colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("BOX", (0, 0), (-1, -1), 1.5, ink),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _identity(s: SampleIdentity, width: float) -> Table:
    label_w = 0.19 * width
    value_w = width / 2 - label_w
    hazard = para(HAZARD_TEXT, _HAZARD) if s.hazard else para("None stated / Ninguno", _VALUE)
    pairs = [
        ("Sample ID / ID de muestra", s.sample_id, "Status / Estado", s.status),
        (
            "Case number / Carpeta",
            s.case_number,
            "Seizing institution / Institución",
            s.seizing_institution,
        ),
        ("Exhibit / Indicio", s.exhibit, "Parent sample / Muestra de origen", s.parent_sample_id),
        ("Presumptive substance / Sustancia presunta", s.substance, "Form / Forma", s.form),
        ("Units / Unidades", s.units, "Net weight / Peso neto", grams(s.net_weight)),
        ("Balance / Balanza", s.balance_id, "Seals now / Sellos actuales", seals(s.seals)),
        ("Location / Ubicación", s.location, "Current holder / Custodio actual", s.holder),
    ]
    rows: list[list[object]] = [
        [para(a, _LABEL), para(or_dash(b), _VALUE), para(c, _LABEL), para(or_dash(d), _VALUE)]
        for a, b, c, d in pairs
    ]
    rows.insert(
        3, [para("Description / Descripción", _LABEL), para(or_dash(s.description), _VALUE), "", ""]
    )
    rows.append([para("Hazard / Riesgo", _LABEL), hazard, "", ""])
    table = Table(rows, splitInRow=1, colWidths=[label_w, value_w, label_w, value_w])
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (1, 3), (3, 3)),
                ("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("BACKGROUND", (2, 0), (2, 2), SHADE),  # not under the spans of rows 3, -1
                ("BACKGROUND", (2, 4), (2, -2), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _event(e: CustodyReportEvent, width: float) -> Flowable:
    label_w = 0.32 * width
    value_w = width - label_w
    # Two columns only: reportlab lays a row split across pages out at the width of its first
    # column, not of a span, so the heading's "what" and "when" share a nested table instead.
    heading = Table(
        [[para(e.what, _LABEL), para(e.when, _VALUE)]],
        colWidths=[value_w * 0.55, value_w * 0.45],
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    rows: list[list[object]] = [
        [para(f"Entry #{e.seq}", _LABEL), heading],
        [para("By / Por", _EVENT_LABEL), para(or_dash(e.who), _VALUE)],
        [para("Workstation / Estación", _EVENT_LABEL), para(or_dash(e.workstation), _VALUE)],
    ]
    rows += [
        [para(label, _EVENT_LABEL), para(or_dash(value), _VALUE)] for label, value in e.details
    ]
    rows.append(
        [
            para("Journal entry hash / Hash del asiento", _EVENT_LABEL),
            [para(f"{e.entry_hash[:16]}…", _VALUE), para(e.entry_hash, _SMALL)],
        ]
    )
    table = Table(rows, splitInRow=1, colWidths=[label_w, value_w])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -2), 0.3, GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return KeepTogether([table, Spacer(1, 6)])


def render_custody_report(report: CustodyReport) -> bytes:
    """The chain-of-custody report of one sample: verification, identity, every event."""
    width = PORTRAIT[0] - 2 * MARGIN
    count = len(report.events)
    story: list[Flowable] = [
        _verification(report.verification, width),
        para("Sample / Muestra", _H1),
        _identity(report.sample, width),
        para(f"Custody events / Eventos de custodia ({count})", _H1),
    ]
    story += [_event(event, width) for event in report.events]
    if not report.events:
        story.append(para("No custody events recorded / Sin eventos de custodia", _VALUE))
    story.append(para(f"End of report: {count} events / Fin del informe: {count} eventos.", _NOTE))
    pages = furniture(report, CUSTODY_TITLE, f"Sample / Muestra: {report.sample.sample_id}")
    return build_pdf(story, pages, size=PORTRAIT, metrics=METRICS)
