"""Column types that store exact values identically on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from custody.domain.canonical import format_utc, parse_utc
from custody.domain.weights import from_units, to_units


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as fixed-width ISO 8601 UTC text (sorts in time order)."""

    impl = String(27)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else format_utc(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else parse_utc(str(value))


class Grams(TypeDecorator[Decimal]):
    """A weight in grams, stored as an integer count of 0.1 mg: exact on every database."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        return None if value is None else to_units(Decimal(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_units(int(value))
