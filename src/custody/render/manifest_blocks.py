"""The manifest's blocks that are not lists: shared paragraph styles, label/value grids, the
signature blocks (21 CFR 11.50) and the receiving laboratory's block.

A signed block prints the signer's name, institution, position, date-time, the meaning of the
signature and how the signer authenticated; an unsigned one prints the same captions with blank
ruled lines, to be signed by hand. The three standard roles (relinquished by, received by,
witness) always appear, in that order, blank when the content has no block for them.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from custody.domain.manifest import CheckpointMark, SignatureBlock
from custody.domain.text import grouped
from custody.render.pdf_common import QrFlowable, markup

__all__ = [
    "LIGHT",
    "ROLES",
    "RULE",
    "Styles",
    "field",
    "grid",
    "receiving_block",
    "signature_blocks",
]

ROLES = {
    "relinquished": "Relinquished by / Entregado por",
    "received": "Received by / Recibido por",
    "witness": "Witness / Testigo",
}
SIGNED = "signed electronically / firmado electrónicamente"
GREY = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.25, 0.25, 0.25)
LIGHT = colors.Color(0.9, 0.9, 0.9)
_WRITE = 18.0  # height of a ruled line to write on by hand, points


class Styles:
    """The paragraph styles of the manifest, in its two fonts."""

    def __init__(self, regular: str, bold: str) -> None:
        self.regular, self.bold = regular, bold
        self.title = ParagraphStyle("title", fontName=bold, fontSize=15, leading=18)
        self.number = ParagraphStyle("number", fontName=bold, fontSize=13, leading=16)
        self.section = ParagraphStyle(
            "section",
            fontName=bold,
            fontSize=9,
            leading=11,
            spaceBefore=7,
            spaceAfter=3,
            backColor=LIGHT,
            borderPadding=(2, 3, 2, 3),
        )
        self.label = ParagraphStyle(
            "label", fontName=regular, fontSize=6.5, leading=7.8, textColor=GREY
        )
        self.caption = ParagraphStyle("caption", parent=self.label, alignment=TA_CENTER)
        self.value = ParagraphStyle("value", fontName=regular, fontSize=8.5, leading=10.2)
        self.strong = ParagraphStyle("strong", parent=self.value, fontName=bold)
        self.small = ParagraphStyle("small", fontName=regular, fontSize=7.5, leading=9)
        self.last = ParagraphStyle("last", fontName=bold, fontSize=9.5, leading=12)
        self.hazard = ParagraphStyle(
            "hazard", fontName=bold, fontSize=8, leading=10, textColor=colors.Color(0.7, 0, 0)
        )

    def p(self, text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(markup(text), style)


def grid(cells: Sequence[Sequence[object]], widths: Sequence[float]) -> Table:
    """Label-over-value cells in a light grid."""
    t = Table([list(row) for row in cells], colWidths=list(widths), hAlign="LEFT")
    t.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    return t


def field(s: Styles, label: str, value: str, *, strong: bool = False) -> list[Paragraph]:
    """A caption over its value ("—" when empty)."""
    return [s.p(label, s.label), s.p(value or "—", s.strong if strong else s.value)]


def _ruled(
    cells: Sequence[Sequence[object]], widths: Sequence[float], height: float | None = None
) -> Table:
    """Label-value rows; with a row ``height`` every value cell gets a rule to write on."""
    t = Table(
        [list(r) for r in cells],
        colWidths=list(widths),
        rowHeights=None if height is None else [height] * len(cells),
        hAlign="LEFT",
    )
    style: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP" if height is None else "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if height is not None:
        style.append(("LINEBELOW", (1, 0), (1, -1), 0.5, colors.black))
    t.setStyle(style)
    return t


def _signature(block: SignatureBlock, s: Styles, width: float) -> list[Flowable]:
    heading = s.p(ROLES.get(block.role, block.role), s.strong)
    label_w = 0.34 * width
    labels = (
        "Name / Nombre",
        "Institution / Institución",
        "Position / Cargo",
        "Date-time / Fecha y hora",
    )
    if block.signed_at:
        values = (block.printed_name, block.institution, block.position, block.signed_at)
        rows = [[s.p(k, s.label), s.p(v, s.small)] for k, v in zip(labels, values, strict=True)]
        rows += [
            [s.p("Meaning / Significado", s.label), s.p(block.meaning, s.small)],
            [s.p("Method / Método", s.label), s.p(block.method, s.small)],
            [
                s.p("Signature / Firma", s.label),
                s.p(SIGNED, s.small),
            ],
        ]
        return [heading, _ruled(rows, [label_w, width - label_w])]
    blank = [[s.p(k, s.label), ""] for k in (*labels, "Signature / Firma")]
    return [heading, _ruled(blank, [label_w, width - label_w], _WRITE)]


def _ordered(blocks: Sequence[SignatureBlock]) -> list[SignatureBlock]:
    """The three standard roles in order (a blank block for any missing), then the others."""
    out: list[SignatureBlock] = []
    for role in ROLES:
        mine = [b for b in blocks if b.role == role]
        out += mine or [SignatureBlock(role=role)]
    return out + [b for b in blocks if b.role not in ROLES]


def signature_blocks(
    signatures: Sequence[SignatureBlock], s: Styles, width: float
) -> list[Flowable]:
    """The signature blocks, three to a row, kept together with their heading."""
    blocks = _ordered(signatures)
    per_row = 3
    cell_w = width / per_row
    rows = [
        [_signature(b, s, cell_w - 8) for b in blocks[i : i + per_row]]
        for i in range(0, len(blocks), per_row)
    ]
    for row in rows:
        row += [[]] * (per_row - len(row))
    t = Table(rows, colWidths=[cell_w] * per_row, hAlign="LEFT")
    t.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
    )
    return [KeepTogether([s.p("Signatures / Firmas", s.section), t])]


def receiving_block(s: Styles, width: float) -> list[Flowable]:
    """Blank lines for the receiving laboratory: date received, outer seals intact (yes/no
    boxes), discrepancies, name and signature."""
    box = Table([["", "Yes / Sí", "", "No"]], colWidths=[9, 34, 9, 20], rowHeights=[9])
    box.setStyle(
        [
            ("BOX", (0, 0), (0, 0), 0.7, colors.black),
            ("BOX", (2, 0), (2, 0), 0.7, colors.black),
            ("FONT", (0, 0), (-1, -1), s.regular, 7.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
    )
    label_w = 0.26 * width
    rows: list[list[object]] = [
        [s.p("Date-time received / Fecha y hora de recepción", s.label), ""],
        [s.p("Outer seals intact / Sellos exteriores intactos", s.label), box],
        [s.p("Discrepancies / Discrepancias", s.label), ""],
        ["", ""],
        ["", ""],
        [s.p("Name, institution / Nombre, institución", s.label), ""],
        [s.p("Signature / Firma", s.label), ""],
    ]
    t = _ruled(rows, [label_w, width - label_w], _WRITE + 2)
    intro = s.p(
        "To be completed by the receiving laboratory on receipt / A llenar por el laboratorio "
        "receptor al recibir",
        s.label,
    )
    return [
        KeepTogether(
            [s.p("Receiving laboratory / Laboratorio receptor", s.section), intro, Spacer(1, 2), t]
        )
    ]


def checkpoint_block(mark: CheckpointMark, s: Styles, width: float) -> list[Flowable]:
    """The signed journal checkpoint made at approval: its QR (the whole signed checkpoint)
    and what it says, so the receiving lab can hold the lab to its journal."""
    qr = QrFlowable(mark.code, 1.25 * inch)
    key = grouped(mark.key)
    lines = [
        s.p(
            f"Lab / Laboratorio {mark.origin} · entries / asientos: {mark.size:,} · "
            f"signing key / clave de firma: {key}",
            s.label,
        ),
        s.p(f"Head / Último asiento: {mark.head}", s.label),
        s.p(
            "Signed by the lab when this revision was approved: keep it. The QR holds the "
            "whole signed checkpoint; verify_bundle.py --checkpoint-code checks an export "
            "bundle against it. / Firmado por el laboratorio al aprobar esta revisión: "
            "consérvelo; el QR contiene el punto de control firmado completo.",
            s.label,
        ),
    ]
    t = Table([[lines, qr]], colWidths=[width - qr.width - 6, qr.width + 6], hAlign="LEFT")
    t.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (-1, -1), 0.7, colors.black)])
    heading = s.p("Journal checkpoint / Punto de control del registro", s.section)
    return [KeepTogether([heading, t])]
