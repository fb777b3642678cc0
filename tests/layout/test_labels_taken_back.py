"""An edit that moves most flow labels leaves the labels placed before it as they were,
and its undo (a layout built on the one before the edit, see layout.relink) takes those
labels back: nothing is searched, carried or filed again."""

from __future__ import annotations

from functools import cache

from test_kept_labels import _keep_the_rules

from factories import synthetic_map
from mapper.layout import compute_layout, labels
from mapper.layout.relink import relink
from mapper.model import Card, Entity, JourneyMap


def _paste(journey: JourneyMap) -> None:
    """20 cards at the top of the first cell (the very cards again, as a redo puts them)."""
    stage, lane = journey.stages.ids()[0], journey.lanes.ids()[0]
    for card in _pasted(stage, lane):
        journey.insert(0, card)


@cache
def _pasted(stage: str, lane: str) -> tuple[Card, ...]:
    return tuple(Card(f"pasted-{i}", stage, lane, "Pasted") for i in range(20))


def _pasted_and_undone(journey: JourneyMap):
    """The layout and labels of ``journey`` before a paste at the top of its first cell,
    after it, and after its undo (built on the first, said as changes since the second)."""
    before = compute_layout(journey)
    known, _ = labels.update_labels(before, None, {})
    _paste(journey)
    pasted = compute_layout(journey, previous=before)
    shown, _ = labels.update_labels(pasted, before, known)
    for i in range(20):
        journey.remove(Entity.CARD, f"pasted-{i}")
    undone = compute_layout(journey, previous=before)
    relink(undone, pasted)
    return before, known, pasted, shown, undone


def test_an_edit_that_moves_most_labels_leaves_those_before_it_as_they_were():
    before, known, pasted, shown, _ = _pasted_and_undone(synthetic_map(600, seed=2))
    moved = [i for i in known if shown[i] is not known[i]]
    assert 2 * len(moved) > len(known)  # most labels moved down with their rows
    kept = before.placed_labels
    assert kept is not None and kept is not pasted.placed_labels
    assert kept.by_flow == known and all(kept.by_flow[i] is label for i, label in known.items())
    filed = {key for found in kept.grid.cells.values() for key in found}
    assert {i for i in filed if not i.startswith("\0")} == {
        i for i, label in known.items() if label.clear
    }


def test_the_undo_and_the_redo_take_the_labels_before_them_back(monkeypatch):
    journey = synthetic_map(600, seed=2)
    _, known, pasted, shown, undone = _pasted_and_undone(journey)
    searched: list = []
    real = labels._placed
    monkeypatch.setattr(labels, "_placed", lambda *a: (searched.append(a[0]), real(*a))[1])
    placed, changed = labels.update_labels(undone, pasted, shown)
    assert searched == []  # no label searched again, not even one that found no spot
    assert placed.keys() == known.keys() and all(placed[i] is known[i] for i in known)
    assert changed == {i for i in shown if shown[i] is not placed[i]}
    assert len(changed) > len(known) / 2
    assert pasted.placed_labels is not None  # its labels stay for a redo
    _keep_the_rules(undone, placed.values())
    _paste(journey)  # the redo, built on the layout of the paste
    redone = compute_layout(journey, previous=pasted)
    relink(redone, undone)
    again, changed = labels.update_labels(redone, undone, placed)
    assert searched == []
    assert again.keys() == shown.keys() and all(again[i] is shown[i] for i in shown)
    assert changed == {i for i in again if again[i] is not placed[i]}
    _keep_the_rules(redone, again.values())
