"""Label templates as data: page, grid, margins, gaps, boxes, font sizes (pure, stdlib only).

Units: points (1/72 in) as floats; :func:`inch` and :func:`mm` convert. Template boxes use LABEL
coordinates: origin at the label's TOP-LEFT corner, y downward. :func:`label_origin`,
:func:`positions` and :func:`label_outlines` use PAGE coordinates as in PDF/reportlab: origin at
the page's BOTTOM-LEFT corner, y upward; a label's origin is its bottom-left corner. Thermal roll
templates are one label per page; laser sheets have ``dpi=None`` (checked at 600 dpi). Every
template in :data:`TEMPLATES` passes :func:`validate` at import.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, get_args

from custody.domain import messages

LASER_DPI = 600
MIN_DOTS_PER_MODULE = 3
QUIET_ZONE_MODULES = 4
VALIDATION_QR_MODULES = 29  # a version-3 symbol (version 2 is 25): what a sample ID needs
MAX_CALIBRATION = 36.0  # points (half an inch): anything larger is a typing error
_EPS = 1e-6

_TextContent = Literal["id", "case_exhibit", "date", "initials", "description", "weight", "seal"]
_LabBox = Literal["lab_no", "lab_opened", "lab_gross_weight"]
Content = Literal[_TextContent, "hazard", "reprint", _LabBox]
CONTENTS: tuple[str, ...] = get_args(Content)
REQUIRED_CONTENTS = frozenset({"id", "case_exhibit", "date", "weight", "seal", "hazard", "reprint"})
WRAPPING = ("description", "hazard")  # the contents a box may show on several lines
Align = Literal["left", "center"]


class LabelDoesNotFit(ValueError):
    """The content cannot be printed legibly on this label; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TemplateError(ValueError):
    """A template's geometry is inconsistent, or a position does not exist on it."""


PositionError = TemplateError


def inch(x: float) -> float:
    return x * 72.0


def mm(x: float) -> float:
    return x * 72.0 / 25.4


def min_qr_side(qr_modules: int, dpi: int) -> float:
    """Smallest QR box side (points) for ``qr_modules`` at 3 dots/module plus the quiet zone."""
    dots = (qr_modules + 2 * QUIET_ZONE_MODULES) * MIN_DOTS_PER_MODULE
    return dots * 72.0 / dpi


@dataclass(frozen=True)
class FieldBox:
    """A text box in label coordinates (top-left origin, y down) and the content it shows."""

    content: Content
    x: float
    y: float
    width: float
    height: float
    max_size: float
    min_size: float
    bold: bool = False
    align: Align = "left"
    prefix: str = ""  # e.g. "Sello/Seal ": drawn before the value, counted in the fit
    lines: int = 1  # > 1: the text may wrap (description, hazard; see label_layout)


@dataclass(frozen=True)
class QrBox:
    """Square QR area in label coordinates; the side includes the 4-module quiet zone."""

    x: float
    y: float
    side: float


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    page_width: float
    page_height: float
    columns: int
    rows: int
    label_width: float
    label_height: float
    margin_left: float
    margin_top: float
    gap_x: float
    gap_y: float
    dpi: int | None  # None: laser sheet, assume LASER_DPI
    fields: tuple[FieldBox, ...]
    qr: QrBox

    @property
    def effective_dpi(self) -> int:
        return self.dpi if self.dpi is not None else LASER_DPI

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


@dataclass(frozen=True)
class Calibration:
    """Per-printer offsets in points: ``dx`` > 0 moves right, ``dy`` > 0 moves UP (PDF)."""

    dx: float = 0.0
    dy: float = 0.0

    def __post_init__(self) -> None:
        for name, value in (("dx", self.dx), ("dy", self.dy)):
            if not math.isfinite(value) or abs(value) > MAX_CALIBRATION:
                raise ValueError(f"Calibration {name}={value} pt is not within ±½ inch.")


def validate(t: Template) -> Template:
    """Check a template's geometry; return it unchanged or raise :class:`TemplateError`."""

    def fail(msg: str) -> TemplateError:  # templates are code: their problems stay English
        return TemplateError(
            messages.t("Template {name}: {problem}", name=repr(t.name), problem=msg)
        )

    dims = (t.page_width, t.page_height, t.label_width, t.label_height, t.effective_dpi)
    if min(t.columns, t.rows) < 1 or min(dims) <= 0:
        raise fail("grid, sizes and dpi must be positive.")
    if min(t.margin_left, t.margin_top, t.gap_x, t.gap_y) < 0:
        raise fail("margins and gaps cannot be negative.")
    used_w = t.margin_left + t.columns * t.label_width + (t.columns - 1) * t.gap_x
    used_h = t.margin_top + t.rows * t.label_height + (t.rows - 1) * t.gap_y
    if used_w > t.page_width + _EPS or used_h > t.page_height + _EPS:
        raise fail(f"labels need {used_w:.1f}×{used_h:.1f} pt, more than the page.")
    rects: list[tuple[str, tuple[float, float, float, float]]] = []
    seen: set[str] = set()
    for f in t.fields:
        if f.content not in CONTENTS:
            raise fail(f"unknown content {f.content!r}.")
        if f.content in seen:
            raise fail(f"content {f.content!r} appears twice.")
        seen.add(f.content)
        if not 0 < f.min_size <= f.max_size <= f.height + _EPS:
            raise fail(f"{f.content}: need 0 < min size ≤ max size ≤ box height.")
        if f.lines < 1 or (f.lines > 1 and f.content not in WRAPPING):
            raise fail(f"{f.content}: only {' and '.join(WRAPPING)} may take several lines.")
        rects.append((f.content, (f.x, f.y, f.width, f.height)))
    q = t.qr
    rects.append(("qr", (q.x, q.y, q.side, q.side)))
    for name, (x, y, w, h) in rects:
        if w <= 0 or h <= 0 or x < -_EPS or y < -_EPS:
            raise fail(f"{name} box has no area or starts outside the label.")
        if x + w > t.label_width + _EPS or y + h > t.label_height + _EPS:
            raise fail(f"{name} box extends past the label.")
    for i, (na, (ax, ay, aw, ah)) in enumerate(rects):
        for nb, (bx, by, bw, bh) in rects[i + 1 :]:
            if min(ax + aw, bx + bw) - max(ax, bx) > _EPS < min(ay + ah, by + bh) - max(ay, by):
                raise fail(f"{na} and {nb} boxes overlap.")
    missing = REQUIRED_CONTENTS - seen
    if missing:
        raise fail(f"missing required content: {', '.join(sorted(missing))}.")
    need = min_qr_side(VALIDATION_QR_MODULES, t.effective_dpi)
    if q.side + _EPS < need:
        raise fail(f"QR box {q.side:.1f} pt < {need:.1f} pt (version-3 QR, 3 dots/module).")
    return t


def label_origin(t: Template, index: int, cal: Calibration | None = None) -> tuple[float, float]:
    """Bottom-left corner, in PAGE coordinates (bottom-left origin, y up), of label ``index``.

    ``index`` is 0-based within one page, row-major (left to right, then top to bottom).
    """
    if not 0 <= index < t.per_page:
        raise PositionError(
            messages.t(
                "Label index {index} is outside 0..{last} for {template}.",
                index=index,
                last=t.per_page - 1,
                template=t.name,
            )
        )
    cal = cal or Calibration()
    row, col = divmod(index, t.columns)
    x = t.margin_left + col * (t.label_width + t.gap_x)
    top = t.margin_top + row * (t.label_height + t.gap_y)
    y = t.page_height - top - t.label_height
    return x + cal.dx, y + cal.dy


def positions(
    t: Template, count: int, start_at: int = 1, calibration: Calibration | None = None
) -> list[tuple[int, float, float]]:
    """Where ``count`` labels go: ``(page_number, x, y)`` with pages 1-based, (x, y) as in
    :func:`label_origin`. ``start_at`` is the 1-based position of the first free label on the
    first (partly used) sheet; following pages start at position 1.
    """
    if not 1 <= start_at <= t.per_page:
        raise PositionError(
            messages.t(
                "Start position {start} does not exist on {template}: choose 1 to {last}.",
                start=start_at,
                template=t.title,
                last=t.per_page,
            )
        )
    if count < 0:
        raise PositionError(
            messages.t("Cannot print a negative number of labels ({count}).", count=count)
        )
    out: list[tuple[int, float, float]] = []
    for n in range(count):
        page, index = divmod(start_at - 1 + n, t.per_page)
        x, y = label_origin(t, index, calibration)
        out.append((page + 1, x, y))
    return out


def label_outlines(t: Template, cal: Calibration | None = None) -> list[tuple[float, ...]]:
    """Calibration page: ``(x, y, w, h)`` of every label on a sheet (page coordinates); the user
    measures how far the print lands from the die-cut labels and stores a :class:`Calibration`."""
    return [(*label_origin(t, i, cal), t.label_width, t.label_height) for i in range(t.per_page)]


_LAB: tuple[_LabBox, ...] = ("lab_no", "lab_opened", "lab_gross_weight")
_SHARE = {"date": 7, "initials": 3, "weight": 6, "seal": 9, "reprint": 11}  # in one row (else 10)
_PREFIX = {"seal": "Sello/Seal "}
_BOLD = frozenset({"id", "hazard"})


@dataclass(frozen=True)
class _Row:
    """A row of boxes: height, contents sharing the width, largest font (0: 85 % of the
    height) and how many lines it may wrap to."""

    height: float
    contents: tuple[Content, ...]
    size: float = 0.0
    lines: int = 1


@dataclass(frozen=True)
class _Spec:
    """A label laid out as full-width rows ``above``, the QR box (top-left) with ``side`` rows
    at its right, full-width rows ``below``, and ``lab`` points of lab boxes at the bottom.
    ``lo``/``id_min`` are the smallest fonts for ordinary fields and the ID."""

    qr: float
    margin: float
    gap: float  # between rows, and (doubled) between boxes of a row
    side: tuple[_Row, ...]
    below: tuple[_Row, ...]
    above: tuple[_Row, ...] = ()
    lab: float = 0.0
    lab_size: float = 6.0
    lo: float = 5.0
    id_min: float = 8.0


def _r(height: float, *contents: Content, size: float = 0.0, lines: int = 1) -> _Row:
    return _Row(height, contents, size, lines)


def _font(box_h: float) -> float:
    return math.floor(box_h * 1.7) / 2  # 85 % of the box height, in 0.5 pt steps


def _rows(
    spec: _Spec, rows: tuple[_Row, ...], at: tuple[float, float], width: float, centre: bool
) -> tuple[list[FieldBox], float]:
    """Boxes of ``rows`` stacked down from ``at`` (x, y); the y under the last row. ``centre``:
    the ID and the hazard line are centred (in full-width rows)."""
    out: list[FieldBox] = []
    x0, y = at
    for row in rows:
        gap = max(2.0, 2 * spec.gap) if len(row.contents) > 1 else 0.0
        shares = [_SHARE.get(c, 10) for c in row.contents]
        x = x0
        for c, share in zip(row.contents, shares, strict=True):
            w = (width - gap * (len(shares) - 1)) * share / sum(shares)
            lo = spec.id_min if c == "id" else 4.5 if c == "hazard" else spec.lo
            size = row.size or _font(row.height)
            align: Align = "center" if centre and c in _BOLD else "left"
            prefix = _PREFIX.get(c, "")
            box = FieldBox(c, x, y, w, row.height, size, lo, c in _BOLD, align, prefix, row.lines)
            out.append(box)
            x += w + gap
        y += row.height + spec.gap
    return out, y


def _layout(w: float, h: float, spec: _Spec) -> tuple[tuple[FieldBox, ...], QrBox]:
    m, full = spec.margin, w - 2 * spec.margin
    fields, y = _rows(spec, spec.above, (m, m), full, centre=True)
    qr = QrBox(m, y, spec.qr)
    x0 = m + spec.qr + max(1.0, spec.gap)
    side, y_side = _rows(spec, spec.side, (x0, y), w - m - x0, centre=False)
    y = max(y_side, y + spec.qr + spec.gap)
    below, _ = _rows(spec, spec.below, (m, y), full, centre=True)
    fields += side + below
    if spec.lab:
        gap, top = 4.0, h - m - spec.lab
        bw = (full - 2 * gap) / 3
        for i, c in enumerate(_LAB):
            fields.append(FieldBox(c, m + i * (bw + gap), top, bw, spec.lab, spec.lab_size, 4.5))
    return tuple(fields), qr


def _roll(name: str, title: str, size: tuple[float, float], dpi: int, spec: _Spec) -> Template:
    boxes = _layout(*size, spec)
    return Template(name, title, *size, 1, 1, *size, 0.0, 0.0, 0.0, 0.0, dpi, *boxes)


_TWO_BY_ONE = _Spec(
    qr=46.0, margin=2.0, gap=0.5, lo=4.5, id_min=5.0,
    side=(_r(7.5, "case_exhibit"), _r(7.5, "seal"), _r(7.5, "date", "initials", "weight"),
          _r(15.0, "description", size=6.5, lines=2), _r(7.5, "reprint")),
    below=(_r(11.0, "id"), _r(9.0, "hazard")),
)  # fmt: skip
_LETTER_30 = _Spec(
    qr=42.0, margin=3.0, gap=0.5, lo=4.5, id_min=5.0,
    side=(_r(12.0, "id"), _r(7.5, "case_exhibit"), _r(7.5, "seal"),
          _r(7.5, "date", "initials", "weight"), _r(7.5, "reprint")),
    below=(_r(14.0, "description", size=7.5, lines=2), _r(7.0, "hazard")),
)  # fmt: skip
_A4_21 = _Spec(
    qr=42.0, margin=3.0, gap=1.0, lo=4.5, id_min=5.0,
    side=(_r(9.0, "seal"), _r(9.0, "date", "initials"), _r(9.0, "weight"), _r(9.0, "reprint")),
    below=(_r(14.0, "id"), _r(8.5, "case_exhibit"), _r(18.0, "description", size=8.5, lines=3),
           _r(14.5, "hazard", size=7.5, lines=2)),
)  # fmt: skip
_PACKAGE = _Spec(
    qr=72.0, margin=6.0, gap=1.0, lab=45.0,
    side=(_r(16.0, "id"), _r(10.0, "case_exhibit"), _r(10.0, "seal", "reprint"),
          _r(10.0, "date", "initials", "weight"), _r(22.0, "description", size=8.5, lines=3)),
    below=(_r(11.0, "hazard"),),
)  # fmt: skip
_SHIPMENT = _Spec(
    qr=132.0, margin=12.0, gap=4.0, lab=90.0, lab_size=7.0, lo=6.0, id_min=10.0,
    above=(_r(28.0, "hazard", size=11.0, lines=2),),
    side=(_r(36.0, "seal", size=12.0), _r(36.0, "date", "initials", size=12.0),
          _r(36.0, "weight", size=12.0)),
    below=(_r(24.0, "id"), _r(16.0, "case_exhibit"),
           _r(72.0, "description", size=14.0, lines=4), _r(16.0, "reprint")),
)  # fmt: skip


def _build() -> list[Template]:
    l2x1, l4x2, l4x6 = (inch(2), inch(1)), (inch(4), inch(2)), (inch(4), inch(6))
    l30, l21 = (inch(2.625), inch(1)), (mm(63.5), mm(38.1))
    b30, b21 = _layout(*l30, _LETTER_30), _layout(*l21, _A4_21)
    m30, g30 = (inch(0.1875), inch(0.5)), (inch(2.75 - 2.625), 0.0)
    m21, g21 = (mm(7.2), mm(15.15)), (mm(2.5), 0.0)
    t30, t21 = 'Letter, 30 labels 1"×2⅝" (Avery 5160)', "A4, 21 labels 63.5×38.1 mm"
    return [
        _roll("thermal-2x1-203", 'Thermal 2"×1" (203 dpi)', l2x1, 203, _TWO_BY_ONE),
        _roll("thermal-2x1-300", 'Thermal 2"×1" (300 dpi)', l2x1, 300, _TWO_BY_ONE),
        _roll("package-4x2", 'Package 4"×2" (203 dpi)', l4x2, 203, _PACKAGE),
        _roll("shipment-4x6", 'Outer shipment 4"×6" (203 dpi)', l4x6, 203, _SHIPMENT),
        Template("letter-30up", t30, inch(8.5), inch(11), 3, 10, *l30, *m30, *g30, None, *b30),
        Template("a4-21up", t21, mm(210), mm(297), 3, 7, *l21, *m21, *g21, None, *b21),
    ]


TEMPLATES: dict[str, Template] = {t.name: validate(t) for t in _build()}
