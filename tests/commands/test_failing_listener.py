"""An edit the model accepted stays an undoable, unsaved edit even when a view that
follows the map fails on its events: the other views still hear of it, the undo stack
holds it and the map counts as changed (closing asks to save it)."""

from __future__ import annotations

import pytest

from factories import sample_map
from mapper.document import Document
from mapper.edits import Update
from mapper.model import Entity


def test_an_edit_a_view_fails_to_follow_is_kept_on_the_undo_stack(qapp):
    document = Document(sample_map())
    journey = document.journey
    heard = []

    def broken(events) -> None:
        raise RuntimeError("a deleted view")

    stop = journey.events.subscribe(broken)
    journey.events.subscribe(heard.append)  # subscribed after the broken one
    with pytest.raises(RuntimeError):
        document.push(Update(journey, Entity.CARD, "t1", {"title": "Renamed"}))
    assert journey.card("t1").title == "Renamed"
    assert heard  # the views after the failing one still follow the map
    assert document.undo_stack.count() == 1
    assert document.is_modified()
    stop()
    document.undo_stack.undo()
    assert journey.card("t1").title != "Renamed"
