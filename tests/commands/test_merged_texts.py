"""Steps that fold into one undo step (a score nudged up twice) say where they end, in the
Edit menu and the undo history, not where they started."""

from __future__ import annotations

import pytest

from factories import sample_map
from mapper.document import Document
from mapper.edits import intents


@pytest.fixture
def document(qapp):
    doc = Document(sample_map())
    yield doc
    doc.dispose()


def test_a_score_nudged_three_times_is_one_step_named_by_its_last_score(document):
    journey, stack = document.journey, document.undo_stack
    assert journey.card("t4").emotions == {}
    for _ in range(3):
        assert document.try_push(intents.step_scores(journey, [("t4", "maya")], -1))
    assert journey.card("t4").emotions == {"maya": -3}
    assert stack.count() == 1
    assert stack.undoText() == "Set Maya's emotion to -3"
    stack.undo()
    assert journey.card("t4").emotions == {} and stack.redoText() == "Set Maya's emotion to -3"
    stack.redo()
    assert document.try_push(intents.step_scores(journey, [("t4", "maya")], 1))
    assert stack.count() == 1 and stack.undoText() == "Set Maya's emotion to -2"
