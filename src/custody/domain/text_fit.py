"""Fitting text to a box (pure): shrink in 0.5 pt steps, wrap at break points, then ellipsis.

The text width function is injected (:data:`Measure`: text, font size -> width in points). Widths
are assumed to grow along a text and with the size; if a measure breaks that, results still fit,
they are only not the largest possible.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

__all__ = [
    "ELLIPSIS",
    "FEWER_LINES",
    "LEADING",
    "SPACES",
    "STEP",
    "Measure",
    "cut_lines",
    "fit_lines",
    "fit_text",
    "whole_lines",
]

Measure = Callable[[str, float], float]
ELLIPSIS = "…"
STEP = 0.5
LEADING = 1.2  # line pitch of a multi-line box, in em
FEWER_LINES = 0.9  # one line fewer is worth shrinking the text to 90 % of its size
SPACES = re.compile(" ")


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


def _next_line(
    text: str, width: float, size: float, measure: Measure, breaks: re.Pattern[str], split: bool
) -> tuple[str, str] | None:
    """``(line, rest)``: the longest start of ``text`` that fits ``width`` and ends at a break
    (or, if ``split``, anywhere); None if not even one part (one character) fits."""
    if measure(text, size) <= width:
        return text, ""
    spots = [(m.start(), m.end()) for m in breaks.finditer(text)]
    if not spots or measure(text[: spots[0][0]], size) > width:
        if not split:
            return None
        spots = [(k, k) for k in range(1, len(text))]
    lo, hi = -1, len(spots) - 1  # bisect for the last fitting spot (widths grow along the text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[: spots[mid][0]], size) <= width:
            lo = mid
        else:
            hi = mid - 1
    while lo >= 0 and measure(text[: spots[lo][0]], size) > width:  # if not monotone
        lo -= 1
    if lo < 0:
        return None
    start, end = spots[lo]
    return text[:start], text[end:].lstrip(" ")


def _capacity(height: float, size: float, max_lines: int) -> int:
    """Lines of ``size`` that fit ``height`` at :data:`LEADING` pitch: 1 to ``max_lines``."""
    return max(1, min(max_lines, math.floor((height - size) / (LEADING * size) + 1e-9) + 1))


def _wrap(
    text: str, width: float, size: float, count: int, measure: Measure, breaks: re.Pattern[str]
) -> list[str] | None:
    """``text`` broken at ``breaks`` into at most ``count`` lines that fit, or None."""
    if measure(text, size) > count * width:  # cannot fit: no need to try the breaks
        return None
    lines: list[str] = []
    rest = text
    while rest and len(lines) < count:
        step = _next_line(rest, width, size, measure, breaks, split=False)
        if step is None:
            return None
        lines.append(step[0])
        rest = step[1]
    return None if rest else lines


def whole_lines(
    text: str,
    box: tuple[float, float, int],
    max_size: float,
    min_size: float,
    measure: Measure,
    breaks: re.Pattern[str] = SPACES,
) -> tuple[tuple[str, ...], float] | None:
    """The lines and the largest size at which all of ``text`` fits ``box`` (width, height,
    max lines), broken at ``breaks`` only; fewer lines win if they cost at most
    :data:`FEWER_LINES` of the size. None if it does not fit even at ``min_size``."""
    width, height, max_lines = box
    sizes = _sizes(max_size, min_size)
    for n, size in enumerate(sizes):
        lines = _wrap(text, width, size, _capacity(height, size, max_lines), measure, breaks)
        if lines is None:
            continue
        for smaller in sizes[n + 1 :]:
            if smaller < FEWER_LINES * size - 1e-9 or len(lines) == 1:
                break
            fewer = _wrap(text, width, smaller, len(lines) - 1, measure, breaks)
            if fewer is not None:
                return tuple(fewer), smaller
        return tuple(lines), size
    return None


def cut_lines(
    text: str, box: tuple[float, float, int], size: float, measure: Measure
) -> tuple[str, ...]:
    """``text`` at ``size`` in the lines ``box`` holds, the last one cut with "…"."""
    width, height, max_lines = box
    lines: list[str] = []
    rest = text
    for _ in range(_capacity(height, size, max_lines) - 1):
        step = _next_line(rest, width, size, measure, SPACES, split=True)
        if step is None:
            return tuple(lines)
        lines.append(step[0])
        rest = step[1]
        if not rest:
            return tuple(lines)
    last, _ = fit_text(rest, width, size, size, measure)
    return tuple([*lines, last] if last else lines)


def fit_lines(
    text: str,
    box: tuple[float, float, int],
    max_size: float,
    min_size: float,
    measure: Measure,
) -> tuple[tuple[str, ...], float]:
    """:func:`fit_text` for a ``box`` of (width, height, max lines): the largest size at which
    ``text``, broken at spaces, fits the lines the box holds at that size (pitch
    :data:`LEADING` × size); failing that, at ``min_size`` the lines filled (a word too long for
    a line is split) and the last one cut with "…". Every line measures at most the width;
    ``()`` when nothing fits."""
    if not 0 < min_size <= max_size:
        raise ValueError(f"Need 0 < min size ≤ max size, got {min_size} and {max_size}.")
    whole = whole_lines(text, box, max_size, min_size, measure)
    if whole is not None:
        return whole
    return cut_lines(text, box, min_size, measure), min_size
