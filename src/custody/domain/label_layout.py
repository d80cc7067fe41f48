"""Pure label fitting: shrink text, then ellipsis; QR module size on the printer's dot grid; plan.

The text width function is injected (:data:`Measure`: text, font size -> width in points), so the
renderer passes reportlab's ``stringWidth`` bound to its fonts and tests pass a fake.

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
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from custody.domain.label_templates import (
    MIN_DOTS_PER_MODULE,
    QUIET_ZONE_MODULES,
    FieldBox,
    LabelDoesNotFit,
    Template,
)

__all__ = [
    "ELLIPSIS",
    "HAZARD_FULL",
    "HAZARD_SHORT",
    "LAB_CAPTIONS",
    "LabelContent",
    "LabelDoesNotFit",
    "LabelPlan",
    "Measure",
    "QrItem",
    "RectItem",
    "TextItem",
    "fit_text",
    "plan",
    "qr_module_size",
]

Measure = Callable[[str, float], float]
ELLIPSIS = "…"
STEP = 0.5
HAZARD_FULL = "POSIBLE FENTANILO / POSSIBLE FENTANYL — NO ABRIR / DO NOT OPEN"
HAZARD_SHORT = "POSIBLE FENTANILO / POSSIBLE FENTANYL"
LAB_CAPTIONS = {
    "lab_no": ("No. de laboratorio", "Lab no."),
    "lab_opened": ("Fecha de apertura", "Date opened"),
    "lab_gross_weight": ("Peso bruto tras análisis", "Gross wt. after analysis"),
}
_DESCENT = 0.21  # Helvetica descender, in em: centres the em box vertically in its field box
_PAD = 1.5  # caption inset inside lab boxes
_TRUNCATABLE = frozenset({"description"})


def _sizes(max_size: float, min_size: float) -> list[float]:
    out: list[float] = []
    size = max_size
    while size > min_size + 1e-9:
        out.append(size)
        size -= STEP
    out.append(min_size)
    return out


def fit_text(
    text: str, box_width: float, max_size: float, min_size: float, measure: Measure
) -> tuple[str, float]:
    """Largest size (``max_size`` down to ``min_size`` in 0.5 pt steps) at which ``text`` fits;
    failing that, the longest prefix + "…" at ``min_size`` (or "" if not even "…" fits).

    Guarantees ``measure(result, size) <= box_width``.
    """
    if not 0 < min_size <= max_size:
        raise ValueError(f"Need 0 < min size ≤ max size, got {min_size} and {max_size}.")
    for size in _sizes(max_size, min_size):
        if measure(text, size) <= box_width:
            return text, size
    size = min_size

    def cut(k: int) -> str:
        return text[:k].rstrip() + ELLIPSIS

    lo, hi = 0, len(text) - 1  # binary search for the longest fitting prefix (monotone widths)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(cut(mid), size) <= box_width:
            lo = mid
        else:
            hi = mid - 1
    for k in range(lo, -1, -1):  # in case the measure is not monotone
        if measure(cut(k), size) <= box_width:
            return cut(k), size
    return "", size


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
            f"QR code: {qr_modules} modules + quiet zone need a {need:.1f} pt box at {dpi} dpi "
            f"({MIN_DOTS_PER_MODULE} dots/module); the box is {box_side:.1f} pt."
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
        for item in self.items:
            if isinstance(item, TextItem) and item.field == field:
                return item.text
        return None


def _value(content: LabelContent, field: str) -> str:
    if field == "hazard":
        return HAZARD_FULL if content.hazard else ""
    if field == "reprint":
        return f"REIMPRESIÓN / REPRINT {content.reprint}" if content.reprint > 0 else ""
    if field == "id":
        return " ".join(content.id_text.split())
    return " ".join(str(getattr(content, field)).split())


def _place(t: Template, box: FieldBox, text: str, size: float, width: float) -> TextItem:
    x = box.x + ((box.width - width) / 2 if box.align == "center" else 0.0)
    bottom = t.label_height - (box.y + box.height)
    baseline = bottom + (box.height - size) / 2 + _DESCENT * size
    return TextItem(box.content, text, x, baseline, size, box.bold)


def _text(t: Template, box: FieldBox, value: str, measure: Measure) -> TextItem:
    full = box.prefix + value
    if box.content == "hazard":
        for candidate in (HAZARD_FULL, HAZARD_SHORT):
            text, size = fit_text(candidate, box.width, box.max_size, box.min_size, measure)
            if text == candidate:
                return _place(t, box, text, size, measure(text, size))
    else:
        text, size = fit_text(full, box.width, box.max_size, box.min_size, measure)
        if text == full or (box.content in _TRUNCATABLE and text):
            return _place(t, box, text, size, measure(text, size))
    raise LabelDoesNotFit(
        f"{box.content}: '{full}' does not fit {box.width:.1f} pt at {box.min_size:g} pt "
        f"on {t.name}; use a larger template."
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
            raise LabelDoesNotFit(f"{box.content}: caption '{line}' does not fit on {t.name}.")
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
) -> LabelPlan:
    """Every drawable item of one label, or :class:`LabelDoesNotFit` naming the field.

    ``measure_bold`` measures bold boxes (ID, hazard); it defaults to ``measure``.
    """
    if not content.id_text.strip():
        raise LabelDoesNotFit("id: the sample ID is empty.")
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
            items.append(_text(t, box, value, fits))
    return LabelPlan(t.name, t.label_width, t.label_height, tuple(items))
