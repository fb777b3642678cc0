"""What the room sees fits the room: at 1024x768 the minimap never covers the stage being
talked about."""

from __future__ import annotations

from helpers import keys, presenting_at
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication

from mapper.present.chrome import insets
from mapper.present.steps import StepKind


def test_the_minimap_never_covers_the_current_stage_at_1024x768(coffee_window):
    session = presenting_at(coffee_window, 1024, 768)
    audience = session.audience
    assert audience.minimap.isVisible()
    view = audience.view.map_view
    checked = 0
    for index, step in enumerate(session.controller.navigator.steps):
        if step.kind is not StepKind.STAGE:
            continue
        session.controller.go_to(index)
        audience.view.settle()
        QApplication.processEvents()
        lit = view.camera.shot.lit  # the stage, or the part of it shown, in the light
        lit = view.mapFromScene(QRectF(lit.x, lit.y, lit.width, lit.height))
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
    session = presenting_at(window, 1920, 1080)
    audience = session.audience

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


def tall_map():
    """One stage whose three lanes hold 60 cards each: far taller than a screen."""
    from mapper.model import Card, JourneyMap, Lane, LaneKind, Stage

    journey = JourneyMap()
    journey.add(Stage("s1", "Research"))
    journey.add(Stage("s2", "Buy"))
    for lane in ("a", "b", "c"):
        journey.add(Lane(lane, f"Lane {lane}", LaneKind.TOUCHPOINTS))
        for i in range(60):
            journey.add(Card(f"{lane}{i}", "s1", lane, f"Card {lane}{i} with a longer title"))
    journey.add(Card("z", "s2", "a", "The last card"))
    return journey


def test_a_stage_too_tall_to_read_is_shown_in_parts_at_a_readable_size(manager, two_screens):
    from mapper.document import Document
    from mapper.present.session import PresentationSession

    window = manager.show(Document(tall_map()))
    screens, laptop = two_screens
    session = PresentationSession(window, screens, laptop)
    session.start()
    session.controller.options.transitions = False
    audience, console = session.audience, session.console
    audience.showNormal()
    audience.resize(1920, 1080)
    console.set_room_size(audience.size())
    QApplication.processEvents()
    view = audience.view.map_view
    session.controller.go_to(1)
    part, parts = view.parts()
    assert (part, parts) == (0, parts) and parts > 2
    assert console.position.text() == f"Step 2 of {len(session.deck.steps)} · part 1 of {parts}"
    assert console.next_title.text() == f"Next: Research, part 2 of {parts}"
    seen: set[str] = set()
    room = session.scene.room
    for number in range(parts):
        audience.view.settle()
        QApplication.processEvents()
        height = view.viewport().height()
        shot = view.camera.shot
        assert room.style.title_size * shot.zoom >= 18 * height / 1080 - 0.01  # readable
        band = insets(height, 1.0).band
        for card_id, slot in room.cards.items():
            if slot.stage_index != 0:
                continue
            r = view.mapFromScene(QRectF(slot.rect.x, slot.rect.y, slot.rect.width,
                                         slot.rect.height)).boundingRect()  # fmt: skip
            if r.top() >= band - 1 and r.bottom() <= height + 1:
                seen.add(card_id)
        assert view.parts() == (number, parts)
        keys(audience, Qt.Key.Key_Right)  # Next goes through the parts first
    assert seen == {c.id for c in session.deck.journey.cards() if c.stage_id == "s1"}
    assert session.controller.step.stage_id == "s2"  # then on to the next stage
    keys(audience, Qt.Key.Key_Left)  # back into the tall stage: at its last part
    assert session.controller.step.stage_id == "s1" and view.parts() == (parts - 1, parts)
    session.end()
    window.document.undo_stack.setClean()


def test_no_text_below_legible_size_at_1280x720(coffee_window):
    """At 1280x720 the smallest texts (card details, badges, stage metrics, axis labels:
    14-16 design pixels) used to print at 8-11 pixels; the room's text grows instead."""
    from mapper.present.chrome import STAGE_METRICS, unit

    session = presenting_at(coffee_window, 1280, 720)
    audience = session.audience
    view = audience.view.map_view
    room = session.scene.room
    u = unit(720, view.text_scale)
    assert 14 * u >= 12 and STAGE_METRICS * u >= 12  # the chrome's smallest texts
    for index, step in enumerate(session.controller.navigator.steps):
        if step.kind is StepKind.STAGE:
            session.controller.go_to(index)
            audience.view.settle()
            assert room.style.meta_size * view.camera.shot.zoom >= 12, step.title
    session.end()


def test_a_prompt_does_not_push_a_stage_into_a_part_of_its_last_lane(coffee_window):
    """At 1920x1080 the coffee chain's stages fit whole; a prompt bar under each takes a
    little of the height: they are shown whole a little smaller, clear of the bar, not in
    two parts of which the second holds only the last lane."""
    from mapper.model import Entity
    from mapper.present.camera import READABLE_ZOOM, SQUEEZE
    from mapper.present.chrome import prompt_box

    journey = coffee_window.document.journey
    prompt = "What would make you trust the app with your stamps?"
    for stage in journey.stages:
        journey.update(Entity.STAGE, stage.id, prompt=prompt)
    session = presenting_at(coffee_window, 1920, 1080)
    audience = session.audience
    view = audience.view.map_view
    for number in range(1, len(journey.stages) + 1):
        keys(audience, getattr(Qt.Key, f"Key_{number}"))
        audience.view.settle()
        assert view.parts() == (0, 1), session.controller.step.title
        shot = view.camera.shot
        assert shot.zoom >= READABLE_ZOOM * SQUEEZE - 1e-9
        size = (float(view.viewport().width()), float(view.viewport().height()))
        box, _ = prompt_box(prompt, size, view.text_scale, view.corner[0])
        lit_bottom = view.mapFromScene(shot.lit.x, shot.lit.y + shot.lit.height).y()
        assert lit_bottom <= box.top() + 1  # the whole stage stops above the prompt
    session.end()
