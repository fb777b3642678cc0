"""Present mode end to end: F5, steps, details, blank screens, text size, two screens, and
Esc handing the editor back as it was."""

from __future__ import annotations

import pytest
from helpers import card_point, click, keys, move
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence

from mapper.model import Entity
from mapper.present import start_presentation
from mapper.present.controller import Cover
from mapper.present.session import EditorSnapshot, PresentationSession, choose_screens
from mapper.present.steps import StepKind
from mapper.present.theme import HIGH_CONTRAST, room_text_scale

K = Qt.Key


def still(session) -> None:
    """Transitions off, so each step is on screen at once."""
    session.controller.options.transitions = False


def centre_colour(widget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def test_f5_opens_a_full_screen_view_without_chrome(window, qtbot):
    action = window.actions_["present"]
    assert action.shortcut() == QKeySequence("F5")
    assert action in window.menuBar().actions()[3].menu().actions()  # View
    action.trigger()
    (session,) = window.findChildren(PresentationSession)
    audience = session.audience
    qtbot.waitUntil(audience.isVisible)
    assert audience.isFullScreen()
    assert audience.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert session.console is None  # one screen: no console
    assert session.controller.step.kind is StepKind.OVERVIEW
    assert start_presentation(window) is session  # F5 again: the same show
    keys(audience, K.Key_Escape)
    assert not session.running and not audience.isVisible()


def test_steps_follow_the_keys(window):
    session = start_presentation(window)
    still(session)
    audience = session.audience
    keys(audience, K.Key_Right, K.Key_PageDown)
    assert session.controller.step.stage_id == "s2"
    view = audience.view.map_view
    lit = view.camera.shot.lit
    assert lit == session.scene.room.stages[1].column  # the stage in the light
    assert view.camera.shot.veil == 1.0  # the rest dimmed
    keys(audience, K.Key_End)
    assert audience.view.stack.currentWidget() is audience.view.lists
    keys(audience, K.Key_3)
    assert audience.view.stack.currentWidget() is view
    assert session.controller.step.stage_id == "s3"
    keys(audience, K.Key_Home)
    assert session.controller.step.kind is StepKind.OVERVIEW
    assert view.camera.shot.veil == 0
    keys(audience, K.Key_Escape)


def test_transitions_glide_and_can_be_turned_off(window, qtbot):
    session = start_presentation(window)
    audience, camera = session.audience, session.audience.view.map_view.camera
    keys(audience, K.Key_Right)
    assert camera.is_moving()
    qtbot.waitUntil(lambda: not camera.is_moving(), timeout=3000)
    keys(audience, K.Key_T, K.Key_Right)
    assert not camera.is_moving()
    assert camera.shot.lit == session.scene.room.stages[1].column
    keys(audience, K.Key_Escape)


def test_escape_gives_the_editor_back_exactly_as_it_was(coffee_window, qtbot):
    window = coffee_window
    view, scene = window.view, window.scene
    view.set_zoom(1.37)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 2)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 3)
    cards = list(scene.cards)[3:6]
    scene.select_ids(cards)
    scene.stage_headers[window.document.journey.stages.ids()[2]].setSelected(True)
    view.setFocus()
    before = (
        view.transform(),
        view.horizontalScrollBar().value(),
        view.verticalScrollBar().value(),
        scene.selected_ids(Entity.CARD),
        scene.selected_ids(Entity.STAGE),
    )
    session = start_presentation(window)
    still(session)
    keys(session.audience, K.Key_4, K.Key_Plus, K.Key_H, K.Key_End, K.Key_Escape)
    assert not session.running
    after = (
        view.transform(),
        view.horizontalScrollBar().value(),
        view.verticalScrollBar().value(),
        scene.selected_ids(Entity.CARD),
        scene.selected_ids(Entity.STAGE),
    )
    assert after == before
    assert window.zoom_label.text() == "137%"


def test_the_snapshot_puts_back_what_moved(coffee_window):
    window = coffee_window
    view, scene = window.view, window.scene
    view.set_zoom(0.8)
    view.verticalScrollBar().setValue(40)
    scene.select_ids(list(scene.cards)[:2])
    snapshot = EditorSnapshot.take(window)
    view.set_zoom(2.0)
    view.verticalScrollBar().setValue(0)
    scene.clearSelection()
    snapshot.restore(window)
    assert view.zoom() == pytest.approx(0.8)
    assert view.verticalScrollBar().value() == 40
    assert scene.selected_ids(Entity.CARD) == list(scene.cards)[:2]


def test_a_click_on_a_card_shows_all_its_details(window):
    session = start_presentation(window)
    still(session)
    audience = session.audience
    keys(audience, K.Key_1)
    click(audience.view.map_view.viewport(), card_point(session, "t1"))
    overlay = audience.detail
    assert overlay.isVisible()
    assert not audience.minimap.isVisible()  # it would sit on the details
    text = overlay.text()
    for expected in (
        "Instagram ad",
        "Social media",
        "Paid",
        "I scroll past most ads",
        "Interview 3",
        "Validated",
        "Maya +1",
        "ads",
    ):
        assert expected in text, expected
    keys(audience, K.Key_Escape)  # closes the details only
    assert not overlay.isVisible() and session.running
    assert audience.minimap.isVisible()
    keys(audience, K.Key_2)
    click(audience.view.map_view.viewport(), card_point(session, "t2"))
    assert "Conversion" in overlay.text() and "31%" in overlay.text()
    click(overlay, QPoint(5, 5))  # a click anywhere closes it
    assert session.controller.detail is None
    keys(audience, K.Key_Escape)
    assert not session.running


def test_black_and_white_screens(window):
    session = start_presentation(window)
    still(session)
    audience = session.audience
    keys(audience, K.Key_Right, K.Key_B)
    assert audience.cover.isVisible() and centre_colour(audience) == QColor("#000000")
    keys(audience, K.Key_W)
    assert session.controller.options.cover is Cover.WHITE
    assert centre_colour(audience) == QColor("#ffffff")
    keys(audience, K.Key_Right)  # the clicker's next brings the picture back first
    assert not audience.cover.isVisible() and session.controller.navigator.index == 1
    keys(audience, K.Key_Escape)


def test_text_size_and_contrast_for_the_room(window):
    session = start_presentation(window)
    still(session)
    audience = session.audience
    keys(audience, K.Key_2)
    height = session.scene.room.cards["t2"].rect.height

    def on_screen() -> float:  # the card text's size in screen pixels
        return session.scene.room.style.title_size * audience.view.map_view.camera.shot.zoom

    before = on_screen()
    keys(audience, K.Key_Plus, K.Key_Plus)
    assert session.scene.room.style.scale == room_text_scale(audience.height(), 1.3)
    assert session.scene.room.cards["t2"].rect.height > height
    assert on_screen() > before * 1.15  # not undone by zooming out
    assert audience.toast.isVisible() and audience.toast.message == "Text 130%"
    keys(audience, K.Key_0)
    assert session.scene.room.style.scale == room_text_scale(audience.height(), 1.0)
    keys(audience, K.Key_H)
    assert session.scene.theme is HIGH_CONTRAST
    keys(audience, K.Key_Escape)


def test_spotlight_follows_the_mouse_and_the_minimap_can_go(window):
    session = start_presentation(window)
    audience = session.audience
    assert audience.minimap.isVisible()
    keys(audience, K.Key_S)
    assert audience.spotlight.isVisible()
    viewport = audience.view.map_view.viewport()
    move(viewport, QPoint(120, 90))
    spot = audience.spotlight.center
    assert viewport.mapTo(audience, QPoint(120, 90)) == spot.toPoint()
    keys(audience, K.Key_S, K.Key_M)
    assert not audience.spotlight.isVisible() and not audience.minimap.isVisible()
    keys(audience, K.Key_Escape)


def test_the_emotion_curve_is_revealed_stage_by_stage(coffee_window, qtbot):
    session = start_presentation(coffee_window)
    audience = session.audience
    keys(audience, K.Key_7)
    session.controller.options.transitions = True
    keys(audience, K.Key_Right)
    slide = audience.view.emotion
    assert session.controller.step.kind is StepKind.EMOTION
    assert audience.view.stack.currentWidget() is slide
    qtbot.waitUntil(lambda: slide.reveal == 1.0, timeout=3000)
    keys(audience, K.Key_Right)
    qtbot.waitUntil(lambda: slide.reveal == 2.0, timeout=3000)
    assert not slide.grab().isNull()
    keys(audience, K.Key_Escape)


def test_long_lists_turn_pages_before_the_next_step(coffee_window):
    session = start_presentation(coffee_window)
    still(session)
    audience = session.audience
    lists = audience.view.lists
    keys(audience, K.Key_End, K.Key_Left)  # back into the list: its last page
    assert session.controller.step.kind is StepKind.PAIN_POINTS
    pages = len(lists.pages())
    assert pages > 1  # 21 pain points do not fit one screen
    assert lists.page == pages - 1
    keys(audience, *[K.Key_Left] * (pages - 1))
    assert session.controller.step.kind is StepKind.PAIN_POINTS and lists.page == 0
    keys(audience, *[K.Key_Right] * (pages - 1))
    assert session.controller.step.kind is StepKind.PAIN_POINTS and lists.page == pages - 1
    keys(audience, K.Key_Right)
    assert session.controller.step.kind is StepKind.OPPORTUNITIES
    keys(audience, K.Key_Left)
    tile = lists.pages()[lists.page][0]
    click(lists, QPoint(round(tile.rect.center[0]), round(tile.rect.center[1])))
    assert session.controller.detail is tile.tile.target
    assert tile.tile.title in audience.detail.text()
    keys(audience, K.Key_Escape, K.Key_Escape)
    assert not session.running


def test_choose_screens():
    class S:
        def __init__(self, w, h):
            from PySide6.QtCore import QRect

            self.r = QRect(0, 0, w, h)

        def geometry(self):
            return self.r

    laptop, small, big = S(1440, 900), S(1024, 768), S(1920, 1080)
    assert choose_screens([laptop], laptop) == (laptop, None)
    assert choose_screens([laptop, small, big], laptop) == (big, laptop)


def test_two_screens_put_the_console_on_the_laptop(coffee_window, two_screens):
    screens, laptop = two_screens
    now = [1000.0]
    session = PresentationSession(coffee_window, screens, laptop, clock=lambda: now[0])
    session.start()
    still(session)
    console = session.console
    assert session.audience_screen is screens[1] and session.console_screen is laptop
    assert console.isVisible() and console.isFullScreen()
    journey = coffee_window.document.journey
    keys(console, K.Key_2)  # the laptop's keyboard drives the show too
    pickup = journey.stages.get(session.controller.step.stage_id)
    assert session.audience.view.map_view.step == session.controller.step
    assert console.title.text() == pickup.name
    assert console.notes.text() == pickup.notes
    assert (
        console.next_title.text()
        == f"Next: {journey.stages.ids() and journey.stages.get(journey.stages.ids()[2]).name}"
    )
    assert console.position.text() == "Step 3 of 17"
    assert not console.current.pixmap.isNull() and not console.next_preview.pixmap.isNull()
    now[0] += 125
    console.tick()
    assert console.elapsed.text() == "02:05"
    console.buttons["black"].click()
    assert session.controller.options.cover is Cover.BLACK and console.buttons["black"].isChecked()
    assert "black" in console.state.text()
    console.buttons["end"].click()
    assert not session.running and not console.isVisible()


@pytest.mark.parametrize("high_contrast", [False, True])
def test_every_step_paints(coffee_window, high_contrast):
    session = start_presentation(coffee_window)
    still(session)
    audience = session.audience
    if high_contrast:
        keys(audience, K.Key_H, K.Key_Plus)
    for _ in session.deck.steps:
        assert not audience.grab().isNull()
        keys(audience, K.Key_Right)
    keys(audience, K.Key_Escape)
    assert not session.running


def test_an_empty_map_presents_its_overview(manager, qtbot):
    from mapper.document import Document
    from mapper.model import JourneyMap

    window = manager.show(Document(JourneyMap()))
    session = start_presentation(window)
    assert [s.kind for s in session.deck.steps] == [StepKind.OVERVIEW]
    keys(session.audience, K.Key_Right, K.Key_5, K.Key_End)
    assert not session.audience.grab().isNull()
    keys(session.audience, K.Key_Escape)
    assert not session.running


def test_room_settings_are_kept_for_the_next_presentation(window):
    session = start_presentation(window)
    audience = session.audience
    keys(audience, K.Key_Plus, K.Key_Plus, K.Key_H, K.Key_T, K.Key_M, K.Key_B, K.Key_S)
    keys(audience, K.Key_Escape, K.Key_Escape)  # uncover, then leave
    assert session._ended

    again = start_presentation(window)
    options = again.controller.options
    assert options.text_scale == 1.3 and options.high_contrast
    assert not options.transitions and not options.minimap
    assert again.scene.theme is HIGH_CONTRAST
    assert again.scene.room.style.scale == room_text_scale(again.audience.height(), 1.3)
    assert options.cover is Cover.NONE and not options.spotlight  # moments, not settings
    keys(again.audience, K.Key_0, K.Key_H, K.Key_T, K.Key_M, K.Key_Escape)

    third = start_presentation(window)
    options = third.controller.options
    assert (options.text_scale, options.high_contrast, options.transitions, options.minimap) == (
        1.0,
        False,
        True,
        True,
    )
    keys(third.audience, K.Key_Escape)


def test_a_damaged_room_setting_is_ignored(window):
    from PySide6.QtCore import QSettings

    QSettings().setValue("present/text_scale", "huge")
    QSettings().setValue("present/high_contrast", "maybe")
    QSettings().setValue("present/minimap", "false")
    session = start_presentation(window)
    options = session.controller.options
    assert options.text_scale == 1.0 and not options.high_contrast and not options.minimap
    keys(session.audience, K.Key_Escape)


def test_a_long_list_is_summarised_not_paged_for_ever(manager):
    """180 pain points used to make twelve pages: the room sees the worst, the rest counted."""
    from mapper.document import Document
    from mapper.model import Card, CardKind, JourneyMap, Lane, LaneKind, Stage
    from mapper.present.list_slide import TOP, summary_line

    journey = JourneyMap()
    journey.add(Stage("s1", "Everything"))
    journey.add(Lane("l1", "Pain points", LaneKind.PAIN_POINTS))
    for i in range(180):
        journey.add(Card(f"p{i}", "s1", "l1", f"Pain {i}", kind=CardKind.PAIN_POINT))
    window = manager.show(Document(journey))
    session = start_presentation(window)
    still(session)
    keys(session.audience, K.Key_End)
    lists = session.audience.view.lists
    assert lists.kind is StepKind.PAIN_POINTS
    assert len(lists.tiles()) == TOP and len(lists.pages()) <= 3
    assert summary_line(StepKind.PAIN_POINTS, TOP, 180).endswith(
        f"the {TOP} most important of 180 pain points; all are in the PDF report"
    )
    keys(session.audience, K.Key_Escape)
    window.document.undo_stack.setClean()


def test_the_console_shows_a_stages_name_and_notes_as_typed(coffee_window, two_screens):
    """A stage named with markup was taken for it ("<b>" made it bold), and a control
    character pasted into a name showed as a box."""
    from mapper.model import Entity

    journey = coffee_window.document.journey
    third = journey.stages.ids()[2]
    journey.update(Entity.STAGE, third, name="<b>Pick up</b> & go\x07", notes="Ask <i>why</i>")
    screens, laptop = two_screens
    session = PresentationSession(coffee_window, screens, laptop, clock=lambda: 1000.0)
    session.start()
    still(session)
    console = session.console
    keys(console, K.Key_2)  # the second stage: the third is next
    assert console.next_title.text() == "Next: <b>Pick up</b> & go "
    keys(console, K.Key_3)
    assert console.title.text() == "<b>Pick up</b> & go "
    assert console.notes.text() == "Ask <i>why</i>"
    for shown in (console.title, console.next_title, console.notes, console.position):
        assert shown.textFormat() == Qt.TextFormat.PlainText
    session.end()


def test_a_long_step_title_never_widens_the_console_past_the_laptop(coffee_window, two_screens):
    """A map titled at length (or a stage named so) made the console's title line as wide
    as the text: the window outgrew the laptop's screen and the clock and End went off it.
    The title ends in "…" instead, in full in its tooltip."""
    from PySide6.QtWidgets import QApplication

    from mapper.model import Entity

    journey = coffee_window.document.journey
    long_title = "Renewal " + "x" * 400 + " journey " * 30
    journey.update_info(title=long_title)
    second = journey.stages.ids()[1]
    journey.update(Entity.STAGE, second, name="Sign-up" + "y" * 300)
    screens, laptop = two_screens
    session = PresentationSession(coffee_window, screens, laptop, clock=lambda: 1000.0)
    session.start()
    still(session)
    console = session.console
    room = laptop.geometry().width()
    for _ in range(2):  # the overview (the map's title), then the first stage (next: long)
        assert console.minimumSizeHint().width() <= room
        assert console.sizeHint().width() <= room
        console.resize(room, laptop.geometry().height())
        QApplication.processEvents()
        assert console.elapsed.geometry().right() <= room
        assert console.buttons["end"].geometry().right() <= room
        keys(console, K.Key_PageDown)
    keys(console, K.Key_Home)
    assert console.title.text() == long_title.strip() or console.title.text() == long_title
    assert console.title.toolTip() in (long_title, long_title.strip())
    assert console.title.accessibleName() == console.title.text()  # read out whole
    session.end()
