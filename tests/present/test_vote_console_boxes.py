"""The console's vote boxes keep their keys: Enter sets the count typed in a box and Esc
drops it, without stepping the show on or ending it (a facilitator types a count into a
box and presses Enter; the room must not jump to the next step)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_voting import go_to_vote

from mapper.model import SequenceItem
from mapper.model.votes import day_of
from mapper.present.session import PresentationSession

K = Qt.Key


def start_on_vote(window, two_screens):
    """A show whose voting step has a step after it, on the voting step."""
    journey = window.document.journey
    sequence = tuple(SequenceItem(k) for k in ("pain_points", "vote:pain_points", "opportunities"))
    journey.update_info(presentation=replace(journey.info.presentation, sequence=sequence))
    window.document.save()
    window.document.undo_stack.clear()
    screens, laptop = two_screens
    session = PresentationSession(window, screens, laptop)
    session.start()
    session.controller.options.transitions = False
    step = go_to_vote(session)
    QApplication.processEvents()
    return session, step


def type_into(box, *keys) -> None:
    box.window().activateWindow()
    QApplication.processEvents()
    QTest.mouseClick(box.lineEdit(), Qt.MouseButton.LeftButton)
    assert box.hasFocus()
    box.lineEdit().selectAll()
    for key in keys:
        QTest.keyClick(box, key)


def test_enter_in_a_console_box_sets_the_count_and_stays_on_the_voting_step(window, two_screens):
    session, step = start_on_vote(window, two_screens)
    console, journey = session.console, window.document.journey
    box = console.vote_panel.spins[1]
    type_into(box, K.Key_7, K.Key_Return)
    assert journey.card("p1").votes == {day_of(datetime.now()): 7}
    assert session.controller.step is step  # Enter set the count, it did not step on
    assert session.running
    assert not box.hasFocus()  # the keys go back to the show
    QTest.keyClick(console, K.Key_Return)  # now, with nothing typed, Enter steps on
    assert session.controller.step is not step
    session.end()


def test_enter_on_an_unchanged_box_and_esc_in_a_box_neither_step_nor_end_the_show(
    window, two_screens
):
    session, step = start_on_vote(window, two_screens)
    box = session.console.vote_panel.spins[0]
    type_into(box, K.Key_0, K.Key_Return)  # the count it already had
    assert session.controller.step is step and session.running
    type_into(box, K.Key_4, K.Key_2, K.Key_Escape)  # typed, then thought better of it
    assert session.running and session.controller.step is step
    assert box.value() == 0 and box.text() == "0"
    assert window.document.journey.card("t2").votes == {}
    assert window.document.undo_stack.count() == 0
    session.end()


def test_holding_backspace_to_clear_a_count_does_not_step_back(window, two_screens):
    """Backspace held down to clear "1234" repeats past the typing: the repeats must not
    walk the room back through the steps (one deliberate press still goes back)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    session, step = start_on_vote(window, two_screens)
    room, typing = session.audience, session.deck.voting.typing(step.key)
    for key in (K.Key_1, K.Key_2):
        QTest.keyClick(room, key)
    assert typing.shown() == "12"
    for repeat in (False, True, True, True, True):
        press = QKeyEvent(QEvent.Type.KeyPress, K.Key_Backspace, Qt.KeyboardModifier.NoModifier,
                          "\b", repeat)  # fmt: skip
        QApplication.sendEvent(room, press)
    assert not typing.typing
    assert session.controller.step is step  # the repeats stopped at the empty entry
    QTest.keyClick(room, K.Key_Backspace)  # a fresh press: back, as usual
    assert session.controller.step is not step
    session.end()


def test_ctrl_z_with_no_tally_to_take_back_says_so(window, two_screens):
    session, step = start_on_vote(window, two_screens)
    room, toast = session.audience, session.audience.toast
    QTest.keyClick(room, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert toast.message == "No tally of this show to take back"
    for key in (K.Key_1, K.Key_Equal, K.Key_5, K.Key_Return):
        QTest.keyClick(room, key)
    QTest.keyClick(room, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert toast.message.startswith("Taken back: ")
    QTest.keyClick(room, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert toast.message == "No tally of this show to take back"
    assert window.document.undo_stack.index() == 0 and session.controller.step is step
    session.end()


def test_a_count_typed_over_another_says_what_it_replaced(window, two_screens):
    """After "1 = 5 Enter" item 1 stays picked, so "7 Enter" meant for the next item
    replaces its 5: the room's window says so (Ctrl+Z takes it back)."""
    session, step = start_on_vote(window, two_screens)
    room, toast = session.audience, session.audience.toast
    for key in (K.Key_1, K.Key_Equal, K.Key_5, K.Key_Return):
        QTest.keyClick(room, key)
    assert "was" not in toast.message  # a first count is no news
    for key in (K.Key_7, K.Key_Return):
        QTest.keyClick(room, key)
    assert toast.message == "Item 1: 7 votes, was 5 (Ctrl+Z takes it back)"
    QTest.keyClick(room, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.journey.card("t2").votes == {day_of(datetime.now()): 5}
    assert session.controller.step is step
    session.end()
