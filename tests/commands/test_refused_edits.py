"""An edit the model refuses changes nothing: not the map, not the typing step it follows,
not the redo history, not the saved state."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from factories import sample_map
from mapper.commands import UndoCommand
from mapper.document import Document
from mapper.edits import MoveCards, Nudge, Update
from mapper.model import Entity
from mapper.model.vocabulary import SHORT_TEXT_MAX
from mapper.ui.inspector import Inspector

ORIGINAL = "Instagram ad"


def stack_state(document: Document) -> tuple:
    """Everything about the undo stack a refused edit must leave alone."""
    stack = document.undo_stack
    return (
        stack.count(),
        stack.index(),
        stack.cleanIndex(),
        stack.isClean(),
        stack.undoText(),
        stack.redoText(),
        [stack.text(i) for i in range(stack.count())],
    )


def type_title(document: Document, text: str, start: int = 1) -> None:
    """Type ``text`` into card t1's title one key at a time, as the inspector sends it."""
    for end in range(start, len(text) + 1):
        command = Update(document.journey, Entity.CARD, "t1", {"title": text[:end]}, merge=True)
        assert document.try_push(command)


def inspector_field(inspector: Inspector, text: str = "Title") -> QLineEdit:
    form = inspector.widget().layout().itemAt(1).layout()
    for row in range(form.rowCount()):
        label = form.itemAt(row, form.ItemRole.LabelRole)
        if label is not None and label.widget().text() == text:
            return form.itemAt(row, form.ItemRole.FieldRole).widget()
    raise KeyError(text)


def type_at_end(field: QLineEdit, keys: str) -> None:
    """Real key presses at the end of the text (unfocused, the field shows its start)."""
    for key in keys:
        field.end(False)
        QTest.keyClicks(field, key)


def test_a_keystroke_past_the_limit_does_not_lose_the_typing(qapp):
    document = Document(sample_map())
    journey, stack = document.journey, document.undo_stack
    full = "x" * SHORT_TEXT_MAX
    type_title(document, full)
    assert stack.count() == 1 and journey.card("t1").title == full
    refusals: list[str] = []
    document.refused.connect(refusals.append)
    one_more = Update(journey, Entity.CARD, "t1", {"title": full + "y"}, merge=True)
    assert not document.try_push(one_more)
    assert refusals and "2,000" in refusals[0]
    assert journey.card("t1").title == full and stack.count() == 1
    stack.undo()
    assert journey.card("t1").title == ORIGINAL
    stack.redo()
    assert journey.card("t1").title == full  # the typing is back
    assert stack.count() == 1 and stack.index() == 1


def test_the_inspector_keeps_the_typing_when_a_keystroke_is_refused(qtbot):
    document = Document(sample_map())
    journey, stack = document.journey, document.undo_stack
    inspector = Inspector(document)
    qtbot.addWidget(inspector)
    inspector.show_target(Entity.CARD, "t1")
    title = inspector_field(inspector)
    title.setText("x" * (SHORT_TEXT_MAX - 2))  # not typed: no edit yet
    type_at_end(title, "ab")  # reaches the limit: one typing step
    full = "x" * (SHORT_TEXT_MAX - 2) + "ab"
    assert journey.card("t1").title == full and stack.count() == 1
    type_at_end(title, "c")  # the 2,001st character: refused
    assert journey.card("t1").title == full and stack.count() == 1
    stack.undo()
    assert journey.card("t1").title == ORIGINAL and title.text() == ORIGINAL
    stack.redo()
    assert journey.card("t1").title == full and title.text() == full
    inspector.detach()


def test_a_refused_edit_after_undo_keeps_the_redo_step(qapp):
    document = Document(sample_map())
    journey, stack = document.journey, document.undo_stack
    type_title(document, "Hello")
    stack.undo()
    before = stack_state(document)
    too_long = Update(journey, Entity.CARD, "t1", {"title": "z" * (SHORT_TEXT_MAX + 1)}, merge=True)
    assert not document.try_push(too_long)
    assert stack_state(document) == before
    assert stack.canRedo()
    stack.redo()
    assert journey.card("t1").title == "Hello"


def test_a_refused_edit_keeps_the_saved_state_and_the_history(qapp):
    document = Document(sample_map())
    journey, stack = document.journey, document.undo_stack
    assert document.try_push(Update(journey, Entity.STAGE, "s1", {"name": "Discover"}))
    type_title(document, "Hi")
    stack.setClean()  # saved with both edits
    stack.undo()
    stack.undo()
    before = stack_state(document)
    wide = Update(journey, Entity.STAGE, "s2", {"width": 5000.0}, "Resize stage")
    assert not document.try_push(wide)
    assert stack_state(document) == before
    assert document.is_modified()  # two steps undone since the save
    stack.redo()
    stack.redo()
    assert document.undo_stack.isClean() and journey.card("t1").title == "Hi"


def test_a_refused_nudge_does_not_merge_into_the_last_one(qapp):
    document = Document(sample_map())
    journey, stack = document.journey, document.undo_stack
    assert document.try_push(Nudge(journey, ["t1"], [MoveCards(journey, ["t1"], "s2", "l-tp", 0)]))
    moved = journey.card_position("t1")
    refused = Nudge(journey, ["t1"], [MoveCards(journey, ["t1"], "gone", "l-tp", 0)])
    assert not document.try_push(refused)
    assert stack.count() == 1 and journey.card_position("t1") == moved
    stack.undo()
    assert journey.card_position("t1") == ("s1", "l-tp", 0)
    stack.redo()
    assert journey.card_position("t1") == moved


def test_update_does_not_merge_a_refused_edit_pushed_on_the_stack_itself(qapp):
    """Even a command pushed straight onto the QUndoStack (not through the document) keeps
    the typing step it would have merged into."""
    document = Document(sample_map())
    journey, stack = document.journey, document.undo_stack
    type_title(document, "Hey")
    refused = Update(journey, Entity.CARD, "t1", {"title": "z" * (SHORT_TEXT_MAX + 1)}, merge=True)
    stack.push(UndoCommand(refused))
    assert stack.count() == 1 and journey.card("t1").title == "Hey"
    stack.undo()
    stack.redo()
    assert journey.card("t1").title == "Hey"


def test_nudge_does_not_merge_a_refused_nudge_pushed_on_the_stack_itself(qapp):
    document = Document(sample_map())
    journey, stack = document.journey, document.undo_stack
    assert document.try_push(Nudge(journey, ["t1"], [MoveCards(journey, ["t1"], "s2", "l-tp", 0)]))
    stack.push(UndoCommand(Nudge(journey, ["t1"], [MoveCards(journey, ["t1"], "gone", "l-tp", 0)])))
    assert stack.count() == 1
    stack.undo()
    assert journey.card_position("t1") == ("s1", "l-tp", 0)
    stack.redo()
    assert journey.card_position("t1") == ("s2", "l-tp", 0)


def test_a_refused_edit_leaves_no_reference_cycle_holding_the_document(qapp):
    """The refusal is kept as words, not as the exception: its traceback would tie the
    command and the document into a cycle, and Qt objects freed by Python's cycle
    collector (with their undo stack's commands) crashed the interpreter."""
    document = Document(sample_map())
    journey = document.journey
    command = Update(journey, Entity.CARD, "t1", {"title": "z" * (SHORT_TEXT_MAX + 1)}, merge=True)
    assert not document.try_push(command)
    assert command.refusal is not None and "2,000" in command.refusal
    gone = weakref.ref(document)
    gc.disable()
    try:
        del document
        assert gone() is None  # freed at once, by reference counting
    finally:
        gc.enable()


def test_typing_in_two_inspector_fields_of_one_value_makes_two_steps(qtbot):
    """CSAT and NPS both live in the card's metrics, the scenario's title and goal in the
    map's scenario: typing in one field and then another is two undo steps, not one."""
    document = Document(sample_map())
    journey, stack = document.journey, document.undo_stack
    inspector = Inspector(document)
    qtbot.addWidget(inspector)
    inspector.show()
    inspector.activateWindow()
    qtbot.waitUntil(inspector.isActiveWindow)

    def type_into(label: str, keys: str) -> None:
        field = inspector_field(inspector, label)
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.end(False)
        else:
            field.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClicks(field, keys)

    inspector.show_target(Entity.CARD, "t2")
    type_into("CSAT", "4.5")
    type_into("NPS", "30")
    assert stack.count() == 2
    stack.undo()
    assert journey.card("t2").metrics.csat == 4.5 and journey.card("t2").metrics.nps is None
    inspector.show_target(None, None)
    type_into("Scenario", "!")
    type_into("Goal", "?")
    assert stack.count() == 3  # CSAT, scenario, goal (the undone NPS step is dropped)
    stack.undo()
    scenario = journey.info.scenario
    assert scenario.title == "Renewal!" and scenario.goal == "Get a better deal"
    inspector.detach()
