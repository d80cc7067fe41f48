"""The transfer manifest as PDF (reportlab platypus), drawn from a pure :class:`ManifestContent`.

Page 1: manifest number, revision and the shipment QR (scanned at reception), issue time,
shipper and consignee, transport, packages with their outer seals. Then one row per sample
(:mod:`custody.render.manifest_table`, header repeated on every page), the totals and a
"LAST ITEM / ÚLTIMO ARTÍCULO" line right below the table so nothing can be appended, the
signature blocks (21 CFR 11.50: printed name, date-time and meaning when signed; blank ruled
lines for a wet signature otherwise) and the receiving laboratory's block, filled on paper.
Every page: manifest number and revision, "Page x of y / Página x de y", the content
fingerprint (SHA-256, all 64 digits on one line) and the software; a superseded revision also
carries a large diagonal "SUPERSEDED BY REVISION n / SUSTITUIDO POR LA REVISIÓN n".

Headings are bilingual English / Spanish. Output is byte-identical for identical input.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    Spacer,
    Table,
)

from custody.atomic import write_atomically
from custody.domain import messages
from custody.domain.manifest import ManifestContent, ManifestPackage
from custody.render.manifest_blocks import (
    LIGHT,
    RULE,
    Styles,
    checkpoint_block,
    field,
    grid,
    receiving_block,
    signature_blocks,
)
from custody.render.manifest_table import HAZARD_MARK, sample_list
from custody.render.pdf_common import (
    FurnitureMetrics,
    Measure,
    PageFurniture,
    QrFlowable,
    build_pdf,
    fonts,
    page_size,
)

__all__ = [
    "QR_SIDE",
    "TITLE",
    "ManifestError",
    "last_item_line",
    "render_manifest",
    "superseded_lines",
    "write_manifest",
]

TITLE = "Transfer manifest / Manifiesto de transferencia"
QR_SIDE = 1.1 * inch  # the symbol without its quiet zone: scans from paper with any wedge scanner
HAZARD_LEGEND = (
    f"{HAZARD_MARK} = potent opioid, POSSIBLE FENTANYL — DO NOT OPEN / "
    "opioide potente, POSIBLE FENTANILO — NO ABRIR"
)
_METRICS = FurnitureMetrics()


class ManifestError(ValueError):
    """The content cannot be printed as a manifest; the message says what to fix."""


def superseded_lines(revision: int) -> tuple[str, str]:
    return (
        f"SUPERSEDED BY REVISION {revision}",
        f"SUSTITUIDO POR LA REVISIÓN {revision}",
    )


def last_item_line(content: ManifestContent) -> str:
    if not content.rows:
        return "LAST ITEM / ÚLTIMO ARTÍCULO: none — no samples / ninguno — sin muestras"
    last = content.rows[-1]
    return f"LAST ITEM / ÚLTIMO ARTÍCULO: line {last.line} — {last.sample_id}"


def _check(content: ManifestContent, superseded_by: int | None) -> None:
    for expected, row in enumerate(content.rows, start=1):
        if row.line != expected:
            raise ManifestError(
                messages.t(
                    "Manifest line numbers must run 1, 2, 3… in order; line {expected} is "
                    "numbered {line} ({sample}).",
                    expected=expected,
                    line=row.line,
                    sample=row.sample_id,
                )
            )
    if superseded_by is not None and superseded_by <= content.revision:
        raise ManifestError(
            messages.t(
                "Revision {revision} can only be superseded by a later revision, not by {later}.",
                revision=content.revision,
                later=superseded_by,
            )
        )


def _head(content: ManifestContent, s: Styles, width: float) -> list[Flowable]:
    qr = QrFlowable(content.qr_payload, QR_SIDE)
    left = [
        s.p(TITLE, s.title),
        Spacer(1, 4),
        s.p("Manifest number / Número de manifiesto", s.label),
        s.p(content.manifest_number, s.number),
        Spacer(1, 3),
        *field(s, "Revision / Revisión", str(content.revision), strong=True),
        Spacer(1, 3),
        *field(s, "Issued at / Emitido el", content.issued_at),
    ]
    right = [qr, s.p("Scan at reception\nEscanear al recibir", s.caption)]
    head = Table([[left, right]], colWidths=[width - qr.width - 4, qr.width + 4], hAlign="LEFT")
    head.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ]
    )
    half = width / 2
    parties = grid(
        [
            [
                [
                    s.p("Shipper / Remitente", s.label),
                    s.p(content.shipper.name, s.strong),
                    s.p(content.shipper.address, s.value),
                ],
                [
                    s.p("Consignee / Destinatario", s.label),
                    s.p(content.consignee.name, s.strong),
                    s.p(content.consignee.address, s.value),
                ],
            ]
        ],
        [half, half],
    )
    transport = grid(
        [
            [
                field(s, "Carrier / Transportista", content.carrier),
                field(s, "Waybill / Guía de embarque", content.waybill, strong=True),
            ],
            [
                field(s, "Transport mode / Modo de transporte", content.transport_mode),
                field(s, "Conditions / Condiciones", content.conditions),
            ],
        ],
        [half, half],
    )
    out: list[Flowable] = [head, Spacer(1, 6), parties, Spacer(1, 4), transport]
    if content.notes:
        out += [
            s.p("Notes / Notas", s.section),
            *(s.p(note, s.small) for note in content.notes),
        ]
    return out


def _packages(packages: Sequence[ManifestPackage], s: Styles, width: float) -> list[Flowable]:
    widths = [0.12 * width, 0.56 * width, 0.14 * width, 0.18 * width]
    seals = Measure(s.regular, 8)
    titles = Measure(s.bold, 7)
    head = [
        "\n".join(titles.wrap(text, w - 6))
        for text, w in zip(
            (
                "Package / Bulto",
                "Outer seals / Sellos exteriores",
                "Samples / Muestras",
                "Net weight (g) / Peso neto (g)",
            ),
            widths,
            strict=True,
        )
    ]
    rows: list[list[str]] = [head]
    for p in packages:
        wrapped = seals.wrap(", ".join(p.outer_seals) or "—", widths[1] - 6)
        rows.append([str(p.number), "\n".join(wrapped), str(p.sample_count), p.net_weight])
    t = LongTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    t.setStyle(
        [
            ("FONT", (0, 0), (-1, 0), s.bold, 7, 8.5),
            ("FONT", (0, 1), (-1, -1), s.regular, 8, 9.6),
            ("FONT", (0, 1), (0, -1), s.bold, 8, 9.6),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    return [s.p(f"Packages / Bultos ({len(packages)})", s.section), t]


def _totals(content: ManifestContent, s: Styles, width: float) -> list[Flowable]:
    totals = (
        f"Totals / Totales: {len(content.rows)} samples / muestras · "
        f"{len(content.packages)} packages / bultos · total net weight / peso neto total "
        f"{content.total_net_weight} g"
    )
    last = Table([[s.p(last_item_line(content), s.last)]], colWidths=[width], hAlign="LEFT")
    last.setStyle(
        [
            ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
            ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    return [
        Spacer(1, 4),
        KeepTogether(
            [
                s.p(totals, s.strong),
                Spacer(1, 3),
                last,
                s.p(
                    "Nothing below this line belongs to the list of samples / Nada debajo de "
                    "esta línea forma parte de la lista de muestras",
                    s.label,
                ),
            ]
        ),
    ]


def render_manifest(
    content: ManifestContent,
    *,
    superseded_by: int | None = None,
    page: str | tuple[float, float] = "letter",
) -> bytes:
    """The manifest's PDF. ``page``: ``"letter"`` (default), ``"a4"`` or ``(width, height)`` in
    points. ``superseded_by``: mark every page superseded by that later revision."""
    _check(content, superseded_by)
    regular, bold = fonts()
    size = page_size(page)
    _, _, width, height = _METRICS.frame(size)
    s = Styles(regular, bold)
    story: list[Flowable] = _head(content, s, width)
    story += _packages(content.packages, s, width)
    hazardous = sum(1 for r in content.rows if r.hazard)
    story.append(CondPageBreak(2.2 * inch))  # the list's heading, legend, header and a row
    story.append(s.p(f"Samples / Muestras ({len(content.rows)})", s.section))
    if hazardous:
        count = f"{hazardous} of {len(content.rows)} samples / {hazardous} de {len(content.rows)}"
        story.append(s.p(f"{HAZARD_LEGEND}: {count} muestras", s.hazard))
        story.append(Spacer(1, 2))
    if content.rows:
        story.append(sample_list(content.rows, width, height, regular, bold))
    story += _totals(content, s, width)
    story += signature_blocks(content.signatures, s, width)
    story += receiving_block(s, width)
    if content.checkpoint is not None:
        story += checkpoint_block(content.checkpoint, s, width)
    revision = f"Revision / Revisión {content.revision}"
    furniture = PageFurniture(
        title=TITLE,
        reference=f"{content.manifest_number} · {revision}",
        fingerprint=content.fingerprint,
        footer=(content.software,),
        watermark=superseded_lines(superseded_by) if superseded_by is not None else (),
    )
    return build_pdf(
        story,
        furniture,
        size=size,
        metrics=_METRICS,
        title=f"{TITLE} {content.manifest_number} ({revision})",
    )


def write_manifest(
    content: ManifestContent,
    out: Path,
    superseded_by: int | None = None,
    *,
    page: str | tuple[float, float] = "letter",
) -> None:
    """Render and write ``out`` atomically (nothing is written if rendering fails)."""
    write_atomically(out, render_manifest(content, superseded_by=superseded_by, page=page))
