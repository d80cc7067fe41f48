"""A sketch of the verify fixes proposed in benchmarks/README.md, to measure what they buy.

Not the application's verifier: it checks the same things as `custody.db.verify.verify`
(gapless seq, prev_hash, SHA-256, indexed columns bound to the payload, replay, compare)
but reports only intact / not intact, the head hash and counts. The changes it sketches:

1. Chain pass: read rows from the DBAPI cursor (no SQLAlchemy Row objects) and rebuild the
   payload's head/tail from columns with the C string encoder and small caches, instead of
   seven `json.dumps(..., ensure_ascii=False)` calls per entry (each builds a JSONEncoder).
2. Replay state: one list per record in column order instead of a dict of column names.
3. Compare: converters chosen once per column (stored text timestamps already are the
   journal text; 0.1 mg integers become the decimal text; 0/1 become booleans) and rows
   read by position, instead of `column_value(table, key, row._mapping[column])` per value
   after a strptime round trip in `UTCDateTime.process_result_value`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, LargeBinary, Table

from custody.db.base import table_of
from custody.db.journal import PAYLOAD_VERSION
from custody.db.models import JOURNALED
from custody.db.types import Grams, UTCDateTime
from custody.domain.canonical import GENESIS_HASH, digest_value, to_journal_value
from custody.domain.weights import from_units

_enc = json.encoder.encode_basestring  # the C encoder json.dumps(ensure_ascii=False) uses
_BATCH = 5_000


def _j(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return _enc(value)
    return str(int(value))


@dataclass
class SketchReport:
    entries: int = 0
    head_hash: str = GENESIS_HASH
    records_compared: int = 0
    problem: str | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None


def _converter(table: Table, key: str) -> Callable[[Any], Any]:
    column = table.columns[key]
    if column.info.get("journal") == "digest":
        return digest_value
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return lambda v: v  # stored as the fixed-width UTC text the journal carries
    if isinstance(kind, Grams):
        return lambda v: None if v is None else str(from_units(int(v)))
    if isinstance(kind, Boolean):
        return lambda v: None if v is None else bool(v)
    if isinstance(kind, Date):
        return lambda v: v.isoformat() if isinstance(v, date) else v
    if isinstance(kind, LargeBinary):
        return to_journal_value
    return lambda v: v  # integers, text, enums stored by value


def verify_sketch(conn: sqlite3.Connection) -> SketchReport:
    report = SketchReport()
    tables = {table_of(m).name: table_of(m) for m in JOURNALED}
    columns = {name: [c.key for c in t.columns] for name, t in tables.items()}
    position = {name: {k: i for i, k in enumerate(cols)} for name, cols in columns.items()}
    state: dict[str, dict[int, list[Any]]] = {name: {} for name in tables}
    heads: dict[tuple[Any, Any], str] = {}
    tails: dict[tuple[Any, Any], str] = {}
    cursor = conn.execute(
        "SELECT seq, prev_hash, hash, payload, ts, kind, subject, actor_id, actor, workstation, "
        "zone FROM journal ORDER BY seq"
    )
    sha256 = hashlib.sha256
    expected = GENESIS_HASH
    prev = bytes(32)
    n = 0
    while rows := cursor.fetchmany(_BATCH):
        for seq, prev_hash, digest, payload, ts, kind, subject, actor_id, actor, ws, zone in rows:
            n += 1
            if seq != n:
                report.problem = f"entry {n} is missing"
            elif prev_hash != expected:
                report.problem = f"{seq}: prev_hash does not match"
            elif sha256(prev + payload.encode()).hexdigest() != digest:
                report.problem = f"{seq}: hash does not match"
            else:
                head = heads.get((actor, actor_id))
                if head is None:
                    head = heads[(actor, actor_id)] = (
                        f'{{"actor":{_j(actor)},"actor_id":{_j(actor_id)},"changes":'
                    )
                tail = tails.get((ws, zone))
                if tail is None:
                    tail = tails[(ws, zone)] = (
                        f',"v":{PAYLOAD_VERSION},"ws":{_j(ws)},"zone":{_j(zone)}}}'
                    )
                middle = f',"kind":{_j(kind)},"seq":{seq},"subject":{_j(subject)},"ts":{_j(ts)}'
                if not (payload.startswith(head) and payload.endswith(middle + tail)):
                    report.problem = f"{seq}: an indexed column differs from the payload"
                elif payload.find('"changes":[],"data":', 0, 400) == -1:
                    for change in json.loads(payload)["changes"]:
                        name, key, op, values = (
                            change["t"],
                            int(change["k"]),
                            change["op"],
                            change["v"],
                        )
                        records = state[name]
                        if op == "insert":
                            cols = columns[name]
                            records[key] = [values[c] for c in cols]
                        elif op == "update":
                            record, where = records[key], position[name]
                            for field, (_old, new) in values.items():
                                record[where[field]] = new
                        else:
                            del records[key]
            if report.problem:
                report.entries = n
                return report
            expected = digest
            prev = bytes.fromhex(digest)
    report.entries = n
    report.head_hash = expected
    for name, table in tables.items():
        convert = [_converter(table, key) for key in columns[name]]
        want_all = state[name]
        seen = 0
        cursor = conn.execute(f"SELECT {', '.join(columns[name])} FROM {name} ORDER BY id")
        while rows := cursor.fetchmany(_BATCH):
            for row in rows:
                report.records_compared += 1
                seen += 1
                want = want_all.get(row[0])
                if want is None or any(
                    f(v) != w for f, v, w in zip(convert, row, want, strict=True)
                ):
                    report.problem = f"{name} #{row[0]} differs from the journal"
                    return report
        if seen != len(want_all):
            report.problem = f"{name}: a journaled row is missing"
            return report
    return report
