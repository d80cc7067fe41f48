"""`custody-cli labels selftest`: print the scanner self-test label, or check one scan of it.

``--out FILE.pdf`` writes the test label (:mod:`custody.render.selftest_pdf`). ``--check`` reads
one scan from standard input and says whether it arrived intact and, if not, what to change
(:func:`custody.domain.scanner_check.diagnose`); exit 0 intact, 1 not.

At a terminal the input is read key by key (no echo, no line editing): the scan ends at Enter,
or :data:`IDLE_SECONDS` after the last character when the scanner sends no Enter (reported).
Piped input is read up to the first line end: ``printf 'CUSTODYTEST…\\r\\n' | custody-cli …``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from custody.cli.common import Session, UsageError, command, err, out
from custody.domain.label_templates import TEMPLATES, TemplateError
from custody.domain.scanner_check import MAX_RECEIVED_LENGTH, Diagnosis, diagnose, escape
from custody.render.selftest_pdf import code128_templates, selftest_page

__all__ = ["IDLE_SECONDS", "PROMPT", "read_scan", "register", "report"]

IDLE_SECONDS = 0.3  # a scanner types a whole code in well under this; then no Enter is coming
PROMPT = "Scan the test label now (Ctrl+C to stop)…"
_LINE_ENDS = b"\r\n"
_MAX_BYTES = 4 * MAX_RECEIVED_LENGTH  # UTF-8: up to 4 bytes a character


def register(labels: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``selftest`` to the ``labels`` command group."""
    selftest = command(
        labels,
        "selftest",
        _selftest,
        "the scanner self-test: print the test label (--out), or check a scan of it (--check)",
        acts=False,
    )
    what = selftest.add_mutually_exclusive_group(required=True)
    what.add_argument("--out", type=Path, metavar="FILE.pdf", help="write the test label (PDF)")
    what.add_argument(
        "--check",
        action="store_true",
        help="read one scan of the test label from the terminal (or a pipe) and say what "
        "to change; exit 0 when it arrived intact, 1 when not",
    )
    selftest.add_argument(
        "--template",
        choices=list(TEMPLATES),
        help="label stock to print the test label on (with --out)",
    )


def _selftest(args: argparse.Namespace, session: Session) -> int:
    del session  # no database and no sign-in: the test touches no record
    if args.check:
        if args.template is not None:
            raise UsageError("--template goes with --out (printing the test label), not --check.")
        return _check()
    if args.template is None:
        raise UsageError(f"--out needs --template: one of {', '.join(TEMPLATES)}.")
    target = Path(args.out).expanduser()
    if target.is_dir():
        raise UsageError(f"--out {target} is a folder; name the PDF file to write.")
    if not target.parent.is_dir():
        raise UsageError(f"The folder for --out does not exist: {target.parent}")
    try:
        result = selftest_page(args.template, target)
    except (TemplateError, OSError) as error:
        raise UsageError(f"The PDF could not be written: {error}") from None
    if result.has_code128:
        out(f"Scanner self-test label (QR code and Code 128) written to {target}")
    else:
        out(f"Scanner self-test label (QR code) written to {target}")
        out(
            f"note: the Code 128 barcode (for 1D scanners) does not fit on {args.template}; "
            f"it is on {', '.join(code128_templates())}."
        )
    out("Then run `custody-cli labels selftest --check` and scan it.")
    return 0


def _check() -> int:
    received, ended_with_enter = read_scan(PROMPT)
    diagnosis = diagnose(received, ended_with_enter=ended_with_enter)
    for line in report(received, ended_with_enter, diagnosis):
        out(line)
    return 0 if diagnosis.ok else 1


def report(received: str, ended_with_enter: bool, diagnosis: Diagnosis) -> list[str]:
    """What the clerk reads: what arrived, then OK or each problem and its fix."""
    enter = "ended with Enter" if ended_with_enter else "no Enter after it"
    lines = [f"Received: {escape(received, 100)} ({len(received)} characters, {enter})"]
    if diagnosis.ok:
        lines.append("OK: the scanner works with this computer. Nothing to change.")
        return lines
    for problem in diagnosis.problems:
        lines.append(f"PROBLEM: {problem.message}")
        lines.append(f"  Fix: {problem.fix}")
    return lines


def read_scan(prompt: str) -> tuple[str, bool]:
    """One scan from standard input: ``(text without the line end, ended_with_enter)``. At a
    terminal ``prompt`` goes to standard error once the terminal is ready for the scan."""
    if sys.stdin.isatty():
        if sys.platform == "win32":
            err(prompt)
            return _read_console()
        return _read_terminal(sys.stdin.fileno(), prompt)
    raw = sys.stdin.buffer.readline(_MAX_BYTES)
    body = raw.rstrip(_LINE_ENDS)
    return body.decode("utf-8", errors="replace"), body != raw


if sys.platform == "win32":
    import msvcrt

    def _read_console() -> tuple[str, bool]:
        """Key by key from the Windows console (not run in the test suite)."""
        chars: list[str] = []
        last = time.monotonic()
        while len(chars) < MAX_RECEIVED_LENGTH + 1:
            if msvcrt.kbhit():
                ch = msvcrt.getwch()
                if ch in "\r\n":
                    return "".join(chars), True
                chars.append(ch)
                last = time.monotonic()
            elif chars and time.monotonic() - last > IDLE_SECONDS:
                break
            else:
                time.sleep(0.002)
        return "".join(chars), False

else:
    import select
    import termios

    def _read_terminal(fd: int, prompt: str) -> tuple[str, bool]:
        """Byte by byte from a POSIX terminal, without echo or line editing; Ctrl+C works."""
        saved = termios.tcgetattr(fd)
        raw = termios.tcgetattr(fd)
        raw[0] &= ~(termios.ICRNL | termios.INLCR | termios.IGNCR)  # keep CR as CR
        raw[3] &= ~(termios.ICANON | termios.ECHO)
        raw[6][termios.VMIN], raw[6][termios.VTIME] = 1, 0
        termios.tcsetattr(fd, termios.TCSAFLUSH, raw)  # drops anything typed before the prompt
        data = bytearray()
        try:
            err(prompt)
            while len(data) <= _MAX_BYTES:
                ready, _, _ = select.select([fd], [], [], IDLE_SECONDS if data else None)
                chunk = os.read(fd, 256) if ready else b""
                if not chunk:  # idle after the last character, or end of input
                    break
                for byte in chunk:
                    if byte in _LINE_ENDS:
                        return data.decode("utf-8", errors="replace"), True
                    data.append(byte)
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        return data.decode("utf-8", errors="replace"), False
