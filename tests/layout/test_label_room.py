"""Flow labels never cover card text (titles, metrics lines), badges or each other, on
the examples and on random maps; labels with no room are shortened, then left undrawn;
flows within one cell's stack are short straight arrows or brackets beside the stack."""

from __future__ import annotations

from pathlib import Path

import pytest
from drawn_text import meet, title_rects
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout_maps import SHORT, TEXT, journey_maps

from mapper.fileformat.io import load_journey
from mapper.layout import compute_layout
from mapper.layout.badges import badge_row
from mapper.layout.boxes import MapLayout, Style
from mapper.layout.geometry import Rect
from mapper.layout.labels import LABEL_MAX_WIDTH, LABEL_SIZE, flow_labels
from mapper.layout.metric_lines import card_metrics_rect
from mapper.layout.routes import route, stacked_route
from mapper.layout.text import ELLIPSIS, text_width
from mapper.model import Entity, Flow, JourneyMap, Metrics

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(ROOT.glob("examples/*.journey"))


def _ink(layout: MapLayout) -> list[Rect]:
    """Every card's title lines, metrics line and badge row, as drawn."""
    style = layout.style
    found = title_rects(layout)
    for box in layout.cards.values():
        line_rect = card_metrics_rect(box, style)
        if line_rect is not None:
            found.append(line_rect)
        row = badge_row(box, style)
        if row is not None:
            found.append(row)
    return found


def _assert_room(layout: MapLayout) -> None:
    labels = flow_labels(layout)
    shown = [label for label in labels if label.clear]
    ink = _ink(layout)
    for i, label in enumerate(shown):
        r = label.rect
        hit = next((w for w in ink if meet(r, w)), None)
        assert hit is None, (label.text, r, hit)
        for other in shown[i + 1 :]:
            assert not meet(r, other.rect), (label.text, other.text)
        assert text_width(label.text, LABEL_SIZE) <= LABEL_MAX_WIDTH + 0.01


@st.composite
def labelled_maps(draw: st.DrawFn) -> JourneyMap:
    journey = draw(journey_maps(max_cards=30))
    cards = [c.id for c in journey.cards()]
    for card_id in cards:
        if draw(st.booleans()):
            metrics = Metrics(
                csat=draw(st.none() | st.integers(0, 100)),
                nps=draw(st.none() | st.integers(-100, 100)),
                volume=draw(st.none() | st.integers(0, 10**7)),
            )
            journey.update(Entity.CARD, card_id, metrics=metrics, owner=draw(st.just("") | SHORT))
    if len(cards) >= 2:
        pairs = draw(st.lists(st.tuples(st.sampled_from(cards), st.sampled_from(cards)),
                              max_size=40, unique=True))  # fmt: skip
        for n, (a, b) in enumerate(p for p in pairs if p[0] != p[1]):
            journey.add(Flow(f"f{n}", a, b, label=draw(TEXT)))
    return journey


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(labelled_maps(), st.booleans())
def test_random_maps_labels_cover_no_text_badge_or_label(journey: JourneyMap, metrics: bool):
    _assert_room(compute_layout(journey, Style(card_metrics=metrics)))


def test_the_examples_labels_cover_no_text_badge_or_label_and_all_show():
    for path in EXAMPLES:
        layout = compute_layout(load_journey(path))
        assert any(box.metrics for box in layout.cards.values())
        _assert_room(layout)
        assert all(label.clear for label in flow_labels(layout)), path.stem


def test_a_label_with_no_room_is_shortened_then_left_undrawn():
    journey = load_journey(EXAMPLES[0])
    flow = next(iter(journey.flows()))
    journey.update(Entity.FLOW, flow.id, label="a very long label " * 8)
    layout = compute_layout(journey)
    label = next(lb for lb in flow_labels(layout) if lb.flow_id == flow.id)
    assert label.text.endswith(ELLIPSIS) and label.elided
    _assert_room(layout)


def test_cards_stacked_in_one_cell_get_a_straight_arrow_or_a_bracket():
    a, b, c = Rect(100, 100, 200, 50), Rect(100, 158, 200, 50), Rect(100, 216, 200, 50)
    down = stacked_route(a, b)  # next in the stack: straight down through the gap
    assert down.p0 == (200, 150) and down.p3 == (200, 158)
    assert {p[0] for p in (down.p0, down.c1, down.c2, down.p3)} == {200}
    for far in (stacked_route(a, c), stacked_route(c, a), stacked_route(b, a)):
        xs = [p[0] for p in (far.p0, far.c1, far.c2, far.p3)]
        assert min(xs) == 300 and 300 < max(xs) <= 300 + 14  # beside the stack's right edge
    assert route(a, c, stacked=True) == stacked_route(a, c)
    assert route(a, c) != stacked_route(a, c)  # other lanes: the general route


def test_the_examples_stacked_flows_stay_beside_their_cards():
    for path in EXAMPLES:
        layout = compute_layout(load_journey(path))
        boxes = layout.cards
        stacked = [
            r for r in layout.flows
            if (s := boxes[r.flow.source].card).stage_id == (t := boxes[r.flow.target].card).stage_id
            and s.lane_id == t.lane_id
        ]  # fmt: skip
        assert stacked, path.stem
        for r in stacked:
            a, b = boxes[r.flow.source].rect, boxes[r.flow.target].rect
            assert r.curve == stacked_route(a, b)
            xs = [p[0] for p in (r.curve.p0, r.curve.c1, r.curve.c2, r.curve.p3)]
            assert max(xs) <= max(a.right, b.right) + 14


def test_a_card_with_metrics_is_one_line_taller_only_with_the_view_option():
    journey = load_journey(EXAMPLES[0])
    card = next(c for c in journey.cards() if c.metrics.csat is not None)
    on = compute_layout(journey).cards[card.id]
    off = compute_layout(journey, Style(card_metrics=False)).cards[card.id]
    assert on.metrics.startswith(f"CSAT {card.metrics.csat:g}") and off.metrics == ""
    assert on.rect.height - off.rect.height == pytest.approx(11.7)
    bare = next(c for c in journey.cards() if c.metrics.is_empty() and not c.owner)
    assert compute_layout(journey).cards[bare.id].metrics == ""
