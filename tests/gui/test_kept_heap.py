"""An open map's objects are kept out of the garbage collector's walks while its window
is open, and given back when it closes."""

from __future__ import annotations

import gc

from factories import sample_map
from mapper.document import Document


def test_an_open_map_is_kept_out_of_collections_until_its_window_closes(manager, qtbot):
    gc.unfreeze()
    first = manager.show(Document(sample_map()))
    assert gc.get_freeze_count() > 0
    second = manager.show(Document(sample_map()))
    first.document.undo_stack.setClean()
    first.close()
    assert gc.get_freeze_count() == 0  # the closed map's cycles can be collected
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)  # the other map is kept again
    second.close()
    qtbot.wait(10)
    assert gc.get_freeze_count() == 0


def test_the_first_window_ends_the_start_up_pause_of_the_collector(manager, qtbot):
    from mapper.gcpause import pause_for_start_up

    gc.enable()
    pause_for_start_up()  # as 'mapper FILE' does before it loads the editor
    assert not gc.isenabled()
    window = manager.show(Document(sample_map()))
    assert gc.isenabled()
    window.close()


def test_starting_the_editor_holds_the_collector_off_until_a_window_shows(monkeypatch):
    import argparse

    import mapper.ui.app
    from mapper.cli import commands

    seen = []
    monkeypatch.setattr(mapper.ui.app, "run_app",
                        lambda path, qt_options=None: seen.append(gc.isenabled()) or 0)  # fmt: skip
    gc.enable()
    try:
        assert commands.run_gui(argparse.Namespace(file=None)) == 0
        assert seen == [False]
    finally:
        from mapper.gcpause import end_start_up_pause

        end_start_up_pause()
    assert gc.isenabled()


def test_other_commands_run_with_the_collector_on_after_their_parser_loads(monkeypatch):
    from mapper.cli import commands
    from mapper.cli.main import main

    seen = []
    monkeypatch.setattr(commands, "run_templates", lambda args: seen.append(gc.isenabled()) or 0)
    gc.enable()
    assert main(["templates"]) == 0
    assert seen == [True]
    assert main(["--version"]) == 0 and gc.isenabled()  # and after a parser's own exit


def _collectable() -> int:
    """How many objects a full walk of the collector frees (tuples and dicts it only
    stops tracking are not counted)."""
    gc.unfreeze()

    def counted() -> int:
        return sum(1 for o in gc.get_objects() if type(o) not in (tuple, dict))

    before = counted()
    gc.collect()
    return before - counted()


def test_what_an_edit_of_an_open_map_makes_is_kept_too(qtbot):
    """The canvas followed an edit: its new layout and routes join the kept heap instead
    of being walked by the collector right after, which would find nothing to free (a
    title edit, moves, a paste and its undo leave no garbage cycles)."""
    from factories import synthetic_map
    from mapper.canvas.scene import JourneyScene
    from mapper.edits import Composite, Insert, MoveCards, Update
    from mapper.gcpause import keep_heap, release_heap
    from mapper.model import Card, Entity

    document = Document(synthetic_map(300, seed=1))
    scene = JourneyScene(document)
    journey = document.journey
    card = list(journey.cards())[150]
    stages, lane = journey.stages.ids(), card.lane_id
    pasted = [Insert(journey, Entity.CARD, 0, Card(f"pasted-{i}", stages[0], lane, "Pasted"))
              for i in range(5)]  # fmt: skip
    edits = [
        lambda: document.push(Update(journey, Entity.CARD, card.id, {"title": "Longer " * 9})),
        *[
            lambda stage=stage: document.push(MoveCards(journey, [card.id], stage, lane, 0))
            for stage in stages
        ],
        lambda: document.push(Composite(journey, "Paste", pasted)),
        document.undo_stack.undo,
    ]
    try:
        for edit in edits:
            keep_heap(collect=True)  # what was garbage before the edit is gone
            edit()
            layout = scene.layout
            assert not any(o is layout for o in gc.get_objects())  # kept, not to be walked
            assert gc.get_count()[0] < 100
            assert _collectable() == 0  # nothing the edit made was garbage in a cycle
    finally:
        release_heap()
        scene.detach()
