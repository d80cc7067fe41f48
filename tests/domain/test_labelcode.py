"""Tests for the QR label payload scheme (layout, check character, MAC, scanner noise)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custody.domain import checkchar
from custody.domain.ids import format_sample_id
from custody.domain.labelcode import (
    MAX_SERIAL,
    Code,
    LabelKind,
    ScanError,
    encode,
    new_label_key,
    parse,
    sample_code,
)

KEY = bytes(32)
OTHER_KEY = bytes(range(32))
B36 = checkchar.ALPHABET
EXAMPLE = "1S0GMXAICM2026000123000005LKEEA3QM20F3WK433"


@st.composite
def codes(draw: st.DrawFn) -> Code:
    kind = draw(st.sampled_from(list(LabelKind)))
    body = draw(st.text(alphabet=B36, min_size=1, max_size=kind.max_body_length))
    serial = draw(st.integers(min_value=0, max_value=MAX_SERIAL))
    return Code(kind, body, serial)


def assert_refused(result: Code | ScanError, code: str | None = None) -> ScanError:
    assert isinstance(result, ScanError), result
    assert result.reason
    assert result.reason.isprintable(), result.reason  # no raw control characters
    if code is not None:
        assert result.code == code, result
    return result


def test_known_answer_matches_docstring() -> None:
    sample = format_sample_id("MX-AICM", 2026, 123)
    code = sample_code(sample, 5)
    assert code == Code(LabelKind.SAMPLE, "MXAICM2026000123", 5)
    assert code.encode(KEY) == EXAMPLE == encode(code, KEY)
    assert parse(EXAMPLE, KEY) == code
    import custody.domain.labelcode as module

    assert EXAMPLE in (module.__doc__ or "")


@given(codes())
def test_round_trip(code: Code) -> None:
    payload = code.encode(KEY)
    assert set(payload) <= set(B36)
    assert len(payload) == 27 + len(code.body)
    assert payload[0] == "1"
    assert payload[1] == code.kind.value
    assert parse(payload, KEY) == code


@pytest.mark.parametrize("serial", [0, 1, 35, 36, MAX_SERIAL])
@pytest.mark.parametrize("kind", list(LabelKind))
def test_round_trip_edges(kind: LabelKind, serial: int) -> None:
    for body in ("0", "Z" * kind.max_body_length):
        code = Code(kind, body, serial)
        assert parse(code.encode(KEY), KEY) == code


@settings(max_examples=40, deadline=None)
@given(codes())
def test_every_substitution_and_adjacent_swap_is_refused(code: Code) -> None:
    payload = code.encode(KEY)
    check_at = 10 + len(code.body)
    for i, original in enumerate(payload):
        for ch in B36:
            if ch != original:
                result = assert_refused(parse(payload[:i] + ch + payload[i + 1 :], KEY))
                if i >= 4 and i <= check_at:  # body, serial, check char: Damm catches it
                    assert result.code == "bad_check", (i, ch, result)
    for i in range(len(payload) - 1):
        a, b = payload[i], payload[i + 1]
        if a != b:
            swapped = payload[:i] + b + a + payload[i + 2 :]
            result = assert_refused(parse(swapped, KEY))
            if 4 <= i < check_at:
                assert result.code == "bad_check", (i, result)


@given(codes())
def test_other_labs_key_is_forged(code: Code) -> None:
    result = assert_refused(parse(code.encode(OTHER_KEY), KEY), "forged")
    assert "not printed by this lab" in result.reason.lower()
    assert "altered" in result.reason


def test_short_or_wrong_key_is_a_programming_error() -> None:
    code = Code(LabelKind.LOCATION, "SHELF1", 1)
    with pytest.raises(ValueError, match="label key"):
        code.encode(b"short")


def test_new_label_key() -> None:
    first, second = new_label_key(), new_label_key()
    assert len(first) == 32 and isinstance(first, bytes)
    assert first != second


@pytest.mark.parametrize(
    "noise",
    [
        lambda p: p + "\r",
        lambda p: p + "\r\n",
        lambda p: p + "\n",
        lambda p: p + "\t",
        lambda p: "  " + p + " \t\r\n",
        lambda p: p.lower(),
        lambda p: "\r\n" + p.lower() + "\t",
        lambda p: p.swapcase(),
    ],
)
def test_scanner_noise_is_tolerated(noise: Callable[[str], str]) -> None:
    assert parse(noise(EXAMPLE), KEY) == parse(EXAMPLE, KEY)


@pytest.mark.parametrize(
    ("raw", "prefix", "suffix"),
    [
        ("]Q1" + EXAMPLE + "\r", "]Q1", ""),
        ("]q1" + EXAMPLE.lower() + "\r", "]Q1", ""),
        ("STX" + EXAMPLE + "ETX\r\n", "STX", "ETX"),
        (EXAMPLE + "#", "", "#"),
        (EXAMPLE, "]Q1", "#"),  # configured but absent: still fine
        ("\t]Q1 " + EXAMPLE + " #\n", "]Q1", "#"),
    ],
)
def test_configured_prefix_and_suffix(raw: str, prefix: str, suffix: str) -> None:
    assert parse(raw, KEY, prefix=prefix, suffix=suffix) == parse(EXAMPLE, KEY)


def test_prefix_not_configured_is_refused() -> None:
    assert_refused(parse("]Q1" + EXAMPLE, KEY), "bad_character")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        (" \t\r\n ", "empty"),
        ("1S0G-MXAICM", "bad_character"),
        ("MX-AICM-2026-000123", "bad_character"),
        ("1S0G:MXAICM", "bad_character"),
        ("1S0G/MXAICM", "bad_character"),
        (EXAMPLE[:10] + "\x00" + EXAMPLE[10:], "bad_character"),
        ("\x1b[31m" + EXAMPLE, "bad_character"),
        (EXAMPLE[:5] + "Ñ" + EXAMPLE[6:], "bad_character"),
        (EXAMPLE[:5] + "\uff11" + EXAMPLE[6:], "bad_character"),  # full-width 1
        ("\u202e" + EXAMPLE, "bad_character"),  # right-to-left override
        ("7501234567890", "bad_version"),
        ("2" + EXAMPLE[1:], "bad_version"),
        ("1", "bad_length"),
        ("1X0GMXAICM", "bad_kind"),
        ("1S", "bad_length"),
        (EXAMPLE[:-1], "bad_length"),
        (EXAMPLE + "0", "bad_length"),
        ("1S00" + "0" * 23, "malformed"),  # body length 0
        ("1L" + "0P" + "A" * 25 + "0" * 23, "malformed"),  # 25 > 24 for a location
        ("x" * 257, "too_long"),
    ],
)
def test_garbage_is_refused_with_a_reason(raw: str, code: str) -> None:
    assert_refused(parse(raw, KEY), code)


def test_messages_escape_control_characters() -> None:
    result = assert_refused(parse("ab\x00\x1b\x07c", KEY), "bad_character")
    assert "\\x00" in result.reason
    assert "U+0000" in result.reason


def test_messages_truncate_long_input() -> None:
    raw = "A" * 200 + "-"
    result = assert_refused(parse(raw, KEY), "bad_character")
    assert "A" * 41 not in result.reason
    assert "201 characters" in result.reason


def test_huge_input_is_refused_quickly() -> None:
    raw = "\x00" * 10_000
    start = time.perf_counter()
    for _ in range(1000):
        result = parse(raw, KEY)
    assert time.perf_counter() - start < 0.5
    assert_refused(result, "too_long")
    assert_refused(parse(EXAMPLE * 250, KEY), "too_long")


@given(st.text(max_size=300))
def test_random_text_is_refused_never_raises(raw: str) -> None:
    assert_refused(parse(raw, KEY))
    assert_refused(parse(raw, KEY, prefix="]Q1", suffix="\r"))


@given(st.text(alphabet=B36 + B36.lower() + " \t\r\n", max_size=80))
def test_random_code_characters_are_refused(raw: str) -> None:
    assert_refused(parse(raw, KEY))


@given(codes(), st.text(alphabet="0123456789ABCDEFGHJKMNPQRSTVWXYZ", min_size=16, max_size=16))
def test_well_formed_code_with_wrong_mac_is_forged(code: Code, mac: str) -> None:
    payload = code.encode(KEY)
    body = payload[:-16]
    if mac != payload[-16:]:
        assert_refused(parse(body + mac, KEY), "forged")


@pytest.mark.parametrize(
    ("kind", "body", "serial"),
    [
        (LabelKind.SAMPLE, "", 0),
        (LabelKind.SAMPLE, "A" * 37, 0),
        (LabelKind.BADGE, "A" * 25, 0),
        (LabelKind.LOCATION, "ab", 0),
        (LabelKind.LOCATION, "A-B", 0),
        (LabelKind.LOCATION, "Ñ", 0),
        (LabelKind.SHIPMENT, "A", -1),
        (LabelKind.SHIPMENT, "A", MAX_SERIAL + 1),
        (LabelKind.SHIPMENT, "A", True),
        ("S", "A", 0),
    ],
)
def test_invalid_code_is_rejected_at_construction(kind: object, body: str, serial: int) -> None:
    with pytest.raises(ValueError):
        Code(kind, body, serial)  # type: ignore[arg-type]


def test_kind_letters() -> None:
    assert {k.value for k in LabelKind} == {"S", "L", "P", "B"}
    assert LabelKind.SHIPMENT.description == "shipment"
    assert str(ScanError("why", "empty")) == "why"
