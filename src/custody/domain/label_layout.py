"""Pure label plan: every field fitted to its box (:mod:`custody.domain.text_fit`: shrink, wrap,
then ellipsis), the QR module size on the printer's dot grid.

The text width function is injected (:data:`Measure`: text, font size -> width in points), so the
renderer passes reportlab's ``stringWidth`` bound to its fonts and tests pass a fake; so is the
fonts' descender (``descent``, in em), which places baselines.

Plan coordinates are LABEL coordinates with origin at the label's BOTTOM-LEFT corner, y upward
(add the page-coordinate origin from :func:`~custody.domain.label_templates.label_origin`). Text
``y`` is the baseline; rectangle and QR ``(x, y)`` are their bottom-left corners.

Policy (decided here, tested):

* Only the description may be cut with an ellipsis. ID, case/exhibit, date, initials, weight,
  seal and the reprint marker are shrunk down to the box's minimum size and otherwise REFUSED:
  a cut identifier on evidence is worse than no label.
* Hazard line: the full bilingual line if it fits without an ellipsis, else the short
  :data:`HAZARD_SHORT` (drops "NO ABRIR / DO NOT OPEN"), else refused. Never cut.
* Empty values are not drawn (except the ID, which is required).
* A box with ``lines`` > 1 (description, hazard) holds as many lines as fit at a size (pitch
  :data:`LEADING` × size, at most ``lines``): the largest size at which the whole text fits
  wins. The description breaks at spaces, the hazard line only after its "—"; a description
  that does not fit even at the minimum size fills the lines and ends with "…".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

from custody.domain import messages
from custody.domain.label_templates import (
    MIN_DOTS_PER_MODULE,
    QUIET_ZONE_MODULES,
    FieldBox,
    LabelDoesNotFit,
    Template,
)
from custody.domain.text_fit import (
    ELLIPSIS,
    FEWER_LINES,
    LEADING,
    SPACES,
    Measure,
    cut_lines,
    fit_lines,
    fit_text,
    whole_lines,
)

__all__ = [
    "DESCENT",
    "ELLIPSIS",
    "FEWER_LINES",
    "HAZARD_FULL",
    "HAZARD_SHORT",
    "LAB_CAPTIONS",
    "LEADING",
    "LabelContent",
    "LabelDoesNotFit",
    "LabelPlan",
    "Measure",
    "QrItem",
    "RectItem",
    "TextItem",
    "fit_lines",
    "fit_text",
    "plan",
    "qr_module_size",
]

HAZARD_FULL = "POSIBLE FENTANILO / POSSIBLE FENTANYL — NO ABRIR / DO NOT OPEN"
HAZARD_SHORT = "POSIBLE FENTANILO / POSSIBLE FENTANYL"
LAB_CAPTIONS = {
    "lab_no": ("No. de laboratorio", "Lab no."),
    "lab_opened": ("Fecha de apertura", "Date opened"),
    "lab_gross_weight": ("Peso bruto tras análisis", "Gross wt. after analysis"),
}
DESCENT = 0.24  # DejaVu Sans descender in em (the renderer passes the font file's own value)
_PAD = 1.5  # caption inset inside lab boxes
_TRUNCATABLE = frozenset({"description"})
_BREAKS = {"hazard": re.compile("(?<=—) ")}  # the hazard line breaks only after its dash


def qr_module_size(qr_modules: int, box_side: float, dpi: int) -> float:
    """Module size in points, a whole number of printer dots, for a symbol of ``qr_modules``
    modules plus the 4-module quiet zone in a square of ``box_side`` points at ``dpi``."""
    if qr_modules < 1 or dpi < 1:
        raise ValueError("QR modules and dpi must be positive.")
    total = qr_modules + 2 * QUIET_ZONE_MODULES
    dots = math.floor(box_side * dpi / 72.0 + 1e-6)
    per_module = dots // total
    if per_module < MIN_DOTS_PER_MODULE:
        need = total * MIN_DOTS_PER_MODULE * 72.0 / dpi
        raise LabelDoesNotFit(
            messages.t(
                "QR code: {modules} modules + quiet zone need a {need} pt box at {dpi} dpi "
                "({dots} dots/module); the box is {side} pt.",
                modules=qr_modules,
                need=f"{need:.1f}",
                dpi=dpi,
                dots=MIN_DOTS_PER_MODULE,
                side=f"{box_side:.1f}",
            )
        )
    return per_module * 72.0 / dpi


@dataclass(frozen=True)
class LabelContent:
    id_text: str
    case_exhibit: str
    date: str
    initials: str
    description: str
    weight: str  # formatted by the caller, e.g. "12.3456 g"
    seal: str
    hazard: bool
    reprint: int  # 0 = original; n > 0 prints "REIMPRESIÓN / REPRINT n"

    def __post_init__(self) -> None:
        if self.reprint < 0:
            raise ValueError(f"Reprint number cannot be negative ({self.reprint}).")


@dataclass(frozen=True)
class TextItem:
    field: str
    text: str
    x: float  # left end of the baseline
    y: float  # baseline
    size: float
    bold: bool
    kind: Literal["text"] = "text"


@dataclass(frozen=True)
class RectItem:
    field: str
    x: float
    y: float
    width: float
    height: float
    kind: Literal["rect"] = "rect"


@dataclass(frozen=True)
class QrItem:
    x: float  # bottom-left corner of the symbol itself (quiet zone is outside it)
    y: float
    module: float  # points per module, whole printer dots
    modules: int
    kind: Literal["qr"] = "qr"

    @property
    def side(self) -> float:
        return self.module * self.modules


Item = TextItem | RectItem | QrItem


@dataclass(frozen=True)
class LabelPlan:
    template: str
    width: float
    height: float
    items: tuple[Item, ...]

    def text_of(self, field: str) -> str | None:
        """The text drawn for ``field``, its lines joined by spaces; None if not drawn."""
        lines = [i.text for i in self.items if isinstance(i, TextItem) and i.field == field]
        return " ".join(lines) if lines else None


def _value(content: LabelContent, field: str) -> str:
    if field == "hazard":
        return HAZARD_FULL if content.hazard else ""
    if field == "reprint":
        return f"REIMPRESIÓN / REPRINT {content.reprint}" if content.reprint > 0 else ""
    if field == "id":
        return " ".join(content.id_text.split())
    return " ".join(str(getattr(content, field)).split())


def _place(
    t: Template,
    box: FieldBox,
    lines: tuple[str, ...],
    size: float,
    measure: Measure,
    descent: float,
) -> list[Item]:
    """The lines as a block, each left-aligned or centred: centred vertically in a one-line
    box, at the top of a box of several lines (with half the leading above)."""
    pitch = LEADING * size
    block = (len(lines) - 1) * pitch + size
    room = (box.height - block) / 2
    top = t.label_height - box.y - (room if box.lines == 1 else min(room, (pitch - size) / 2))
    items: list[Item] = []
    for n, line in enumerate(lines):
        x = box.x + ((box.width - measure(line, size)) / 2 if box.align == "center" else 0.0)
        baseline = top - n * pitch - (1 - descent) * size
        items.append(TextItem(box.content, line, x, baseline, size, box.bold))
    return items


def _text(t: Template, box: FieldBox, value: str, measure: Measure, descent: float) -> list[Item]:
    full = box.prefix + value
    area = (box.width, box.height, box.lines)
    candidates = (HAZARD_FULL, HAZARD_SHORT) if box.content == "hazard" else (full,)
    breaks = _BREAKS.get(box.content, SPACES)
    for candidate in candidates:
        whole = whole_lines(candidate, area, box.max_size, box.min_size, measure, breaks)
        if whole is not None:
            return _place(t, box, *whole, measure, descent)
    if box.content in _TRUNCATABLE:
        lines = cut_lines(full, area, box.min_size, measure)
        if lines:
            return _place(t, box, lines, box.min_size, measure, descent)
    raise LabelDoesNotFit(
        messages.t(
            "{field}: '{text}' does not fit {width} pt at {size} pt on {template}; "
            "use a larger template.",
            field=box.content,
            text=full,
            width=f"{box.width:.1f}",
            size=f"{box.min_size:g}",
            template=t.name,
        )
    )


def _lab_box(t: Template, box: FieldBox, measure: Measure) -> list[Item]:
    items: list[Item] = []
    bottom = t.label_height - (box.y + box.height)
    items.append(RectItem(box.content, box.x, bottom, box.width, box.height))
    line_y = bottom + box.height - _PAD
    inner = box.width - 2 * _PAD
    for line in LAB_CAPTIONS[box.content]:
        text, size = fit_text(line, inner, box.max_size, box.min_size, measure)
        if text != line:
            raise LabelDoesNotFit(
                messages.t(
                    "{field}: caption '{caption}' does not fit on {template}.",
                    field=box.content,
                    caption=line,
                    template=t.name,
                )
            )
        line_y -= size
        items.append(TextItem(box.content, text, box.x + _PAD, line_y, size, False))
        line_y -= size * 0.2
    return items


def plan(
    t: Template,
    content: LabelContent,
    qr_modules: int,
    measure: Measure,
    measure_bold: Measure | None = None,
    *,
    descent: float = DESCENT,
) -> LabelPlan:
    """Every drawable item of one label, or :class:`LabelDoesNotFit` naming the field.

    ``measure_bold`` measures bold boxes (ID, hazard); it defaults to ``measure``. ``descent``
    is the fonts' descender in em: baselines sit so that the em box is centred in its box.
    """
    if not content.id_text.strip():
        raise LabelDoesNotFit(messages.t("id: the sample ID is empty."))
    module = qr_module_size(qr_modules, t.qr.side, t.effective_dpi)
    side = module * qr_modules
    qx = t.qr.x + (t.qr.side - side) / 2
    qy = t.label_height - (t.qr.y + t.qr.side) + (t.qr.side - side) / 2
    items: list[Item] = [QrItem(qx, qy, module, qr_modules)]
    for box in t.fields:
        if box.content in LAB_CAPTIONS:
            items.extend(_lab_box(t, box, measure))
            continue
        value = _value(content, box.content)
        if value:
            fits = measure_bold if box.bold and measure_bold is not None else measure
            items.extend(_text(t, box, value, fits, descent))
    return LabelPlan(t.name, t.label_width, t.label_height, tuple(items))
