"""Declarative base and shared column helpers."""

from __future__ import annotations

from enum import Enum as PyEnum
from typing import Any, cast

from sqlalchemy import Enum, MetaData, Table
from sqlalchemy.orm import DeclarativeBase

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def enum_column(enum: type[PyEnum]) -> Enum:
    """Store an enum by its value as plain text (portable, readable in the journal)."""
    return Enum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=24,
        values_callable=_values,
        validate_strings=True,
    )


def _values(enum: Any) -> list[str]:
    return [member.value for member in enum]


# Columns whose values are journaled as a SHA-256 digest, never in clear.
DIGEST = {"journal": "digest"}


def table_of(model: Any) -> Table:
    """The Table of a mapped class or instance."""
    return cast(Table, model.__table__)
