"""The screen QR renderer paints the same matrix as the PDF, and zxing-cpp reads it back."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from custody.domain.labelcode import Code, LabelKind, encode
from custody.render.qr import qr_matrix
from custody.ui.widgets.qr_code import QUIET_ZONE, QrCodeWidget, render_qr_image

PAYLOAD = encode(Code(LabelKind.SAMPLE, "MXAICM2026000123", 7), bytes(range(32)))


def _to_pil(image: QImage) -> Image.Image:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(data.data())).convert("L")


def _decoded(image: QImage) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(_to_pil(image))]


def _is_dark(image: QImage, x: int, y: int) -> bool:
    return QColor(image.pixel(x, y)).lightness() < 128


def test_render_qr_image_decodes_to_the_payload() -> None:
    image = render_qr_image(PAYLOAD, 4)
    assert _decoded(image) == [PAYLOAD]


def test_render_qr_image_is_the_render_matrix_with_a_quiet_zone() -> None:
    matrix = qr_matrix(PAYLOAD)
    module = 3
    image = render_qr_image(PAYLOAD, module)
    side = (len(matrix) + 2 * QUIET_ZONE) * module
    assert (image.width(), image.height()) == (side, side)
    for r in range(-QUIET_ZONE, len(matrix) + QUIET_ZONE):
        for c in range(-QUIET_ZONE, len(matrix) + QUIET_ZONE):
            inside = 0 <= r < len(matrix) and 0 <= c < len(matrix)
            expected = inside and matrix[r][c]
            for dy in range(module):  # every pixel of the module: no antialiased edges
                for dx in range(module):
                    x = (c + QUIET_ZONE) * module + dx
                    y = (r + QUIET_ZONE) * module + dy
                    assert QColor(image.pixel(x, y)).lightness() in (0, 255)
                    assert _is_dark(image, x, y) == expected, (r, c)


@pytest.mark.parametrize("module_px", [0, -1])
def test_render_qr_image_rejects_module_sizes_below_one(module_px: int) -> None:
    with pytest.raises(ValueError, match="module size"):
        render_qr_image(PAYLOAD, module_px)


def test_render_qr_image_rejects_an_empty_payload() -> None:
    with pytest.raises(ValueError, match="empty"):
        render_qr_image("", 4)


def test_widget_shows_a_readable_centred_code(qtbot: QtBot) -> None:
    widget = QrCodeWidget()
    qtbot.addWidget(widget)
    widget.set_payload(PAYLOAD)
    widget.resize(300, 300)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.payload() == PAYLOAD

    image = widget.grab().toImage()
    assert _decoded(image) == [PAYLOAD]

    # Whole-pixel modules, centred: the top-left finder pattern starts where expected.
    modules = len(qr_matrix(PAYLOAD)) + 2 * QUIET_ZONE
    module = min(image.width(), image.height()) // modules
    assert module >= 1
    offset = (image.width() - modules * module) // 2 + QUIET_ZONE * module
    assert _is_dark(image, offset, offset)
    assert not _is_dark(image, offset - 1, offset - 1)


def test_widget_size_hints_allow_three_pixels_per_module(qtbot: QtBot) -> None:
    widget = QrCodeWidget(PAYLOAD)
    qtbot.addWidget(widget)
    side = (len(qr_matrix(PAYLOAD)) + 2 * QUIET_ZONE) * 3
    assert widget.minimumSizeHint().width() == side
    assert widget.minimumSizeHint().height() == side
    assert widget.sizeHint().width() >= side


@pytest.mark.parametrize("payload", [None, ""])
def test_widget_without_payload_paints_only_the_background(
    qtbot: QtBot, payload: str | None
) -> None:
    widget = QrCodeWidget(PAYLOAD)
    qtbot.addWidget(widget)
    widget.resize(300, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_payload(payload)
    assert widget.payload() is None

    image = widget.grab().toImage()
    assert _decoded(image) == []
    assert not any(
        _is_dark(image, x, y)
        for y in range(0, image.height(), 5)
        for x in range(0, image.width(), 5)
    )
