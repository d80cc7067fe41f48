"""Keyboard-layout self-test for USB barcode scanners that act as keyboards ("keyboard wedge").

A wedge scanner does not send characters: it sends *key presses* for a US layout, and the
computer turns them into characters with its own layout and CapsLock state. The clerk prints a
test label holding :data:`TEST_PAYLOAD`, scans it into the self-test field, and
:func:`diagnose` compares what arrived with what was printed and says what to change.

Faults recognised (several may be reported at once, each as a :class:`Problem`):

``missing_enter``       no Enter (CR/LF) after the scan
``caps_lock``           letters arrive in lower case (CapsLock inverts the scanner's Shift)
``azerty_digits``       FR/BE AZERTY computer: ``1234567890`` arrive as ``&é"'(-è_çà``
                        (BE: ``§`` for 6, ``!`` for 8), A/Q and Z/W swapped, M as ``?``
``qwertz_swap``         German QWERTZ computer: Y and Z swapped
``dropped_characters``  characters lost (the scanner types too fast)
``extra_characters``    a prefix and/or suffix added by the scanner
``garbled``             anything else; the first differing position is shown
``empty``               nothing arrived at all

Pure, stdlib only; every piece of received text is escaped before it goes into a message.
"""

from __future__ import annotations

import difflib
import string
from dataclasses import dataclass

from custody.domain.messages import t

__all__ = ["MAX_RECEIVED_LENGTH", "TEST_PAYLOAD", "Diagnosis", "Problem", "diagnose", "escape"]

#: The test label's payload: a fixed marker, then every letter and every digit once, so each
#: key the scanner can press for a label code (:mod:`custody.domain.labelcode`) is exercised.
#: It is deliberately *not* a valid label code, so it can never be taken for an exhibit.
TEST_PAYLOAD = "CUSTODYTEST" + string.ascii_uppercase + string.digits
MAX_RECEIVED_LENGTH = 1024

_ALLOWED = frozenset(string.ascii_uppercase + string.digits)
_ENTER = "\r\n"
_SHOW = 40  # characters of received text shown in a message

_CAPS_UNDO = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
_AZERTY_UNDO = str.maketrans(
    {
        **dict(zip("&é\"'(-è_çà", "1234567890", strict=True)),
        **dict(zip("ÉÈÇÀ", "2790", strict=True)),
        "§": "6",  # Belgian AZERTY
        "!": "8",  # Belgian AZERTY
        "A": "Q", "Q": "A", "Z": "W", "W": "Z",
        "a": "q", "q": "a", "z": "w", "w": "z",
        "?": "M", ",": "m",
    }
)  # fmt: skip
_QWERTZ_UNDO = str.maketrans("YZyz", "ZYzy")

_FIXES = {  # translatable (Text), like every problem message
    "missing_enter": t("Configure the scanner to send Enter (CR) after each scan."),
    "caps_lock": t("Turn CapsLock off; Custody accepts lower case but other programs may not."),
    "azerty_digits": t(
        "Set the scanner's keyboard language to match the computer's layout (FR/BE AZERTY), "
        "or the OS layout to US/ES."
    ),
    "qwertz_swap": t(
        "German QWERTZ layout: set the scanner's keyboard language to German (DE), "
        "or the OS layout to US/ES."
    ),
    "dropped_characters": t(
        "The scanner sends keys too fast: increase the inter-character delay in its settings."
    ),
    "extra_characters": t("Remove the scanner's prefix/suffix or configure it in Custody."),
    "garbled": t(
        "Check the scanner's keyboard language and the OS layout, then scan the test label "
        "again; if it persists, reset the scanner to factory defaults."
    ),
    "empty": t("Check that the scanner is connected and the cursor is in the test field."),
    "ok": t("Nothing to change."),
}


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    message: str
    fix: str


@dataclass(frozen=True, slots=True)
class Diagnosis:
    ok: bool
    problems: tuple[Problem, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.problems)


def escape(text: str, limit: int = _SHOW) -> str:
    """``text`` quoted, control/invisible characters escaped, shortened to ``limit`` chars."""
    named = {"\r": "\\r", "\n": "\\n", "\t": "\\t", "\\": "\\\\", '"': '\\"'}
    out: list[str] = []
    for ch in text[:limit]:
        if ch in named:
            out.append(named[ch])
        elif ch == " " or (ch.isprintable() and not ch.isspace()):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + ('…"' if len(text) > limit else '"')


def _problem(code: str, message: str) -> Problem:
    return Problem(code, message, _FIXES[code])


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _rank(candidate: str, expected: str) -> int:
    if candidate == expected:
        return 0
    if expected in candidate:
        return 1
    if len(candidate) < len(expected) and _is_subsequence(candidate, expected):
        return 2
    return 3


def _layout_problem(code: str, received: str) -> Problem:
    if code == "caps_lock":
        return _problem(
            "caps_lock", t("Letters arrived in lower case: {scan}.", scan=escape(received))
        )
    if code == "azerty_digits":
        return _problem(
            "azerty_digits",
            t(
                "Digits arrived as AZERTY symbols (& for 1, é for 2, …) and A/Q, Z/W swapped: "
                "{scan}.",
                scan=escape(received),
            ),
        )
    return _problem("qwertz_swap", t("Y and Z arrived swapped: {scan}.", scan=escape(received)))


def _residual(received: str, candidate: str, expected: str, rank: int) -> Problem | None:
    if rank == 1:
        start = candidate.find(expected)
        prefix, suffix = received[:start], received[start + len(expected) :]
        if not suffix:
            added = t("The scanner added a prefix {prefix}.", prefix=escape(prefix))
        elif not prefix:
            added = t("The scanner added a suffix {suffix}.", suffix=escape(suffix))
        else:
            added = t(
                "The scanner added a prefix {prefix} and a suffix {suffix}.",
                prefix=escape(prefix),
                suffix=escape(suffix),
            )
        return _problem("extra_characters", added)
    if rank == 2:
        first = next(
            (i for i, (a, b) in enumerate(zip(candidate, expected, strict=False)) if a != b),
            len(candidate),
        )
        missing = len(expected) - len(candidate)
        return _problem(
            "dropped_characters",
            t(
                "{missing} of {expected} characters were lost; the first missing one is "
                "{character} at position {position}.",
                missing=missing,
                expected=len(expected),
                character=escape(expected[first]),
                position=first + 1,
            ),
        )
    if rank == 3:
        return _garbled(received, candidate, expected)
    return None


def _garbled(received: str, candidate: str, expected: str) -> Problem:
    first = next(
        (i for i, (a, b) in enumerate(zip(candidate, expected, strict=False)) if a != b),
        min(len(candidate), len(expected)),
    )
    got = escape(received[first], 1) if first < len(received) else t("end of scan")
    want = escape(expected[first], 1) if first < len(expected) else t("end of label")
    return _problem(
        "garbled",
        t(
            "The scan differs from the label at position {position}: got {got}, expected "
            "{want} ({received} characters received, {expected} expected).",
            position=first + 1,
            got=got,
            want=want,
            received=len(received),
            expected=len(expected),
        ),
    )


def diagnose(received: str, *, expected: str = TEST_PAYLOAD, ended_with_enter: bool) -> Diagnosis:
    """Compare a scan of the test label with ``expected``; say what is wrong and what to change.

    ``ended_with_enter``: the scan was terminated by an Enter key press. A trailing CR/LF left
    inside ``received`` also counts as the Enter suffix and is not compared.
    """
    if not expected or not set(expected) <= _ALLOWED:
        raise ValueError("The expected payload must be non-empty and use only A-Z and 0-9.")
    body = received.rstrip(_ENTER)
    problems: list[Problem] = []
    if not ended_with_enter and body == received:
        problems.append(
            _problem("missing_enter", t("The scan did not end with Enter (CR/LF) as a suffix."))
        )
    if not body:
        problems.append(_problem("empty", t("No characters arrived from the scanner.")))
        return Diagnosis(ok=False, problems=tuple(problems))
    if len(body) > MAX_RECEIVED_LENGTH:
        problems.append(_garbled(body, body, expected))
        return Diagnosis(ok=False, problems=tuple(problems))

    # Undo each plausible layout/CapsLock fault; keep the explanation that fits best, then the
    # one with the fewest faults. Layout undos run before CapsLock's (É -> 2 needs no case).
    best: tuple[int, float, int, tuple[str, ...], str] | None = None
    for layout in ((), ("azerty_digits",), ("qwertz_swap",)):
        for caps in ((), ("caps_lock",)):
            candidate = body
            if layout == ("azerty_digits",):
                candidate = candidate.translate(_AZERTY_UNDO)
            elif layout == ("qwertz_swap",):
                candidate = candidate.translate(_QWERTZ_UNDO)
            if caps:
                candidate = candidate.translate(_CAPS_UNDO)
            ratio = difflib.SequenceMatcher(None, candidate, expected, autojunk=False).ratio()
            faults = caps + layout
            key = (_rank(candidate, expected), -ratio, len(faults), faults, candidate)
            if best is None or key[:3] < best[:3]:
                best = key
    assert best is not None
    rank, _, _, faults, candidate = best
    problems.extend(_layout_problem(code, body) for code in faults)
    residual = _residual(body, candidate, expected, rank)
    if residual is not None:
        problems.append(residual)
    if not problems:
        return Diagnosis(ok=True, problems=(_problem("ok", t("The scan arrived intact.")),))
    return Diagnosis(ok=False, problems=tuple(problems))
