"""Image headers read without decoding: so a tiny file claiming a gigantic picture (a
decompression bomb) is refused before anything allocates memory for it."""

from __future__ import annotations

import struct

MAX_SIDE = 8000  # pixels, either side
MAX_PHOTO_BYTES = 2 * 1024 * 1024  # a persona photo's file

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
_SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG or JPEG from its header, or None if it cannot be read."""
    if data.startswith(PNG_MAGIC):
        if len(data) < 24 or data[12:16] != b"IHDR":
            return None
        return struct.unpack(">II", data[16:24])
    if data.startswith(JPEG_MAGIC):
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if marker in _SOF_MARKERS:
            if i + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        i += 2 + length
    return None


def check_image(data: bytes) -> str | None:
    """A reason to refuse the image, or None when it is acceptable."""
    if not (data.startswith(PNG_MAGIC) or data.startswith(JPEG_MAGIC)):
        return "photo data is not a PNG or JPEG image"
    size = image_size(data)
    if size is None:
        return "photo data is a damaged image (its size cannot be read)"
    width, height = size
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        return f"the photo is {width}×{height} pixels; Mapper accepts up to {MAX_SIDE} a side"
    return None
