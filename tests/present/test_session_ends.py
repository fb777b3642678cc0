"""A presentation ends cleanly however its windows close; keys held with Ctrl do nothing;
Up / Down step when there is nothing to scroll; F5 soon after Esc offers to resume, and
Shift+F5 presents from the selected stage."""

from __future__ import annotations

from helpers import keys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mapper.present import resume, start_presentation
from mapper.present.controller import Cover
from mapper.present.session import PresentationSession
from mapper.present.steps import StepKind

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def test_closing_the_room_window_ends_the_show_and_f5_works_again(window):
    session = start_presentation(window)
    session.audience.close()  # what Alt+F4 or the window manager's close button does
    assert not session.running
    again = start_presentation(window)
    assert again is not session and again.running and again.audience.isVisible()
    keys(again.audience, K.Key_Escape)


def test_closing_the_console_ends_the_show(coffee_window, two_screens):
    screens, laptop = two_screens
    session = PresentationSession(coffee_window, screens, laptop)
    session.start()
    session.console.close()
    assert not session.running and not session.audience.isVisible()


def test_keys_held_with_ctrl_do_nothing(window):
    session = start_presentation(window)
    audience = session.audience
    for key in (K.Key_W, K.Key_S, K.Key_B, K.Key_Right, K.Key_Escape):
        QTest.keyClick(audience, key, CTRL)
    options = session.controller.options
    assert options.cover is Cover.NONE and not options.spotlight
    assert session.controller.navigator.index == 0 and session.running
    keys(audience, K.Key_Escape)


def test_up_and_down_step_when_there_is_nothing_to_scroll(window):
    session = start_presentation(window)
    session.controller.options.transitions = False
    keys(session.audience, K.Key_Down, K.Key_Down)
    assert session.controller.navigator.index == 2
    keys(session.audience, K.Key_Up)
    assert session.controller.navigator.index == 1
    keys(session.audience, K.Key_Escape)


def test_f5_soon_after_esc_offers_to_resume_with_the_clock(window, monkeypatch):
    session = start_presentation(window)
    keys(session.audience, K.Key_3)
    stopped_at = session.controller.step
    keys(session.audience, K.Key_Escape)
    asked = []
    monkeypatch.setattr(resume, "ask_resume", lambda w, s: asked.append(s) or True)
    resumed = start_presentation(window)
    assert asked and asked[0].step == stopped_at
    assert resumed.controller.step == stopped_at
    assert resumed.started <= session.started + 0.5  # the clock carried on
    keys(resumed.audience, K.Key_Escape)

    monkeypatch.setattr(resume, "ask_resume", lambda w, s: False)
    over = start_presentation(window)
    assert over.controller.navigator.index == 0
    keys(over.audience, K.Key_Escape)  # on the first step: nothing to resume next time

    monkeypatch.setattr(resume, "ask_resume", lambda w, s: None)
    keys(start_presentation(window).audience, K.Key_2, K.Key_Escape)
    assert start_presentation(window) is None  # cancelled: no show
    assert not [s for s in window.findChildren(PresentationSession) if s.running]


def test_the_offer_to_resume_lapses_after_five_minutes(window):
    session = start_presentation(window)
    keys(session.audience, K.Key_2, K.Key_Escape)
    stopped = resume._stopped[window]
    resume.remember_stop(
        window, resume.Stopped(stopped.step, stopped.index, stopped.count, 60.0,
                               stopped.at - resume.RESUME_WITHIN - 1)
    )  # fmt: skip
    fresh = start_presentation(window)  # the autouse fixture fails if it asks
    assert fresh.controller.navigator.index == 0
    keys(fresh.audience, K.Key_Escape)


def test_shift_f5_presents_from_the_selected_stage(window):
    window.scene.stage_headers["s2"].setSelected(True)
    window.actions_["present_here"].trigger()
    (session,) = [s for s in window.findChildren(PresentationSession) if s.running]
    assert session.controller.step.kind is StepKind.STAGE
    assert session.controller.step.stage_id == "s2"
    keys(session.audience, K.Key_Escape)
    window.scene.clearSelection()
    window.scene.select_ids(["t4"])
    card_stage = window.document.journey.card("t4").stage_id
    from_card = start_presentation(window, from_selection=True)
    assert from_card.controller.step.stage_id == card_stage != "s2"
    keys(from_card.audience, K.Key_Escape)
    assert window.actions_["present_here"].shortcut().toString() == "Shift+F5"


def test_the_console_follows_the_pages_of_a_long_list(coffee_window, two_screens):
    screens, laptop = two_screens
    session = PresentationSession(coffee_window, screens, laptop)
    session.start()
    session.controller.options.transitions = False
    console, audience = session.console, session.audience
    steps = session.controller.navigator.steps
    pains = next(i for i, s in enumerate(steps) if s.kind is StepKind.PAIN_POINTS)
    session.controller.go_to(pains)
    while len(audience.view.lists.pages()) < 2:
        keys(audience, K.Key_Plus)  # bigger text: the list takes more pages
    pages = len(audience.view.lists.pages())
    assert console.renderer.size() == audience.size()  # previews page like the room
    assert console.position.text() == f"Step {pains + 1} of {len(steps)} · page 1 of {pages}"
    assert console.next_title.text() == f"Next: Pain points, page 2 of {pages}"
    keys(audience, K.Key_Right)
    assert audience.view.lists.page == 1
    assert console.position.text().endswith(f"page 2 of {pages}")
    for _ in range(pages - 2):
        keys(audience, K.Key_Right)
    assert console.next_title.text() == f"Next: {steps[pains + 1].title}"
    keys(console, K.Key_Escape)
    assert not session.running


def test_ending_the_show_keeps_what_was_being_typed_on_the_console(window, two_screens):
    """End (or closing a window) while the stage's speaker notes are being edited, or a
    note from the room is half typed: both are kept in the map, as Done and Return keep
    them, not dropped with the windows."""
    from PySide6.QtTest import QTest

    from mapper.edits.workshop import NOTES_LANE

    document, journey = window.document, window.document.journey
    screens, laptop = two_screens
    session = PresentationSession(window, screens, laptop)
    session.start()
    console = session.console
    keys(console, K.Key_2)
    console.edit_button.click()
    QTest.keyClicks(console.notes_editor, "Ask who paid online")
    console.buttons["end"].click()
    assert not session.running
    assert journey.stages.get("s2").notes.endswith("Ask who paid online")

    session = PresentationSession(window, screens, laptop)
    session.start()
    keys(session.console, K.Key_Home, K.Key_3, K.Key_N)
    QTest.keyClicks(session.entry, "Fees should be shown up front")
    session.console.close()  # Alt+F4 on the laptop
    assert not session.running
    lane = next(lane for lane in journey.lanes if lane.name == NOTES_LANE)
    notes = [c.title for c in journey.cards() if c.lane_id == lane.id]
    assert notes == ["Fees should be shown up front"]
    assert document.undo_stack.count() == 2  # one step each, as ever
