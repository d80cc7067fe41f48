"""The manifest's sample list: one row per sample, a platypus ``LongTable`` on every page.

Built for tens of thousands of rows, in time linear in the rows:

* every cell is a plain string already broken into lines that fit its column
  (:meth:`custody.render.pdf_common.Measure.wrap`) — no ``Paragraph`` per cell, nothing that
  reportlab has to measure — so every row's height is known here;
* :class:`SampleList` paginates itself from those heights (a binary search per page) and draws
  each page as one ``LongTable``: the header row, then the rows that fit. Letting reportlab split
  one big table instead costs time proportional to the rows *left* at every page break
  (quadratic);
* all rows share one ``CellStyle`` per column instead of one per cell.

A row taller than a whole page (a pathological description or seal list) continues on the next
page; no cell ever overflows its column.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from reportlab.lib import colors
from reportlab.platypus import Flowable, LongTable
from reportlab.platypus.tables import CellStyle

from custody.domain.manifest import ManifestRow
from custody.render.pdf_common import Measure

__all__ = ["COLUMNS", "HAZARD_MARK", "SampleList", "sample_list"]

HAZARD_MARK = "OPIOID"
CONTINUED = "cont."  # under the line number of a row continued from the previous page
BODY_SIZE = 6.5
BODY_LEADING = 7.8
HEAD_SIZE = 6.0
HEAD_LEADING = 7.0
PAD_X = 2.0
PAD_TOP = 1.6
PAD_BOTTOM = 2.2
_PAD_Y = PAD_TOP + PAD_BOTTOM
_HEAD_FILL = colors.Color(0.86, 0.86, 0.86)
_STRIPE = colors.Color(0.955, 0.955, 0.955)
_GRID = colors.Color(0.55, 0.55, 0.55)


@dataclass(frozen=True)
class _Column:
    english: str
    spanish: str
    value: Callable[[ManifestRow], str]
    align: str = "LEFT"
    cap: float = 0.0  # > 0: as wide as its widest value, at most this (then it wraps)
    lines: int = 0  # > 0: flexible, aims to fit most values in this many lines
    # neither: the description, which takes the rest
    breaks: str = ""  # besides spaces, a value may break after these without cutting a word
    bold: bool = False


COLUMNS: tuple[_Column, ...] = (
    _Column("Line", "Línea", lambda r: str(r.line), "RIGHT", cap=40),
    _Column("Pkg.", "Bulto", lambda r: str(r.package), "CENTER", cap=34),
    _Column("Sample ID", "ID de muestra", lambda r: r.sample_id, cap=130, bold=True),
    _Column("Case", "Caso", lambda r: r.case_number, lines=2, breaks="/"),
    _Column("Exh.", "Indicio", lambda r: str(r.exhibit), "RIGHT", cap=34),
    _Column("Description", "Descripción", lambda r: r.description),
    _Column("Presumptive substance", "Sustancia presunta", lambda r: r.substance, lines=2),
    _Column("Form", "Forma", lambda r: r.form, lines=2),
    _Column("Units", "Unid.", lambda r: r.units, "RIGHT", cap=40),
    _Column("Net (g)", "Peso neto", lambda r: r.net_weight, "RIGHT", cap=62),
    _Column("Seals", "Sellos", lambda r: ", ".join(r.seals), lines=2),
    _Column(
        "Hazard", "Riesgo", lambda r: HAZARD_MARK if r.hazard else "", "CENTER", cap=40, bold=True
    ),
)
DESCRIPTION = next(i for i, c in enumerate(COLUMNS) if not (c.cap or c.lines))
_DESCRIPTION_SHARE = 0.22  # of the frame width, at least, when other columns can give way


def _p90(values: list[float]) -> float:
    """The 90th percentile (nearest rank); 0 for no values."""
    if not values:
        return 0.0
    values.sort()
    return values[math.ceil(0.9 * len(values)) - 1]


def _shave(widths: list[float], lowest: list[float], columns: list[int], amount: float) -> float:
    """Narrow the widest of ``columns`` first (down to a common level, never below
    ``lowest``) to free up to ``amount`` points; the points freed."""

    def freed(level: float) -> float:
        return sum(max(0.0, widths[i] - max(level, lowest[i])) for i in columns)

    low, high = 0.0, max((widths[i] for i in columns), default=0.0)
    if freed(low) > amount:
        for _ in range(50):
            mid = (low + high) / 2
            low, high = (mid, high) if freed(mid) > amount else (low, mid)
        low = high
    taken = 0.0
    for i in columns:
        narrower = min(widths[i], max(low, lowest[i]))
        taken += widths[i] - narrower
        widths[i] = narrower
    return taken


def _widths(
    values: Sequence[Sequence[str]], body: Measure, bold: Measure, head: Measure, avail: float
) -> list[float]:
    """Column widths that fill ``avail``. Content-sized columns take their widest value (up to
    a cap); flexible ones aim to fit 9 in 10 values in ``lines`` lines without cutting a word;
    the description takes the rest, at least 22 % of the width when the others can give way
    (the widest first, cutting no word if possible); if it then has room to spare, the other
    flexible columns get it back."""
    pad = 2 * PAD_X
    n = len(COLUMNS)
    least = [max(head.widest_word(c.english), head.widest_word(c.spanish)) + pad for c in COLUMNS]
    widest = [0.0] * n
    want = [0.0] * n
    floor = list(least)  # flexible columns: narrowest without cutting most values' words
    for i, col in enumerate(COLUMNS):
        font = bold if col.bold else body
        sizes = [font.width(v[i]) for v in values]
        widest[i] = max(sizes, default=0.0) + pad
        if col.cap:
            want[i] = min(widest[i], col.cap)
        elif col.lines:
            pieces = re.compile(r"\s+" + "".join(f"|(?<={re.escape(c)})" for c in col.breaks))
            piece = _p90(
                [max((font.width(p) for p in pieces.split(v[i]) if p), default=0.0) for v in values]
            )
            floor[i] = max(least[i], piece + pad)
            want[i] = max(piece, _p90(sizes) / col.lines) + pad
    widths = [max(least[i], want[i]) for i in range(n)]
    flexible = [i for i, c in enumerate(COLUMNS) if c.lines]
    widths[DESCRIPTION] = avail - sum(w for i, w in enumerate(widths) if i != DESCRIPTION)
    short = max(least[DESCRIPTION], _DESCRIPTION_SHARE * avail) - widths[DESCRIPTION]
    for lowest in (floor, least):  # first without cutting words, then cutting them
        if short > 0.01:
            taken = _shave(widths, lowest, flexible, short)
            widths[DESCRIPTION] += taken
            short -= taken
    if widths[DESCRIPTION] < least[DESCRIPTION] - 0.01:
        raise ValueError(f"The page is too narrow for the sample list ({avail:.0f} pt).")
    spare = widths[DESCRIPTION] - widest[DESCRIPTION]
    hungry = [i for i in flexible if widest[i] > widths[i]]
    while spare > 0.01 and hungry:
        each = spare / len(hungry)
        for i in hungry:
            more = min(each, widest[i] - widths[i])
            widths[i] += more
            widths[DESCRIPTION] -= more
            spare -= more
        hungry = [i for i in hungry if widest[i] - widths[i] > 0.01]
    return widths


def _style(font: str, size: float, leading: float, align: str) -> CellStyle:
    s = CellStyle("manifest")
    s.fontname, s.fontsize, s.leading = font, size, leading
    s.alignment, s.valign = align, "TOP"
    s.leftPadding = s.rightPadding = PAD_X
    s.topPadding, s.bottomPadding = PAD_TOP, PAD_BOTTOM
    s.color = colors.black
    return s


def _height(lines: int) -> float:
    return lines * BODY_LEADING + _PAD_Y


@dataclass(frozen=True)
class _Rows:
    """Everything the pages share; built once, never copied."""

    widths: list[float]
    header: list[str]
    header_height: float
    rows: list[list[str]]  # cells, lines joined with "\n"
    heights: list[float]
    ends: list[float]  # ends[i] = total height of rows[:i]
    head_styles: list[CellStyle]
    row_styles: list[CellStyle]
    max_height: float  # the frame's height: a row taller than this is cut across pages


class _PageTable(LongTable):  # type: ignore[misc]  # reportlab is untyped
    """A LongTable of plain strings that skips empty cells and draws a left-aligned cell's
    lines as one text object (reportlab draws each line as a text object of its own)."""

    _curcellstyle: CellStyle | None

    def _drawCell(  # noqa: N802  # reportlab's name
        self,
        cellval: str,
        cellstyle: CellStyle,
        pos: tuple[float, float],
        size: tuple[float, float],
    ) -> None:
        if not cellval:
            return
        if cellstyle.alignment != "LEFT" or "\n" not in cellval:
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        canv = self.canv
        if self._curcellstyle is not cellstyle:
            canv.setFillColor(cellstyle.color)
            canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        x = pos[0] + cellstyle.leftPadding
        y = pos[1] + size[1] - cellstyle.topPadding - cellstyle.fontsize
        text = canv.beginText(x, y)
        for line in cellval.split("\n"):
            text.textLine(line)
        canv.drawText(text)


class SampleList(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """The rows from ``start`` on (``first``: a replacement for row ``start``, the rest of a
    row cut at the previous page). Splits itself page by page; draws one ``LongTable``."""

    def __init__(
        self, data: _Rows, start: int = 0, first: tuple[list[str], float] | None = None
    ) -> None:
        super().__init__()
        self.data = data
        self.start = start
        self.first = first
        self.width = sum(data.widths)
        self.height = self._rows_height()

    def _rows_height(self) -> float:
        d = self.data
        height = d.header_height + d.ends[-1] - d.ends[self.start]
        if self.first is not None:
            height += self.first[1] - d.heights[self.start]
        return height

    @property
    def cells(self) -> list[list[str]]:
        """The header row and every row as drawn (for checks), without continuations."""
        return [self.data.header, *self.data.rows]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        d = self.data
        room = avail_height - d.header_height
        rows: list[list[str]] = []
        heights: list[float] = []
        start = self.start
        if self.first is not None:  # the rest of a row cut at the previous page
            cells, height = self.first
            if height > room:
                return self._cut_here(rows, heights, start, cells, room)
            rows.append(cells)
            heights.append(height)
            room -= height
            start += 1
        # rows[start:end] fit: the largest end with ends[end] - ends[start] <= room
        end = bisect.bisect_right(d.ends, d.ends[start] + room + 1e-6) - 1
        end = max(start, min(end, len(d.rows)))
        rows += d.rows[start:end]
        heights += d.heights[start:end]
        if end == len(d.rows):  # all fit after all (rounding): one last table
            return [self._table(rows, heights)]
        if d.header_height + d.heights[end] > d.max_height:  # never fits a page: cut it here
            left = avail_height - d.header_height - sum(heights)
            return self._cut_here(rows, heights, end, d.rows[end], left)
        if not rows:
            return []  # the next row fits a fresh page
        return [self._table(rows, heights), SampleList(d, end)]

    def _cut_here(
        self,
        rows: list[list[str]],
        heights: list[float],
        index: int,
        cells: list[str],
        room: float,
    ) -> list[Flowable]:
        """Row ``index`` (``cells``) is taller than a page: as many of its lines as fit in
        ``room`` go on this page after ``rows``, the rest starts the next page."""
        fit = int((room - _PAD_Y) / BODY_LEADING + 1e-6)
        if fit >= 1:
            split = [cell.split("\n") for cell in cells]
            rows.append(["\n".join(lines[:fit]) for lines in split])
            heights.append(_height(fit))
            rest = ["\n".join(lines[fit:]) for lines in split]
            rest[0] = f"{split[0][0]}\n{CONTINUED}"
            rest_lines = max(2, *(len(lines) - fit for lines in split))
            after = SampleList(self.data, index, (rest, _height(rest_lines)))
        else:
            after = SampleList(self.data, index, self.first if index == self.start else None)
        if not rows:
            return []
        return [self._table(rows, heights), after]

    def _table(self, rows: list[list[str]], heights: list[float]) -> LongTable:
        d = self.data
        return _PageTable(
            [d.header, *rows],
            colWidths=d.widths,
            rowHeights=[d.header_height, *heights],
            repeatRows=1,
            normalizedData=1,
            cellStyles=[d.head_styles, *([d.row_styles] * len(rows))],  # shared, not per cell
            hAlign="LEFT",
            style=[
                ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, _STRIPE]),
                ("INNERGRID", (0, 0), (-1, -1), 0.25, _GRID),
                ("BOX", (0, 0), (-1, -1), 0.7, colors.black),
                ("LINEBELOW", (0, 0), (-1, 0), 0.7, colors.black),
            ],
        )

    def draw(self) -> None:
        d = self.data
        rows, heights = d.rows[self.start :], d.heights[self.start :]
        if self.first is not None:
            rows = [self.first[0], *rows[1:]]
            heights = [self.first[1], *heights[1:]]
        table = self._table(rows, heights)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


def sample_list(
    rows: Sequence[ManifestRow], avail: float, max_height: float, regular: str, bold: str
) -> SampleList:
    """The sample list for a frame ``avail`` points wide and ``max_height`` high."""
    body = Measure(regular, BODY_SIZE)
    body_bold = Measure(bold, BODY_SIZE)
    head = Measure(bold, HEAD_SIZE)
    values = [[col.value(r) for col in COLUMNS] for r in rows]
    widths = _widths(values, body, body_bold, head, avail)
    inner = [w - 2 * PAD_X for w in widths]
    fonts = [body_bold if col.bold else body for col in COLUMNS]

    header = [
        "\n".join((*head.wrap(c.english, w), *head.wrap(c.spanish, w)))
        for c, w in zip(COLUMNS, inner, strict=True)
    ]
    head_lines = max(cell.count("\n") + 1 for cell in header)
    cells: list[list[str]] = []
    heights: list[float] = []
    for v in values:
        row = []
        lines = 1
        for text, font, w in zip(v, fonts, inner, strict=True):
            wrapped = font.wrap(text, w)
            lines = max(lines, len(wrapped))
            row.append(wrapped[0] if len(wrapped) == 1 else "\n".join(wrapped))
        cells.append(row)
        heights.append(_height(lines))
    data = _Rows(
        widths=widths,
        header=header,
        header_height=head_lines * HEAD_LEADING + _PAD_Y,
        rows=cells,
        heights=heights,
        ends=[0.0, *accumulate(heights)],
        head_styles=[_style(bold, HEAD_SIZE, HEAD_LEADING, c.align) for c in COLUMNS],
        row_styles=[
            _style(bold if c.bold else regular, BODY_SIZE, BODY_LEADING, c.align) for c in COLUMNS
        ],
        max_height=max_height,
    )
    return SampleList(data)
