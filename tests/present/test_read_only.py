"""Presenting never changes the document: no edit, no undo step, no unsaved marker, the
saved file untouched, whatever is clicked, dragged or typed in present mode."""

from __future__ import annotations

from helpers import card_point, click, drag
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mapper.fileformat import dumps_journey
from mapper.present.session import PresentationSession

K = Qt.Key
MODIFIERS = (
    Qt.KeyboardModifier.NoModifier,
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
)
# everything but Esc (which ends the show): letters, digits, editing and moving keys
TYPED = [getattr(K, f"Key_{c}") for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"] + [
    K.Key_Delete,
    K.Key_Backspace,
    K.Key_Return,
    K.Key_Tab,
    K.Key_Space,
    K.Key_F2,
    K.Key_F5,
    K.Key_Up,
    K.Key_Down,
    K.Key_Left,
    K.Key_Right,
    K.Key_Plus,
    K.Key_Minus,
    K.Key_Insert,
    K.Key_Home,
    K.Key_End,
    K.Key_PageUp,
    K.Key_PageDown,
]


def everywhere(widget) -> None:
    """Clicks and drags over a grid of points, then every key with every modifier."""
    width, height = widget.width(), widget.height()
    points = [QPoint(width * i // 5, height * j // 5) for i in range(1, 5) for j in range(1, 5)]
    for point in points:
        click(widget, point)
        QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        drag(widget, point, point + QPoint(width // 6, height // 7))


def type_everything(widget) -> None:
    for modifier in MODIFIERS:
        for key in TYPED:
            QTest.keyClick(widget, key, modifier)
    QApplication.processEvents()


def test_nothing_done_in_present_mode_touches_the_document(window, two_screens):
    document, journey = window.document, window.document.journey
    saved = document.path.read_bytes()
    dump = dumps_journey(journey)
    events = []
    journey.events.subscribe(events.extend)
    screens, laptop = two_screens
    session = PresentationSession(window, screens, laptop)
    session.start()
    session.controller.options.transitions = False
    audience = session.audience
    seen = {"details": 0, "moves": 0}
    session.controller.detail_changed.connect(
        lambda: seen.__setitem__("details", seen["details"] + 1)
    )
    session.controller.step_changed.connect(lambda _: seen.__setitem__("moves", seen["moves"] + 1))
    for _ in range(len(session.deck.steps)):
        # each step: its cards clicked and dragged, the whole screen poked, all keys typed
        step = session.controller.step
        if step.is_map:
            view = audience.view.map_view.viewport()
            for card_id in session.scene.room.cards:
                if session.scene.room.cards[card_id].stage_index == max(step.stage_index, 0):
                    point = card_point(session, card_id)
                    drag(view, point, point + QPoint(200, 90))
                    click(view, point)
        everywhere(audience.view.stack.currentWidget())
        if audience.detail.isVisible():
            everywhere(audience.detail)
        session.controller.show_detail(None)
        session.controller.go_to(session.controller.navigator.index + 1)
    type_everything(audience)
    everywhere(session.console)
    type_everything(session.console)
    while session.running:
        QTest.keyClick(audience, K.Key_Escape)
    assert seen["details"] > 5 and seen["moves"] > 50  # the clicks and keys did things
    assert events == []
    assert document.undo_stack.count() == 0
    assert document.undo_stack.isClean() and not document.is_modified()
    assert not window.isWindowModified()
    assert dumps_journey(journey) == dump
    assert document.path.read_bytes() == saved


def test_voting_only_adds_votes_whatever_is_typed(window, two_screens):
    """On a voting step every key with every modifier, and clicks everywhere: the tallies
    typed change only the cards' votes, each change one undo step, and undoing them all
    gives back the map exactly."""
    from dataclasses import replace

    from mapper.model import SequenceItem

    document, journey = window.document, window.document.journey
    sequence = (SequenceItem("vote:pain_points"), SequenceItem("vote:opportunities"))
    journey.update_info(presentation=replace(journey.info.presentation, sequence=sequence))
    document.save()
    document.undo_stack.clear()
    dump, info = dumps_journey(journey), journey.info

    def without_votes():
        snap = journey.snapshot()
        return [replace(c, votes={}) for c in snap.cards], snap.stages, snap.lanes, snap.flows

    before = without_votes()
    screens, laptop = two_screens
    session = PresentationSession(window, screens, laptop)
    session.start()
    session.controller.options.transitions = False
    for index, step in enumerate(session.controller.navigator.steps):
        if step.kind.value != "vote":
            continue
        session.controller.go_to(index)
        everywhere(session.audience.view.vote)
        type_everything(session.audience)
        session.controller.go_to(index)
        type_everything(session.console)
    while session.running:
        QTest.keyClick(session.audience, K.Key_Escape)
    voted = [c for c in journey.cards() if c.votes]
    assert voted and document.undo_stack.index() == session.votes_entered > 0
    assert without_votes() == before and journey.info == info  # only votes changed
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert dumps_journey(journey) == dump
