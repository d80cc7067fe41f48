"""Tests for sample IDs: human, key and compact (check-character) forms."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from custody.domain.checkchar import ALPHABET
from custody.domain.ids import (
    MAX_NUMBER,
    InvalidIdError,
    SampleId,
    format_sample_id,
    lookup_key,
    parse_human,
    validate_site_prefix,
)

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@st.composite
def prefixes(draw: st.DrawFn) -> str:
    first = draw(st.sampled_from(LETTERS)) + draw(st.text(ALPHABET, max_size=7))
    rest = draw(st.lists(st.text(ALPHABET, min_size=1, max_size=8), max_size=3))
    prefix = "-".join([first, *rest])
    assume(len(prefix) <= 20)
    return prefix


sample_ids = st.builds(
    SampleId,
    prefix=prefixes(),
    year=st.integers(2000, 2999),
    number=st.one_of(st.integers(1, 999_999), st.integers(1, MAX_NUMBER)),
)


def test_example() -> None:
    sid = format_sample_id("mx-aicm ", 2026, 123)
    assert sid == SampleId("MX-AICM", 2026, 123)
    assert sid.human == str(sid) == "MX-AICM-2026-000123"
    assert sid.key == "MXAICM2026000123"
    assert sid.compact == "MXAICM2026000123" + sid.compact[-1]
    assert len(sid.compact) == len(sid.key) + 1


def test_large_number_is_not_padded() -> None:
    assert format_sample_id("MX-MZO", 2030, 12_345_678).human == "MX-MZO-2030-12345678"


def test_sample_id_is_frozen() -> None:
    sid = format_sample_id("MX-LZC", 2026, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        sid.number = 2  # type: ignore[misc]


@pytest.mark.parametrize("prefix", ["MX-AICM", "MX-MZO", "MX-LZC", "A", "A1-B2-C3-D4", "X" * 8])
def test_valid_prefixes(prefix: str) -> None:
    assert validate_site_prefix(f"  {prefix.lower()}\t") == prefix


@pytest.mark.parametrize(
    ("prefix", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("1MX", "starting with a letter"),
        ("MX--AICM", "1 to 4 groups"),
        ("MX-", "1 to 4 groups"),
        ("ABCDEFGHI", "1-8 letters"),
        ("A-B-C-D-E", "1 to 4 groups"),
        ("ABCDEFGH-ABCDEFGH-ABC", "at most 20"),
        ("MX:AICM", "':'"),
        ("MX/AICM", "'/'"),
        ("MX-AÑCM", "'Ñ' (U+00D1)"),
        ("straße", "'ß'"),
        ("MX AICM", "' ' (U+0020)"),
    ],
)
def test_invalid_prefixes(prefix: str, fragment: str) -> None:
    with pytest.raises(InvalidIdError) as info:
        validate_site_prefix(prefix)
    assert fragment in str(info.value)


def test_invalid_id_error_is_value_error() -> None:
    assert issubclass(InvalidIdError, ValueError)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("MX-AICM", 1999, 1), "year 1999 is out of range: expected 2000-2999"),
        (("MX-AICM", 3000, 1), "year 3000 is out of range"),
        (("MX-AICM", 2026, 0), "sample number 0 is out of range: expected 1"),
        (("MX-AICM", 2026, -5), "sample number -5"),
        (("MX-AICM", 2026, MAX_NUMBER + 1), "out of range"),
        (("MX-AICM", 2026, True), "sample number True"),
        (("MX_AICM", 2026, 1), "'_'"),
    ],
)
def test_format_rejects(args: tuple[str, int, int], fragment: str) -> None:
    with pytest.raises(InvalidIdError) as info:
        format_sample_id(*args)
    assert fragment in str(info.value)


def test_direct_construction_requires_canonical_prefix() -> None:
    with pytest.raises(InvalidIdError, match="canonical"):
        SampleId("mx-aicm", 2026, 1)


def test_parse_human_tolerant() -> None:
    expected = SampleId("MX-AICM", 2026, 123)
    assert parse_human("  mx-aicm-2026-000123\r\n") == expected
    assert parse_human("MX-AICM-2026-123") == expected
    assert parse_human("MX-MZO-2026-1234567").number == 1_234_567


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        (" \t\r\n", "empty"),
        ("MXAICM-2026", "needs a site prefix, a year and a number"),
        ("MX-AICM-26-000123", "year '26' must be 4 digits"),
        ("MX-AICM-1999-000123", "year 1999 is out of range"),
        ("MX-AICM-2026-000000", "sample number 0 is out of range"),
        ("MX-AICM-2026-", "number '' must be"),
        ("MX-AICM-2026-12A", "number '12A' must be"),
        ("MX-AICM-2026-" + "1" * 13, "must be 1 to 12 digits"),
        ("1X-AICM-2026-000123", "starting with a letter"),
        ("-2026-000123", "site prefix is empty"),
        ("MX-AICM-2026:000123", "':'"),
        ("MX/AICM-2026-000123", "'/'"),
        ("MX-AIÑM-2026-000123", "'Ñ'"),
        ("MX-AICM-２０２６-000123", "'２'"),
    ],
)
def test_parse_human_rejects(text: str, fragment: str) -> None:
    with pytest.raises(InvalidIdError) as info:
        parse_human(text)
    message = str(info.value)
    assert fragment in message
    if "not allowed" not in message:
        assert "MX-AICM-2026-000123" in message  # shows the expected shape


@given(sample_ids)
def test_round_trips(sid: SampleId) -> None:
    assert parse_human(sid.human) == sid
    assert parse_human(f" {sid.human.lower()}\n") == sid
    assert sid.key == sid.human.replace("-", "")
    assert sid.compact[:-1] == sid.key
    assert lookup_key(sid.human) == sid.key
    assert lookup_key(sid.compact) == sid.key
    assert lookup_key(f"\t{sid.compact.lower()}\r\n") == sid.key
    assert format_sample_id(sid.prefix, sid.year, sid.number) == sid


@given(sample_ids)
def test_lookup_key_rejects_every_substitution_and_adjacent_swap(sid: SampleId) -> None:
    compact = sid.compact
    for i, original in enumerate(compact):
        for replacement in ALPHABET:
            if replacement != original:
                bad = compact[:i] + replacement + compact[i + 1 :]
                with pytest.raises(InvalidIdError):
                    lookup_key(bad)
    for i in range(len(compact) - 1):
        if compact[i] != compact[i + 1]:
            with pytest.raises(InvalidIdError):
                lookup_key(compact[:i] + compact[i + 1] + compact[i] + compact[i + 2 :])


def test_lookup_key_wrong_check_character() -> None:
    compact = format_sample_id("MX-AICM", 2026, 123).compact
    wrong = next(c for c in ALPHABET if c != compact[-1])
    with pytest.raises(InvalidIdError) as info:
        lookup_key(compact[:-1] + wrong)
    assert "check character does not match — the ID was mistyped or misread" in str(info.value)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("  \r\n\t", "empty"),
        ("MXAICM2026000123:", "':' (U+003A)"),
        ("MX/AICM2026000123", "'/' (U+002F)"),
        ("MXAIÑM20260001233", "'Ñ' (U+00D1)"),
        ("MXAICM 20260001233", "' ' (U+0020)"),
        ("ABC", "is not a sample ID"),
        ("12026000123X", "is not a sample ID"),
        ("MX-AICM-2026-000000", "sample number 0"),
        ("MX-AICM-1999-000001", "year 1999"),
        ("MXAICM" + "1" * 40, "is not a sample ID"),
    ],
)
def test_lookup_key_rejects(text: str, fragment: str) -> None:
    with pytest.raises(InvalidIdError) as info:
        lookup_key(text)
    assert fragment in str(info.value)
