"""Weights in grams as exact decimals (0.1 mg resolution), never floats."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from custody.domain.messages import t

RESOLUTION = Decimal("0.0001")  # grams: a 0.1 mg analytical balance
MAX_GRAMS = Decimal("100000000")  # 100 t: anything above is a typing error


class WeightError(ValueError):
    pass


_WEIGHT = t("weight")


def parse_grams(text: str | Decimal | int, *, field: str = _WEIGHT) -> Decimal:
    """Parse a weight in grams. Refuses negatives, non-numbers and excess precision."""
    if isinstance(text, Decimal | int):
        raw = str(text)
    else:
        raw = text.strip().replace(",", ".") if isinstance(text, str) else ""
    if not raw:
        raise WeightError(
            t("The {field} is empty: enter the weight in grams, e.g. 12.3456.", field=field)
        )
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise WeightError(
            t("The {field} '{raw}' is not a number of grams.", field=field, raw=raw)
        ) from None
    if not value.is_finite():
        raise WeightError(t("The {field} '{raw}' is not a number of grams.", field=field, raw=raw))
    if value < 0:
        raise WeightError(t("The {field} cannot be negative ({raw} g).", field=field, raw=raw))
    if value > MAX_GRAMS:
        raise WeightError(t("The {field} {raw} g is implausibly large.", field=field, raw=raw))
    if value != value.quantize(RESOLUTION, rounding=ROUND_HALF_EVEN):
        raise WeightError(
            t("The {field} {raw} g has more precision than 0.1 mg.", field=field, raw=raw)
        )
    return value.quantize(RESOLUTION)


def to_units(grams: Decimal) -> int:
    """Grams to integer units of 0.1 mg (exact storage on any database)."""
    return int(grams.quantize(RESOLUTION) / RESOLUTION)


def from_units(units: int) -> Decimal:
    return (Decimal(units) * RESOLUTION).quantize(RESOLUTION)


def exceeds_tolerance(
    before: Decimal, after: Decimal, *, percent: Decimal, absolute: Decimal
) -> bool:
    """True when |after - before| is beyond both the absolute and the relative tolerance."""
    delta = abs(after - before)
    return delta > absolute and delta > before * percent / Decimal(100)
