"""A card made from the keyboard is one undo step with the title typed into it, or no step
at all when it is taken back (Esc); never a half step."""

from __future__ import annotations

import pytest

from factories import sample_map
from mapper.document import Document
from mapper.edits import EditRefused, intents
from mapper.fileformat import dumps_journey
from mapper.model import CardKind, Entity


@pytest.fixture
def document(qapp):
    doc = Document(sample_map())
    yield doc
    doc.dispose()


def made(document: Document) -> str:
    change = intents.new_card(document.journey, CardKind.TOUCHPOINT, "s2", "l-tp", 1)
    assert document.try_push(change)
    return change.entity.id


def test_the_typed_title_folds_into_the_step_that_made_the_card(document):
    journey, stack = document.journey, document.undo_stack
    before = dumps_journey(journey)
    card_id = made(document)
    assert document.try_push(intents.type_new_title(journey, card_id, "Live chat"))
    assert stack.count() == 1 and stack.undoText() == "Add 'Live chat'"
    after = dumps_journey(journey)
    stack.undo()
    assert dumps_journey(journey) == before
    stack.redo()
    assert dumps_journey(journey) == after and journey.card(card_id).title == "Live chat"
    # a later rename of the same card is a step of its own
    assert document.try_push(intents.rename(journey, Entity.CARD, card_id, "title", "X"))
    assert stack.count() == 2


def test_taking_a_new_card_back_leaves_the_history_and_saved_state_as_they_were(document):
    journey, stack = document.journey, document.undo_stack
    document.try_push(intents.rename(journey, Entity.CARD, "t1", "title", "Ad"))
    stack.setClean()
    before = dumps_journey(journey)
    card_id = made(document)
    assert document.is_modified()
    assert document.try_push(intents.take_back_new_card(journey, card_id))
    assert dumps_journey(journey) == before
    assert (stack.count(), stack.index(), stack.canRedo()) == (1, 1, False)
    assert not document.is_modified()
    stack.undo()  # the step before is still there, whole
    assert journey.card("t1").title == "Instagram ad"


def test_title_and_take_back_of_a_card_that_went_are_nothing(document):
    journey, stack = document.journey, document.undo_stack
    card_id = made(document)
    stack.undo()  # gone meanwhile
    assert intents.type_new_title(journey, card_id, "Late") is None
    assert intents.take_back_new_card(journey, card_id) is None
    with pytest.raises(EditRefused, match="needs a title"):
        intents.type_new_title(journey, "t1", "   ")
    assert intents.type_new_title(journey, "t1", "Instagram ad") is None  # unchanged


def test_only_one_title_folds_in(document):
    journey, stack = document.journey, document.undo_stack
    card_id = made(document)
    assert document.try_push(intents.type_new_title(journey, card_id, "First"))
    assert document.try_push(intents.type_new_title(journey, card_id, "Second"))
    assert stack.count() == 2  # the second is a rename of its own
    stack.undo()
    assert journey.card(card_id).title == "First"
