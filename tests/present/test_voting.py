"""Dot voting in a workshop: a voting step added to the sequence lists the pain points
numbered for the room; the facilitator types the tallies (room window or console) or sets
them on the console; each is one undo step on the cards voted for, saved per workshop day;
nothing else in the map changes; the pain slide ranks by the votes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from helpers import keys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mapper.fileformat import dumps_journey, load_journey
from mapper.model import SequenceItem
from mapper.model.votes import day_of
from mapper.present.session import PresentationSession
from mapper.present.steps import StepKind

K = Qt.Key


def with_votes_step(window, key="vote:pain_points"):
    """The sample map with a voting step after its pain points."""
    journey = window.document.journey
    sequence = (SequenceItem("opportunities"), SequenceItem("pain_points"), SequenceItem(key))
    journey.update_info(presentation=replace(journey.info.presentation, sequence=sequence))
    window.document.save()
    window.document.undo_stack.clear()
    return journey


def snapshot_without_votes(journey):
    snap = journey.snapshot()
    found = {}
    for name in ("personas", "stages", "lanes", "cards", "flows"):
        for e in getattr(snap, name):
            found[f"{name}:{e.id}"] = replace(e, votes={}) if name == "cards" else e
    return found


def go_to_vote(session):
    steps = session.controller.navigator.steps
    index = next(i for i, s in enumerate(steps) if s.kind is StepKind.VOTE)
    session.controller.go_to(index)
    return steps[index]


def test_tallies_typed_in_the_room_and_on_the_console_are_undoable_votes(window, two_screens):
    journey = with_votes_step(window)
    document = window.document
    before, info = snapshot_without_votes(journey), journey.info
    screens, laptop = two_screens
    session = PresentationSession(window, screens, laptop)
    session.start()
    session.controller.options.transitions = False
    step = go_to_vote(session)
    book = session.deck.voting
    assert [i.card_id for i in book.items(step.key)] == ["t2", "p1"]  # numbered, most painful 1
    audience, console = session.audience, session.console
    assert audience.view.stack.currentWidget() is audience.view.vote
    assert console.vote_panel.isVisible() and not console.notes_scroll.isVisible()
    assert console.notes_head.text().startswith("Votes") and not console.edit_button.isVisible()
    assert console.next_title.text() == "Next: (the end)"  # pages follow the pick, not Next

    keys(audience, K.Key_2, K.Key_Equal, K.Key_1, K.Key_2)  # item 2 = 12 ...
    assert book.typing(step.key).shown() == "2 = 12"
    assert "item 2 gets 12 votes" in console.vote_panel.hint.text()
    keys(audience, K.Key_Return)  # ... Enter: set, and the show stays on the step
    day = day_of(datetime.now())
    assert journey.card("p1").votes == {day: 12}
    assert session.controller.step is step
    keys(console, K.Key_Up, K.Key_5, K.Key_Return)  # on the console: item 1 picked, 5 votes
    assert journey.card("t2").votes == {day: 5}
    assert book.typing(step.key).picked == 1  # on down the list, counting dots
    keys(console, K.Key_Up)
    QTest.keyClick(console, K.Key_Plus, Qt.KeyboardModifier.ShiftModifier)  # one more (+)
    keys(console, K.Key_Minus, K.Key_Minus)  # two fewer
    assert journey.card("t2").votes == {day: 4}
    assert console.vote_panel.spins[0].value() == 4 and console.vote_panel.spins[1].value() == 12
    console.vote_panel.spins[0].setValue(9)  # the console's box for item 1
    assert journey.card("t2").votes == {day: 9}
    keys(audience, K.Key_9, K.Key_Equal, K.Key_1, K.Key_Return)  # no item 9: said, nothing set
    assert "no item 9" in audience.toast.message
    assert document.undo_stack.count() == 6  # 12, 5, +1, -1, -1, 9: one step each
    keys(audience, K.Key_2, K.Key_Equal, K.Key_2, K.Key_1, K.Key_Return)  # a slip: 21
    assert journey.card("p1").votes == {day: 21}
    QTest.keyClick(audience, K.Key_Z, Qt.KeyboardModifier.ControlModifier)  # taken back
    assert journey.card("p1").votes == {day: 12} and document.undo_stack.index() == 6
    assert audience.toast.message == "Taken back: 21 votes for “Hidden fees”"
    QTest.keyClick(audience, K.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the one before
    assert journey.card("t2").votes == {day: 4} and document.undo_stack.index() == 5
    keys(audience, K.Key_1, K.Key_Equal, K.Key_9, K.Key_Return)  # and in again

    keys(audience, K.Key_Left)  # back to the pain slide: ranked by the votes now
    lists = audience.view.lists
    assert [t.target.id for t in lists.tiles()] == ["p1", "t2"]
    assert lists.tiles()[0].lines[0].startswith("12 votes · ")
    keys(audience, K.Key_Escape)
    assert not session.running

    assert snapshot_without_votes(journey) == before and journey.info == info  # only votes
    document.undo_stack.undo()  # the console's 9 taken back
    assert journey.card("t2").votes == {day: 4}
    document.save()
    reopened = load_journey(document.path)
    assert reopened.card("t2").votes == {day: 4} and reopened.card("p1").votes == {day: 12}
    for _ in range(5):
        document.undo_stack.undo()
    assert journey.card("t2").votes == {} and journey.card("p1").votes == {}
    for _ in range(5):
        document.undo_stack.redo()
    assert dumps_journey(journey) == dumps_journey(reopened)


def test_a_clicker_still_steps_through_a_voting_step(window):
    from mapper.present import start_presentation

    with_votes_step(window, "vote:opportunities")
    session = start_presentation(window)
    session.controller.options.transitions = False
    step = go_to_vote(session)
    keys(session.audience, K.Key_Return)  # nothing typed: Enter is "next" (the end here)
    keys(session.audience, K.Key_Left)
    assert session.controller.step.kind is StepKind.PAIN_POINTS
    keys(session.audience, K.Key_PageDown, K.Key_Space)
    assert session.controller.step is step
    assert window.document.undo_stack.count() == 0  # stepping never votes
    keys(session.audience, K.Key_Escape)
    assert not session.running


def test_the_inspector_shows_a_cards_votes_per_workshop(window):
    from mapper.edits.votes import set_votes
    from mapper.ui.votes_label import VotesLabel

    journey = window.document.journey
    window.document.try_push(set_votes(journey, "t2", "2026-12-06", 12))
    window.document.try_push(set_votes(journey, "t2", "2026-11-20", 1))
    window.scene.select_ids(["t2"])
    QApplication.processEvents()
    labels = window.inspector.findChildren(VotesLabel)
    assert [label.text() for label in labels if label.isVisible()] == [
        "12 votes in the workshop on 6 December 2026\n1 vote in the workshop on 20 November 2026"
    ]


def test_the_vote_panel_lists_the_cards_as_typed(window, two_screens):
    """A pain point titled with markup was taken for it on the console's vote list."""
    from mapper.model import Entity

    journey = with_votes_step(window)
    journey.update(Entity.CARD, "t2", title="<b>Support</b> call\x07 & wait")
    screens, laptop = two_screens
    session = PresentationSession(window, screens, laptop)
    session.start()
    session.controller.options.transitions = False
    go_to_vote(session)
    first = session.console.vote_panel.names[0]
    assert first.text().startswith("<b>Support</b> call  & wait  ·  ")
    assert first.textFormat() == Qt.TextFormat.PlainText
    session.end()
