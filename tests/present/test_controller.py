"""The keyboard of present mode: steps, clicker keys, screens, text size (no windows)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

from mapper.present.controller import Controller, Cover
from mapper.present.sequence import build_steps
from mapper.present.steps import StepKind

K = Qt.Key


def press(controller: Controller, *keys: Qt.Key, text: str = "") -> None:
    for key in keys:
        controller.handle_key(
            QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
        )


@pytest.fixture
def controller(coffee, qapp):
    return Controller(build_steps(coffee))


def test_arrows_page_keys_space_and_enter_step(controller):
    moves = []
    controller.step_changed.connect(moves.append)
    press(controller, K.Key_Right, K.Key_PageDown, K.Key_Space, K.Key_Return)
    assert controller.navigator.index == 4
    press(controller, K.Key_Left, K.Key_PageUp, K.Key_Backspace, K.Key_P)
    assert controller.navigator.index == 0
    assert moves == [True] * 8  # animated while transitions are on
    notes = []
    controller.note_requested.connect(lambda: notes.append(1))
    press(controller, K.Key_N)  # N is a note from the room now, not another "next"
    assert notes == [1] and controller.navigator.index == 0


def test_home_end_and_stage_numbers(controller):
    press(controller, K.Key_End)
    assert controller.step.kind is StepKind.OPPORTUNITIES
    press(controller, K.Key_Home)
    assert controller.step.kind is StepKind.OVERVIEW
    press(controller, K.Key_4)
    assert controller.step.kind is StepKind.STAGE and controller.step.stage_index == 3
    press(controller, K.Key_9)  # there is no stage 9: stay
    assert controller.step.stage_index == 3


def test_two_digit_stage_numbers_on_a_long_journey(qapp):
    from mapper.model import Card, JourneyMap, Lane, LaneKind, Stage

    journey = JourneyMap()
    journey.add(Lane("lane", "Touchpoints", LaneKind.TOUCHPOINTS))
    for n in range(1, 13):
        journey.add(Stage(f"s{n}", f"Stage {n}"))
        journey.add(Card(f"c{n}", f"s{n}", "lane", f"Card {n}"))
    now = [100.0]
    controller = Controller(build_steps(journey), clock=lambda: now[0])

    def stage() -> int:
        assert controller.step.kind is StepKind.STAGE
        return controller.step.stage_index + 1

    press(controller, K.Key_1)
    assert stage() == 1  # at once, as on a short map
    now[0] += 0.4
    press(controller, K.Key_2)
    assert stage() == 12  # typed quickly: twelve
    now[0] += 0.4
    press(controller, K.Key_1, K.Key_0)
    assert stage() == 10
    now[0] += 5
    press(controller, K.Key_3)
    now[0] += 2  # too slow for one number: stage 3, then stage 5
    press(controller, K.Key_5)
    assert stage() == 5
    now[0] += 0.1
    press(controller, K.Key_9)  # no stage 59: stage 9
    assert stage() == 9
    assert controller.options.text_scale == 1.0
    now[0] += 5
    press(controller, K.Key_Plus, K.Key_0)  # 0 on its own still resets the text size
    assert controller.options.text_scale == 1.0 and stage() == 9


def test_clicker_blank_keys_black_and_white(controller):
    press(controller, K.Key_B)
    assert controller.options.cover is Cover.BLACK
    press(controller, K.Key_Period)
    assert controller.options.cover is Cover.NONE
    press(controller, K.Key_W)
    assert controller.options.cover is Cover.WHITE
    press(controller, K.Key_B)  # straight from white to black
    assert controller.options.cover is Cover.BLACK
    press(controller, K.Key_Comma)
    assert controller.options.cover is Cover.WHITE


def test_next_on_a_blank_screen_brings_the_step_back_first(controller):
    press(controller, K.Key_Right, K.Key_B, K.Key_PageDown)
    assert controller.options.cover is Cover.NONE and controller.navigator.index == 1
    press(controller, K.Key_PageDown)
    assert controller.navigator.index == 2


def test_escape_closes_details_then_the_blank_screen_then_ends(controller, coffee):
    ended = []
    controller.finished.connect(lambda: ended.append(True))
    controller.show_detail(next(iter(coffee.cards())))
    press(controller, K.Key_W)
    press(controller, K.Key_Escape)
    assert controller.detail is None and controller.options.cover is Cover.WHITE
    press(controller, K.Key_Escape)
    assert controller.options.cover is Cover.NONE and not ended
    press(controller, K.Key_Escape)
    assert ended == [True]


def test_text_size_ladder_for_the_room(controller):
    press(controller, K.Key_Plus, K.Key_Equal)
    assert controller.options.text_scale == 1.3
    for _ in range(10):
        press(controller, K.Key_Plus)
    assert controller.options.text_scale == 2.0
    press(controller, K.Key_0)
    assert controller.options.text_scale == 1.0
    for _ in range(10):
        press(controller, K.Key_Minus)
    assert controller.options.text_scale == 0.8


def test_switches(controller):
    changed = []
    controller.options_changed.connect(changed.append)
    press(controller, K.Key_S, K.Key_H, K.Key_T, K.Key_M, K.Key_F1)
    o = controller.options
    assert (o.spotlight, o.high_contrast, o.transitions, o.minimap, o.help) == (
        True,
        True,
        False,
        False,
        True,
    )
    assert changed == ["spotlight", "high_contrast", "transitions", "minimap", "help"]
    moves = []
    controller.step_changed.connect(moves.append)
    press(controller, K.Key_Right)  # closes the help first
    press(controller, K.Key_Right)
    assert moves == [False]  # transitions off: no glide


def test_a_step_with_pages_turns_them_before_moving_on(controller):
    pages = {"left": 1}

    def turn(direction: int) -> bool:
        if direction > 0 and pages["left"]:
            pages["left"] -= 1
            return True
        return False

    controller.inner_step = turn
    press(controller, K.Key_Right)
    assert controller.navigator.index == 0
    press(controller, K.Key_Right)
    assert controller.navigator.index == 1


def test_unknown_keys_are_not_handled(controller):
    event = QKeyEvent(QEvent.Type.KeyPress, K.Key_Z, Qt.KeyboardModifier.ControlModifier, "z")
    assert not controller.handle_key(event)
