"""Send raw bytes (ZPL) to a network label printer on its raw TCP port (JetDirect, 9100)."""

from __future__ import annotations

import contextlib
import socket

from custody.domain.messages import Text, t

__all__ = ["DEFAULT_PORT", "PrinterError", "send_raw"]

DEFAULT_PORT = 9100


class PrinterError(OSError):
    """The printer could not be reached or the data could not be sent; the message is for a
    clerk and names ``host:port``."""

    def __init__(self, message: str, host: str, port: int) -> None:
        super().__init__(message)
        self.message = message
        self.host = host
        self.port = port

    def __str__(self) -> str:
        return self.message


def _where(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _reason(exc: OSError, timeout: float) -> Text:
    if isinstance(exc, ConnectionRefusedError):
        return t("the connection was refused. Is the printer on, and is the port right?")
    if isinstance(exc, TimeoutError):
        return t(
            "no answer within {seconds} s. Is the printer on and on the network?",
            seconds=f"{timeout:g}",
        )
    if isinstance(exc, socket.gaierror):
        return t("that printer name or address was not found. Check the address.")
    if isinstance(exc, ConnectionError):
        return t("the printer closed the connection. Check the printer and try again.")
    return t("{error}. Check the printer and its network cable.", error=exc.strerror or exc)


def send_raw(data: bytes, host: str, port: int = DEFAULT_PORT, timeout: float = 10.0) -> None:
    """Connect to ``host:port``, send all of ``data``, close. Raises :class:`PrinterError`."""
    if not host.strip():
        raise ValueError("No printer address given.")
    if not 0 < port < 65536:
        raise ValueError(f"Printer port {port} is not between 1 and 65535.")
    if timeout <= 0:
        raise ValueError("The printer timeout must be positive.")
    where = _where(host, port)
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except OSError as exc:
        raise PrinterError(
            t(
                "Could not reach the label printer at {where}: {reason}",
                where=where,
                reason=_reason(exc, timeout),
            ),
            host,
            port,
        ) from exc
    try:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
    except OSError as exc:
        raise PrinterError(
            t(
                "Sending to the label printer at {where} failed: {reason} "
                "Labels may be incomplete; print them again.",
                where=where,
                reason=_reason(exc, timeout),
            ),
            host,
            port,
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            sock.close()
