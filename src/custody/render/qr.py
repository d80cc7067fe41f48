"""The single QR matrix source: the PDF renderer and the screen (QPainter) paint this matrix.

Payloads are ``[A-Z0-9]`` (:mod:`custody.domain.labelcode`), which ``qrcode`` encodes in
alphanumeric mode. Error correction M, the smallest version that fits, and NO quiet zone in the
matrix: the label layout reserves the 4-module quiet zone around the symbol.
"""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M

__all__ = ["matrix_runs", "qr_matrix"]


def qr_matrix(payload: str) -> list[list[bool]]:
    """Rows of modules, top row first, ``True`` = dark; square, without a quiet zone."""
    if not payload:
        raise ValueError("QR payload is empty.")
    code = qrcode.QRCode(version=None, error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


def matrix_runs(matrix: list[list[bool]]) -> list[tuple[int, int, int]]:
    """Horizontal runs of dark modules as ``(row, col, length)``, row 0 = top, left to right."""
    runs: list[tuple[int, int, int]] = []
    for r, row in enumerate(matrix):
        start = -1
        for c, dark in enumerate([*row, False]):
            if dark and start < 0:
                start = c
            elif not dark and start >= 0:
                runs.append((r, start, c - start))
                start = -1
    return runs
