"""The canvas follows the model edit by edit, touching only what changed, and always ends
up where a canvas built from scratch would be."""

from __future__ import annotations

import operator
import random

import pytest

from commands.editor_commands import EDITS, Draw
from factories import sample_map, synthetic_map
from mapper.canvas.scene import JourneyScene
from mapper.document import Document
from mapper.edits import MoveCards, Update
from mapper.model import Entity
from scene_picture import assert_labels_apart, fresh_scene, picture


@pytest.fixture
def scene(qapp):
    scene = JourneyScene(Document(sample_map()))
    yield scene
    scene.detach()


def test_an_edit_of_what_the_canvas_does_not_draw_lays_nothing_out(scene):
    before, items = scene.layout, dict(scene.cards)
    scene.document.push(Update(scene.journey, Entity.CARD, "t2", {"notes": "Ask about fees"}))
    scene.document.push(Update(scene.journey, Entity.CARD, "o1", {"impact": 1}))
    scene.document.push(Update(scene.journey, Entity.CARD, "o1", {"pain_point_ids": ("t3",)}))
    scene.document.push(Update(scene.journey, None, None, {"author": "Someone else"}))
    assert scene.layout is before
    assert scene.cards == items


def test_an_edit_touches_only_the_items_it_changes(scene, monkeypatch):
    touched: list[str] = []
    for item in scene.cards.values():
        original, moved = item.update_box, item.move_to
        monkeypatch.setattr(
            item,
            "update_box",
            lambda box, pid, o=original, i=item: (touched.append(i.card_id), o(box, pid)),
        )
        monkeypatch.setattr(  # a card that only moves is moved without being redrawn
            item, "move_to", lambda box, o=moved, i=item: (touched.append(i.card_id), o(box))
        )
    scene.document.push(Update(scene.journey, Entity.CARD, "t4", {"description": "tooltip"}))
    assert touched == ["t4"]
    touched.clear()
    stage, lane, _ = scene.journey.card_position("t3")
    scene.document.push(MoveCards(scene.journey, ["t3"], stage, lane, 0))  # above t2
    assert sorted(touched) == ["t2", "t3"]


@pytest.mark.parametrize("seed", range(12))
def test_after_any_edits_the_canvas_equals_one_built_from_scratch(qapp, seed):
    document = Document(sample_map())
    scene = JourneyScene(document)
    draw = Draw(rng=random.Random(seed))
    names = sorted(EDITS)
    try:
        for step in range(60):
            command = EDITS[draw.rng.choice(names)](document.journey, draw)
            if command is not None:
                document.try_push(command)
            if step % 7 == 6:
                document.undo_stack.undo()
            with fresh_scene(document) as fresh:
                assert picture(scene) == picture(fresh), f"step {step}"
                assert_labels_apart(scene)
    finally:
        scene.detach()


@pytest.mark.parametrize("seed", range(6))
def test_with_an_emotion_lane_its_items_equal_ones_built_from_scratch(qapp, seed):
    """Curves, points and ghost points are updated in place edit by edit (scores, moves,
    personas shown and hidden, undo) and end up as a fresh canvas draws them."""
    from mapper.edits import intents, personas
    from mapper.model import Lane, LaneKind

    journey = sample_map()
    journey.add(Lane("emo", "Emotion", LaneKind.EMOTION))
    document = Document(journey)
    scene = JourneyScene(document)
    draw = Draw(rng=random.Random(seed))
    names = sorted(EDITS)
    drawn = 0
    try:
        for step in range(60):
            rng = draw.rng
            if rng.random() < 0.4 and journey.personas:
                persona = rng.choice(journey.personas.ids())
                card = rng.choice([c.id for c in journey.cards()] or [None])
                if card is not None and rng.random() < 0.8:
                    score = rng.choice([None, -3, -2, -1, 0, 1, 2, 3])
                    command = intents.set_emotion(journey, card, persona, score)
                else:
                    hidden = journey.personas.get(persona).hidden
                    command = personas.show_persona(journey, persona, hidden)
            else:
                command = EDITS[rng.choice(names)](journey, draw)
            if command is not None:
                document.try_push(command)
            if step % 7 == 6:
                document.undo_stack.undo()
            with fresh_scene(document) as fresh:
                ours, theirs = picture(scene), picture(fresh)
                for part in ("curves", "ghosts", "cards", "lanes"):  # the emotion lane's items
                    assert ours[part] == theirs[part], f"step {step}: {part}"
                drawn += len(scene.emotion_points()) + len(scene.ghost_rows())
    finally:
        scene.detach()
    assert drawn > 0  # the lane had points and ghosts to compare


def _emotion_items(scene: JourneyScene) -> dict:
    """Every emotion item of the canvas by what it draws: (persona, stage) for curve paths
    and rows of points, (persona, card) for points drawn by items of their own, the stage
    for ghost rows."""
    items: dict = {}
    for pid, curve in scene.emotions.curves.items():
        items.update({("point", pid, c): it for c, it in curve.own.items()})
        items.update({("points", pid, i): it for i, it in curve.rows.items()})
        items.update({("path", pid, i): it for i, it in curve.paths.items()})
    items.update({("ghosts", i): row for i, row in scene.emotions.ghosts.items()})
    return items


def _emotion_pixels(scene: JourneyScene):
    """The emotion lane as the canvas paints it, its own items alone (flow labels an edit
    did not disturb may sit elsewhere than on a fresh canvas: see ``scene_picture.picture``)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    ours = {id(item) for item in _emotion_items(scene).values()}
    others = [it for it in scene.made_items() if id(it) not in ours and it.isVisible()]
    row = scene.layout.emotion_lane.row
    image = QImage(int(row.width), int(row.height), QImage.Format.Format_ARGB32)
    image.fill(0)
    for item in others:
        item.setVisible(False)
    try:
        painter = QPainter(image)
        scene.render(painter, QRectF(image.rect()), QRectF(row.x, row.y, row.width, row.height))
        painter.end()
    finally:
        for item in others:
            item.setVisible(True)
    return image


def _paste_at_the_top(journey, count: int):
    """A paste of ``count`` cards at the top of the first cell: the rows below move down."""
    from mapper.edits import Composite, Insert
    from mapper.model import Card

    stage, lane = journey.stages.ids()[0], journey.lanes.ids()[0]
    return Composite(journey, "Paste", [
        Insert(journey, Entity.CARD, 0, Card(f"pasted-{i}", stage, lane, "Pasted"))
        for i in range(count)
    ])  # fmt: skip


def _assert_as_from_scratch(scene: JourneyScene) -> None:
    with fresh_scene(scene.document) as fresh:
        ours, theirs = picture(scene), picture(fresh)
        for part in ("curves", "ghosts", "cards", "lanes", "items"):
            assert ours[part] == theirs[part], part
        drawn = _emotion_pixels(scene)
        assert drawn == _emotion_pixels(fresh)
        assert len(set(drawn.constBits().tobytes())) > 1  # something was drawn


def test_a_paste_that_moves_the_emotion_lane_down_keeps_its_items_and_moves_them(qapp):
    """Cards pasted into a lane above the emotion lane push it down: its points, paths and
    ghost rows are moved (or drawn again in place), not taken out and made again, through
    the paste, its undo and its redo, and the canvas equals one built from scratch."""

    document = Document(synthetic_map(300, emotion_lane=True))
    journey = document.journey
    scene = JourneyScene(document)
    try:
        paste = _paste_at_the_top(journey, 30)
        before = _emotion_items(scene)
        assert any(k[0] == "points" for k in before) and any(k[0] == "ghosts" for k in before)
        lane_y = scene.layout.emotion_lane.row.y
        for step in (lambda: document.push(paste), document.undo_stack.undo,
                     document.undo_stack.redo):  # fmt: skip
            step()
            assert scene.layout.emotion_lane.row.y != lane_y  # it moved: down, up, down
            lane_y = scene.layout.emotion_lane.row.y
            after = _emotion_items(scene)
            assert after.keys() == before.keys()
            assert all(after[k] is item for k, item in before.items())
            _assert_as_from_scratch(scene)
    finally:
        scene.detach()


def test_cards_moved_to_other_cells_keep_the_emotion_items_that_only_moved(qapp):
    """Cards moved into a cell above the emotion lane, from several stages: the lane moves
    down and the points of the stages they left and joined move along their curves; every
    item is kept, moved, and ends up where a fresh canvas draws it, undone and redone."""
    document = Document(synthetic_map(300, emotion_lane=True))
    journey = document.journey
    scene = JourneyScene(document)
    try:
        first, last = journey.stages.ids()[0], journey.lanes.ids()[-1]
        moved = [c.id for c in journey.cards() if c.lane_id == last and c.emotions][:12]
        assert len({journey.card(c).stage_id for c in moved}) > 1
        before = _emotion_items(scene)
        lane_y = scene.layout.emotion_lane.row.y
        document.push(MoveCards(journey, moved, first, journey.lanes.ids()[0], 0))
        assert scene.layout.emotion_lane.row.y != lane_y
        for step in (lambda: None, document.undo_stack.undo, document.undo_stack.redo):
            step()
            after = _emotion_items(scene)
            assert all(after[k] is item for k, item in before.items() if k in after)
            drawn = {(key[1], p.card_id) for key, row in after.items() if key[0] == "points"
                     for p in row.points}  # fmt: skip
            assert all((pid, c) in drawn for pid in scene.emotions.curves
                       for c in moved if pid in journey.card(c).emotions)  # fmt: skip
            _assert_as_from_scratch(scene)
    finally:
        scene.detach()


def test_an_edit_that_moves_emotion_points_works_out_their_curve_when_painted(qapp, monkeypatch):
    """A paste that moves the emotion lane down, and a card moved to another stage, reach
    the lane's items as bounds: the points and segments are worked out when painted, and
    the lane then paints as a canvas built from scratch does. The move's undo takes back
    the curves shown after the paste, worked out then (see canvas.shown_layouts)."""
    from segments_counted import segments_worked_out

    document = Document(synthetic_map(300, emotion_lane=True))
    journey = document.journey
    scene = JourneyScene(document)
    try:
        _emotion_pixels(scene)  # drawn once
        stage = journey.stages.ids()[0]
        paste = _paste_at_the_top(journey, 30)
        card = next(c for c in journey.cards() if c.emotions and c.stage_id != stage)
        start = scene.layout.emotion_lane.row.y
        moves = [
            lambda: document.push(paste),
            lambda: document.push(MoveCards(journey, [card.id], stage, card.lane_id, 0)),
            document.undo_stack.undo,
            document.undo_stack.undo,
        ]
        pasted: list = []  # the curves shown after the paste
        for step, edit in enumerate(moves):
            with segments_worked_out(monkeypatch) as worked:
                edit()
                assert worked == []
                pixels = _emotion_pixels(scene)
                if step == 2:  # the move undone: the map is as the paste left it
                    assert worked == []
                    assert len(pasted) == len(scene.layout.emotion_curves) > 0
                    assert all(map(operator.is_, pasted, scene.layout.emotion_curves))
                else:
                    assert sum(worked) > 0
            if step == 0:
                pasted = list(scene.layout.emotion_curves)
            with fresh_scene(document) as fresh:
                assert pixels == _emotion_pixels(fresh)
            _assert_as_from_scratch(scene)
        assert scene.layout.emotion_lane.row.y == start  # (the paste's undo moved it back)
    finally:
        scene.detach()


def test_cards_of_rows_a_paste_moves_are_moved_without_comparing_their_boxes(qapp, monkeypatch):
    """Cards pasted at the top of a cell push the rows below down: their cards' items are
    moved along as their cells moved whole (not compared box by box with what they
    showed), through the paste, its undo and its redo, and the canvas equals one built
    from scratch."""
    import mapper.canvas.mirror as mirror

    compared: list[str] = []
    only_moved = mirror.only_moved
    monkeypatch.setattr(
        mirror, "only_moved", lambda old, new: compared.append(new.card.id) or only_moved(old, new)
    )
    document = Document(synthetic_map(200))
    journey = document.journey
    scene = JourneyScene(document)
    try:
        paste = _paste_at_the_top(journey, 12)
        for step in (lambda: document.push(paste), document.undo_stack.undo,
                     document.undo_stack.redo):  # fmt: skip
            compared.clear()
            before = {i: item.pos().toTuple() for i, item in scene.cards.items()}
            step()
            offsets = scene.layout.card_offsets
            assert len(offsets) > 50  # the cards of the rows below
            assert not offsets.keys() & set(compared)
            for card_id, (dx, dy) in offsets.items():
                x, y = before[card_id]
                assert scene.cards[card_id].pos().toTuple() == pytest.approx((x + dx, y + dy))
            with fresh_scene(document) as fresh:
                assert picture(scene) == picture(fresh)
    finally:
        scene.detach()
