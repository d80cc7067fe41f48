"""Sample IDs: human form ``MX-AICM-2026-000123`` and compact form for QR codes / scanners.

The compact form is the human form without hyphens plus one check character
(:mod:`custody.domain.checkchar`); the lookup key is the compact form without the check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from custody.domain import checkchar
from custody.domain.messages import message_of, t

__all__ = [
    "MAX_NUMBER",
    "MAX_YEAR",
    "MIN_YEAR",
    "InvalidIdError",
    "SampleId",
    "format_sample_id",
    "lookup_key",
    "parse_human",
    "validate_site_prefix",
]

MIN_YEAR = 2000
MAX_YEAR = 2999
MAX_NUMBER = 999_999_999_999
_MAX_PREFIX_LEN = 20
_EXAMPLE = "MX-AICM-2026-000123"
_SHAPE = t("expected PREFIX-YYYY-NNNNNN, e.g. {example}", example=_EXAMPLE)
_PREFIX_RE = re.compile(r"[A-Z][A-Z0-9]{0,7}(?:-[A-Z0-9]{1,8}){0,3}", re.ASCII)
_DIGITS_RE = re.compile(r"[0-9]+", re.ASCII)
_ALLOWED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")
# Key: prefix (starts with a letter) + 4-digit year + at least 6 digits of number.
_KEY_RE = re.compile(r"[A-Z][A-Z0-9]*[0-9]{10}", re.ASCII)
_MAX_KEY_LEN = _MAX_PREFIX_LEN + 4 + len(str(MAX_NUMBER))


class InvalidIdError(ValueError):
    """A site prefix or sample ID is malformed; the message says what is expected."""


def _describe(ch: str) -> str:
    return f"{ch!r} (U+{ord(ch):04X})"


def _check_chars(text: str, what: str) -> None:
    for ch in text:
        if ch not in _ALLOWED:
            raise InvalidIdError(
                t(
                    "{what} contains the character {character}, which is not allowed; "
                    "only letters A-Z, digits 0-9 and hyphens '-' may be used",
                    what=what,
                    character=_describe(ch),
                )
            )


def validate_site_prefix(prefix: str) -> str:
    """Return ``prefix`` stripped and upper-cased, or raise :class:`InvalidIdError`."""
    text = prefix.strip()
    expected = t(
        "a site prefix must be 1 to 4 groups of 1-8 letters A-Z or digits 0-9, joined by "
        "'-', starting with a letter, at most {length} characters "
        "(e.g. MX-AICM or MX-MZO)",
        length=_MAX_PREFIX_LEN,
    )
    if not text:
        raise InvalidIdError(t("site prefix is empty: {expected}", expected=expected))
    _check_chars(text, t("site prefix {prefix}", prefix=repr(text)))
    text = text.upper()
    if len(text) > _MAX_PREFIX_LEN or not _PREFIX_RE.fullmatch(text):
        raise InvalidIdError(
            t("invalid site prefix {prefix}: {expected}", prefix=repr(text), expected=expected)
        )
    return text


def _check_year(year: int) -> None:
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidIdError(
            t(
                "year {year} is out of range: expected {first}-{last}",
                year=repr(year),
                first=MIN_YEAR,
                last=MAX_YEAR,
            )
        )


def _check_number(number: int) -> None:
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MAX_NUMBER:
        raise InvalidIdError(
            t(
                "sample number {number} is out of range: expected 1 to {last}",
                number=repr(number),
                last=MAX_NUMBER,
            )
        )


@dataclass(frozen=True)
class SampleId:
    """A validated sample ID; construct with :func:`format_sample_id` or :func:`parse_human`."""

    prefix: str
    year: int
    number: int

    def __post_init__(self) -> None:
        if validate_site_prefix(self.prefix) != self.prefix:
            raise InvalidIdError(
                t("site prefix {prefix} is not in canonical form", prefix=repr(self.prefix))
            )
        _check_year(self.year)
        _check_number(self.number)

    @property
    def human(self) -> str:
        """Hyphenated form, e.g. ``MX-AICM-2026-000123``."""
        return f"{self.prefix}-{self.year:04d}-{self.number:06d}"

    @property
    def key(self) -> str:
        """Lookup key: the human form without hyphens."""
        return self.human.replace("-", "")

    @property
    def compact(self) -> str:
        """Key followed by its check character (for QR codes and scanners)."""
        key = self.key
        return key + checkchar.compute(key)

    def __str__(self) -> str:
        return self.human


def format_sample_id(prefix: str, year: int, number: int) -> SampleId:
    """Validate the parts (normalising the prefix) and return a :class:`SampleId`."""
    return SampleId(validate_site_prefix(prefix), year, number)


def parse_human(text: str) -> SampleId:
    """Parse a human-form ID; whitespace around it and lower case are tolerated."""
    stripped = text.strip()
    if not stripped:
        raise InvalidIdError(t("sample ID is empty: {shape}", shape=_SHAPE))
    _check_chars(stripped, t("sample ID {id}", id=repr(stripped)))
    upper = stripped.upper()
    groups = upper.split("-")
    if len(groups) < 3:
        raise InvalidIdError(
            t(
                "sample ID {id} needs a site prefix, a year and a number separated by "
                "hyphens: {shape}",
                id=repr(upper),
                shape=_SHAPE,
            )
        )
    *prefix_groups, year_text, number_text = groups
    if len(year_text) != 4 or not _DIGITS_RE.fullmatch(year_text):
        raise InvalidIdError(
            t(
                "sample ID {id}: the year {year} must be 4 digits: {shape}",
                id=repr(upper),
                year=repr(year_text),
                shape=_SHAPE,
            )
        )
    max_digits = len(str(MAX_NUMBER))
    if not _DIGITS_RE.fullmatch(number_text) or len(number_text) > max_digits:
        raise InvalidIdError(
            t(
                "sample ID {id}: the number {number} must be 1 to {digits} digits: {shape}",
                id=repr(upper),
                number=repr(number_text),
                digits=max_digits,
                shape=_SHAPE,
            )
        )
    try:
        prefix = validate_site_prefix("-".join(prefix_groups))
        return SampleId(prefix, int(year_text), int(number_text))
    except InvalidIdError as exc:
        raise InvalidIdError(
            t(
                "sample ID {id}: {problem}; {shape}",
                id=repr(upper),
                problem=message_of(exc),
                shape=_SHAPE,
            )
        ) from None


def lookup_key(text: str) -> str:
    """Return the lookup key for a human-form or compact-form (check-character) ID."""
    stripped = text.strip()
    if not stripped:
        raise InvalidIdError(
            t(
                "sample ID is empty: {shape}, or the scanned compact form without hyphens",
                shape=_SHAPE,
            )
        )
    _check_chars(stripped, t("sample ID {id}", id=repr(stripped)))
    upper = stripped.upper()
    if "-" in upper:
        return parse_human(upper).key
    key = upper[:-1]
    if len(key) > _MAX_KEY_LEN or not _KEY_RE.fullmatch(key):
        raise InvalidIdError(
            t(
                "{id} is not a sample ID: {shape}, or the compact form without hyphens "
                "followed by a check character, e.g. {example}",
                id=repr(upper),
                shape=_SHAPE,
                example=format_sample_id("MX-AICM", 2026, 123).compact,
            )
        )
    if not checkchar.is_valid(upper):
        raise InvalidIdError(
            t(
                "{id}: check character does not match — the ID was mistyped or misread",
                id=repr(upper),
            )
        )
    return key
