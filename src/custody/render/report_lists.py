"""The two list reports as PDF: the inventory by location and the shipment summary.

Both are Letter landscape tables with a repeated heading row; page furniture from
:mod:`custody.render.report_pages`. The inventory has one table per location, a box to tick
beside every sample, a count per location and in total, and signature lines for the auditor and
a witness (21 CFR 11.50: printed name, date and time, and the meaning of the signature).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from custody.domain.reports import (
    InventoryReport,
    InventorySection,
    ShipmentSummary,
    ShipmentSummaryRow,
)
from custody.render.pdf_common import build_pdf
from custody.render.report_pages import (
    BAD_INK,
    GRID,
    LANDSCAPE,
    MARGIN,
    METRICS,
    SHADE,
    column_widths,
    furniture,
    grams,
    or_dash,
    para,
    seals,
    style,
)

__all__ = [
    "CHECKBOX",
    "INVENTORY_TITLE",
    "SHIPMENTS_TITLE",
    "render_inventory",
    "render_shipment_summary",
]

INVENTORY_TITLE = "Inventory by location / Inventario por ubicación"
SHIPMENTS_TITLE = "Shipment summary / Resumen de envíos"
CHECKBOX = "☐"

_H1 = style("list-h1", 11, bold=True, spaceBefore=8, spaceAfter=4)
_SECTION = style("list-section", 10, bold=True)
_TITLE_SHADE = colors.Color(0.8, 0.8, 0.8)
_MIN_START = 120.0  # points left on a page below which a location's table starts on the next
_LABEL = style("list-label", 7.5, bold=True)
_VALUE = style("list-value", 8)
_NOTE = style("list-note", 8, spaceBefore=4)
_TOTAL = style("list-total", 10, bold=True, spaceBefore=10)
_HEAD = style("list-head", 7, bold=True)
_CELL = style("list-cell", 7)
_CELL_BOLD = style("list-cell-bold", 7, bold=True)
_CELL_HAZARD = style("list-cell-hazard", 7, bold=True, textColor=BAD_INK)
_BOX = style("list-box", 12, alignment=1)
_SHIP_HEAD = style("ship-head", 6.5, bold=True)
_SHIP = style("ship-cell", 6.5)
_SHIP_BOLD = style("ship-cell-bold", 6.5, bold=True)
_SHIP_ALERT = style("ship-cell-alert", 6.5, bold=True, textColor=BAD_INK)

_TABLE = [
    ("BACKGROUND", (0, 0), (-1, 0), SHADE),
    ("GRID", (0, 0), (-1, -1), 0.4, GRID),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]

# (heading, width in points; None: the rest of the line). Widths hold the usual values on one
# line (a sample ID, a case number, a date and its zone on two); anything longer wraps.
_INVENTORY_COLUMNS = (
    ("#", 22.0),
    ("Sample ID / ID de muestra", 98.0),
    ("Case / Carpeta", 120.0),
    ("Exhibit / Indicio", 38.0),
    ("Description / Descripción", None),
    ("Status / Estado", 56.0),
    ("Seals / Sellos", 70.0),
    ("Net weight / Peso neto", 60.0),
    ("Hazard / Riesgo", 40.0),
    ("Checked / Verificado", 50.0),
)
_SHIPMENT_COLUMNS = (
    ("Manifest, created / Manifiesto, creado", 92.0),
    ("Consignee / Destinatario", None),
    ("Status / Estado", 50.0),
    ("Packages / Bultos", 42.0),
    ("Samples / Muestras", 42.0),
    ("Net weight / Peso neto", 52.0),
    ("Approved / Aprobado", 80.0),
    ("Dispatched / Despachado", 80.0),
    ("Received / Recibido", 80.0),
    ("Reconciled / Conciliado", 80.0),
    ("Open discr. / Discr. abiertas", 40.0),
)


# --- inventory by location --------------------------------------------------------------------


def _section(number: int, s: InventorySection, width: float) -> list[Flowable]:
    title = f"{number}. {s.path} — {s.location_name} ({s.location_code})"
    if not s.rows:
        empty = "No samples at this location / Sin muestras en esta ubicación"
        return [CondPageBreak(_MIN_START), para(title, _H1), para(empty, _VALUE)]
    # The location's title is the first row, so it repeats with the headings on every page.
    rows: list[list[object]] = [
        [para(title, _SECTION)] + [""] * (len(_INVENTORY_COLUMNS) - 1),
        [para(h, _HEAD) for h, _ in _INVENTORY_COLUMNS],
    ]
    for i, r in enumerate(s.rows, start=1):
        rows.append(
            [
                para(str(i), _CELL),
                para(r.sample_id, _CELL_BOLD),
                para(r.case_number, _CELL),
                para(r.exhibit, _CELL),
                para(or_dash(r.description), _CELL),
                para(r.status, _CELL),
                para(seals(r.seals), _CELL),
                para(grams(r.net_weight), _CELL),
                para("YES / SÍ", _CELL_HAZARD) if r.hazard else para("no", _CELL),
                para(CHECKBOX, _BOX),
            ]
        )
    table = Table(
        rows, splitInRow=1, colWidths=column_widths(_INVENTORY_COLUMNS, width), repeatRows=2
    )
    table.setStyle(
        TableStyle(
            [
                *_TABLE,
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), _TITLE_SHADE),
                ("BACKGROUND", (0, 1), (-1, 1), SHADE),
                ("TOPPADDING", (0, 0), (-1, 0), 4),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    count = f"Samples at this location / Muestras en esta ubicación: {s.count}"
    # A new page unless the title and a few rows fit on this one.
    return [CondPageBreak(_MIN_START), Spacer(1, 8), table, para(count, _NOTE)]


def _audit_block(width: float) -> Flowable:
    blank = "_" * 40
    rows = [
        [para("Auditor / Auditor", _LABEL), para("Witness / Testigo", _LABEL)],
        *(
            [para(f"{label}: {blank}", _VALUE), para(f"{label}: {blank}", _VALUE)]
            for label in (
                "Printed name / Nombre",
                "Position / Cargo",
                "Signature / Firma",
                "Date and time / Fecha y hora",
            )
        ),
        [
            para(
                "Meaning of signature / Significado de la firma: I checked each sample ticked "
                "above at the location shown / Verifiqué físicamente cada muestra marcada arriba "
                "en la ubicación indicada.",
                _VALUE,
            ),
            "",
        ],
        [para(f"Samples found / Muestras encontradas: {blank}", _VALUE), ""],
        [para(f"Discrepancies / Discrepancias: {blank}", _VALUE), ""],
    ]
    table = Table(rows, splitInRow=1, colWidths=[width / 2, width / 2])
    table.setStyle(
        TableStyle(
            [("SPAN", (0, r), (1, r)) for r in range(5, 8)]
            + [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return KeepTogether([para("Physical audit / Auditoría física", _H1), table])


def render_inventory(report: InventoryReport) -> bytes:
    """The samples at each location, one table per location, with a box to tick for each."""
    width = LANDSCAPE[0] - 2 * MARGIN
    story: list[Flowable] = []
    for number, section in enumerate(report.sections, start=1):
        story += _section(number, section, width)
    if not report.sections:
        story.append(para("No locations in scope / Sin ubicaciones en el alcance", _VALUE))
    places = len(report.sections)
    total = f"Total samples / Total de muestras: {report.total} ({places} locations / ubicaciones)"
    story += [para(total, _TOTAL), _audit_block(width)]
    pages = furniture(report, INVENTORY_TITLE, f"Scope / Alcance: {report.scope}")
    return build_pdf(story, pages, size=LANDSCAPE, metrics=METRICS)


# --- shipment summary -------------------------------------------------------------------------


def _shipment_row(r: ShipmentSummaryRow) -> list[object]:
    approved = "\n".join(x for x in (r.approved_by, r.approved_at) if x.strip())
    dispatched = "\n".join(x for x in (r.carrier, r.waybill, r.dispatched_at) if x.strip())
    return [
        [
            para(r.manifest_number, _SHIP_BOLD),
            para(f"rev. {r.revision}", _SHIP),
            para(or_dash(r.created_at), _SHIP),
        ],
        para(or_dash(r.consignee), _SHIP),
        para(or_dash(r.status), _SHIP_BOLD),
        para(str(r.packages), _SHIP),
        para(str(r.samples), _SHIP),
        para(grams(r.total_net_weight), _SHIP),
        para(or_dash(approved), _SHIP),
        para(or_dash(dispatched), _SHIP),
        para(or_dash(r.received_at), _SHIP),
        para(or_dash(r.reconciled_at), _SHIP),
        para(str(r.open_discrepancies), _SHIP_ALERT if r.open_discrepancies else _SHIP),
    ]


def render_shipment_summary(report: ShipmentSummary) -> bytes:
    """One row per shipment: where it stands, who approved it, how it travelled."""
    width = LANDSCAPE[0] - 2 * MARGIN
    story: list[Flowable] = []
    if report.rows:
        rows = [[para(h, _SHIP_HEAD) for h, _ in _SHIPMENT_COLUMNS]]
        rows += [_shipment_row(r) for r in report.rows]
        table = Table(
            rows, splitInRow=1, colWidths=column_widths(_SHIPMENT_COLUMNS, width), repeatRows=1
        )
        table.setStyle(TableStyle([*_TABLE, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    else:
        story.append(para("No shipments / Sin envíos", _VALUE))
    totals = (
        f"Shipments / Envíos: {len(report.rows)} · Open discrepancies / Discrepancias "
        f"abiertas: {report.open_discrepancies}"
    )
    story.append(para(totals, _TOTAL))
    pages = furniture(report, SHIPMENTS_TITLE, "All shipments / Todos los envíos")
    return build_pdf(story, pages, size=LANDSCAPE, metrics=METRICS)
