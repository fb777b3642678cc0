"""The document says which state the map is in as a token (``Document.revision``): a new
one for each change applied, the one it replaced again when it is undone, its own again
when it is redone. A view builds on the layout it showed in a state the map is back in."""

from __future__ import annotations

import pytest

from factories import sample_map
from mapper.document import Document
from mapper.edits import Update
from mapper.model import Entity


@pytest.fixture
def document(qapp):
    doc = Document(sample_map())
    yield doc
    doc.dispose()


def _title(document: Document, card_id: str, title: str, merge: str | None = None) -> Update:
    return Update(document.journey, Entity.CARD, card_id, {"title": title}, merge=merge)


def test_undo_gives_back_the_state_before_and_redo_the_state_after(document):
    revision, stack = document.revision, document.undo_stack
    start = revision.token
    document.push(_title(document, "t2", "First"))
    first = revision.token
    document.push(_title(document, "t3", "Second"))
    second = revision.token
    assert len({id(start), id(first), id(second)}) == 3
    stack.undo()
    assert revision.token is first
    stack.undo()
    assert revision.token is start
    stack.redo()
    assert revision.token is first
    stack.redo()
    assert revision.token is second


def test_the_token_is_new_when_the_events_reach_the_views(document):
    """A view following the map reads the state it is in while it hears the change."""
    revision, heard = document.revision, []
    document.journey.events.subscribe(lambda events: heard.append(revision.token))
    start = revision.token
    document.push(_title(document, "t2", "First"))
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert heard[1] is start
    assert heard[0] is heard[2] is not start


def test_a_refused_change_keeps_the_token(document):
    start = document.revision.token
    assert not document.try_push(_title(document, "no-such-card", "Nothing"))
    assert document.revision.token is start


def test_steps_merged_into_one_undo_step_end_in_the_state_of_the_last(document):
    revision, stack = document.revision, document.undo_stack
    start = revision.token
    document.push(_title(document, "t2", "A", merge="Title"))
    document.push(_title(document, "t2", "AB", merge="Title"))
    merged = revision.token
    assert stack.count() == 1
    stack.undo()
    assert revision.token is start
    stack.redo()
    assert revision.token is merged
    assert document.journey.card("t2").title == "AB"
