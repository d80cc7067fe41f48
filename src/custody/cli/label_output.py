"""Where `custody-cli labels` sends its output, and the sending: a file, a CUPS printer, or a
network label printer's raw TCP port.

``--printer`` takes either a network address or a printer name; the rule is unambiguous:

- a network address (raw TCP, ZPL only): ``tcp://HOST[:PORT]``, ``HOST:PORT``, ``[IPv6]``,
  ``[IPv6]:PORT``, or a bare IP address (``10.0.0.7``, ``fe80::1``); port 9100 by default;
- anything else is the name of a printer (CUPS queue) on this computer (``lpstat -e`` lists
  them): a PDF prints at true scale on a page of the label stock's size, ZPL goes raw.

So a label printer known by host name alone is written ``tcp://zebra1`` or ``zebra1:9100``.
Every check that can fail before printing (the file's folder, the address, whether the printer
exists and takes jobs) runs before anything is journaled.
"""

from __future__ import annotations

import ipaddress
import tempfile
from dataclasses import dataclass
from pathlib import Path

from custody.atomic import write_atomically
from custody.cli.common import UsageError, err
from custody.domain.label_layout import LabelContent
from custody.domain.label_templates import TEMPLATES, Calibration
from custody.render import cups
from custody.render.label_pdf import calibration_page, render_labels
from custody.render.label_zpl import SHEET_REFUSAL, render_zpl
from custody.render.raw_printer import DEFAULT_PORT, PrinterError, send_raw
from custody.services.labels import IssuedLabel

__all__ = [
    "PDF_TO_ADDRESS_REFUSAL",
    "PRINTER_HELP",
    "Destination",
    "check_file",
    "deliver",
    "not_printed",
    "output_for",
    "parse_printer",
    "printer_destination",
]

PRINTER_HELP = (
    "a printer (CUPS queue) by name, e.g. LABELS (PDF or ZPL); or, for zpl only, a network "
    f"label printer: tcp://HOST[:PORT], HOST:PORT or an IP address (raw TCP, port {DEFAULT_PORT} "
    "by default)"
)
PDF_TO_ADDRESS_REFUSAL = (
    "A PDF cannot go to a network address: a label printer's raw port takes ZPL only "
    "(--format zpl). To print the PDF, name a printer (lpstat -e lists them), e.g. "
    "--printer LABELS, or write it with --out FILE.pdf."
)
_TCP = "tcp://"
_ADDRESS_HINT = (
    " To send ZPL to a network label printer instead, give its address with a port "
    f"(HOST:{DEFAULT_PORT}) or as tcp://HOST."
)


@dataclass(frozen=True)
class Destination:
    """A file (``path``), a printer (CUPS ``queue``) or a network label printer
    (``host``/``port``, raw TCP)."""

    path: Path | None = None
    queue: str = ""
    host: str = ""
    port: int = DEFAULT_PORT

    def __str__(self) -> str:
        if self.path is not None:
            return str(self.path)
        if self.queue:
            return f"printer {self.queue}"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"the label printer at {host}:{self.port}"


def check_file(raw: Path, what: str) -> Path:
    """``--out``: a file in an existing folder."""
    target = raw.expanduser()
    if target.is_dir():
        raise UsageError(f"--out {target} is a folder; name the {what} file to write.")
    if not target.parent.is_dir():
        raise UsageError(f"The folder for --out does not exist: {target.parent}")
    return target


def parse_printer(raw: str) -> tuple[str, int]:
    """A network address: 'HOST', 'HOST:PORT', '[IPv6]', '[IPv6]:PORT' or a bare IPv6 address
    -> (host, port)."""
    text = raw.strip()
    host, port_text = text, ""
    if text.startswith("["):
        inside, bracket, rest = text[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            raise UsageError(f"--printer {raw!r}: write an IPv6 address as [ADDRESS]:PORT.")
        host, port_text = inside, rest[1:]
        if rest and not port_text:
            raise UsageError(f"--printer {raw!r}: the port is missing after ':'.")
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
        if not port_text:
            raise UsageError(f"--printer {raw!r}: the port is missing after ':'.")
    host = host.strip()
    if not host:
        raise UsageError("--printer needs a printer name or address (HOST[:PORT]).")
    if not port_text:
        return host, DEFAULT_PORT
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise UsageError(f"--printer {raw!r}: the port must be a number from 1 to 65535.")
    return host, int(port_text)


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def printer_destination(raw: str) -> Destination:
    """``--printer``: a network address (raw TCP) or a printer name (CUPS queue); see the module
    docstring for the rule. Only the syntax is checked here."""
    text = raw.strip()
    if not text:
        raise UsageError("--printer needs a printer name or a network address (HOST:PORT).")
    if text[: len(_TCP)].lower() == _TCP:
        host, port = parse_printer(text[len(_TCP) :])
        return Destination(host=host, port=port)
    if text.startswith("[") or ":" in text or _is_ip(text):
        host, port = parse_printer(text)
        return Destination(host=host, port=port)
    if not cups.valid_queue_name(text):
        raise UsageError(
            f"--printer {raw!r} is not a printer name: a name has no spaces and none of "
            "/ \\ ? ' \" #. A network label printer is written HOST:PORT or tcp://HOST."
        )
    return Destination(queue=text)


def _check_queue(queue: str) -> None:
    try:
        cups.check_queue(queue)
    except cups.UnknownQueue as error:
        raise UsageError(f"{error}{_ADDRESS_HINT}") from None
    except cups.CupsError as error:
        raise UsageError(str(error)) from None


def output_for(fmt: str, template: str, out: Path | None, printer: str | None) -> Destination:
    """Validate the output options, and that a named printer exists and takes jobs (before
    anything is journaled)."""
    if fmt == "zpl":
        t = TEMPLATES[template]
        if t.dpi is None or t.per_page != 1:  # as render_zpl refuses, but before journaling
            raise UsageError(SHEET_REFUSAL)
    if printer is None:
        assert out is not None  # argparse: --out or --printer is required
        return Destination(path=check_file(out, fmt.upper()))
    target = printer_destination(printer)
    if target.queue:
        _check_queue(target.queue)
    elif fmt == "pdf":
        raise UsageError(PDF_TO_ADDRESS_REFUSAL)
    return target


def not_printed(issued: list[IssuedLabel], what: str) -> None:
    """Tell the clerk which journaled serials did not reach paper (or a file)."""
    if issued:
        serials = ", ".join(str(label.code.serial) for label in issued)
        err(
            f"note: serial(s) {serials} were journaled but {what}; "
            "print them again with --reprint --reason."
        )


def _title(template: str, issued: list[IssuedLabel]) -> str:
    first, last = issued[0].code.serial, issued[-1].code.serial
    span = f"serial {first}" if first == last else f"serials {first}-{last}"
    return f"Custody labels {template} {span}"


def deliver(
    fmt: str,
    template: str,
    start_at: int,
    contents: list[tuple[LabelContent, str]],
    issued: list[IssuedLabel],
    target: Destination,
    calibration: Calibration | None = None,
) -> str | None:
    """Render the journaled labels and write or send them; return the CUPS job id for a printer
    queue. On failure the clerk is told which serials did not print (:class:`UsageError`).
    ``calibration``: the printer's stored offsets (PDF to a printer queue only)."""
    if fmt == "pdf":
        return _deliver_pdf(template, start_at, contents, issued, target, calibration)
    try:
        data = render_zpl(contents, template)
    except ValueError as error:  # a sheet template, or a label that does not fit
        not_printed(issued, "no ZPL was produced")
        raise UsageError(f"The ZPL could not be made: {error}") from None
    if target.path is not None:
        try:
            write_atomically(target.path, data)
        except OSError as error:
            not_printed(issued, "no ZPL file was written")
            raise UsageError(f"The ZPL file could not be written: {error}") from None
        return None
    try:
        if target.queue:
            return cups.submit_raw(data, target.queue, _title(template, issued))
        send_raw(data, target.host, target.port)
    except (PrinterError, cups.CupsError, ValueError) as error:
        not_printed(issued, "they may not have printed")
        raise UsageError(str(error)) from None
    return None


def _deliver_pdf(
    template: str,
    start_at: int,
    contents: list[tuple[LabelContent, str]],
    issued: list[IssuedLabel],
    target: Destination,
    calibration: Calibration | None,
) -> str | None:
    if target.path is not None:
        try:
            render_labels(contents, template, start_at=start_at, out=target.path)
        except (ValueError, OSError) as error:
            not_printed(issued, "no PDF was written")
            raise UsageError(f"The PDF could not be written: {error}") from None
        return None
    t = TEMPLATES[template]
    with tempfile.TemporaryDirectory(prefix="custody-labels-") as folder:
        pdf = Path(folder) / "labels.pdf"
        try:
            render_labels(contents, template, start_at=start_at, calibration=calibration, out=pdf)
        except (ValueError, OSError) as error:
            not_printed(issued, "no PDF was made")
            raise UsageError(f"The PDF could not be made: {error}") from None
        try:
            return cups.submit_pdf(
                pdf, target.queue, (t.page_width, t.page_height), _title(template, issued)
            )
        except (cups.CupsError, ValueError) as error:
            not_printed(issued, "they may not have printed")
            raise UsageError(str(error)) from None


def print_calibration(template: str, target: Destination, calibration: Calibration | None) -> str:
    """Send a calibration page (with the printer's offsets) to a CUPS queue; the job id."""
    t = TEMPLATES[template]
    with tempfile.TemporaryDirectory(prefix="custody-calibration-") as folder:
        pdf = Path(folder) / "calibration.pdf"
        try:
            calibration_page(template, pdf, calibration)
            return cups.submit_pdf(
                pdf, target.queue, (t.page_width, t.page_height), f"Custody calibration {template}"
            )
        except (cups.CupsError, ValueError, OSError) as error:
            raise UsageError(f"The calibration page could not be printed: {error}") from None
