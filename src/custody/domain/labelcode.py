"""QR label payloads: ``[A-Z0-9]`` only, with a Damm check character and a keyed MAC.

USB scanners act as keyboards; on Latin-American layouts ``-`` ``:`` ``/`` come out wrong, so
a payload uses only the 36 characters ``0-9 A-Z``. Fixed layout (``n`` = body length)::

    offset   size  field
    0        1     version, always "1"
    1        1     kind: S sample, L location, P shipment (parcel), B person badge
    2        2     n in base 36 ("0G" = 16); S: 1-36, others: 1-24
    4        n     body: the record's opaque key in [A-Z0-9] (samples: ``SampleId.key``)
    4+n      6     print serial in base 36, 0 to 36**6 - 1
    10+n     1     Damm check character (:mod:`custody.domain.checkchar`) over offsets 0..9+n
    11+n     16    MAC: the first 80 bits of HMAC-SHA256(lab key, offsets 0..10+n),
                   in Crockford base32 (0-9 A-Z without I L O U)

Total length ``27 + n``. Example, sample ``MX-AICM-2026-000123`` (body ``MXAICM2026000123``),
serial 5, key ``bytes(32)``::

    1 S 0G MXAICM2026000123 000005 L KEEA3QM20F3WK433
    -> 1S0GMXAICM2026000123000005LKEEA3QM20F3WK433   (43 characters)

:func:`parse` checks, in order: characters, version, kind, length, check character, MAC. A
mistyped or misread character in the first ``11 + n`` characters is reported as a bad check
character; a well-formed code whose MAC does not match (another lab's key, or altered) as
forged. The payload never carries names or case facts.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from custody.domain import checkchar
from custody.domain.ids import SampleId
from custody.domain.messages import join_texts, t

__all__ = [
    "MAX_INPUT_LENGTH",
    "MAX_SERIAL",
    "VERSION",
    "Code",
    "LabelKind",
    "ScanError",
    "encode",
    "new_label_key",
    "normalise",
    "parse",
    "read_unsigned",
    "sample_code",
]

VERSION = "1"
MAX_INPUT_LENGTH = 256
SERIAL_LENGTH = 6
MAX_SERIAL = 36**SERIAL_LENGTH - 1
MAC_LENGTH = 16  # Crockford base32 characters, 5 bits each: 80 bits
MIN_KEY_BYTES = 16
_LENGTH_DIGITS = 2
_HEAD = 1 + 1 + _LENGTH_DIGITS  # version, kind, body length
_OVERHEAD = _HEAD + SERIAL_LENGTH + 1 + MAC_LENGTH
_B36 = checkchar.ALPHABET
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ALLOWED = frozenset(_B36 + _B36.lower())
_SCANNER_WHITESPACE = " \t\r\n"
_SHOWN_CHARS = 40
_BODY_RE = re.compile(r"[A-Z0-9]+", re.ASCII)


class LabelKind(enum.Enum):
    """What a label is stuck on; the value is the kind letter in the payload."""

    SAMPLE = "S"
    LOCATION = "L"
    SHIPMENT = "P"
    BADGE = "B"

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]

    @property
    def max_body_length(self) -> int:
        return 36 if self is LabelKind.SAMPLE else 24


_DESCRIPTIONS = {  # translatable nouns (Text); their English value goes into journal subjects
    LabelKind.SAMPLE: t("sample"),
    LabelKind.LOCATION: t("location"),
    LabelKind.SHIPMENT: t("shipment"),
    LabelKind.BADGE: t("person badge"),
}
_KINDS = {kind.value: kind for kind in LabelKind}
_KIND_LIST = join_texts(
    t("{letter} ({kind})", letter=k.value, kind=k.description) for k in LabelKind
)


@dataclass(frozen=True)
class Code:
    """A decoded label: which kind of record, its key, and the serial of this print."""

    kind: LabelKind
    body: str
    serial: int

    def __post_init__(self) -> None:  # a programming error, not a clerk's: English only
        if not isinstance(self.kind, LabelKind):
            raise ValueError(f"label kind must be a LabelKind, got {self.kind!r}")
        limit = self.kind.max_body_length
        if not isinstance(self.body, str) or not (
            1 <= len(self.body) <= limit and _BODY_RE.fullmatch(self.body)
        ):
            raise ValueError(
                f"{self.kind.description} label body must be 1 to {limit} characters A-Z or "
                f"0-9, got {self.body!r}"
            )
        if isinstance(self.serial, bool) or not isinstance(self.serial, int):
            raise ValueError(f"print serial must be an int, got {self.serial!r}")
        if not 0 <= self.serial <= MAX_SERIAL:
            raise ValueError(f"print serial {self.serial} is out of range 0 to {MAX_SERIAL}")

    def encode(self, key: bytes) -> str:
        """The QR payload for this code, signed with the lab's label key."""
        head = (
            VERSION
            + self.kind.value
            + _base36(len(self.body), _LENGTH_DIGITS)
            + self.body
            + _base36(self.serial, SERIAL_LENGTH)
        )
        signed = head + checkchar.compute(head)
        return signed + _mac(key, signed)


@dataclass(frozen=True)
class ScanError:
    """Why a scan was refused: ``reason`` for the clerk (a Text), ``code`` for the program."""

    reason: str
    code: str

    def __str__(self) -> str:
        return self.reason


def encode(code: Code, key: bytes) -> str:
    """The QR payload for ``code``; see :meth:`Code.encode`."""
    return code.encode(key)


def sample_code(sample_id: SampleId, serial: int) -> Code:
    """The label code for one print of a sample's label."""
    return Code(LabelKind.SAMPLE, sample_id.key, serial)


def new_label_key() -> bytes:
    """A fresh random 32-byte label key (keep it with the lab's other secrets)."""
    return secrets.token_bytes(32)


def _base36(value: int, width: int) -> str:
    digits = []
    for _ in range(width):
        value, digit = divmod(value, 36)
        digits.append(_B36[digit])
    return "".join(reversed(digits))


def _mac(key: bytes, data: str) -> str:
    if not isinstance(key, bytes) or len(key) < MIN_KEY_BYTES:
        raise ValueError(f"label key must be at least {MIN_KEY_BYTES} bytes")
    digest = hmac.new(key, data.encode("ascii"), hashlib.sha256).digest()
    bits = int.from_bytes(digest[:10], "big")  # 80 bits = 16 base32 characters
    return "".join(_CROCKFORD[(bits >> (5 * i)) & 31] for i in reversed(range(MAC_LENGTH)))


def _show(text: str) -> str:
    """``text`` escaped (repr) and shortened, safe to put in a message or a log."""
    if len(text) <= _SHOWN_CHARS:
        return repr(text)
    return t("{start}… ({length} characters)", start=repr(text[:_SHOWN_CHARS]), length=len(text))


def _strip_affix(text: str, prefix: str, suffix: str) -> str:
    text = text.strip(_SCANNER_WHITESPACE)
    if prefix and text[: len(prefix)].lower() == prefix.lower():
        text = text[len(prefix) :]
    if suffix and len(text) >= len(suffix) and text[-len(suffix) :].lower() == suffix.lower():
        text = text[: -len(suffix)]
    return text.strip(_SCANNER_WHITESPACE)


def normalise(raw: str, prefix: str = "", suffix: str = "") -> str:
    """A scan as its label text: scanner whitespace and the configured ``prefix`` and
    ``suffix`` removed, upper case (what :func:`parse` reads; it does not check the code)."""
    return _strip_affix(raw, prefix, suffix).upper()


def read_unsigned(text: str) -> Code | None:
    """The code in a label text whose MAC cannot be checked here (another lab's label, read
    from its verified bundle): layout and check character only. None if it is not a code."""
    text = text.upper()
    if len(text) <= _OVERHEAD or text[0] != VERSION or not set(text) <= set(_B36):
        return None
    kind, length = _KINDS.get(text[1]), int(text[2:4], 36)
    check_at = _HEAD + length + SERIAL_LENGTH
    if kind is None or len(text) != _OVERHEAD + length or not 1 <= length <= kind.max_body_length:
        return None
    if not checkchar.is_valid(text[: check_at + 1]) or not set(text[check_at + 1 :]) <= set(
        _CROCKFORD
    ):
        return None
    return Code(kind, text[_HEAD : _HEAD + length], int(text[_HEAD + length : check_at], 36))


def parse(raw: str, key: bytes, *, prefix: str = "", suffix: str = "") -> Code | ScanError:
    """Decode a scanned payload, or say why it is refused. Never raises on bad input.

    Tolerated: CR, LF, Tab and spaces around the code, the scanner's configured ``prefix``
    and ``suffix`` (removed if present, any case) and lower case (CapsLock). Inputs over
    :data:`MAX_INPUT_LENGTH` characters are refused before any other work. ``key`` must be
    the lab's label key (at least 16 bytes; a wrong type or short key raises ``ValueError``).
    """
    if len(raw) > MAX_INPUT_LENGTH:
        return ScanError(
            t(
                "the scan is {length} characters long; a label code has at most "
                "{limit} — this is not a label code (several scans run together?)",
                length=len(raw),
                limit=MAX_INPUT_LENGTH,
            ),
            "too_long",
        )
    text = _strip_affix(raw, prefix, suffix)
    if not text:
        return ScanError(t("nothing was scanned (the input is empty or only spaces)"), "empty")
    for position, ch in enumerate(text, start=1):
        if ch not in _ALLOWED:
            return ScanError(
                t(
                    "the scan {scan} has the character {character} ({codepoint}) at "
                    "position {position}; label codes contain only letters A-Z and digits 0-9. "
                    "Scan again; if it keeps happening, check the scanner's keyboard layout",
                    scan=_show(text),
                    character=repr(ch),
                    codepoint=f"U+{ord(ch):04X}",
                    position=position,
                ),
                "bad_character",
            )
    text = text.upper()
    if text[0] != VERSION:
        return ScanError(
            t(
                "{scan} is not a Custody label code: codes start with the format "
                "version {version}, this one starts with {start}",
                scan=_show(text),
                version=VERSION,
                start=repr(text[0]),
            ),
            "bad_version",
        )
    if len(text) < 2:
        return ScanError(
            t("{scan} is too short for a label code; scan the whole label", scan=_show(text)),
            "bad_length",
        )
    kind = _KINDS.get(text[1])
    if kind is None:
        return ScanError(
            t(
                "{scan} is not a Custody label code: unknown label kind {kind}, expected {kinds}",
                scan=_show(text),
                kind=repr(text[1]),
                kinds=_KIND_LIST,
            ),
            "bad_kind",
        )
    body_length = int(text[2:4], 36) if len(text) >= _HEAD else 0
    if len(text) != _OVERHEAD + body_length:
        return ScanError(
            t(
                "{scan}: the length ({length} characters) does not fit the layout of a "
                "{kind} label code; it was misread or cut short — scan again",
                scan=_show(text),
                length=len(text),
                kind=kind.description,
            ),
            "bad_length",
        )
    if not 1 <= body_length <= kind.max_body_length:
        return ScanError(
            t(
                "{scan} is not a valid {kind} label code "
                "(its identifier length {length} is out of range)",
                scan=_show(text),
                kind=kind.description,
                length=body_length,
            ),
            "malformed",
        )
    check_at = _HEAD + body_length + SERIAL_LENGTH
    if not checkchar.is_valid(text[: check_at + 1]):
        return ScanError(
            t(
                "{scan}: the check character does not match — the code was misread or "
                "mistyped; scan again or type it carefully",
                scan=_show(text),
            ),
            "bad_check",
        )
    signed, mac = text[: check_at + 1], text[check_at + 1 :]
    if not hmac.compare_digest(_mac(key, signed), mac):
        return ScanError(
            t(
                "{scan} was NOT printed by this lab, or it was altered: its security code "
                "does not match. Do not use this label; report it to a supervisor",
                scan=_show(text),
            ),
            "forged",
        )
    body = text[_HEAD : _HEAD + body_length]
    try:
        return Code(kind, body, int(text[_HEAD + body_length : check_at], 36))
    except ValueError:  # pragma: no cover - the checks above make this unreachable
        return ScanError(t("{scan} is not a valid label code", scan=_show(text)), "malformed")
