"""Tests for the keyboard-wedge scanner self-test (simulated layout and scanner faults)."""

from __future__ import annotations

import string
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from custody.domain.scanner_check import TEST_PAYLOAD, Diagnosis, diagnose, escape

AZERTY_DIGITS = dict(zip("1234567890", "&é\"'(-è_çà", strict=True))
AZERTY_LETTERS = {"A": "Q", "Q": "A", "Z": "W", "W": "Z", "M": "?"}


def simulate_caps(s: str) -> str:
    """CapsLock on: the scanner's Shift+letter comes out lower case."""
    return s.swapcase()


def simulate_azerty(s: str) -> str:
    """US key presses typed into a French AZERTY computer."""
    table = {**AZERTY_DIGITS, **AZERTY_LETTERS}
    return "".join(table.get(ch, ch) for ch in s)


def simulate_qwertz(s: str) -> str:
    return s.translate(str.maketrans("YZ", "ZY"))


def simulate_drop(s: str, positions: Iterable[int]) -> str:
    gone = set(positions)
    return "".join(ch for i, ch in enumerate(s) if i not in gone)


def simulate_prefix_suffix(s: str, prefix: str = "", suffix: str = "") -> str:
    return prefix + s + suffix


def codes(d: Diagnosis) -> set[str]:
    return {p.code for p in d.problems}


def assert_well_formed(d: Diagnosis) -> None:
    assert d.problems
    for p in d.problems:
        assert p.code and p.message and p.fix
        assert p.message.isprintable() and p.fix.isprintable()


def test_payload_covers_every_letter_and_digit() -> None:
    assert set(TEST_PAYLOAD) == set(string.ascii_uppercase + string.digits)


def test_intact_scan_is_ok() -> None:
    d = diagnose(TEST_PAYLOAD, ended_with_enter=True)
    assert d.ok
    assert codes(d) == {"ok"}
    assert_well_formed(d)


def test_trailing_cr_counts_as_enter() -> None:
    assert diagnose(TEST_PAYLOAD + "\r\n", ended_with_enter=False).ok


@pytest.mark.parametrize(
    ("received", "enter", "expected_codes"),
    [
        (TEST_PAYLOAD, False, {"missing_enter"}),
        (simulate_caps(TEST_PAYLOAD), True, {"caps_lock"}),
        (TEST_PAYLOAD.lower(), True, {"caps_lock"}),
        (simulate_azerty(TEST_PAYLOAD), True, {"azerty_digits"}),
        (simulate_qwertz(TEST_PAYLOAD), True, {"qwertz_swap"}),
        (simulate_drop(TEST_PAYLOAD, [3, 20, 40]), True, {"dropped_characters"}),
        (simulate_prefix_suffix(TEST_PAYLOAD, "\x02", "\x03"), True, {"extra_characters"}),
        (simulate_prefix_suffix(TEST_PAYLOAD, suffix="\t"), True, {"extra_characters"}),
        (TEST_PAYLOAD[:10] + "#" + TEST_PAYLOAD[11:], True, {"garbled"}),
        ("", True, {"empty"}),
        ("", False, {"missing_enter", "empty"}),
    ],
)
def test_single_faults(received: str, enter: bool, expected_codes: set[str]) -> None:
    d = diagnose(received, ended_with_enter=enter)
    assert not d.ok
    assert codes(d) == expected_codes
    assert_well_formed(d)


@pytest.mark.parametrize(
    ("received", "enter", "expected_codes"),
    [
        (simulate_caps(TEST_PAYLOAD), False, {"caps_lock", "missing_enter"}),
        (simulate_caps(simulate_azerty(TEST_PAYLOAD)), True, {"caps_lock", "azerty_digits"}),
        (simulate_caps(simulate_qwertz(TEST_PAYLOAD)), False,
         {"caps_lock", "qwertz_swap", "missing_enter"}),
        (simulate_drop(simulate_caps(TEST_PAYLOAD), [0, 5]), True,
         {"caps_lock", "dropped_characters"}),
        (simulate_prefix_suffix(simulate_azerty(TEST_PAYLOAD), "]Q1"), False,
         {"azerty_digits", "extra_characters", "missing_enter"}),
    ],
)  # fmt: skip
def test_combined_faults(received: str, enter: bool, expected_codes: set[str]) -> None:
    d = diagnose(received, ended_with_enter=enter)
    assert not d.ok
    assert codes(d) == expected_codes
    assert_well_formed(d)


def test_messages_name_what_went_wrong() -> None:
    drop = diagnose(simulate_drop(TEST_PAYLOAD, [3]), ended_with_enter=True).problems[0]
    assert "1 of 47" in drop.message and "position 4" in drop.message
    extra = diagnose("\x02" + TEST_PAYLOAD, ended_with_enter=True).problems[0]
    assert "\\x02" in extra.message and "\x02" not in extra.message
    garbled = diagnose(TEST_PAYLOAD[:10] + "\x1b" + TEST_PAYLOAD[11:], ended_with_enter=True)
    message = garbled.problems[0].message
    assert "position 11" in message and "\\x1b" in message and '"T"' in message


def test_fixes_give_the_documented_advice() -> None:
    fix = {p.code: p.fix for p in diagnose(TEST_PAYLOAD, ended_with_enter=False).problems}
    assert "Enter (CR)" in fix["missing_enter"]
    caps = diagnose(simulate_caps(TEST_PAYLOAD), ended_with_enter=True).problems[0]
    assert "CapsLock off" in caps.fix
    azerty = diagnose(simulate_azerty(TEST_PAYLOAD), ended_with_enter=True).problems[0]
    assert "AZERTY" in azerty.fix
    drop = diagnose(TEST_PAYLOAD[1:], ended_with_enter=True).problems[0]
    assert "inter-character delay" in drop.fix


def test_belgian_azerty_digits() -> None:
    received = simulate_azerty(TEST_PAYLOAD).replace("-", "§").replace("_", "!")
    assert codes(diagnose(received, ended_with_enter=True)) == {"azerty_digits"}


def test_custom_expected_and_validation() -> None:
    assert diagnose("1S0G", expected="1S0G", ended_with_enter=True).ok
    with pytest.raises(ValueError):
        diagnose("x", expected="", ended_with_enter=True)
    with pytest.raises(ValueError):
        diagnose("x", expected="ab-1", ended_with_enter=True)


def test_very_long_input_is_garbled_not_slow() -> None:
    d = diagnose("A" * 100_000, ended_with_enter=True)
    assert codes(d) == {"garbled"}
    assert len(d.problems[0].message) < 300


def test_escape() -> None:
    assert escape("A\r\n\t\x00é\u2028\\") == '"A\\r\\n\\t\\x00é\\u2028\\\\"'
    assert escape("X" * 50, 3) == '"XXX…"'
    assert escape("\ud800\x7f\U000e0001") == '"\\ud800\\x7f\\U000e0001"'


@settings(max_examples=300, deadline=None)
@given(received=st.text(max_size=120), enter=st.booleans())
def test_garbage_never_raises_and_is_ok_only_when_exact(received: str, enter: bool) -> None:
    d = diagnose(received, ended_with_enter=enter)
    assert_well_formed(d)
    if d.ok:
        assert received.rstrip("\r\n") == TEST_PAYLOAD
        assert codes(d) == {"ok"}
    else:
        assert "ok" not in codes(d)


@settings(max_examples=200, deadline=None)
@given(
    received=st.text(
        alphabet=TEST_PAYLOAD + TEST_PAYLOAD.lower() + "&é\"'(-è_çà?\x00\r", max_size=60
    ),
    enter=st.booleans(),
)
def test_near_misses_never_raise(received: str, enter: bool) -> None:
    d = diagnose(received, ended_with_enter=enter)
    assert_well_formed(d)
    assert d.ok == (
        received.rstrip("\r\n") == TEST_PAYLOAD and (enter or received.endswith(("\r", "\n")))
    )


@settings(max_examples=100, deadline=None)
@given(positions=st.sets(st.integers(0, len(TEST_PAYLOAD) - 1), min_size=1, max_size=10))
def test_any_drop_is_reported(positions: set[int]) -> None:
    d = diagnose(simulate_drop(TEST_PAYLOAD, positions), ended_with_enter=True)
    assert codes(d) == {"dropped_characters"}
