"""Decode user images (persona photos) with Qt under a memory limit."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImageReader, QPixmap

from mapper.fileformat.images import check_image

ALLOCATION_LIMIT_MB = 64


def safe_pixmap(data: bytes, max_side: int = 512) -> QPixmap | None:
    """A (scaled-down) pixmap, or None for anything suspicious or undecodable."""
    if check_image(data) is not None:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > max_side:
        reader.setScaledSize(size.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else QPixmap.fromImage(image)
