"""What the room sees fits the room: at 1024x768 the minimap never covers the stage being
talked about."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from mapper.present import start_presentation
from mapper.present.chrome import insets
from mapper.present.steps import StepKind


def test_the_minimap_never_covers_the_current_stage_at_1024x768(coffee_window):
    session = start_presentation(coffee_window)
    session.controller.options.transitions = False
    audience = session.audience
    audience.showNormal()
    audience.resize(1024, 768)
    QApplication.processEvents()
    assert audience.minimap.isVisible()
    view = audience.view.map_view
    checked = 0
    for index, step in enumerate(session.controller.navigator.steps):
        if step.kind is not StepKind.STAGE:
            continue
        session.controller.go_to(index)
        audience.view.settle()
        QApplication.processEvents()
        column = session.scene.room.stages[step.stage_index].column
        lit = view.mapFromScene(QRectF(column.x, column.y, column.width, column.height))
        on_screen = lit.boundingRect().translated(view.mapTo(audience, view.rect().topLeft()))
        assert not on_screen.intersects(audience.minimap.geometry()), step.title
        checked += 1
    assert checked == len(session.deck.journey.stages)

    audience.controller.toggle("minimap")  # without the minimap the stage takes the room
    QApplication.processEvents()
    assert view.corner == (0.0, 0.0)
    session.end()


def test_the_title_block_belongs_to_the_overview_only(window):
    """The sample map is short: on a stage step its top would leave room for the title."""
    session = start_presentation(window)
    session.controller.options.transitions = False
    audience = session.audience
    audience.showNormal()
    audience.resize(1920, 1080)
    QApplication.processEvents()

    def colours_above_the_band() -> set[int]:
        audience.view.settle()
        QApplication.processEvents()
        view = audience.view.map_view
        top = view.mapFromScene(0, 0).y()
        band = insets(view.viewport().height(), 1.0).band
        image = audience.grab().toImage()
        bottom = int(top - band) - 2
        assert bottom > 100, "the map is short: the band sits well below the top"
        return {image.pixel(x, y) for y in range(0, bottom, 4) for x in range(0, image.width(), 8)}

    assert len(colours_above_the_band()) > 2  # the overview: its title block is there
    session.controller.go_to(1)
    assert session.controller.step.kind is StepKind.STAGE
    assert len(colours_above_the_band()) == 1  # a stage step: nothing but the background
    session.end()
