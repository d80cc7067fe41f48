from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from custody.domain import text
from custody.domain.enums import Role
from custody.domain.passwords import PassphraseError, check_passphrase
from custody.domain.permissions import PERMISSIONS, Action, is_allowed
from custody.domain.weights import (
    WeightError,
    exceeds_tolerance,
    from_units,
    parse_grams,
    to_units,
)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "empty"),
        ("  ", "empty"),
        ("abc", "not a number"),
        ("-1", "negative"),
        ("NaN", "not a number"),
        ("1.00001", "precision"),
        ("1e12", "implausibly"),
    ],
)
def test_bad_weights(raw: str, message: str) -> None:
    with pytest.raises(WeightError, match=message):
        parse_grams(raw)


def test_comma_decimal_separator() -> None:
    assert parse_grams("12,5") == Decimal("12.5000")


@given(st.integers(min_value=0, max_value=10**12))
def test_units_round_trip(units: int) -> None:
    assert to_units(from_units(units)) == units


def test_tolerance() -> None:
    assert not exceeds_tolerance(
        Decimal("10"), Decimal("10.004"), percent=Decimal("0.5"), absolute=Decimal("0.005")
    )
    assert exceeds_tolerance(
        Decimal("10"), Decimal("9.9"), percent=Decimal("0.5"), absolute=Decimal("0.005")
    )
    # within 0.5 % of 1 kg but beyond 5 mg: not an alert (both must be exceeded)
    assert not exceeds_tolerance(
        Decimal("1000"), Decimal("1001"), percent=Decimal("0.5"), absolute=Decimal("0.005")
    )


def test_text_required_and_collapsed() -> None:
    assert text.required("  two   words ", "name") == "two words"
    with pytest.raises(text.TextError, match="name is required"):
        text.required(" \t\n", "name")
    assert text.optional("   ", "note") is None


@pytest.mark.parametrize(
    "bad", ["short", "passwordpassword", "aaaaaaaaaaaaaaaaaaa", "Password 1234567"]
)
def test_passphrases_refused(bad: str) -> None:
    with pytest.raises(PassphraseError):
        check_passphrase(bad)


def test_passphrase_without_composition_rules() -> None:
    check_passphrase("correct horse battery staple")  # no digits or symbols needed
    with pytest.raises(PassphraseError, match="user name"):
        check_passphrase("tomas likes long words", username="tomas")


def test_role_matrix() -> None:
    assert PERMISSIONS[Role.SUPERVISOR] == frozenset(Action)
    assert PERMISSIONS[Role.AUDITOR] == {Action.READ, Action.VERIFY, Action.EXPORT}
    assert is_allowed(Role.TECHNICIAN, Action.REGISTER)
    assert not is_allowed(Role.CLERK, Action.REGISTER)
    assert not is_allowed(Role.TECHNICIAN, Action.DISPOSE)
    assert not is_allowed(Role.CLERK, Action.MANAGE_USERS)
