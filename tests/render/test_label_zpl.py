"""ZPL for roll templates: the ^GFA QR decodes back exactly, structure and dots match the template,
text cannot inject commands; raw TCP sending over loopback only."""

from __future__ import annotations

import re
import socket
import threading
from dataclasses import dataclass, replace

import pytest
import zxingcpp
from PIL import Image

from custody.domain import labelcode
from custody.domain.label_layout import LabelContent, QrItem, TextItem, plan
from custody.domain.label_templates import TEMPLATES, TemplateError
from custody.domain.labelcode import Code, LabelKind
from custody.render.label_pdf import measure, measure_bold
from custody.render.label_zpl import SHEET_REFUSAL, escape_field_data, qr_graphic, render_zpl
from custody.render.qr import qr_matrix
from custody.render.raw_printer import PrinterError, send_raw

KEY = bytes(range(32))
ROLLS = [name for name, t in TEMPLATES.items() if t.dpi is not None]
SHEETS = [name for name, t in TEMPLATES.items() if t.dpi is None]
INJECTION = "polvo ^XZ~JA^XA^FO0,0^FDpwned^FS~JR _5E \\ fin"

_GF = re.compile(r"\^FO(\d+),(\d+)\^GFA,(\d+),(\d+),(\d+),([0-9A-F]*)\^FS")
_FD = re.compile(r"\^FO(\d+),(\d+)\^A0N,(\d+),(\d+)\^FH_\^FD(.*?)\^FS")
_GB = re.compile(r"\^FO(\d+),(\d+)\^GB(\d+),(\d+),(\d+)\^FS")


def _labels(
    count: int, description: str = "Bolsa con polvo blanco"
) -> list[tuple[LabelContent, str]]:
    out: list[tuple[LabelContent, str]] = []
    for i in range(count):
        ident = f"MX-AICM-2026-{123 + i:06d}"
        content = LabelContent(
            id_text=ident,
            case_exhibit=f"FED/CDMX/0004417/2026 · Ex. {i + 1}",
            date="2026-09-01",
            initials="JRM",
            description=description,
            weight="12.3456 g",
            seal="A-0004417",
            hazard=True,
            reprint=1 if i == 1 else 0,
        )
        code = Code(LabelKind.SAMPLE, ident.replace("-", ""), 5 + i)
        out.append((content, labelcode.encode(code, KEY)))
    return out


def _unescape(data: str) -> str:
    raw = re.sub(r"_([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), data)
    return raw


@dataclass
class Format:
    text: str
    width: int
    length: int


def _formats(zpl: bytes) -> list[Format]:
    text = zpl.decode("utf-8")
    assert text.count("^XA") == text.count("^XZ")
    chunks = [c for c in text.split("^XZ") if c.strip()]
    out: list[Format] = []
    for chunk in chunks:
        assert chunk.strip().startswith("^XA") and chunk.count("^XA") == 1
        assert "^CI28" in chunk
        pw = re.findall(r"\^PW(\d+)", chunk)
        ll = re.findall(r"\^LL(\d+)", chunk)
        assert len(pw) == 1 and len(ll) == 1
        out.append(Format(chunk, int(pw[0]), int(ll[0])))
    return out


def _rasterise(fmt: Format) -> Image.Image:
    img = Image.new("1", (fmt.width, fmt.length), 1)
    graphics = _GF.findall(fmt.text)
    assert len(graphics) == 1
    x, y, total, total2, per_row, data = graphics[0]
    total_i, per_row_i = int(total), int(per_row)
    assert int(total2) == total_i and len(data) == 2 * total_i and total_i % per_row_i == 0
    raw = bytes.fromhex(data)
    rows = total_i // per_row_i
    bitmap = Image.frombytes("1", (per_row_i * 8, rows), raw)
    bitmap = Image.eval(bitmap.convert("L"), lambda v: 255 - v)  # ZPL: 1 bit = black
    assert int(x) + per_row_i * 8 <= fmt.width + 7 and int(y) + rows <= fmt.length
    img = img.convert("L")
    img.paste(bitmap, (int(x), int(y)))
    return img


@pytest.mark.parametrize("name", ROLLS)
def test_qr_graphic_decodes_to_exact_payload(name: str) -> None:
    t = TEMPLATES[name]
    labels = _labels(3)
    formats = _formats(render_zpl(labels, name))
    assert len(formats) == len(labels)
    dpi = t.effective_dpi
    for fmt, (_content, payload) in zip(formats, labels, strict=True):
        assert fmt.width == round(t.label_width * dpi / 72)
        assert fmt.length == round(t.label_height * dpi / 72)
        img = _rasterise(fmt)
        results = zxingcpp.read_barcodes(img)
        assert [r.text for r in results] == [payload], name
        assert labelcode.parse(payload, KEY) is not None


def test_both_thermal_dpis_covered() -> None:
    assert {TEMPLATES[n].dpi for n in ROLLS} >= {203, 300}
    fmt203 = _formats(render_zpl(_labels(1), "thermal-2x1-203"))[0]
    assert (fmt203.width, fmt203.length) == (406, 203)
    fmt300 = _formats(render_zpl(_labels(1), "thermal-2x1-300"))[0]
    assert (fmt300.width, fmt300.length) == (600, 300)


@pytest.mark.parametrize("name", ROLLS)
def test_graphic_is_exactly_the_matrix(name: str) -> None:
    t = TEMPLATES[name]
    content, payload = _labels(1)[0]
    matrix = qr_matrix(payload)
    item = plan(t, content, len(matrix), measure, measure_bold).items[0]
    assert isinstance(item, QrItem)
    k = t.effective_dpi / 72
    dots = round(item.module * k)
    assert dots >= 3 and abs(dots - item.module * k) < 1e-6  # whole dots, as planned
    fmt = _formats(render_zpl([(content, payload)], name))[0]
    x, y = (int(v) for v in _GF.findall(fmt.text)[0][:2])
    assert (x, y) == (round(item.x * k), round((t.label_height - item.y - item.side) * k))
    img = _rasterise(fmt)
    side = len(matrix) * dots
    expected = Image.new("L", img.size, 255)
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                cell = (x + c * dots, y + r * dots, x + (c + 1) * dots, y + (r + 1) * dots)
                expected.paste(0, cell)
    assert img.tobytes() == expected.tobytes()  # the matrix, and nothing else, in the label
    assert x + side <= fmt.width and y + side <= fmt.length


@pytest.mark.parametrize("name", ROLLS)
def test_every_text_is_a_label_text_and_fits(name: str) -> None:
    t = TEMPLATES[name]
    labels = _labels(2)
    for fmt, (content, payload) in zip(_formats(render_zpl(labels, name)), labels, strict=True):
        p = plan(t, content, len(qr_matrix(payload)), measure, measure_bold)
        expected = [i.text for i in p.items if isinstance(i, TextItem)]
        fields = _FD.findall(fmt.text)
        got = [_unescape(f[4]) for f in fields]
        assert got == expected
        for x, y, h, w, _ in fields:
            assert 0 <= int(x) < fmt.width and 0 <= int(y) < fmt.length and h == w
        for x, y, w, h, thick in _GB.findall(fmt.text):
            assert int(x) + int(w) <= fmt.width + 1 and int(y) + int(h) <= fmt.length + 1
            assert int(thick) >= 1


@pytest.mark.parametrize("name", ["thermal-2x1-203", "package-4x2"])
def test_injection_in_text_is_neutralised(name: str) -> None:
    injected = {"description": INJECTION, "case_exhibit": "~JA^XZ", "initials": "^XZ"}
    labels = [(replace(c, **injected), p) for c, p in _labels(2)]
    zpl = render_zpl(labels, name).decode("utf-8")
    assert "~" not in zpl  # no tilde (immediate) command can appear at all
    assert zpl.count("^XA") == 2 and zpl.count("^XZ") == 2
    commands = set(re.findall(r"\^([A-Z0-9@]{2})", zpl))
    assert commands <= {
        "XA",
        "XZ",
        "PW",
        "LL",
        "LH",
        "CI",
        "FO",
        "A0",
        "FH",
        "FD",
        "FS",
        "GF",
        "GB",
    }
    fields = _FD.findall(zpl)
    assert zpl.count("^FD") == len(fields)  # every ^FD is one of ours; data holds no "^"
    assert all("^" not in f[4] for f in fields)
    texts = [_unescape(f[4]) for f in fields]
    assert "polvo ^XZ~JA" in " ".join(texts)  # printed literally (maybe wrapped and cut)
    assert "~JA^XZ" in texts and "^XZ" in texts


def test_escape_round_trip() -> None:
    sample = "a^b~c_d\n\x7fé…"
    escaped = escape_field_data(sample)
    assert not set(escaped) & {"^", "~", "\n", "\x7f"}
    assert _unescape(escaped) == sample


def test_deterministic() -> None:
    labels = _labels(3)
    assert render_zpl(labels, "package-4x2") == render_zpl(labels, "package-4x2")


@pytest.mark.parametrize("name", SHEETS)
def test_sheet_templates_refused(name: str) -> None:
    with pytest.raises(ValueError, match=re.escape(SHEET_REFUSAL)):
        render_zpl(_labels(1), name)


def test_bad_input() -> None:
    with pytest.raises(TemplateError):
        render_zpl(_labels(1), "nope")
    with pytest.raises(ValueError, match="No labels"):
        render_zpl([], "thermal-2x1-203")


def test_qr_graphic_padding() -> None:
    total, per_row, data = qr_graphic([[True, False, True]], 3)
    assert (total, per_row) == (6, 2)
    assert data == "E380" * 3  # 111000111 padded to 16 bits, three dot rows


# --- raw TCP, loopback only -------------------------------------------------------------------


def test_send_raw_delivers_exact_bytes() -> None:
    data = render_zpl(_labels(2), "thermal-2x1-300")
    received = bytearray()
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(10)
        port = server.getsockname()[1]

        def serve() -> None:
            conn, _ = server.accept()
            with conn:
                conn.settimeout(10)
                while chunk := conn.recv(65536):
                    received.extend(chunk)

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        send_raw(data, "127.0.0.1", port, timeout=5)
        thread.join(10)
        assert not thread.is_alive()
    assert bytes(received) == data


def test_refused_connection_is_a_clear_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # the port is closed now: nothing listens there
    with pytest.raises(PrinterError) as info:
        send_raw(b"^XA^XZ", "127.0.0.1", port, timeout=2)
    message = str(info.value)
    assert f"127.0.0.1:{port}" in message and "refused" in message
    assert isinstance(info.value, OSError)
    assert (info.value.host, info.value.port) == ("127.0.0.1", port)


def test_send_raw_validates_arguments() -> None:
    with pytest.raises(ValueError):
        send_raw(b"", "127.0.0.1", 0)
    with pytest.raises(ValueError):
        send_raw(b"", " ", 9100)
