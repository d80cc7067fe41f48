"""Exhaustive and property tests for the Damm check character."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custody.domain.checkchar import ALPHABET, TABLE, compute, is_valid

N = len(ALPHABET)
data_strings = st.text(alphabet=ALPHABET, min_size=1, max_size=40)


def step(state: int, value: int) -> int:
    return TABLE[state][value]


def test_alphabet() -> None:
    assert N == 36
    assert ALPHABET == "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def test_table_is_a_latin_square() -> None:
    # Rows: step is a bijection in the character (single substitutions change the state).
    # Columns: step is a bijection in the state (a difference survives any later input).
    assert len(TABLE) == N
    for state in range(N):
        assert sorted(TABLE[state]) == list(range(N))
    for value in range(N):
        assert sorted(TABLE[state][value] for state in range(N)) == list(range(N))


def test_table_has_zero_diagonal() -> None:
    assert all(TABLE[x][x] == 0 for x in range(N))


def test_table_is_totally_anti_symmetric() -> None:
    # For every state and distinct a, b: state after (a, b) != state after (b, a).
    for state, a, b in itertools.product(range(N), repeat=3):
        if a != b:
            assert step(step(state, a), b) != step(step(state, b), a), (state, a, b)


def test_iso7064_mod37_36_would_miss_transpositions() -> None:
    """Why MOD 37,36 was not used: its hybrid step is not anti-symmetric."""

    def hybrid(p: int, c: int) -> int:
        s = (p + c) % 36 or 36
        return (2 * s) % 37

    misses = [
        (ALPHABET[a], ALPHABET[b])
        for a, b in itertools.combinations(range(N), 2)
        if hybrid(hybrid(36, a), b) == hybrid(hybrid(36, b), a)
    ]
    assert misses == [("I", "J")]


def test_known_values() -> None:
    assert compute("0") == "0"
    assert compute("MXAICM2026000123") == "3"
    assert is_valid("MXAICM20260001233")


@pytest.mark.parametrize("bad", ["", "abc", "AB-C", "A B", "Ñ", "A:", "١"])
def test_compute_rejects_bad_input(bad: str) -> None:
    with pytest.raises(ValueError, match="0-9 or A-Z"):
        compute(bad)


@pytest.mark.parametrize("bad", ["", "0", "A", "mxaicm20260001233", "MX-AICM20260001233"])
def test_is_valid_false_for_malformed(bad: str) -> None:
    assert not is_valid(bad)


@given(data_strings)
def test_round_trip(data: str) -> None:
    check = compute(data)
    assert len(check) == 1
    assert check in ALPHABET
    assert is_valid(data + check)


@given(data_strings)
def test_every_single_substitution_is_detected(data: str) -> None:
    full = data + compute(data)
    for i, original in enumerate(full):
        for replacement in ALPHABET:
            if replacement != original:
                assert not is_valid(full[:i] + replacement + full[i + 1 :]), (full, i)


@given(data_strings)
def test_every_adjacent_transposition_is_detected(data: str) -> None:
    full = data + compute(data)  # includes swaps with the check character
    for i in range(len(full) - 1):
        if full[i] != full[i + 1]:
            swapped = full[:i] + full[i + 1] + full[i] + full[i + 2 :]
            assert not is_valid(swapped), (full, i)
