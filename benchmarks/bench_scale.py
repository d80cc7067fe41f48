"""Scale benchmark: a big, valid journal, then lookup, verify and append figures vs raw SQLite.

    python benchmarks/bench_scale.py                      # 20,000 samples, 200,000 entries
    python benchmarks/bench_scale.py --samples 1000000 --entries 10000000   # the issue's scale

The generator starts from the demo database (`custody.demo.populate`) and bulk-writes samples
plus the journal entries that explain them exactly as the application's change capture would
(one `sample.register` entry per sample carrying the sample insert, the ID counter update and
the COLLECT custody event), plus filler entries without record changes (`auth.ok`). Hashes
are chained in Python and rows go in with raw `sqlite3.executemany`, one transaction per
batch; the database triggers that check the chain stay in place. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import hashlib
import io
import json
import os
import pstats
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST
from sqlalchemy import event

from custody import demo
from custody.context import AppContext
from custody.db import verify as verify_module
from custody.db.base import table_of
from custody.db.engine import READ_ONLY, make_engine, sqlite_url
from custody.db.journal import PAYLOAD_VERSION, column_value
from custody.db.models import CustodyEvent, IdCounter, Sample
from custody.db.replay import Replay
from custody.domain.canonical import GENESIS_HASH, canonical_json, format_utc, parse_utc
from custody.domain.enums import AuthMethod, EventType, SampleForm, SampleStatus
from custody.domain.ids import format_sample_id, lookup_key
from custody.domain.weights import from_units, to_units
from custody.services import lookup, seals

OUT_DIR = Path(__file__).resolve().parent / "out"
WORKSTATION = "bench-ws"
DEMO_START = datetime(2026, 10, 1, 14, 0, tzinfo=UTC)  # after the demo's seizures (Aug/Sep)
TIMELINE_END = datetime(2026, 12, 31, 12, 0, tzinfo=UTC)  # generated entries fit in the year
BALANCE = "BAL-XPR205-01"
JOURNAL_COLUMNS = (
    "seq, ts, zone, workstation, actor_id, actor, kind, subject, payload, prev_hash, hash"
)
SAMPLES = table_of(Sample)
EVENTS = table_of(CustodyEvent)
COUNTERS = table_of(IdCounter)


# --------------------------------------------------------------------------- generator


class StepClock:
    """A deterministic clock: every call moves on by `step`."""

    def __init__(self, start: datetime, step: timedelta) -> None:
        self.now = start
        self.step = step

    def __call__(self) -> datetime:
        self.now += self.step
        return self.now


@dataclass
class GenResult:
    db: str
    samples_requested: int
    entries: int  # journal entries in the database after generation
    samples: int  # rows in `samples` after generation (demo + generated)
    generated_samples: int
    filler_entries: int
    demo_entries: int
    demo_s: float
    build_s: float  # Python: values, canonical JSON, chained hashes
    insert_s: float  # sqlite3 executemany + commit (triggers included)
    total_s: float
    db_bytes: int
    payload_bytes: int
    first_number: int  # sample number of the first generated sample
    last_number: int
    prefix: str
    year: int
    end_ts: str  # time of the last generated entry
    shape: str

    @property
    def rows(self) -> int:
        extra = 2 if self.shape == "real" else 1  # samples (+ custody_events) rows per sample
        return self.entries - self.demo_entries + self.generated_samples * extra


def _db_value(value: Any) -> Any:
    """A Python record value as the ORM column types store it in SQLite."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, SampleForm | SampleStatus | EventType):
        return value.value
    if isinstance(value, Decimal):  # Grams: integer count of 0.1 mg
        return to_units(value)
    if isinstance(value, datetime):
        return format_utc(value)
    return value


def _insert_sql(table_name: str, names: list[str]) -> str:
    marks = ", ".join("?" for _ in names)
    return f"INSERT INTO {table_name} ({', '.join(names)}) VALUES ({marks})"


def _journal_row(
    seq: int, ts: str, zone: str, actor: tuple[int, str], kind: str, subject: str | None
) -> list[Any]:
    return [seq, ts, zone, WORKSTATION, actor[0], actor[1], kind, subject]


class _Filler:
    """Canonical JSON of a filler entry from a template (checked against canonical_json)."""

    def __init__(self, zone: str) -> None:
        self.zone = zone
        self.tail = f',"v":{PAYLOAD_VERSION},"ws":{_js(WORKSTATION)},"zone":{_js(zone)}}}'
        self.heads: dict[tuple[int, str], tuple[str, str]] = {}
        self.checked = 0

    def payload(self, seq: int, ts: str, actor: tuple[int, str], subject: str) -> bytes:
        parts = self.heads.get(actor)
        if parts is None:
            parts = self.heads[actor] = (
                f'{{"actor":{_js(actor[1])},"actor_id":{actor[0]},"changes":[],'
                '"data":{"purpose":"sign-in"},"kind":"auth.ok","seq":',
                f',"subject":{_js(subject)},"ts":"',
            )
        text = f'{parts[0]}{seq}{parts[1]}{ts}"{self.tail}'.encode()
        if self.checked < 50 or seq % 1009 == 0:  # the template must equal the real format
            self.checked += 1
            real = _payload(seq, ts, self.zone, actor, "auth.ok", subject, {"purpose": "sign-in"})
            if real != text:
                raise AssertionError(f"filler template differs from canonical_json at {seq}")
        return text


def _js(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _payload(
    seq: int,
    ts: str,
    zone: str,
    actor: tuple[int, str],
    kind: str,
    subject: str | None,
    data: dict[str, Any],
    changes: list[dict[str, Any]] | None = None,
) -> bytes:
    """Exactly what `custody.db.journal.append` hashes."""
    return canonical_json(
        {
            "v": PAYLOAD_VERSION,
            "seq": seq,
            "ts": ts,
            "zone": zone,
            "ws": WORKSTATION,
            "actor_id": actor[0],
            "actor": actor[1],
            "kind": kind,
            "subject": subject,
            "data": data,
            "changes": changes or [],
        }
    )


def _journal_values(table: Any, values: dict[str, Any]) -> dict[str, Any]:
    missing = set(table.columns.keys()) - set(values)
    if missing:
        raise AssertionError(f"{table.name}: no value for {sorted(missing)}")
    return {key: column_value(table, key, values[key]) for key in (c.key for c in table.columns)}


def _is_sample_slot(index: int, samples: int, total: int) -> bool:
    """Spread `samples` slots evenly over `total` positions (deterministic, streaming)."""
    return (index + 1) * samples // total > index * samples // total


def _raw_connect(path: Path, *, synchronous: str = "NORMAL") -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 15000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {synchronous}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def generate(
    db_path: Path,
    samples: int,
    entries: int,
    *,
    seed: int = 20260101,
    batch: int = 25_000,
    lean: bool = False,
    log: Callable[[str], None] = print,
) -> GenResult:
    """Build a Custody SQLite database with `samples` more samples and `entries` entries.

    `lean`: one change per sample entry (the sample insert) and one final entry carrying the
    ID counter update, instead of the application's exact three-change shape.
    """
    if db_path.exists():
        raise SystemExit(f"{db_path} exists already; give a new path")
    started = time.perf_counter()
    hasher = PasswordHasher.from_parameters(CHEAPEST)
    ctx = AppContext(
        sqlite_url(db_path),
        workstation=WORKSTATION,
        clock=StepClock(DEMO_START, timedelta(seconds=1)),
        hasher=hasher,
    )
    demo.populate(ctx)
    ctx.close()
    demo_s = time.perf_counter() - started

    conn = _raw_connect(db_path)
    conn.execute("PRAGMA cache_size = -262144")  # 256 MiB
    seq, head_hex, last_ts = conn.execute(
        "SELECT seq, hash, ts FROM journal ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    demo_entries = seq
    zone = conn.execute("SELECT timezone FROM lab_settings").fetchone()[0]
    prefix = conn.execute("SELECT site_prefix FROM lab_settings").fetchone()[0]
    counter_id, year, last_number = conn.execute(
        "SELECT id, year, last_number FROM id_counters WHERE prefix = ? ORDER BY year DESC",
        (prefix,),
    ).fetchone()
    people = dict(conn.execute("SELECT username, id FROM people WHERE username IS NOT NULL"))
    actors = [(people[u.username], u.username) for u in demo.DEMO_USERS]
    tech = (people["technician"], "technician")
    exhibits = conn.execute(
        "SELECT id, form, presumptive_substance FROM exhibits ORDER BY id"
    ).fetchall()
    sample_id = conn.execute("SELECT MAX(id) FROM samples").fetchone()[0]
    event_id = conn.execute("SELECT MAX(id) FROM custody_events").fetchone()[0]

    filler = entries - demo_entries - samples - (1 if lean else 0)
    if filler < 0:
        minimum = demo_entries + samples + (1 if lean else 0)
        raise SystemExit(f"--entries must be at least {minimum} for {samples} samples")
    slots = samples + filler
    start = parse_utc(last_ts) + timedelta(seconds=1)
    step_us = max(1, int((TIMELINE_END - start) / timedelta(microseconds=1)) // max(1, slots))
    rng = random.Random(seed)
    fill = _Filler(zone)
    prev = bytes.fromhex(head_hex)
    sample_cols = list(SAMPLES.columns.keys())
    event_cols = list(EVENTS.columns.keys())
    journal_sql = f"INSERT INTO journal ({JOURNAL_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
    sample_sql = _insert_sql("samples", sample_cols)
    event_sql = _insert_sql("custody_events", event_cols)
    build_s = insert_s = 0.0
    payload_bytes = 0
    number = last_number
    first_number = last_number + 1
    tablets = {row[0]: row[1] == SampleForm.TABLETS.value for row in exhibits}
    report_every = max(batch, slots // 10)

    def flush(journal_rows: list[Any], sample_rows: list[Any], event_rows: list[Any]) -> None:
        nonlocal insert_s
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        if sample_rows:
            conn.executemany(sample_sql, sample_rows)
        if event_rows:
            conn.executemany(event_sql, event_rows)
        conn.executemany(journal_sql, journal_rows)
        conn.execute("COMMIT")
        insert_s += time.perf_counter() - t0

    journal_rows: list[Any] = []
    sample_rows: list[Any] = []
    event_rows: list[Any] = []
    t_build = time.perf_counter()
    for index in range(slots):
        seq += 1
        moment = start + timedelta(microseconds=index * step_us)
        ts = format_utc(moment)
        if _is_sample_slot(index, samples, slots):
            number += 1
            sample_id += 1
            exhibit_id, form, substance = exhibits[rng.randrange(len(exhibits))]
            code = format_sample_id(prefix, year, number)
            weight = from_units(rng.randrange(5_000, 500_000))
            is_tablets = tablets[exhibit_id]
            values = {
                "id": sample_id,
                "code": code.human,
                "code_key": code.key,
                "exhibit_id": exhibit_id,
                "parent_id": None,
                "description": f"Representative sample {number}: "
                f"{'10 tablets' if is_tablets else 'powder'} from exhibit 1, random draw",
                "presumptive_substance": substance,
                "form": SampleForm(form),
                "unit_count": 10 if is_tablets else None,
                "net_weight": weight,
                "balance_id": BALANCE,
                "weighed_by_id": tech[0],
                "weighed_at": moment,
                "hazard": True,
                "status": SampleStatus.REGISTERED,
                "location_id": None,
                "holder_id": tech[0],
                "created_at": moment,
                "created_by_id": tech[0],
            }
            changes = [
                {
                    "t": "samples",
                    "k": sample_id,
                    "op": "insert",
                    "v": _journal_values(SAMPLES, values),
                }
            ]
            sample_rows.append([_db_value(values[c]) for c in sample_cols])
            if not lean:
                event_id += 1
                ev = {
                    "id": event_id,
                    "sample_id": sample_id,
                    "event_type": EventType.COLLECT,
                    "from_person_id": None,
                    "to_person_id": tech[0],
                    "witness_id": None,
                    "purpose": "sample taken from the exhibit",
                    "from_location_id": None,
                    "to_location_id": None,
                    "seals_before": None,
                    "seals_after": None,
                    "seal_intact": None,
                    "weight": weight,
                    "balance_id": BALANCE,
                    "notes": None,
                    "auth": f"{tech[1]}:{AuthMethod.SESSION.value}",
                    "meaning": None,
                    "workstation": WORKSTATION,
                    "occurred_at": moment,
                    "zone": zone,
                    "recorded_by_id": tech[0],
                    "corrects_id": None,
                    "reason": None,
                }
                # The order the capture produces: flush 1 (sample new, counter dirty), flush 2.
                changes.append(
                    {
                        "t": "id_counters",
                        "k": counter_id,
                        "op": "update",
                        "v": {"last_number": [number - 1, number]},
                    }
                )
                changes.append(
                    {
                        "t": "custody_events",
                        "k": event_id,
                        "op": "insert",
                        "v": _journal_values(EVENTS, ev),
                    }
                )
                event_rows.append([_db_value(ev[c]) for c in event_cols])
            kind, subject = "sample.register", f"sample:{code.human}"
            payload = _payload(
                seq, ts, zone, tech, kind, subject, {"exhibit_id": exhibit_id}, changes
            )
            actor = tech
        else:
            actor = actors[index % len(actors)]
            kind, subject = "auth.ok", f"user:{actor[1]}"
            payload = fill.payload(seq, ts, actor, subject)
        digest = hashlib.sha256(prev + payload)
        hex_digest = digest.hexdigest()
        row = _journal_row(seq, ts, zone, actor, kind, subject)
        row += [payload.decode("utf-8"), prev.hex(), hex_digest]
        journal_rows.append(row)
        payload_bytes += len(payload)
        prev = digest.digest()
        if len(journal_rows) >= batch:
            build_s += time.perf_counter() - t_build
            flush(journal_rows, sample_rows, event_rows)
            journal_rows, sample_rows, event_rows = [], [], []
            t_build = time.perf_counter()
        if (index + 1) % report_every == 0:
            rate = (index + 1) / (time.perf_counter() - started - demo_s)
            log(f"  generated {index + 1:,}/{slots:,} entries ({rate:,.0f}/s)")
    build_s += time.perf_counter() - t_build
    if journal_rows:
        flush(journal_rows, sample_rows, event_rows)
    # The counter's final value: explained entry by entry (real shape) or by one entry (lean).
    t0 = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    if lean and samples:
        seq += 1
        ts = format_utc(start + timedelta(microseconds=slots * step_us))
        change = {
            "t": "id_counters",
            "k": counter_id,
            "op": "update",
            "v": {"last_number": [last_number, number]},
        }
        payload = _payload(seq, ts, zone, actors[0], "bench.counter", None, {}, [change])
        hex_digest = hashlib.sha256(prev + payload).hexdigest()
        row = _journal_row(seq, ts, zone, actors[0], "bench.counter", None)
        conn.execute(journal_sql, [*row, payload.decode("utf-8"), prev.hex(), hex_digest])
        payload_bytes += len(payload)
    conn.execute("UPDATE id_counters SET last_number = ? WHERE id = ?", (number, counter_id))
    conn.execute("COMMIT")
    insert_s += time.perf_counter() - t0
    end_ts = conn.execute("SELECT ts FROM journal ORDER BY seq DESC LIMIT 1").fetchone()[0]
    total_samples = conn.execute("SELECT COUNT(*) FROM samples").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    demo_payload = _payload_bytes_of_first(db_path, demo_entries)
    return GenResult(
        db=str(db_path),
        samples_requested=samples,
        entries=seq,
        samples=total_samples,
        generated_samples=samples,
        filler_entries=filler,
        demo_entries=demo_entries,
        demo_s=demo_s,
        build_s=build_s,
        insert_s=insert_s,
        total_s=time.perf_counter() - started,
        db_bytes=db_path.stat().st_size,
        payload_bytes=payload_bytes + demo_payload,
        first_number=first_number,
        last_number=number,
        prefix=prefix,
        year=year,
        end_ts=end_ts,
        shape="lean" if lean else "real",
    )


def existing(db_path: Path) -> GenResult:
    """What the measurements need to know about a database this script generated earlier."""
    conn = sqlite3.connect(db_path)
    try:
        prefix = conn.execute("SELECT site_prefix FROM lab_settings").fetchone()[0]
        year, last = conn.execute(
            "SELECT year, last_number FROM id_counters WHERE prefix = ? ORDER BY year DESC",
            (prefix,),
        ).fetchone()
        entries, end_ts = conn.execute(
            "SELECT seq, ts FROM journal ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        samples = conn.execute("SELECT COUNT(*) FROM samples").fetchone()[0]
    finally:
        conn.close()
    return GenResult(
        db=str(db_path),
        samples_requested=0,
        entries=entries,
        samples=samples,
        generated_samples=0,
        filler_entries=0,
        demo_entries=0,
        demo_s=0.0,
        build_s=0.0,
        insert_s=0.0,
        total_s=0.0,
        db_bytes=db_path.stat().st_size,
        payload_bytes=0,
        first_number=1,
        last_number=last,
        prefix=prefix,
        year=year,
        end_ts=end_ts,
        shape="?",
    )


def _payload_bytes_of_first(db_path: Path, count: int) -> int:
    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute(
            "SELECT SUM(LENGTH(CAST(payload AS BLOB))) FROM journal WHERE seq <= ?", (count,)
        ).fetchone()
        return int(row[0] or 0)
    finally:
        conn.close()


# --------------------------------------------------------------------------- measurements


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def _latency(values_s: list[float]) -> dict[str, float]:
    us = [v * 1e6 for v in values_s]
    return {
        "n": len(us),
        "p50_us": _pct(us, 50),
        "p99_us": _pct(us, 99),
        "mean_us": sum(us) / len(us),
    }


class _Statements:
    """Counts the SQL statements an engine sends (to explain where service time goes)."""

    def __init__(self, engine: Any) -> None:
        self.seen: list[tuple[str, Any]] = []
        self.active = False
        event.listen(engine, "before_cursor_execute", self._hook)

    def _hook(self, _conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if self.active:
            self.seen.append((statement, params))

    def capture(self, fn: Callable[[], Any]) -> list[tuple[str, Any]]:
        self.seen = []
        self.active = True
        try:
            fn()
        finally:
            self.active = False
        return self.seen


RAW_VIEW_SQL = """
SELECT s.*, e.number, c.case_number, p.code, l.code, h.full_name,
       (SELECT GROUP_CONCAT(serial) FROM seals WHERE sample_id = s.id AND state = 'applied')
FROM samples s
JOIN exhibits e ON e.id = s.exhibit_id
JOIN cases c ON c.id = e.case_id
LEFT JOIN samples p ON p.id = s.parent_id
LEFT JOIN locations l ON l.id = s.location_id
LEFT JOIN people h ON h.id = s.holder_id
WHERE s.code_key = ?
"""


def _time_each(fn: Callable[[Any], Any], items: list[Any], *, warm: int = 200) -> list[float]:
    """Per-call wall time of `fn` over `items`, after `warm` untimed calls."""
    for item in items[:warm]:
        fn(item)
    perf = time.perf_counter
    spent = []
    for item in items:
        t0 = perf()
        fn(item)
        spent.append(perf() - t0)
    return spent


def _profile(name: str, fn: Callable[[], Any], out_dir: Path | None) -> None:
    """cProfile `fn` into out_dir/profile_<name>.txt (top functions by own and total time)."""
    if out_dir is None:
        return
    profiler = cProfile.Profile()
    profiler.enable()
    fn()
    profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(40)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"profile_{name}.txt").write_text(text.getvalue())


def measure_lookup(
    ctx: AppContext,
    db_path: Path,
    gen: GenResult,
    *,
    count: int,
    seed: int,
    profile_dir: Path | None = None,
) -> dict[str, Any]:
    rng = random.Random(seed)
    numbers = [rng.randint(1, gen.last_number) for _ in range(count)]
    ids = []
    for i, n in enumerate(numbers):
        code = format_sample_id(gen.prefix, gen.year, n)
        ids.append(code.human if i % 2 == 0 else code.compact)
    keys = [lookup_key(raw) for raw in ids]
    raw = sqlite3.connect(db_path, isolation_level=None)
    raw.execute("PRAGMA foreign_keys = ON")
    statements = _Statements(ctx.engine)

    def service(one: str) -> Any:
        view = ctx.query(lambda w: lookup.find_sample(w, one))
        assert view.code
        return view

    def raw_one(key: str) -> Any:
        row = raw.execute("SELECT * FROM samples WHERE code_key = ?", (key,)).fetchone()
        assert row is not None
        return row

    def raw_view(key: str) -> Any:
        return raw.execute(RAW_VIEW_SQL, (key,)).fetchone()

    def raw_view_txn(key: str) -> Any:  # what a read transaction costs without SQLAlchemy
        raw.execute("BEGIN")
        row = raw.execute(RAW_VIEW_SQL, (key,)).fetchone()
        raw.execute("COMMIT")
        return row

    def ctx_empty(_one: str) -> None:  # the floor: session + transaction objects, no SQL
        ctx.query(lambda w: None)

    def ctx_begin(_one: str) -> None:  # + pool checkout, BEGIN (engine event) and COMMIT
        ctx.query(lambda w: w.session.connection())

    # Separate passes over the same IDs (interleaving penalises whichever runs second).
    timings = {
        "raw": _time_each(raw_one, keys),
        "raw_view": _time_each(raw_view, keys),
        "raw_view_txn": _time_each(raw_view_txn, keys),
        "ctx_empty": _time_each(ctx_empty, ids),
        "ctx_begin": _time_each(ctx_begin, ids),
        "service": _time_each(service, ids),
    }
    sql = statements.capture(lambda: service(ids[0]))
    result: dict[str, Any] = {name: _latency(v) for name, v in timings.items()}
    result["statements_per_lookup"] = len(sql)
    result["selects_per_lookup"] = sum(s.lstrip().upper().startswith("SELECT") for s, _ in sql)
    result["statements"] = [" ".join(s.split()[:6]) for s, _ in sql]
    result["ratio_p50"] = result["service"]["p50_us"] / result["raw"]["p50_us"]
    result["ratio_p50_vs_raw_view"] = result["service"]["p50_us"] / result["raw_view"]["p50_us"]
    result["ratio_p50_vs_raw_view_txn"] = (
        result["service"]["p50_us"] / result["raw_view_txn"]["p50_us"]
    )
    _profile("find_sample", lambda: [service(one) for one in ids[:500]], profile_dir)

    # Keyset page at deep positions: the real SQL (captured) vs the same SQL through sqlite3.
    total = gen.last_number
    afters = [
        format_sample_id(gen.prefix, gen.year, rng.randint(total // 2, total - 1)).human
        for _ in range(100)
    ]

    def page(after: str) -> Any:
        rows = ctx.query(lambda w: lookup.sample_page(w, after_code=after, limit=200))
        assert rows
        return rows

    page_sql = statements.capture(lambda: page(afters[0]))
    select_sql, params = next(
        (s, p) for s, p in page_sql if s.lstrip().upper().startswith("SELECT")
    )
    plan = [r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + select_sql, params)]

    def raw_page(after: str) -> Any:
        return raw.execute(select_sql, _with_after(params, after)).fetchall()

    for after in afters[:5]:
        assert [r.code for r in page(after)] == [r[1] for r in raw_page(after)]
    page_raw = _time_each(raw_page, afters, warm=10)
    page_t = _time_each(page, afters, warm=10)
    _profile("sample_page", lambda: [page(after) for after in afters], profile_dir)
    raw.close()
    result["page"] = {
        "service": _latency(page_t),
        "raw": _latency(page_raw),
        "rows": 200,
        "plan": plan,
        "ratio_p50": _pct(page_t, 50) / _pct(page_raw, 50),
    }
    return result


def _with_after(params: Any, after: str) -> Any:
    """The captured page parameters with another `after_code` (the first bound value)."""
    if isinstance(params, tuple | list):
        values = list(params)
        values[0] = after
        return tuple(values)
    raise TypeError(f"unexpected parameters: {params!r}")


def _memory_kib() -> dict[str, int]:
    """VmRSS / VmHWM of this process (ru_maxrss survives exec, so it may be the parent's)."""
    found = {"ru_maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0])
    return found


def _child_verify(db_path: str, profile_dir: str | None) -> None:
    """Run in a fresh process: peak RSS belongs to verify alone. Prints JSON."""
    start_mem = _memory_kib()
    timers = {"parse": 0.0, "apply": 0.0, "compare": 0.0}
    calls = {"parse": 0}
    perf = time.perf_counter
    real_loads = json.loads
    real_apply, real_compare = Replay.apply, Replay.compare

    def loads(text: str) -> Any:
        t0 = perf()
        try:
            return real_loads(text)
        finally:
            timers["parse"] += perf() - t0
            calls["parse"] += 1

    def apply(self: Replay, seq: int, changes: list[dict[str, Any]]) -> None:
        t0 = perf()
        try:
            real_apply(self, seq, changes)
        finally:
            timers["apply"] += perf() - t0

    def compare(self: Replay, conn: Any) -> Iterator[tuple[int, Any]]:
        # A generator: its full consumption is timed (verify's loop body, a sum, included).
        t0 = perf()
        try:
            yield from real_compare(self, conn)
        finally:
            timers["compare"] += perf() - t0

    # Timing shims around the three phases (src/ is not modified; only this process is
    # patched): `json.loads` as custody.db.verify calls it, Replay.apply and Replay.compare.
    verify_module.json = types.SimpleNamespace(loads=loads)  # type: ignore[attr-defined,assignment]
    Replay.apply = apply  # type: ignore[method-assign]
    Replay.compare = compare  # type: ignore[method-assign]
    engine = make_engine(sqlite_url(Path(db_path)))
    with engine.execution_options(**{READ_ONLY: True}).connect() as conn:
        total = conn.exec_driver_sql("SELECT COUNT(*) FROM journal").scalar_one()
        before = _memory_kib()
        t0 = perf()
        report = verify_module.verify(conn, total)
        elapsed = perf() - t0
        peak = _memory_kib()
        timed, parsed = dict(timers), calls["parse"]  # the timed run (a profiled run may follow)
        if profile_dir:
            _profile("verify", lambda: verify_module.verify(conn, total), Path(profile_dir))
    engine.dispose()
    print(
        json.dumps(
            {
                "total_s": elapsed,
                "parse_s": timed["parse"],
                "apply_s": timed["apply"],
                "compare_s": timed["compare"],
                "parsed_entries": parsed,
                "entries": report.entries,
                "records_compared": report.records_compared,
                "intact": report.intact,
                "chain_break": str(report.chain_break) if report.chain_break else None,
                "divergence": str(report.divergence) if report.divergence else None,
                "head_hash": report.head_hash,
                "rss_start_kib": start_mem.get("VmRSS", start_mem["ru_maxrss"]),
                "rss_before_verify_kib": before.get("VmRSS", before["ru_maxrss"]),
                "rss_peak_kib": peak.get("VmHWM", peak["ru_maxrss"]),
                "ru_maxrss_kib": peak["ru_maxrss"],
            }
        )
    )


def _run_child(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        check=True,
        capture_output=True,
        text=True,
    )
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _raw_hash_only(db_path: Path) -> dict[str, Any]:
    """Baseline 1: the SHA-256 chain over payload bytes already in memory.

    The payloads are read in chunks (timed apart, not counted); only the hashing loop counts.
    An unreachable ceiling: no reading, no linkage or column checks, no replay.
    """
    conn = sqlite3.connect(db_path)
    conn.text_factory = bytes
    prev = bytes(32)
    hash_s = read_s = 0.0
    size = 0
    cursor = conn.execute("SELECT payload FROM journal ORDER BY seq")
    sha256 = hashlib.sha256
    perf = time.perf_counter
    while True:
        t0 = perf()
        chunk = [row[0] for row in cursor.fetchmany(200_000)]
        t1 = perf()
        read_s += t1 - t0
        if not chunk:
            break
        for payload in chunk:
            prev = sha256(prev + payload).digest()
        hash_s += perf() - t1
        size += sum(map(len, chunk))
        del chunk
    conn.close()
    return {"hash_s": hash_s, "read_s": read_s, "bytes": size, "head": prev.hex()}


def _raw_read_and_hash(db_path: Path) -> dict[str, Any]:
    """Baseline 2: the least a verifier that reads the journal from the database must do.

    Raw sqlite3 `SELECT prev_hash, payload, hash ... ORDER BY seq` (bytes, no decoding), the
    link check (prev_hash = the previous hash) and SHA-256; all of it timed.
    """
    conn = sqlite3.connect(db_path)
    conn.text_factory = bytes
    sha256 = hashlib.sha256
    t0 = time.perf_counter()
    cursor = conn.execute("SELECT prev_hash, payload, hash FROM journal ORDER BY seq")
    expected = GENESIS_HASH.encode()
    prev = bytes(32)
    entries = 0
    while rows := cursor.fetchmany(5_000):
        for prev_hash, payload, digest in rows:
            entries += 1
            if prev_hash != expected:
                raise AssertionError(f"raw read + hash: link broken at entry {entries}")
            found = sha256(prev + payload)
            if found.hexdigest().encode() != digest:
                raise AssertionError(f"raw read + hash: hash differs at entry {entries}")
            expected, prev = digest, found.digest()
    elapsed = time.perf_counter() - t0
    conn.close()
    return {"s": elapsed, "entries": entries, "head": expected.decode()}


def measure_verify(db_path: Path, profile_dir: Path | None = None) -> dict[str, Any]:
    # Hash-only first: it also warms the page cache for verify and the read + hash baseline.
    hash_only = _raw_hash_only(db_path)
    extra = ["--profile-dir", str(profile_dir)] if profile_dir else []
    result = _run_child("--child-verify", str(db_path), *extra)
    read_hash = _raw_read_and_hash(db_path)
    if not hash_only["head"] == read_hash["head"] == result["head_hash"]:
        raise AssertionError("the raw hash chains do not reach verify's head hash")
    entries = result["entries"]
    size = hash_only["bytes"]
    hash_s = hash_only["hash_s"]
    total = result["total_s"]
    chain_s = total - result["parse_s"] - result["apply_s"] - result["compare_s"]
    growth_kib = result["rss_peak_kib"] - result["rss_before_verify_kib"]
    result.update(
        {
            "payload_bytes": size,
            "entries_per_s": entries / total,
            "mb_per_s": size / 1e6 / total,
            "chain_loop_s": chain_s,
            "raw_hash_s": hash_s,
            "raw_read_s": hash_only["read_s"],
            "raw_entries_per_s": entries / hash_s,
            "raw_mb_per_s": size / 1e6 / hash_s,
            "raw_read_hash_s": read_hash["s"],
            "raw_read_hash_entries_per_s": entries / read_hash["s"],
            # verify's throughput as a share of each baseline's throughput
            "ratio": hash_s / total,
            "ratio_read_hash": read_hash["s"] / total,
            "ratio_chain_loop": hash_s / chain_s,
            "rss_growth_mib": growth_kib / 1024,
            "rss_bytes_per_record": growth_kib * 1024 / max(1, result["records_compared"]),
        }
    )
    return result


def measure_append(
    ctx: AppContext, db_path: Path, gen: GenResult, *, count: int, profile_dir: Path | None = None
) -> dict[str, Any]:
    """Durable appends (WAL, synchronous=FULL), one transaction and one fsync each."""
    boss = ctx.sign_in("supervisor", demo.DEMO_USERS[0].password)

    def note(i: int) -> None:
        ctx.perform("bench", lambda w: w.record("bench.note", None, {"i": i}), actor=boss)

    tech = ctx.sign_in("technician", demo.DEMO_USERS[1].password)
    code = format_sample_id(gen.prefix, gen.year, gen.last_number).human
    target = ctx.query(lambda w: lookup.find_sample(w, code))

    def reweigh(i: int) -> None:
        grams = "10.0000" if i % 2 else "10.0010"
        ctx.perform("reweigh", lambda w: seals.reweigh(w, target.id, grams, BALANCE), actor=tech)

    raw = _raw_connect(db_path, synchronous="FULL")
    zone = raw.execute("SELECT timezone FROM lab_settings").fetchone()[0]
    sql = f"INSERT INTO journal ({JOURNAL_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
    actor = (boss.id, boss.username)

    def raw_append(i: int) -> None:  # the same entry, chained, through bare sqlite3
        raw.execute("BEGIN IMMEDIATE")
        seq, head, ts = raw.execute(
            "SELECT seq, hash, ts FROM journal ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        ts = format_utc(parse_utc(ts) + timedelta(milliseconds=1))
        payload = _payload(seq + 1, ts, zone, actor, "bench.note", None, {"i": i})
        digest = hashlib.sha256(bytes.fromhex(head) + payload).hexdigest()
        row = _journal_row(seq + 1, ts, zone, actor, "bench.note", None)
        raw.execute(sql, [*row, payload.decode("utf-8"), head, digest])
        raw.execute("COMMIT")

    warm = min(50, count)
    spent = {
        "raw": _time_each(raw_append, list(range(count)), warm=warm),
        "note": _time_each(note, list(range(count)), warm=warm),
        "reweigh": _time_each(reweigh, list(range(count)), warm=warm),
    }
    raw.close()
    _profile("append_note", lambda: _time_each(note, list(range(200)), warm=0), profile_dir)
    _profile("append_reweigh", lambda: _time_each(reweigh, list(range(200)), warm=0), profile_dir)
    out: dict[str, Any] = {}
    for name, values in spent.items():
        out[name] = _latency(values)
        out[name]["per_s"] = len(values) / sum(values)
    out["ratio_note"] = out["note"]["per_s"] / out["raw"]["per_s"]
    out["ratio_reweigh"] = out["reweigh"]["per_s"] / out["raw"]["per_s"]
    return out


# --------------------------------------------------------------------------- report


@dataclass
class Table:
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, what: str, value: str, raw: str = "", ratio: str = "") -> None:
        self.rows.append((what, value, raw, ratio))

    def render(self) -> str:
        head = ("figure", "custody", "raw baseline", "ratio")
        widths = [max(len(r[i]) for r in [head, *self.rows]) for i in range(4)]
        lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))]
        lines.append("  ".join("-" * w for w in widths))
        for row in self.rows:
            lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
        return "\n".join(lines)


def _us(value: float) -> str:
    return f"{value:,.0f} µs" if value >= 100 else f"{value:,.1f} µs"


def render(results: dict[str, Any]) -> str:
    gen, look, ver, app = (results.get(k) for k in ("generate", "lookup", "verify", "append"))
    table = Table()
    if gen:
        table.add(
            "generate: entries / samples",
            f"{gen['entries']:,} / {gen['samples']:,}",
            f"db {gen['db_bytes'] / 2**20:,.0f} MiB",
        )
        table.add(
            "generate: time (build | insert)",
            f"{gen['total_s']:,.1f} s",
            f"{gen['build_s']:,.1f} s | {gen['insert_s']:,.1f} s",
        )
        table.add(
            "generate: rate",
            f"{gen['entries_per_s']:,.0f} entries/s",
            f"{gen['rows_per_s']:,.0f} rows/s",
        )
    if look:
        svc = look["service"]
        for name, label in (("p50_us", "p50"), ("p99_us", "p99")):
            table.add(
                f"find_sample {label} ({svc['n']:,} IDs) vs raw SELECT",
                _us(svc[name]),
                _us(look["raw"][name]),
                f"{svc[name] / look['raw'][name]:,.1f}x",
            )
        for key, label in (
            ("raw_view", "one raw join"),
            ("raw_view_txn", "raw join in BEGIN/COMMIT"),
        ):
            table.add(
                f"find_sample p50 vs {label}",
                _us(svc["p50_us"]),
                _us(look[key]["p50_us"]),
                f"{svc['p50_us'] / look[key]['p50_us']:,.1f}x",
            )
        for key, label in (
            ("ctx_empty", "floor: ctx.query(lambda w: None)"),
            ("ctx_begin", "floor: ctx.query + BEGIN/COMMIT"),
        ):
            table.add(
                f"{label} p50",
                _us(look[key]["p50_us"]),
                _us(look["raw"]["p50_us"]),
                f"{look[key]['p50_us'] / look['raw']['p50_us']:,.1f}x",
            )
        table.add(
            "find_sample SQL statements/lookup",
            f"{look['statements_per_lookup']} ({look['selects_per_lookup']} SELECT)",
            "1",
        )
        page = look["page"]
        for name, label in (("p50_us", "p50"), ("p99_us", "p99")):
            table.add(
                f"sample_page 200 deep {label}",
                _us(page["service"][name]),
                _us(page["raw"][name]),
                f"{page['service'][name] / page['raw'][name]:,.1f}x",
            )
    if ver:
        table.add(
            "verify: entries/s vs sha256 only",
            f"{ver['entries_per_s']:,.0f}/s",
            f"{ver['raw_entries_per_s']:,.0f}/s (in memory)",
            f"{ver['ratio'] * 100:,.0f}%",
        )
        table.add(
            "verify: MB/s vs sha256 only",
            f"{ver['mb_per_s']:,.1f}",
            f"{ver['raw_mb_per_s']:,.1f}",
            f"{ver['ratio'] * 100:,.0f}%",
        )
        table.add(
            "verify: entries/s vs raw read + hash",
            f"{ver['entries_per_s']:,.0f}/s",
            f"{ver['raw_read_hash_entries_per_s']:,.0f}/s ({ver['raw_read_hash_s']:,.2f} s)",
            f"{ver['ratio_read_hash'] * 100:,.0f}%",
        )
        table.add(
            "verify: total | chain loop",
            f"{ver['total_s']:,.2f} s | {ver['chain_loop_s']:,.2f} s",
            f"{ver['raw_hash_s']:,.2f} s hash (+{ver['raw_read_s']:,.2f} s read)",
            f"{ver['ratio_chain_loop'] * 100:,.0f}% (loop)",
        )
        table.add(
            "verify: parse | apply | compare",
            f"{ver['parse_s']:,.2f} | {ver['apply_s']:,.2f} | {ver['compare_s']:,.2f} s",
            f"{ver['parsed_entries']:,} parsed, {ver['records_compared']:,} rows",
        )
        table.add(
            "verify: intact / peak RSS",
            f"{ver['intact']} / {ver['rss_peak_kib'] / 1024:,.0f} MiB",
            f"+{ver['rss_growth_mib']:,.0f} MiB during verify",
            f"{ver['rss_bytes_per_record']:,.0f} B/record",
        )
    if app:
        for name, label in (("note", "journal-only action"), ("reweigh", "seals.reweigh")):
            table.add(
                f"append: {label}",
                f"{app[name]['per_s']:,.0f}/s (p50 {_us(app[name]['p50_us'])})",
                f"{app['raw']['per_s']:,.0f}/s (p50 {_us(app['raw']['p50_us'])})",
                f"{app[name]['per_s'] / app['raw']['per_s'] * 100:,.0f}%",
            )
    return table.render()


# --------------------------------------------------------------------------- main


def _fmt_bytes(size: int) -> str:
    return f"{size / 2**20:,.1f} MiB"


def _git(*args: str) -> str:
    """Which code was measured (empty when git is not available)."""
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        done = subprocess.run(
            ["git", *args], cwd=Path(__file__).resolve().parent, capture_output=True, check=True
        )
        return done.stdout.decode().strip()
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=20_000)
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--db", type=Path, help="database file to create (must not exist)")
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    parser.add_argument("--lookups", type=int, default=2_000)
    parser.add_argument("--appends", type=int, default=300)
    parser.add_argument("--batch", type=int, default=25_000)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--lean", action="store_true", help="one change per sample entry")
    parser.add_argument("--json", type=Path, default=OUT_DIR / "last.json")
    parser.add_argument(
        "--profile", action="store_true", help="also write cProfile reports to benchmarks/out/"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure an existing database made by this script (--db, kept) without generating",
    )
    parser.add_argument("--child-verify", help=argparse.SUPPRESS)
    parser.add_argument("--profile-dir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_verify:
        _child_verify(args.child_verify, args.profile_dir)
        return 0
    profile_dir = args.json.parent if args.profile else None

    scratch = None
    if args.db is None:
        scratch = Path(tempfile.mkdtemp(prefix="custody-bench-"))
        db_path = scratch / "bench.sqlite"
    else:
        db_path = args.db.resolve()
        if args.reuse:
            if not db_path.exists():
                parser.error(f"--reuse: {db_path} does not exist")
            args.keep = True
        elif db_path.exists():
            parser.error(f"{db_path} exists already; give a new path (or --reuse it)")
    if args.reuse and args.db is None:
        parser.error("--reuse needs --db")
    results: dict[str, Any] = {
        "args": {k: str(v) for k, v in vars(args).items() if k != "child_verify"},
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "src_changed": bool(_git("status", "--porcelain", "--", "src")),
        "loadavg_start": os.getloadavg(),
    }
    try:
        if args.reuse:
            gen = existing(db_path)
            print(f"reusing {db_path}: {gen.entries:,} entries, {gen.samples:,} samples")
        else:
            print(f"generating {args.samples:,} samples / {args.entries:,} entries in {db_path}")
            gen = generate(
                db_path,
                args.samples,
                args.entries,
                seed=args.seed,
                batch=args.batch,
                lean=args.lean,
            )
            gen_out = asdict(gen)
            gen_out["rows"] = gen.rows
            spent = gen.total_s - gen.demo_s
            gen_out["entries_per_s"] = (gen.entries - gen.demo_entries) / spent
            gen_out["rows_per_s"] = gen.rows / spent
            results["generate"] = gen_out
            print(
                f"generated in {gen.total_s:,.1f} s (demo {gen.demo_s:,.1f} s, build "
                f"{gen.build_s:,.1f} s, insert {gen.insert_s:,.1f} s): "
                f"{gen_out['entries_per_s']:,.0f} entries/s, {gen_out['rows_per_s']:,.0f} "
                f"rows/s; database {_fmt_bytes(gen.db_bytes)}"
            )

        print("verify ...")
        results["verify"] = measure_verify(db_path, profile_dir)
        print(
            f"  {results['verify']['entries_per_s']:,.0f} entries/s, intact: "
            f"{results['verify']['intact']}"
        )
        if not results["verify"]["intact"]:
            raise SystemExit(f"verify failed: {results['verify']}")

        ctx = AppContext(
            sqlite_url(db_path),
            workstation=WORKSTATION,
            clock=StepClock(parse_utc(gen.end_ts), timedelta(milliseconds=1)),
            hasher=PasswordHasher.from_parameters(CHEAPEST),
        )
        try:
            print("lookups ...")
            ctx.sign_in("supervisor", demo.DEMO_USERS[0].password)
            results["lookup"] = measure_lookup(
                ctx, db_path, gen, count=args.lookups, seed=args.seed + 1, profile_dir=profile_dir
            )
            print("appends ...")
            results["append"] = measure_append(
                ctx, db_path, gen, count=args.appends, profile_dir=profile_dir
            )
        finally:
            ctx.close()
        results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
        results["loadavg_end"] = os.getloadavg()
        print()
        changed = " + uncommitted src/ changes" if results["src_changed"] else ""
        print(f"code: {results['commit']}{changed}; load {results['loadavg_end'][0]:.2f}")
        print(render(results))
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n")
        print(f"\nfigures written to {args.json}")
    finally:
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(str(db_path) + suffix).unlink(missing_ok=True)
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)
        else:
            print(f"database kept: {db_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
