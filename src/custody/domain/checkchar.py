"""Damm check character over the 36 symbols 0-9, A-Z.

ISO 7064 MOD 37,36 was rejected: it misses some adjacent transpositions (e.g. "IJ" vs "JI"
from the initial state). Damm's scheme over a totally anti-symmetric quasigroup of order 36
detects every single substitution and every adjacent transposition of two different
characters, including ones involving the check character, for inputs of any length.

The quasigroup is built from the direct product GF(4) x GF(3) x GF(3), where
``x * y = a*x + y`` (a = ω in GF(4), a = 2 in GF(3)) is totally anti-symmetric because
a != 0 and a != 1 in every factor. It is then isotoped to have a zero diagonal, so the
check character equals the running interim value. ``tests/domain/test_checkchar.py``
verifies every property exhaustively.
"""

from __future__ import annotations

import re

__all__ = ["ALPHABET", "TABLE", "compute", "is_valid"]

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_N = len(ALPHABET)
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_DATA_RE = re.compile(r"[0-9A-Z]+", re.ASCII)

# Multiplication by the generator ω of GF(4) = {0, 1, ω, ω+1} encoded as 0, 1, 2, 3
# (addition is XOR): ω·1 = ω, ω·ω = ω+1, ω·(ω+1) = 1.
_GF4_TIMES_OMEGA = (0, 2, 3, 1)


def _split(v: int) -> tuple[int, int, int]:
    return v // 9, (v // 3) % 3, v % 3


def _product(x: int, y: int) -> int:
    """``a*x + y`` componentwise in GF(4) x GF(3) x GF(3); totally anti-symmetric."""
    gx, tx, ux = _split(x)
    gy, ty, uy = _split(y)
    return 9 * (_GF4_TIMES_OMEGA[gx] ^ gy) + 3 * ((2 * tx + ty) % 3) + (2 * ux + uy) % 3


def _build_table() -> tuple[tuple[int, ...], ...]:
    # Isotope x∘y = x * π(y), with π(y) the z such that y * z = 0, gives x∘x = 0 and keeps
    # total anti-symmetry: (c∘x)∘y = (c∘y)∘x  =>  π(x) = π(y)  =>  x = y.
    pi = [next(z for z in range(_N) if _product(y, z) == 0) for y in range(_N)]
    return tuple(tuple(_product(x, pi[y]) for y in range(_N)) for x in range(_N))


TABLE: tuple[tuple[int, ...], ...] = _build_table()
"""Damm operation table: ``TABLE[interim][value]`` is the next interim value."""


def _interim(data: str) -> int:
    state = 0
    for ch in data:
        state = TABLE[state][_VALUE[ch]]
    return state


def compute(data: str) -> str:
    """Return the check character for ``data`` (one or more of 0-9, A-Z, upper case)."""
    if not _DATA_RE.fullmatch(data):
        raise ValueError(
            f"check character input must be one or more characters 0-9 or A-Z, got {data!r}"
        )
    return ALPHABET[_interim(data)]  # zero diagonal: the check equals the interim


def is_valid(data_with_check: str) -> bool:
    """True if the last character is the correct check character for the rest."""
    if len(data_with_check) < 2 or not _DATA_RE.fullmatch(data_with_check):
        return False
    return _interim(data_with_check) == 0
