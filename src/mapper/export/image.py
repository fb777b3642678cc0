"""PNG and SVG of the whole map, drawn by the canvas itself (so they look like the screen).

Unlike the PDF export this needs Qt; without a display it runs on Qt's offscreen platform.
"""

from __future__ import annotations

import os
import re
import sys
from xml.parsers import expat

from mapper.export.errors import ExportError
from mapper.model import JourneyMap

SCREEN_DPI = 96.0
MAX_PIXELS = 200_000_000  # about 800 MB of RGBA: refuse beyond, suggest a lower resolution
MARGIN = 24.0
# Everything XML 1.0 cannot hold: it allows only #x9 #xA #xD #x20-#xD7FF #xE000-#xFFFD
# #x10000-#x10FFFF, so no other control character, lone surrogate, U+FFFE or U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _application():
    screen = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not screen and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _scene(journey: JourneyMap):
    from mapper.canvas.scene import JourneyScene
    from mapper.document import Document

    scene = JourneyScene(Document(journey), read_only=True)
    scene.clearSelection()
    scene.set_item_caching(False)  # vector output: no cached pixmaps
    return scene


def _source_rect(scene):
    from PySide6.QtCore import QRectF

    layout = scene.layout
    return QRectF(-MARGIN, -MARGIN, layout.width + 2 * MARGIN, layout.height + 2 * MARGIN)


def render_png(journey: JourneyMap, dpi: float = 192.0) -> bytes:
    """The map as PNG bytes at ``dpi`` (96 = one pixel per canvas pixel at 100%)."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    if not 24 <= dpi <= 1200:
        raise ExportError(f"the resolution must be 24..1200 dpi, not {dpi:g}")
    _application()
    scene = _scene(journey)
    source = _source_rect(scene)
    scale = dpi / SCREEN_DPI
    width, height = round(source.width() * scale), round(source.height() * scale)
    if width * height > MAX_PIXELS:
        most = int(SCREEN_DPI * (MAX_PIXELS / (source.width() * source.height())) ** 0.5)
        raise ExportError(
            f"at {dpi:g} dpi the picture would be {width}×{height} pixels; "
            f"choose {most} dpi or less, or export a PDF"
        )
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, width, height), source)
    painter.end()
    scene.detach()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError("the PNG could not be encoded")
    return bytes(buffer.data())


def render_svg(journey: JourneyMap) -> bytes:
    """The map as an SVG document (vector shapes and real text)."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    from mapper import __version__

    _application()
    scene = _scene(journey)
    source = _source_rect(scene)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(xml_safe(journey.info.title))
    generator.setDescription(f"Journey map exported by Mapper {__version__}")
    painter = QPainter(generator)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    scene.detach()
    return well_formed_svg(bytes(buffer.data()))


def xml_safe(text: str) -> str:
    """``text`` with each character XML cannot hold replaced by U+FFFD (shown as �)."""
    return _NOT_XML.sub("\ufffd", text)


def well_formed_svg(data: bytes) -> bytes:
    """Qt's SVG with the map's text made XML-safe: Qt escapes ``<`` and ``&`` but writes a
    control character in a title as it is, and no XML reader opens such a file."""
    text = xml_safe(data.decode("utf-8", "replace"))
    data = text.encode("utf-8")
    try:
        expat.ParserCreate().Parse(data, True)
    except expat.ExpatError as exc:  # never written: a broken file would look like success
        raise ExportError(f"the SVG came out malformed ({exc}); please report this") from None
    return data
