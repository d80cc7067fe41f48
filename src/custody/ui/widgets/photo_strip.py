"""Thumbnails of a sample's photographs, each with its file name and SHA-256 in the tooltip."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

from custody.services.photos import PhotoView

__all__ = ["SHA_ROLE", "PhotoStrip"]

THUMB = 128
SHA_ROLE = Qt.ItemDataRole.UserRole + 1  # the photo's SHA-256 (hex)


class PhotoStrip(QListWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("photos")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 40, THUMB + 40))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)

    def set_photos(self, photos: Sequence[tuple[PhotoView, bytes]]) -> None:
        self.clear()
        for photo, data in photos:
            pixmap = QPixmap()
            loaded = pixmap.loadFromData(data)
            item = QListWidgetItem(photo.filename)
            if loaded:
                item.setIcon(
                    QIcon(
                        pixmap.scaled(
                            THUMB,
                            THUMB,
                            Qt.AspectRatioMode.KeepAspectRatio,
                            Qt.TransformationMode.SmoothTransformation,
                        )
                    )
                )
            size = QLocale().formattedDataSize(photo.size_bytes)
            note = "" if loaded else self.tr("\n(the image cannot be shown)")
            item.setToolTip(
                self.tr("{name} ({kind}, {size})\nSHA-256 {sha}").format(
                    name=photo.filename, kind=photo.media_type, size=size, sha=photo.sha256
                )
                + note
            )
            item.setData(SHA_ROLE, photo.sha256)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.addItem(item)
