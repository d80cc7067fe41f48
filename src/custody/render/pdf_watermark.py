"""A large translucent diagonal watermark ("SUPERSEDED BY REVISION n") that text extraction and
PDF search still read line by line."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas

__all__ = ["draw_watermark"]


def _actual_text(text: str) -> str:
    """A PDF text string (UTF-16BE with BOM, hex) for a marked-content ``/ActualText``."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def draw_watermark(c: rl_canvas.Canvas, lines: Sequence[str], font: str) -> None:
    """``lines`` in large translucent red text along the page's diagonal, over the content
    (which stays readable), as large as fits up to 60 pt.

    Text extractors read diagonal glyphs one by one, in scattered lines; each line is therefore
    wrapped in a marked-content span whose ``/ActualText`` is the line, so ``pdftotext`` (and
    any PDF reader's search) finds it whole."""
    width, height = c._pagesize
    diagonal = math.hypot(width, height)
    widest = max(stringWidth(line, font, 10.0) for line in lines)
    size = min(60.0, 10.0 * 0.8 * diagonal / widest)
    c.saveState()
    c.setFillColorRGB(0.8, 0.0, 0.0, alpha=0.22)
    c.translate(width / 2, height / 2)
    c.rotate(math.degrees(math.atan2(height, width)))
    step = size * 1.2
    y = (len(lines) - 1) * step / 2 - size * 0.35
    c.setFont(font, size)
    for line in lines:
        c.addLiteral(f"/Span <</ActualText {_actual_text(line)}>> BDC")
        c.drawCentredString(0, y, line)
        c.addLiteral("EMC")
        y -= step
    c.restoreState()
