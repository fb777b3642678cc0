"""After an edit that moves cards, flow labels stay where no moved card reaches, found
with one box per moved cell stack or run of moved cards instead of one per card."""

from __future__ import annotations

from layout_maps import grow_first_row

from factories import synthetic_map
from mapper.layout import compute_layout, label_moves, labels
from mapper.layout.label_grids import CARD_CLEARANCE
from mapper.layout.labels import flow_labels
from mapper.model import Entity


def _grown_first_row():
    journey = synthetic_map(600, seed=2)
    before = compute_layout(journey)
    known = flow_labels(before)
    after = grow_first_row(journey, before)
    return before, after, known


def _kept(after, before, known) -> set[str]:
    """The known labels an edit lets stay (the others are carried along or placed again)."""
    state = labels._state_of(known)
    body = labels.Rect(0, 0, after.width, after.height)  # (every label is inside both)
    disturbed, _ = labels._disturbed(after, before, state, body)
    return {label.flow_id for label in known} - disturbed


def _card_by_card(monkeypatch) -> None:
    """Moved cards found one box for each card where it was and one where it is."""
    monkeypatch.setattr(label_moves, "moved_stacks", lambda *args: set())
    monkeypatch.setattr(
        label_moves,
        "runs",
        lambda ids, boxes, stacks: [
            label_moves._padded(boxes[i].rect, CARD_CLEARANCE) for i in ids
        ],
    )


def _met(boxes, known) -> set[str]:
    """The labels that meet any of ``boxes``."""
    state = labels._state_of(known)
    found: set[str] = set()
    for box in boxes:
        state.grid.meeting(box, found)
    return found


def test_labels_kept_with_whole_stacks_are_those_kept_card_by_card(monkeypatch):
    before, after, known = _grown_first_row()
    changed, _ = after.changes_since(before)
    boxes = label_moves.moved_boxes(after, before)
    kept = _kept(after, before, known)
    whole = label_moves.moved_stacks(after, before, [])
    assert len(whole) > len(changed) / 2  # most cards moved with their whole cell

    _card_by_card(monkeypatch)
    card_by_card = label_moves.moved_boxes(after, before)
    assert len(card_by_card) == 2 * len(changed)  # where each card was and where it is
    assert kept == _kept(after, before, known)
    assert _met(boxes, known) == _met(card_by_card, known)
    assert 0 < len(kept) < len(known)  # some labels stay, those near moved cards do not
    assert len(boxes) < len(card_by_card) / 4


def test_labels_met_by_runs_of_moved_cards_are_those_met_card_by_card(monkeypatch):
    """A card moved to the top of another cell moves the cards under it in both cells
    (their cells keep none of their boxes): one box per run of them, where they were
    and where they are, meets the labels their own boxes meet."""
    journey = synthetic_map(600, seed=2)
    before = compute_layout(journey)
    known = flow_labels(before)
    stages, lanes = journey.stages.ids(), journey.lanes.ids()
    cells = [(s, lane) for lane in lanes for s in stages]
    stage, lane = max(cells, key=lambda cell: len(journey.cards_in_cell(*cell)))
    card = journey.cards_in_cell(stage, lane)[1]  # (one stays above it)
    target = stages[(stages.index(stage) + 1) % len(stages)]
    journey.move_cards([card.id], target, lane, 0)
    grown = journey.cards_in_cell(stage, lane)[-4]  # one grows near the end of its cell
    journey.update(Entity.CARD, grown.id, title=grown.title + " and a few more words")
    journey.remove(Entity.CARD, journey.cards_in_cell(stage, lane)[-2].id)
    after = compute_layout(journey, previous=before)
    changed, gone = after.changes_since(before)
    boxes = label_moves.moved_boxes(after, before)
    met = _met(boxes, known)

    _card_by_card(monkeypatch)
    card_by_card = label_moves.moved_boxes(after, before)
    assert len(card_by_card) >= 2 * len(changed) - 1 + len(gone) > 40
    assert met == _met(card_by_card, known)
    assert len([i for i in met if not i.startswith("\0")]) > 5
    assert len(boxes) <= 8


def test_after_an_edit_only_the_labels_it_disturbed_are_filed_again(monkeypatch):
    """The editor hands the labels placed on one layout to the next: an edit that moves
    a few cards takes out, carries or places again only the labels near them, and
    gives what placing them from the known labels gives."""
    journey = synthetic_map(600, seed=2)
    before = compute_layout(journey)
    known, _ = labels.update_labels(before, None, {})
    assert len(known) > 50
    last = before.lanes[-1].lane.id
    stage = next(s.stage.id for s in before.stages if journey.cards_in_cell(s.stage.id, last))
    card = journey.cards_in_cell(stage, last)[-1]  # nothing below it moves
    journey.update(Entity.CARD, card.id, title=card.title + " with a few more words")
    after = compute_layout(journey, previous=before)
    filed: list[str] = []
    real_add = labels.LabelGrid.add
    monkeypatch.setattr(
        labels.LabelGrid, "add", lambda grid, key, r: (filed.append(key), real_add(grid, key, r))
    )
    placed, changed = labels.update_labels(after, before, known)
    assert len(filed) < len(known) / 4  # not every label filed again
    assert before.placed_labels is None and after.placed_labels is not None  # handed on
    monkeypatch.undo()
    expected = labels.flow_labels(after, before, list(known.values()))
    assert placed == {label.flow_id: label for label in expected}
    assert changed >= {i for i in known.keys() | placed.keys() if known.get(i) is not placed.get(i)}
    assert len(changed) < len(known) / 4


def test_labels_handed_on_through_random_edits_are_those_placed_from_the_known_ones():
    """Through edits of every kind (titles, moves, removals, flow labels), the labels the
    editor hands from layout to layout (their grid taken over, not filed again) are
    those placed from scratch around the labels known before each edit, and the flows
    said to have changed labels cover every label that is not the one before."""
    import random

    rng = random.Random(11)
    journey = synthetic_map(300, seed=11)
    layout = compute_layout(journey)
    known, _ = labels.update_labels(layout, None, {})
    for _ in range(14):
        cards = list(journey.cards())
        card = rng.choice(cards)
        roll = rng.random()
        if roll < 0.4:
            journey.update(Entity.CARD, card.id, title=card.title + " and more" * rng.randint(1, 4))
        elif roll < 0.7:
            stage, lane = rng.choice(journey.stages.ids()), rng.choice(journey.lanes.ids())
            journey.move_cards([card.id], stage, lane, rng.randint(0, 5))
        elif roll < 0.85:
            journey.remove(Entity.CARD, card.id)
        else:
            flow = rng.choice(journey.flows())
            journey.update(Entity.FLOW, flow.id, label=rng.choice(["", "a new label", "x"]))
        after = compute_layout(journey, previous=layout)
        expected = labels.flow_labels(after, layout, list(known.values()))
        placed, changed = labels.update_labels(after, layout, known)
        assert placed == {label.flow_id: label for label in expected}
        assert changed >= {
            i for i in known.keys() | placed.keys() if known.get(i) is not placed.get(i)
        }
        state = after.placed_labels
        filed = {key for found in state.grid.cells.values() for key in found}
        assert {i for i in filed if not i.startswith("\0")} == {
            i for i, label in placed.items() if label.clear
        }
        _keep_the_rules(after, placed.values())
        layout, known = after, placed


def _keep_the_rules(layout, placed) -> None:
    """Every label drawn lies in the map's body, within one stage column, clear of the
    cards' text, the blueprint's lines and the other labels."""
    from mapper.layout.label_grids import text_boxes

    style = layout.style
    edges = sorted(box.column.x for box in layout.stages)[1:]
    taken = [t for box in layout.cards.values() for t in text_boxes(box, style)]
    taken += [(b.x0, b.y - 1.5, b.x1, b.y + 1.5) for b in layout.blueprint]
    clear = [label.rect for label in placed if label.clear]
    for i, r in enumerate(clear):
        assert style.lane_header_width <= r.x and r.right <= layout.width
        assert style.stage_header_height <= r.y and r.bottom <= layout.height
        assert not any(r.x < edge < r.right for edge in edges)
        assert not any(r.x < c and a < r.right and r.y < d and b < r.bottom for a, b, c, d in taken)
        assert not any(r.intersects(other) for other in clear[i + 1 :])
