"""The screen renderer of the label QR code: QPainter over :func:`custody.render.qr.qr_matrix`.

One QR matrix, two renderers: the PDF labels paint it with reportlab, this module with QPainter
(as Electrum's ``draw_qr``). The matrix carries no quiet zone, so both add the 4-module quiet
zone themselves. Modules are whole device pixels, dark runs are merged into one rectangle each,
and antialiasing stays off, so the symbol is sharp and a camera or ``zxing-cpp`` can read it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["QUIET_ZONE", "QrCodeWidget", "render_qr_image"]

QUIET_ZONE = 4  # modules of white on each side
MIN_MODULE_PX = 3
HINT_MODULE_PX = 4
_VERSION_1_MODULES = 21  # the smallest symbol: the size hints when there is no payload
_WHITE = QColor(Qt.GlobalColor.white)
_BLACK = QColor(Qt.GlobalColor.black)


def _side_px(modules: int, module_px: int) -> int:
    return (modules + 2 * QUIET_ZONE) * module_px


def _paint_matrix(painter: QPainter, matrix: list[list[bool]], module_px: int) -> None:
    """Dark runs as black rectangles; the origin is the outer corner of the quiet zone."""
    from custody.render.qr import matrix_runs  # qrcode: imported at the first symbol

    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_BLACK)
    for row, col, length in matrix_runs(matrix):
        painter.drawRect(
            QRect(
                (col + QUIET_ZONE) * module_px,
                (row + QUIET_ZONE) * module_px,
                length * module_px,
                module_px,
            )
        )


def _matrix_image(matrix: list[list[bool]], module_px: int) -> QImage:
    side = _side_px(len(matrix), module_px)
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(_WHITE)
    painter = QPainter(image)
    try:
        _paint_matrix(painter, matrix, module_px)
    finally:
        painter.end()
    return image


def render_qr_image(payload: str, module_px: int) -> QImage:
    """The symbol with its quiet zone, ``module_px`` pixels per module, black on white.

    Raises ``ValueError`` for an empty payload or a module size below 1 pixel.
    """
    if module_px < 1:
        raise ValueError(f"module size must be at least 1 pixel, got {module_px}")
    from custody.render.qr import qr_matrix

    return _matrix_image(qr_matrix(payload), module_px)


class QrCodeWidget(QWidget):
    """Shows one payload as a QR code, as large as whole-pixel modules allow, centred."""

    def __init__(self, payload: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._payload: str | None = None
        self._matrix: list[list[bool]] | None = None
        self._cache: tuple[int, QImage] | None = None  # (module px, image) for this matrix
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.set_payload(payload)

    def payload(self) -> str | None:
        return self._payload

    def set_payload(self, payload: str | None) -> None:
        """Show ``payload``; ``None`` or ``""`` shows only the white background."""
        payload = payload or None
        if payload == self._payload:
            return
        from custody.render.qr import qr_matrix

        # Compute first: an unencodable payload raises and leaves the widget as it was.
        matrix = qr_matrix(payload) if payload is not None else None
        self._payload = payload
        self._matrix = matrix
        self._cache = None
        self.updateGeometry()
        self.update()

    def _modules(self) -> int:
        return len(self._matrix) if self._matrix is not None else _VERSION_1_MODULES

    def minimumSizeHint(self) -> QSize:
        side = _side_px(self._modules(), MIN_MODULE_PX)
        return QSize(side, side)

    def sizeHint(self) -> QSize:
        side = _side_px(self._modules(), HINT_MODULE_PX)
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def _image(self, module_px: int) -> QImage:
        assert self._matrix is not None
        if self._cache is None or self._cache[0] != module_px:
            self._cache = (module_px, _matrix_image(self._matrix, module_px))
        return self._cache[1]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.fillRect(self.rect(), _WHITE)
            if self._matrix is None:
                return
            # Whole DEVICE pixels per module, so the symbol stays sharp on high-DPI screens.
            dpr = self.devicePixelRatioF()
            width_px = int(self.width() * dpr)
            height_px = int(self.height() * dpr)
            module_px = min(width_px, height_px) // _side_px(len(self._matrix), 1)
            if module_px < 1:
                return  # too small to draw a readable symbol
            image = self._image(module_px)
            side = image.width()
            image.setDevicePixelRatio(dpr)
            origin = QPointF((width_px - side) // 2 / dpr, (height_px - side) // 2 / dpr)
            painter.drawImage(origin, image)
        finally:
            painter.end()
