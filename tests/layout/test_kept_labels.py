"""After an edit that moves cards, flow labels stay where no moved card reaches, found
with one box per moved cell stack or run of moved cards instead of one per card."""

from __future__ import annotations

import pytest
from layout_maps import grow_first_row

from factories import synthetic_map
from mapper.layout import compute_layout, label_moves, labels
from mapper.layout.label_grids import CARD_CLEARANCE
from mapper.layout.labels import flow_labels, new_labels_steps, update_labels
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


def _text_looked_up(monkeypatch) -> list:
    """The spots checked against the cards' text, as they are checked."""
    from mapper.layout.label_grids import CardIndex

    asked: list = []
    real = CardIndex.on_text
    monkeypatch.setattr(CardIndex, "on_text", lambda index, r: (asked.append(r), real(index, r))[1])
    return asked


def test_labels_carried_with_rows_that_moved_whole_are_not_checked_against_text(monkeypatch):
    """A cell that grew moves the rows below it down whole: their labels, carried along
    with their flows, are as clear of the cards' text as they were (every card near
    them moved with them), so their text is not looked up one by one; they land where
    looking each one up puts them."""
    before, after, known = _grown_first_row()
    dy = after.lanes[1].row.y - before.lanes[1].row.y
    assert dy > 0
    bands = label_moves.rigid_bands(after, before)
    assert [(top, moved) for top, _, moved in bands] == [(after.lanes[1].row.y, dy)]
    assert bands[0][1] == after.lanes[-1].row.bottom  # every row below the one that grew
    asked = _text_looked_up(monkeypatch)
    quick = flow_labels(after, before, known)
    looked_up = len(asked)
    asked.clear()
    monkeypatch.setattr(labels, "in_band", lambda *args: False)  # each looked up
    assert flow_labels(after, before, known) == quick
    assert looked_up < len(asked) / 2


def test_rows_that_changed_or_moved_unlike_the_others_are_no_rigid_band():
    """A row with a card added, or a row that moved by another amount than the row above
    it, starts no band with those rows (nor joins one): only rows whose every cell shows
    the same cards moved by the same amount make one."""
    from mapper.model import Card

    journey = synthetic_map(300, seed=4)
    before = compute_layout(journey)
    lanes = [box.lane.id for box in before.lanes]

    def tallest(lane_id: str) -> str:  # the stage of the lane's tallest cell
        stages = [box.stage.id for box in before.stages]
        return max(stages, key=lambda s: before.cell_stacks[s, lane_id].height)

    journey.insert(0, Card("grown-1", tallest(lanes[0]), lanes[0], "A card on top"))
    journey.insert(0, Card("grown-2", tallest(lanes[2]), lanes[2], "In the third row"))
    after = compute_layout(journey, previous=before)
    moved = [after.lanes[i].row.y - before.lanes[i].row.y for i in range(len(lanes))]
    assert moved[0] == 0 and 0 < moved[1] < moved[3]
    bands = label_moves.rigid_bands(after, before)
    tops = {top: moved for top, _, moved in bands}
    assert after.lanes[0].row.y not in tops  # a card came: not rigid
    assert tops[after.lanes[1].row.y] == moved[1]
    assert after.lanes[2].row.y not in tops
    assert tops[after.lanes[3].row.y] == moved[3]
    band = next(b for b in bands if b[0] == after.lanes[1].row.y)
    assert band[1] == after.lanes[1].row.bottom  # the third row is not part of it


@pytest.mark.parametrize("seed", range(4))
def test_labels_carried_through_random_edits_land_where_looking_up_the_text_puts_them(
    monkeypatch, seed
):
    """Through cards added on top of cells (rows below move down whole), removed (they
    move up), retitled and moved, the labels placed without looking up the text of
    rows that moved whole are those placed looking up every carried label's text."""
    import random

    from mapper.layout import label_moves as moves
    from mapper.model import Card

    rng = random.Random(seed)
    found: list[bool] = []  # whether each carried label was in a band that moved whole
    journey = synthetic_map(300, seed=seed)
    layout = compute_layout(journey)
    known, _ = labels.update_labels(layout, None, {})
    for step in range(10):
        stages, lanes = journey.stages.ids(), journey.lanes.ids()
        card = rng.choice(list(journey.cards()))
        roll = rng.random()
        if roll < 0.4:  # on top of the first row's tallest cell: the rows below move
            stage = max(stages, key=lambda s: layout.cell_stacks[s, lanes[0]].height)
            for i in range(rng.randint(1, 6)):
                journey.insert(0, Card(f"new-{step}-{i}", stage, lanes[0], "New"))
        elif roll < 0.6:
            journey.remove(Entity.CARD, card.id)
        elif roll < 0.8:
            journey.update(Entity.CARD, card.id, title=card.title + " and more" * 3)
        else:
            journey.move_cards([card.id], rng.choice(stages), rng.choice(lanes), 0)
        after = compute_layout(journey, previous=layout)
        monkeypatch.setattr(labels, "in_band", lambda *args: False)
        each = labels.flow_labels(after, layout, list(known.values()))
        monkeypatch.setattr(
            labels, "in_band", lambda *a: (found.append(moves.in_band(*a)), found[-1])[1]
        )
        placed, _ = labels.update_labels(after, layout, known)
        assert placed == {label.flow_id: label for label in each}, f"step {step}"
        _keep_the_rules(after, placed.values())
        layout, known = after, placed
    assert found.count(True) > 20  # (the edits moved rows whole)


def test_labels_carried_along_are_made_without_the_generic_constructor(monkeypatch):
    """Hundreds of labels are carried along after a cell grew on a big map: each is made
    by setting its fields directly, not through the frozen dataclass's constructor."""
    from mapper.layout.labels import FlowLabel

    before, after, known = _grown_first_row()
    made: list = []
    real = FlowLabel.__init__
    monkeypatch.setattr(FlowLabel, "__init__", lambda *a, **k: (made.append(a), real(*a, **k))[1])
    placed = {label.flow_id: label for label in flow_labels(after, before, known)}
    was = {label.flow_id: label for label in known}
    carried = [i for i, label in placed.items() if label.rect != was[i].rect and label.clear]
    assert len(carried) > 20
    assert len(made) < len(carried) / 4  # (those placed afresh)


def test_new_labels_placed_in_steps_are_those_placed_at_once() -> None:
    """Opening a map places its labels a few at a turn of the event loop: the same
    labels, handed on to the layout as one placement hands them on."""
    journey = synthetic_map(300)
    at_once = compute_layout(journey)
    labels, _ = update_labels(at_once, None, {})
    stepped = compute_layout(journey)
    steps = new_labels_steps(stepped, 7)
    yields = 0
    while True:
        try:
            next(steps)
            yields += 1
        except StopIteration as done:
            in_steps = done.value
            break
    assert in_steps == labels and len(labels) > 40
    assert yields == len(labels) // 7
    assert stepped.placed_labels is not None
    assert stepped.placed_labels.by_flow == at_once.placed_labels.by_flow
