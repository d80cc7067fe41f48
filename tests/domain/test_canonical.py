from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custody.domain.canonical import (
    GENESIS_HASH,
    canonical_json,
    chain_hash,
    format_utc,
    parse_utc,
    to_journal_value,
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


def test_sorted_keys_no_whitespace_utf8() -> None:
    assert canonical_json({"b": 1, "a": "Lázaro"}) == '{"a":"Lázaro","b":1}'.encode()


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError, match="floats"):
        canonical_json({"w": 1.5})


@given(json_values)
def test_canonical_is_stable_under_key_order(value: object) -> None:
    once = canonical_json(value)
    assert canonical_json(json.loads(once)) == once


def test_chain_hash_is_sha256_of_prev_and_payload() -> None:
    payload = b'{"seq":1}'
    assert chain_hash(GENESIS_HASH, payload) == hashlib.sha256(bytes(32) + payload).hexdigest()


def test_utc_text_round_trip_and_order() -> None:
    cdmx = timezone(timedelta(hours=-6))
    moment = datetime(2026, 8, 12, 10, 30, tzinfo=cdmx)
    text = format_utc(moment)
    assert text == "2026-08-12T16:30:00.000000Z"
    assert parse_utc(text) == moment
    assert format_utc(moment + timedelta(microseconds=1)) > text
    with pytest.raises(ValueError, match="naive"):
        format_utc(datetime(2026, 1, 1))


def test_journal_values() -> None:
    assert to_journal_value(Decimal("12.3400")) == "12.3400"
    assert to_journal_value(date(2026, 8, 12)) == "2026-08-12"
    assert to_journal_value(datetime(2026, 8, 12, tzinfo=UTC)).endswith("Z")
    assert to_journal_value(b"x").startswith("sha256:")
