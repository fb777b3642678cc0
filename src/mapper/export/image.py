"""PNG and SVG of the whole map, drawn by the canvas itself (so they look like the screen).

Unlike the PDF export this needs Qt; without a display it runs on Qt's offscreen platform.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from xml.parsers import expat
from xml.sax.saxutils import unescape

from mapper.export.errors import ExportError
from mapper.model import JourneyMap

SCREEN_DPI = 96.0
MAX_PIXELS = 200_000_000  # about 800 MB of RGBA: refuse beyond, suggest a lower resolution
MARGIN = 24.0
# Everything XML 1.0 cannot hold: it allows only #x9 #xA #xD #x20-#xD7FF #xE000-#xFFFD
# #x10000-#x10FFFF, so no other control character, lone surrogate, U+FFFE or U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def offscreen_application():
    """The running QApplication, or a new one; on Linux without a display it uses Qt's
    offscreen platform (exports run headless)."""
    screen = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not screen and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


@contextmanager
def quiet_qt() -> Iterator[None]:
    """While an export draws: Qt's chatter (the offscreen platform, a font that cannot
    shape a script) is not the user's business, only its critical messages are said; and
    Ctrl+C ends the process at once (see :func:`interrupt_ends_at_once`)."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = qInstallMessageHandler(_critical_only)
    try:
        with interrupt_ends_at_once():
            yield
    finally:
        qInstallMessageHandler(previous)


@contextmanager
def interrupt_ends_at_once() -> Iterator[None]:
    """Qt draws the items by calling their Python ``paint`` from C++, and a
    KeyboardInterrupt raised in there crashes PySide (a segmentation fault, in the middle
    of ``mapper export MAP -o MAP.png``). So while Qt draws, Ctrl+C ends the process as it
    ends any program, by the signal: nothing is written yet, the old file stays as it was.
    Left alone where Python's own handler is not the one (an editor, a background job)."""
    try:
        replaced = signal.getsignal(signal.SIGINT) is signal.default_int_handler
        if replaced:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
    except ValueError:  # not the main thread: signals are not ours to change
        replaced = False
    try:
        yield
    finally:
        if replaced:
            signal.signal(signal.SIGINT, signal.default_int_handler)


def _critical_only(kind, context, message: str) -> None:
    from PySide6.QtCore import QtMsgType

    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        sys.stderr.write(f"{message}\n")


def _scene(journey: JourneyMap, card_metrics: bool = True):
    from mapper.canvas.painting import qfont
    from mapper.canvas.scene import JourneyScene
    from mapper.document import Document
    from mapper.layout import Style

    style = Style(card_metrics=card_metrics)
    scene = JourneyScene(Document(journey), read_only=True, style=style)
    scene.clearSelection()
    scene.set_item_caching(False)  # vector output: no cached pixmaps
    scene.printing = True  # no editor chrome (the lanes' collapse arrows)
    scene.setFont(qfont(12))  # else shapes' SVG groups name the system's generic "Sans Serif"
    _solid_curves(scene)
    return scene


def _solid_curves(scene) -> None:
    """The active persona's curve in solid green and red pieces instead of one gradient
    pen: Qt's SVG writer drops gradient pens (the curve came out black)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainterPath, QPen
    from PySide6.QtWidgets import QGraphicsPathItem

    from mapper.canvas.curve_path import CurveSegmentItem
    from mapper.canvas.painting import qcolor
    from mapper.layout import theme

    neutral = scene.layout.neutral_y()
    for item in scene.items():
        pen = item.pen() if isinstance(item, CurveSegmentItem) else None
        if pen is None or pen.brush().gradient() is None or neutral is None:
            continue
        boundary = neutral + pen.widthF() / 2  # a stretch lying on 0 is green, as on paper
        for polygon in item.path().toSubpathPolygons():
            points = [(p.x(), p.y()) for p in polygon]
            for below, piece in split_at(points, boundary):
                path = QPainterPath()
                path.moveTo(*piece[0])
                for point in piece[1:]:
                    path.lineTo(*point)
                solid = QPen(pen)
                solid.setColor(qcolor(theme.NEGATIVE_CURVE if below else theme.POSITIVE_CURVE))
                solid.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                part = QGraphicsPathItem(path)
                part.setPen(solid)
                part.setZValue(item.zValue())
                scene.addItem(part)
        item.setVisible(False)


def split_at(
    points: list[tuple[float, float]], boundary: float
) -> list[tuple[bool, list[tuple[float, float]]]]:
    """A polyline cut where it crosses y = ``boundary``: (below, points) pieces."""
    pieces: list[tuple[bool, list[tuple[float, float]]]] = []
    if not points:
        return pieces
    below = points[0][1] > boundary
    current = [points[0]]
    for (x0, y0), (x1, y1) in pairwise(points):
        now = y1 > boundary
        if now != below:
            t = (boundary - y0) / (y1 - y0)
            cross = (x0 + (x1 - x0) * t, boundary)
            current.append(cross)
            pieces.append((below, current))
            current, below = [cross], now
        current.append((x1, y1))
    pieces.append((below, current))
    return [(b, piece) for b, piece in pieces if len(piece) > 1]


class _Picture:
    """The map scene with its title above and legend below, in scene pixels."""

    def __init__(self, journey: JourneyMap, title_legend: bool, card_metrics: bool) -> None:
        from mapper.export.image_frame import Frame

        self.scene = _scene(journey, card_metrics)
        self.source = _source_rect(self.scene)
        layout = self.scene.layout
        self.frame = (
            Frame(journey, layout.width, bool(layout.emotion_curves)) if title_legend else None
        )
        top = self.frame.header_height if self.frame else 0.0
        bottom = self.frame.legend_height if self.frame else 0.0
        self.map_top = MARGIN + top
        # whole pixels, so the SVG's size in millimetres gives the PNG's pixels back
        self.width = float(round(self.source.width()))
        self.height = float(round(self.source.height() + top + bottom))

    def paint(self, painter) -> None:
        """Everything, at one unit per scene pixel from the painter's origin."""
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QColor

        painter.setFont(self.scene.font())
        painter.fillRect(QRectF(0, 0, self.width, self.height), QColor("#ffffff"))
        if self.frame:
            self.frame.paint_header(painter, MARGIN, MARGIN)
        target = QRectF(0, self.map_top - MARGIN, self.source.width(), self.source.height())
        self.scene.render(painter, target, self.source)
        if self.frame:
            legend_top = self.map_top + self.source.height() - 2 * MARGIN
            self.frame.paint_legend(painter, MARGIN, legend_top)

    def close(self) -> None:
        """Take the scene apart now, on this thread: left to the garbage collector, its
        Qt objects (items, the document's undo stack) would be freed at a random moment."""
        self.scene.detach()
        self.scene.clear()
        self.scene.document.dispose()


def _source_rect(scene):
    from PySide6.QtCore import QRectF

    layout = scene.layout
    return QRectF(-MARGIN, -MARGIN, layout.width + 2 * MARGIN, layout.height + 2 * MARGIN)


def render_png(
    journey: JourneyMap, dpi: float = 192.0, title_legend: bool = True, card_metrics: bool = True
) -> bytes:
    """The map as PNG bytes at ``dpi`` (96 = one pixel per canvas pixel at 100%), with its
    title and legend unless ``title_legend`` is False, and cards' metrics lines unless
    ``card_metrics`` is False (as the editor's View shows them)."""
    if not 24 <= dpi <= 1200:
        raise ExportError(f"the resolution must be 24..1200 dpi, not {dpi:g}")
    offscreen_application()
    with quiet_qt():
        return _png(journey, dpi, title_legend, card_metrics)


def _png(journey: JourneyMap, dpi: float, title_legend: bool, card_metrics: bool) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage, QPainter

    picture = _Picture(journey, title_legend, card_metrics)
    scale = dpi / SCREEN_DPI
    width, height = round(picture.width * scale), round(picture.height * scale)
    if width * height > MAX_PIXELS:
        most = int(SCREEN_DPI * (MAX_PIXELS / (picture.width * picture.height)) ** 0.5)
        picture.close()
        raise ExportError(
            f"at {dpi:g} dpi the picture would be {width}×{height} pixels; "
            f"choose {most} dpi or less, or export a PDF"
        )
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.scale(width / picture.width, height / picture.height)
    picture.paint(painter)
    painter.end()
    picture.close()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # QIODevice is accepted
        raise ExportError("the PNG could not be encoded")
    return bytes(buffer.data().data())


def render_svg(journey: JourneyMap, title_legend: bool = True, card_metrics: bool = True) -> bytes:
    """The map as an SVG document (vector shapes and real text) on a white page, the same
    physical size as the PNG (96 scene pixels to the inch)."""
    offscreen_application()
    with quiet_qt():
        picture = _Picture(journey, title_legend, card_metrics)
        svg = _svg(picture, journey.info.title)
    return well_formed_svg(right_to_left_lines(svg))


def _svg(picture: _Picture, title: str) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    from mapper import __version__

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(round(SCREEN_DPI))  # the PNG's physical size at 96 dpi
    generator.setSize(QSize(round(picture.width), round(picture.height)))
    generator.setViewBox(QRectF(0, 0, picture.width, picture.height))
    generator.setTitle(xml_safe(title))
    generator.setDescription(f"Journey map exported by Mapper {__version__}")
    painter = QPainter(generator)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    picture.paint(painter)
    painter.end()
    picture.close()
    return _css_pixels(bytes(buffer.data().data()), picture.width, picture.height)


_TEXT = re.compile(rb"(<text\b[^>]*)(>)([^<]*)(</text>)")
RTL = b' direction="rtl" unicode-bidi="embed" text-anchor="end"'


def right_to_left_lines(data: bytes) -> bytes:
    """Qt lays a line out right to left when its first strong letter is (Hebrew, Arabic),
    as the Unicode bidi rules say, and writes it starting at its left edge; an SVG reader
    lays every line out left to right unless told, so a trailing "!" or "&" of such a line
    landed on the wrong side. Each such line is told, ending at that same left edge."""

    def told(match: re.Match[bytes]) -> bytes:
        if not _starts_right_to_left(unescape(match[3].decode("utf-8", "replace"))):
            return match[0]
        return match[1] + RTL + match[2] + match[3] + match[4]

    return _TEXT.sub(told, data)


def _starts_right_to_left(text: str) -> bool:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _css_pixels(data: bytes, width: float, height: float) -> bytes:
    """The root's size in CSS pixels (1/96 inch) instead of Qt's millimetres rounded to
    three places, which readers round up to one pixel more than the PNG's."""
    head, sep, rest = data.partition(b"viewBox=")
    head = re.sub(
        rb'width="[^"]*" height="[^"]*"',
        f'width="{width:g}px" height="{height:g}px"'.encode(),
        head,
        count=1,
    )
    return head + sep + rest


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
