"""The presentation as a PDF to take away: every step the room saw (each page of a long
list, each part of a tall stage) as a 16:9 page drawn by present mode itself, so the
slides look like the show; or a handout with three steps a page and room for notes.

Drawn with Qt (vectors and embedded fonts, through QPdfWriter); without a display it
runs on Qt's offscreen platform.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPoint,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QRegion
from PySide6.QtWidgets import QWidget

from mapper.canvas.painting import draw_lines, qcolor
from mapper.export.image import offscreen_application as application
from mapper.export.image import quiet_qt
from mapper.layout.text import elide, line_height, wrap
from mapper.model import JourneyMap
from mapper.model.votes import latest_vote_day
from mapper.present.audience import AudienceView
from mapper.present.deck import Deck
from mapper.present.map_scene import MapScene
from mapper.present.steps import Step
from mapper.present.theme import palette

ROOM = (1920, 1080)  # each slide is drawn as the room would see it on a 1080 screen
SLIDE_MM = QSizeF(254.0, 142.875)  # 16:9, ten inches wide
HANDOUT_PER_PAGE = 3
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3,
              "Letter": QPageSize.PageSizeId.Letter}  # fmt: skip


def frames(view: AudienceView, deck: Deck) -> Iterator[tuple[Step, int, int]]:
    """Each picture the room sees, in order: (step, page or part, of how many)."""
    for step in deck.steps:
        view.show_step(step, animate=False)
        view.settle()
        count = view.position_in_step()[1]
        for part in range(count):
            view.show_part(step, part)
            view.settle()
            yield step, part, count


def render_slides(
    journey: JourneyMap, handout: bool = False, page: str = "A4"
) -> tuple[bytes, int]:
    """The PDF's bytes and its page count."""
    application()
    with quiet_qt():  # Qt's chatter about the offscreen platform
        return _render(journey, handout, page)


def _render(journey: JourneyMap, handout: bool, page: str) -> tuple[bytes, int]:
    deck = Deck.of(journey, latest_vote_day(journey))  # a voting step: the last workshop's
    scene = MapScene(deck, palette(False))
    view = AudienceView(deck, scene)
    view.vote.marks_pick = False  # a framed item would read as the winner
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(*ROOM)
    view.show()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(f"{journey.info.title} — slides")
    writer.setCreator("Mapper")
    writer.setResolution(144)
    if handout:
        size = QPageSize(PAGE_SIZES.get(page, QPageSize.PageSizeId.A4))
        orientation = QPageLayout.Orientation.Portrait
    else:
        size = QPageSize(SLIDE_MM, QPageSize.Unit.Millimeter, "Slide 16:9")
        orientation = QPageLayout.Orientation.Portrait  # the size is already wide
    writer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    pages = 0
    try:
        if handout:
            pages = _draw_handout(painter, writer, view, deck, journey)
        else:
            for _ in frames(view, deck):
                if pages:
                    writer.newPage()
                _draw_slide(painter, view, QRectF(0, 0, writer.width(), writer.height()))
                pages += 1
    finally:
        painter.end()
        view.close()
        view.deleteLater()
        scene.deleteLater()
        buffer.close()
    return bytes(data.data()), pages


def _draw_slide(painter: QPainter, view: QWidget, target: QRectF) -> None:
    painter.save()
    painter.translate(target.topLeft())
    painter.scale(target.width() / ROOM[0], target.height() / ROOM[1])
    painter.setClipRect(QRectF(0, 0, *ROOM))
    view.render(painter, QPoint(), QRegion(0, 0, *ROOM), QWidget.RenderFlag.DrawChildren)
    painter.restore()


def _draw_handout(
    painter: QPainter, writer: QPdfWriter, view: AudienceView, deck: Deck, journey: JourneyMap
) -> int:
    """Three steps a page, each a slide on the left and ruled lines for notes beside it."""
    width, height = float(writer.width()), float(writer.height())
    margin = width * 0.07
    header = height * 0.05
    slot = (height - 2 * margin - header) / HANDOUT_PER_PAGE
    slide_w = (width - 2 * margin) * 0.56
    slide_h = min(slide_w * ROOM[1] / ROOM[0], slot * 0.86)
    slide_w = slide_h * ROOM[0] / ROOM[1]
    size = height / 95  # about 9 pt on A4
    pages, on_page = 0, HANDOUT_PER_PAGE
    for number, (step, part, count) in enumerate(frames(view, deck), start=1):
        if on_page == HANDOUT_PER_PAGE:
            if pages:
                writer.newPage()
            pages, on_page = pages + 1, 0
            painter.setPen(qcolor("#52606d"))
            title = elide(journey.info.title, width - 2 * margin, size, bold=True)
            draw_lines(painter, (title,), margin, margin * 0.6, size, bold=True)
        top = margin + header + on_page * slot
        frame = QRectF(margin, top, slide_w, slide_h)
        _draw_slide(painter, view, frame)
        painter.setPen(QPen(qcolor("#9aa5b1"), max(1.0, size / 12)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame)
        label = f"{number}. {step.title}" + (f" ({part + 1} / {count})" if count > 1 else "")
        painter.setPen(qcolor("#1f2933"))
        notes_left = margin + slide_w + margin * 0.5
        notes_width = width - margin - notes_left
        heading, _cut = wrap(label, notes_width, size, max_lines=2, bold=True)
        below = draw_lines(painter, heading, notes_left, top, size, bold=True)
        painter.setPen(QPen(qcolor("#cbd2d9"), max(1.0, size / 14)))
        y = below + line_height(size) * 1.4
        while y < top + slide_h:
            painter.drawLine(int(notes_left), int(y), int(notes_left + notes_width), int(y))
            y += line_height(size) * 1.9
        on_page += 1
    return pages
