"""journal_view: keyset pages of the journal with filters, one entry in full, the kinds in use."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from svc_support import journal_rows

from custody.errors import NotFound, PermissionDenied, ValidationError
from custody.services import intake, journal_view, seals
from custody.services.intake import NewSample
from custody.services.journal_view import JournalLine, summarise
from lab_support import FakeClock, Lab


def page(lab: Lab, **filters: Any) -> list[JournalLine]:
    return lab.as_(lab.auditor).query(partial(journal_view.journal_page, **filters))


def all_pages(lab: Lab, size: int, **filters: Any) -> list[JournalLine]:
    """Every matching entry, read page by page with the keyset (after the last seq seen)."""
    lines: list[JournalLine] = []
    while True:
        after = lines[-1].seq if lines else None
        batch = page(lab, after_seq=after, limit=size, **filters)
        assert len(batch) <= size
        lines += batch
        if len(batch) < size:
            return lines


def sealed_samples(lab: Lab, n: int) -> list[int]:
    ctx = lab.as_(lab.technician)
    ids = []
    for number in range(n):
        sample = ctx.perform(
            "reg",
            lambda w: intake.register_sample(
                w, lab.exhibit_id, NewSample("white powder", "10", "BAL-01")
            ),
        )
        ctx.perform("seal", lambda w, s=sample.id, k=number: seals.seal(w, s, f"SEAL-{k:03d}"))
        ids.append(sample.id)
    return ids


def test_pages_follow_the_journal_in_seq_order(lab_db: Lab) -> None:
    sealed_samples(lab_db, 3)
    rows = journal_rows(lab_db.ctx)
    lines = all_pages(lab_db, 4)
    assert [line.seq for line in lines] == [row["seq"] for row in rows]
    assert [line.kind for line in lines] == [row["kind"] for row in rows]
    assert [line.subject for line in lines] == [row["subject"] for row in rows]
    assert [line.actor for line in lines] == [row["actor"] for row in rows]
    first = lines[0]
    assert first.kind == "lab.init" and first.actor is None
    assert first.at is not None and first.at.tzinfo is not None
    assert first.workstation == "test-ws" and first.zone == "America/Mexico_City"


def test_a_kind_prefix_merges_every_matching_kind_in_seq_order(lab_db: Lab) -> None:
    sealed_samples(lab_db, 3)
    rows = journal_rows(lab_db.ctx)
    for prefix in ("s", "sample.", "seal.apply", "auth.", "user.create"):
        expected = [r["seq"] for r in rows if r["kind"].startswith(prefix)]
        assert expected, prefix
        assert [line.seq for line in all_pages(lab_db, 2, kind=prefix)] == expected, prefix
    assert page(lab_db, kind="nothing.like.this") == []


def test_the_actor_filter_takes_a_user_name(lab_db: Lab) -> None:
    sealed_samples(lab_db, 2)
    rows = journal_rows(lab_db.ctx)
    expected = [r["seq"] for r in rows if r["actor_id"] == lab_db.technician.id]
    assert len(expected) >= 5
    assert [line.seq for line in all_pages(lab_db, 3, actor=" Tomas ")] == expected
    with pytest.raises(NotFound, match=r"There is no user 'nobody'\."):
        page(lab_db, actor="nobody")


def test_the_subject_filter_finds_a_fragment_in_any_case(lab_db: Lab) -> None:
    sealed_samples(lab_db, 2)
    rows = journal_rows(lab_db.ctx)
    expected = [r["seq"] for r in rows if r["subject"] == "sample:MX-AICM-2026-000002"]
    assert len(expected) == 2  # registered, sealed
    assert [line.seq for line in page(lab_db, subject="2026-000002")] == expected
    lowered = [line.seq for line in page(lab_db, subject="mx-aicm-2026")]
    assert lowered == [r["seq"] for r in rows if "MX-AICM-2026" in (r["subject"] or "")]
    assert page(lab_db, subject="%") == []  # a wildcard is a plain character here
    assert page(lab_db, subject="_") == []


def test_time_and_seq_ranges(lab_db: Lab, clock: FakeClock) -> None:
    before = journal_rows(lab_db.ctx)[-1]["seq"]
    clock.advance(days=3)
    middle = clock.now - timedelta(days=1)
    sealed_samples(lab_db, 1)
    rows = journal_rows(lab_db.ctx)
    later = [r["seq"] for r in rows if r["seq"] > before]
    assert [line.seq for line in page(lab_db, since=middle)] == later
    assert [line.seq for line in page(lab_db, until=middle)] == list(range(1, before + 1))
    assert page(lab_db, since=middle, until=middle + timedelta(hours=1)) == []
    assert [line.seq for line in page(lab_db, first_seq=3, last_seq=5)] == [3, 4, 5]
    assert [line.seq for line in page(lab_db, first_seq=4, after_seq=5, limit=2)] == [6, 7]
    with pytest.raises(ValidationError, match="time zone"):
        page(lab_db, since=datetime(2026, 9, 1))  # a naive time


def test_filters_combine(lab_db: Lab) -> None:
    sealed_samples(lab_db, 3)
    rows = journal_rows(lab_db.ctx)
    expected = [
        r["seq"]
        for r in rows
        if r["kind"].startswith("seal.") and r["actor"] == "tomas" and r["seq"] >= 10
    ]
    assert len(expected) == 3
    got = page(lab_db, kind="seal.", actor="tomas", first_seq=10, subject="mx-aicm")
    assert [line.seq for line in got] == expected


def test_an_entry_in_full_carries_its_chain_links(lab_db: Lab) -> None:
    sealed_samples(lab_db, 1)
    ctx = lab_db.as_(lab_db.auditor)
    size = journal_rows(ctx)[-1]["seq"]
    engine = create_engine(lab_db.url)
    with engine.connect() as conn:
        stored = conn.execute(
            text("SELECT seq, payload, prev_hash, hash FROM journal WHERE seq >= :s ORDER BY seq"),
            {"s": size - 1},
        ).all()
    engine.dispose()
    previous = ctx.query(partial(journal_view.journal_entry, seq=size - 1))
    last = ctx.query(partial(journal_view.journal_entry, seq=size))
    assert (previous.payload_text, previous.prev_hash, previous.hash) == tuple(stored[0][1:])
    assert (last.payload_text, last.prev_hash, last.hash) == tuple(stored[1][1:])
    assert last.prev_hash == previous.hash
    assert last.kind == "seal.apply" and last.actor == "tomas"
    pretty = last.pretty_payload()
    assert "\n  " in pretty and json.loads(pretty) == json.loads(last.payload_text)
    with pytest.raises(NotFound, match=rf"There is no journal entry {size + 1}\."):
        ctx.query(partial(journal_view.journal_entry, seq=size + 1))


def test_summaries_say_what_changed(lab_db: Lab) -> None:
    sealed_samples(lab_db, 1)
    lines = page(lab_db, kind="seal.apply")
    (seal,) = lines
    assert "status registered → sealed" in seal.summary
    assert "added seals #1" in seal.summary
    (user,) = page(lab_db, kind="user.create", subject="user:tomas")
    assert user.summary.startswith("role: technician; added people #2")


def test_the_kinds_in_use(lab_db: Lab) -> None:
    sealed_samples(lab_db, 1)
    kinds = lab_db.as_(lab_db.auditor).query(journal_view.journal_kinds)
    assert kinds == sorted({r["kind"] for r in journal_rows(lab_db.ctx)})
    assert {"lab.init", "auth.ok", "seal.apply", "sample.register"} <= set(kinds)


def test_reading_the_journal_needs_a_signed_in_user(lab_db: Lab) -> None:
    lab_db.ctx.actor = None
    with pytest.raises(PermissionDenied, match=r"Sign in first\."):
        lab_db.ctx.query(journal_view.journal_page)
    with pytest.raises(PermissionDenied, match=r"Sign in first\."):
        lab_db.ctx.query(partial(journal_view.journal_entry, seq=1))


def test_a_payload_that_is_not_custody_json_is_still_shown() -> None:
    assert summarise("{not json") == (
        "(the payload cannot be read: it is not the JSON Custody writes)"
    )
    assert summarise('["a list"]').startswith("(the payload cannot be read")
    long = json.dumps({"data": {"note": "x" * 500}, "changes": []})
    assert summarise(long) == "note: " + "x" * 39 + "…"  # a value is cut at 40 characters
    wide = json.dumps({"data": {f"field{n}": "y" * 30 for n in range(9)}, "changes": []})
    assert len(summarise(wide)) == journal_view.SUMMARY_LENGTH and summarise(wide).endswith("…")
    many = json.dumps(
        {"data": {}, "changes": [{"t": "seals", "k": k, "op": "insert"} for k in range(5)]}
    )
    assert summarise(many) == (
        "added seals #0; added seals #1; added seals #2; 2 more record change(s)"
    )


def test_a_journal_time_that_cannot_be_read_is_shown_as_unknown() -> None:
    assert journal_view._time("2026-09-01T15:00:00.000000Z") == datetime(2026, 9, 1, 15, tzinfo=UTC)
    assert journal_view._time("yesterday") is None
