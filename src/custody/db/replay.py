"""Replay: rebuild the record tables from the journal's changes and compare with the database.

State is one list per record, in column order, with the seq of the last journal entry that
touched the record appended at the end (a list is ~3× smaller than a dict of names).
Database rows are read through the DBAPI cursor and converted to journal form with one
converter per column chosen up front.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import Boolean, Connection, Date, LargeBinary, Table

from custody.db.base import table_of
from custody.db.models import JOURNALED
from custody.db.types import Grams, UTCDateTime
from custody.domain.canonical import digest_value, to_journal_value
from custody.domain.messages import t
from custody.domain.weights import from_units

BATCH = 5_000
Converter = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _grams(value: Any) -> Any:
    return None if value is None else str(from_units(int(value)))


def _boolean(value: Any) -> Any:
    return None if value is None else bool(value)


def _date(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _binary(value: Any) -> Any:
    return None if value is None else to_journal_value(bytes(value))


def converter(table: Table, key: str) -> Converter:
    """How a stored column value (as the DBAPI returns it) is written in the journal."""
    column = table.columns[key]
    if column.info.get("journal") == "digest":
        return digest_value
    kind = column.type
    if isinstance(kind, Grams):
        return _grams
    if isinstance(kind, Boolean):
        return _boolean
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, LargeBinary):
        return _binary
    if isinstance(kind, UTCDateTime):
        return _same  # stored as the fixed-width UTC text the journal carries
    return _same  # integers, text, enums stored by value


class Replay:
    """The record tables as the journal says they are."""

    def __init__(self) -> None:
        self.tables = {table_of(m).name: table_of(m) for m in JOURNALED}
        self.columns = {name: [c.key for c in table.columns] for name, table in self.tables.items()}
        self.position = {n: {k: i for i, k in enumerate(c)} for n, c in self.columns.items()}
        self.state: dict[str, dict[int, list[Any]]] = {name: {} for name in self.tables}

    def apply(self, seq: int, changes: list[dict[str, Any]]) -> None:
        """Apply one entry's changes; ValueError/KeyError if they cannot apply."""
        for change in changes:
            name, key, op, values = change["t"], int(change["k"]), change["op"], change["v"]
            records = self.state[name]
            if op == "insert":
                if key in records:
                    raise ValueError(f"{name} #{key} inserted twice")
                # a column added by a later migration is absent from older inserts: null
                records[key] = [values.get(c) for c in self.columns[name]] + [seq]
            elif op == "update":
                record, where = records[key], self.position[name]
                for column, (_old, new) in values.items():
                    record[where[column]] = new
                record[-1] = seq
            elif op == "delete":
                del records[key]
            else:
                raise ValueError(f"unknown change operation {op!r}")

    def compare(self, conn: Connection) -> Iterator[tuple[int, Any]]:
        """Yield a progress count per batch, and at the end (0, divergence-or-None)."""
        for name, table in self.tables.items():
            columns = self.columns[name]
            convert = [converter(table, key) for key in columns]
            expected = self.state[name]
            seen = 0
            cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(f"SELECT {', '.join(columns)} FROM {name} ORDER BY id")
                while rows := cursor.fetchmany(BATCH):
                    for row in rows:
                        seen += 1
                        found = self._check(name, columns, convert, expected, row)
                        if found is not None:
                            yield 0, found
                            return
                    yield len(rows), None
            finally:
                cursor.close()
            if seen != len(expected):
                yield 0, self._missing(name, conn)
                return
        yield 0, None

    def _check(
        self,
        name: str,
        columns: list[str],
        convert: list[Converter],
        expected: dict[int, list[Any]],
        row: tuple[Any, ...],
    ) -> tuple[Any, ...] | None:
        key = int(row[0])
        want = expected.get(key)
        if want is None:
            return (
                name,
                key,
                None,
                None,
                "present",
                None,
                t("row exists in the table but no journal entry created it"),
            )
        for index, value in enumerate(row):
            have = convert[index](value)
            if have != want[index]:
                return (
                    name,
                    key,
                    columns[index],
                    want[index],
                    have,
                    want[-1],
                    t("field differs from the value the journal says it has"),
                )
        return None

    def _missing(self, name: str, conn: Connection) -> tuple[Any, ...]:
        present = {int(r[0]) for r in conn.exec_driver_sql(f"SELECT id FROM {name}")}
        key = min(set(self.state[name]) - present)
        return (
            name,
            key,
            None,
            "present",
            None,
            self.state[name][key][-1],
            t("row is in the journal but missing from the table"),
        )
