"""Print through the operating system's print service (CUPS) with its ``lp`` command.

A PDF prints at TRUE scale on a page set EXPLICITLY to the label stock's size; raw data (ZPL)
passes through unfiltered (``-o raw``) to a raw queue, e.g. a Zebra printer's port 9100.

What CUPS 2.4.2 with cups-filters 1.28 (Debian 12) does, tried with the cups-pdf driver:

- ``media=Custom.WxH`` (points) sets the page. A standard size maps to the PPD's own paper
  (``Custom.612x792`` prints on Letter, ``Custom.595.28x841.89`` on A4); a label roll gets a custom
  page (cups-pdf writes a 144 x 72 pt page for a 2"x1" label). Without it the queue's default paper
  (A4 or Letter) is used and the label is enlarged onto it.
- ``print-scaling=none`` prints a page that does not match the media at true scale, centred and
  cropped; pdftopdf's default, ``auto``, scales it (fills or shrinks to fit). It wins over a
  ``fit-to-page=true`` default. ``fit-to-page=false`` alone does not stop the scaling; it is sent
  too, for filter chains that read only that.
- ``-n 1``, ``number-up=1``, portrait and no banner pages override queue defaults that would
  duplicate, shrink, turn or waste labels.

Every failure is a :class:`CupsError` whose message is meant for a clerk. ``lp`` and ``lpstat`` run
with ``LC_ALL=C`` (their messages are parsed) and a timeout.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from custody.domain.messages import t

__all__ = [
    "LP_TIMEOUT",
    "CupsError",
    "UnknownQueue",
    "check_queue",
    "media_option",
    "submit_pdf",
    "submit_raw",
    "valid_queue_name",
]

LP_TIMEOUT = 30.0  # seconds for one lp/lpstat call
_NAME_FORBIDDEN = frozenset(" \t/\\?'\"#")
_MAX_NAME = 127
_JOB_ID = re.compile(r"request id is (\S+)")
_TRUE_SCALE = ("print-scaling=none", "fit-to-page=false", "number-up=1")
_PLAIN = ("orientation-requested=3", "job-sheets=none")


class CupsError(RuntimeError):
    """The print service could not take the job; the message is for a clerk and names the
    printer (CUPS queue)."""

    def __init__(self, message: str, queue: str) -> None:
        super().__init__(message)
        self.message = message
        self.queue = queue

    def __str__(self) -> str:
        return self.message


class UnknownQueue(CupsError):
    """There is no printer (CUPS queue) by that name; ``available`` lists the ones there are."""

    def __init__(self, message: str, queue: str, available: Sequence[str]) -> None:
        super().__init__(message, queue)
        self.available = tuple(available)


def valid_queue_name(name: str) -> bool:
    """CUPS's rule for a printer name: 1-127 bytes (UTF-8) of printable characters, none of
    SPACE, TAB, / \\ ? ' \" #."""
    return (
        0 < len(name.encode("utf-8", "surrogatepass")) <= _MAX_NAME
        and name.isprintable()
        and not any(ch in _NAME_FORBIDDEN for ch in name)
    )


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def media_option(width: float, height: float) -> str:
    """The ``media`` value for a page of ``width`` x ``height`` points, e.g. ``Custom.144x72``."""
    if not (math.isfinite(width) and math.isfinite(height) and width > 0 and height > 0):
        raise ValueError(f"A page of {width} x {height} points is not a page.")
    return f"Custom.{_number(width)}x{_number(height)}"


def _tool(name: str, queue: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise CupsError(
            t(
                "Printing to {queue} needs the print service's '{command}' command, which is "
                "not installed on this computer (Debian: apt-get install cups-client). Ask IT.",
                queue=queue,
                command=name,
            ),
            queue,
        )
    return path


def _run(
    argv: Sequence[str], queue: str, *, data: bytes | None = None, timeout: float
) -> subprocess.CompletedProcess[str]:
    """Run lp/lpstat (found on PATH; an argument list, no shell), text out."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        proc = subprocess.run(  # noqa: S603 - fixed tools, options built here, no shell
            list(argv),
            input=data,
            stdin=subprocess.DEVNULL if data is None else None,
            capture_output=True,
            env=env,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise CupsError(
            t(
                "The print service did not answer within {seconds} s, so nothing was sent to "
                "{queue}. Is CUPS running? Try again, or ask IT.",
                seconds=f"{timeout:g}",
                queue=queue,
            ),
            queue,
        ) from None
    except OSError as error:
        raise CupsError(
            t(
                "The print service's '{command}' command could not run: {error}. Ask IT.",
                command=Path(argv[0]).name,
                error=error.strerror or error,
            ),
            queue,
        ) from None
    return subprocess.CompletedProcess(
        proc.args,
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def _detail(text: str) -> str:
    """lp/lpstat's message without its 'lp: ' prefix, on one line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    joined = " ".join(re.sub(r"^(lp|lpstat): ", "", line) for line in lines)
    return joined.removeprefix("Error - ").rstrip(".") or t("no reason given")


def _reason(lines: list[str]) -> str:
    """The indented reason lines lpstat prints under a printer, if any."""
    reasons = [line.strip() for line in lines[1:] if line[:1].isspace() and line.strip()]
    return "; ".join(reasons)


def _destinations(lpstat: str, queue: str, timeout: float) -> list[str]:
    listed = _run([lpstat, "-e"], queue, timeout=timeout)
    return sorted(line.strip() for line in listed.stdout.splitlines() if line.strip())


def check_queue(queue: str, *, timeout: float = LP_TIMEOUT) -> None:
    """Raise :class:`CupsError` unless ``queue`` is a printer (CUPS queue) on this computer that
    is enabled and accepting jobs (:class:`UnknownQueue` when there is no such printer)."""
    if not valid_queue_name(queue):
        raise CupsError(
            t(
                "{queue} is not a printer name: a name has no spaces and none of / \\ ? ' \" #.",
                queue=repr(queue),
            ),
            queue,
        )
    lpstat = _tool("lpstat", queue)
    shown = _run([lpstat, f"-p{queue}"], queue, timeout=timeout)
    lines = shown.stdout.splitlines()
    if shown.returncode != 0 or not lines:
        running = _run([lpstat, "-r"], queue, timeout=timeout)
        if "is running" not in running.stdout:
            raise CupsError(
                t(
                    "The print service (CUPS) is not running on this computer, so nothing can "
                    "be printed to {queue}. Ask IT to start it.",
                    queue=queue,
                ),
                queue,
            )
        known = _destinations(lpstat, queue, timeout)
        if queue in known:  # a class, or a printer CUPS discovered but has not set up yet
            return
        listed = ", ".join(known) if known else t("none; ask IT to add the printer")
        raise UnknownQueue(
            t(
                "There is no printer called {queue} on this computer. Printers: {printers}.",
                queue=repr(queue),
                printers=listed,
            ),
            queue,
            known,
        )
    if " disabled since " in lines[0]:
        why = _reason(lines)
        raise CupsError(
            t(
                "The printer {queue} is paused in the print service ({why}). Resume it "
                "(cupsenable {queue}), then print again.",
                queue=queue,
                why=why,
            )
            if why
            else t(
                "The printer {queue} is paused in the print service. Resume it "
                "(cupsenable {queue}), then print again.",
                queue=queue,
            ),
            queue,
        )
    accepting = _run([lpstat, f"-a{queue}"], queue, timeout=timeout)
    lines = accepting.stdout.splitlines()
    if lines and " not accepting " in lines[0]:
        why = _reason(lines)
        raise CupsError(
            t(
                "The printer {queue} is not accepting jobs ({why}). Let it accept them again "
                "(cupsaccept {queue}), then print again.",
                queue=queue,
                why=why,
            )
            if why
            else t(
                "The printer {queue} is not accepting jobs. Let it accept them again "
                "(cupsaccept {queue}), then print again.",
                queue=queue,
            ),
            queue,
        )


def _title(text: str) -> str:
    clean = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    return clean[:200] or "Custody"


def _submit(
    queue: str, options: Sequence[str], title: str, data: bytes | Path, timeout: float
) -> str:
    check_queue(queue, timeout=timeout)
    lp = _tool("lp", queue)
    argv = [lp, f"-d{queue}", "-n", "1", "-t", _title(title)]
    for option in options:
        argv += ["-o", option]
    if isinstance(data, Path):
        argv.append(str(data.resolve()))  # absolute: never read as an option
        sent = _run(argv, queue, timeout=timeout)
    else:
        sent = _run(argv, queue, data=data, timeout=timeout)  # lp reads stdin: no file
    if sent.returncode != 0:
        raise CupsError(
            t(
                "The printer {queue} did not take the job: {detail}.",
                queue=queue,
                detail=_detail(sent.stderr),
            ),
            queue,
        )
    found = _JOB_ID.search(sent.stdout)
    return found.group(1) if found else sent.stdout.strip()


def submit_pdf(
    pdf: Path | bytes,
    queue: str,
    page_size_pt: tuple[float, float],
    title: str,
    *,
    timeout: float = LP_TIMEOUT,
) -> str:
    """Print ``pdf`` (a file or its bytes) on ``queue`` at true scale on a page of
    ``page_size_pt`` (width, height in points); return the CUPS job id, e.g. ``LABELS-42``."""
    width, height = page_size_pt
    options = (f"media={media_option(width, height)}", *_TRUE_SCALE, *_PLAIN)
    return _submit(queue, options, title, pdf, timeout)


def submit_raw(data: bytes, queue: str, title: str, *, timeout: float = LP_TIMEOUT) -> str:
    """Send ``data`` unfiltered (``-o raw``) to ``queue``; return the CUPS job id."""
    if not data:
        raise ValueError(t("Nothing to print."))
    return _submit(queue, ("raw",), title, data, timeout)
