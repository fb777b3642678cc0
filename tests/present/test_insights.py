"""The closing slides' content, their tiles and the detail text (no Qt)."""

from __future__ import annotations

from factories import sample_map
from mapper.layout.geometry import Rect
from mapper.model import Card, CardKind, Entity, Evidence, Metrics, Presentation
from mapper.present.content import shown
from mapper.present.deck import Deck
from mapper.present.details import detail_html
from mapper.present.insights import ranked_opportunities, ranked_pain_points
from mapper.present.theme import CALM
from mapper.present.tiles import opportunity_tiles, paginate, pain_tiles


def test_pain_points_rank_most_painful_first():
    journey = sample_map()
    points = ranked_pain_points(journey, shown(journey))
    # t2 is scored -3 by Maya; p1 is a pain point card without a score (counts as -2)
    assert [p.card.id for p in points] == ["t2", "p1"]
    assert points[0].score == -3 and points[0].stage_name == "Purchase"
    assert points[1].score is None
    assert points[0].opportunity_count == 1


def test_moments_of_truth_lead_among_equally_painful(coffee):
    points = ranked_pain_points(coffee, shown(coffee))
    scores = [p.score if p.score is not None else -2 for p in points]
    assert scores == sorted(scores)
    worst = [p for p in points if p.score == -3]
    assert worst[0].card.moment_of_truth


def test_leaving_a_lane_out_hides_its_cards_not_their_pain_points_or_the_curve(coffee):
    """Leaving out the Touchpoints lane used to drop the emotion curve's seven steps and
    the touchpoints' pain points (21 became 11)."""
    from mapper.model import LaneKind
    from mapper.present.sequence import build_steps
    from mapper.present.steps import StepKind

    before_pains = [p.card.id for p in ranked_pain_points(coffee, shown(coffee))]
    before_steps = build_steps(coffee, shown(coffee))
    touchpoints = next(lane.id for lane in coffee.lanes if lane.kind is LaneKind.TOUCHPOINTS)
    coffee.update_info(presentation=Presentation(hidden_lane_ids=(touchpoints,)))
    content = shown(coffee)
    assert touchpoints not in content.lane_ids  # its cards are not on the slides
    assert [p.card.id for p in ranked_pain_points(coffee, content)] == before_pains
    emotion = [s for s in build_steps(coffee, content) if s.kind is StepKind.EMOTION]
    assert emotion == [s for s in before_steps if s.kind is StepKind.EMOTION] and emotion
    layout = Deck.of(coffee).layout()
    assert {c.persona.id for c in layout.curves} == {p.id for p in coffee.personas}
    assert len(layout.curves[0].points) == sum(
        1 for c in coffee.cards() if layout.curves[0].persona.id in c.emotions
    )


def test_opportunities_quick_wins_first(coffee):
    ranked = ranked_opportunities(coffee, shown(coffee))
    wins = [o.is_quick_win for o in ranked]
    assert wins == sorted(wins, reverse=True) and any(wins)
    rest = [o.priority for o in ranked if not o.is_quick_win]
    assert rest == sorted(rest, reverse=True)


def test_tiles_say_where_and_whether_anything_addresses_them(coffee):
    tiles = pain_tiles(coffee, ranked_pain_points(coffee, shown(coffee)))
    assert tiles[0].badge == "−3"
    assert any("no opportunity yet" in t.lines[0] for t in tiles)
    opp = opportunity_tiles(coffee, ranked_opportunities(coffee, shown(coffee)))
    assert opp[0].badge == "Quick win"
    assert opp[0].lines[1].startswith("Fixes: ")


def test_pages_hold_every_tile_once_in_reading_order(coffee):
    tiles = pain_tiles(coffee, ranked_pain_points(coffee, shown(coffee)))
    area = Rect(90, 200, 1740, 720)
    pages = paginate(tiles, area, 1.0)
    placed = [p for page in pages for p in page]
    assert [p.tile for p in placed] == tiles
    for page in pages:
        for tile in page:
            assert tile.rect.bottom <= area.bottom + 0.01 and tile.rect.right <= area.right + 0.01
        rows = [(round(t.rect.y), t.rect.x) for t in page]
        assert rows == sorted(rows)  # left to right, then down
    assert len(paginate(tiles, area, 1.6)) > len(pages)  # bigger text, more pages


def test_few_tiles_take_one_column():
    journey = sample_map()
    tiles = opportunity_tiles(journey, ranked_opportunities(journey, shown(journey)))
    (page,) = paginate(tiles, Rect(0, 0, 1700, 700), 1.0)
    assert {t.rect.x for t in page} == {0}


def test_details_show_every_field_evidence_and_metrics():
    journey = sample_map()
    journey.add(
        Card(
            "x",
            "s2",
            "l-tp",
            "Pay <now> & go",
            description="Line one\nline two",
            channel="kiosk",
            owner="Ops",
            tags=("a", "b"),
            notes="Ask Sam",
            metrics=Metrics(csat=71, conversion_rate=0.4),
            emotions={"maya": -2},
            evidence=(Evidence("Too slow", "Survey 2025"),),
        )
    )
    html = detail_html(journey, journey.card("x"), CALM, 24)
    for text in (
        "Pay &lt;now&gt; &amp; go",
        "Line one<br>line two",
        "Kiosk",
        "Ops",
        "a, b",
        "Ask Sam",
        "CSAT",
        "71",
        "Conversion",
        "40%",
        "Maya −2 (pain point)",
        "Too slow",
        "Survey 2025",
        "Assumption",
        "Purchase",
        "Touchpoints",
    ):
        assert text in html, text
    assert "<now>" not in html


def test_opportunity_details_list_the_pain_points_it_addresses():
    journey = sample_map()
    html = detail_html(journey, journey.card("o1"), CALM, 24)
    for text in (
        "Show all fees upfront",
        "5 / 5",
        "2 / 5",
        "Quick win",
        "Pricing",
        "Hidden fees",
        "Online checkout",
    ):
        assert text in html, text


def test_a_pain_point_card_names_its_kind():
    journey = sample_map()
    html = detail_html(journey, journey.card("p1"), CALM, 24)
    assert "PAIN POINT" in html
    assert CardKind.PAIN_POINT.value not in html


def test_the_pain_slide_says_whose_score_makes_each_pain_point():
    journey = sample_map()
    journey.update(Entity.CARD, "t2", emotions={"maya": -2, "omar": -3})
    tiles = pain_tiles(journey, ranked_pain_points(journey, shown(journey)))
    assert [t.lines[1] for t in tiles] == ["Omar \u22123, Maya \u22122", "Marked as a pain point"]
    assert tiles[0].badge == "\u22123"


def test_the_room_sees_the_maps_shown_personas_minus_those_left_out():
    journey = sample_map()
    journey.update(Entity.CARD, "t1", emotions={"maya": 1, "omar": -3})
    journey.update(Entity.CARD, "t2", emotions={"maya": -2, "omar": -3})
    points = ranked_pain_points(journey, shown(journey))
    assert [(p.card.id, p.whose) for p in points] == [
        ("t2", "Omar \u22123, Maya \u22122"),
        ("t1", "Omar \u22123"),
        ("p1", "marked as a pain point"),
    ]
    journey.update(Entity.PERSONA, "omar", hidden=True)  # hidden on the map: hidden here
    assert [p.id for p in shown(journey).personas] == ["maya"]
    points = ranked_pain_points(journey, shown(journey))
    assert [(p.card.id, p.whose, p.score) for p in points] == [
        ("t2", "Maya \u22122", -2),
        ("p1", "marked as a pain point", None),
    ]
    journey.update(Entity.PERSONA, "omar", hidden=False)
    journey.update_info(presentation=Presentation(hidden_persona_ids=("maya",)))
    points = ranked_pain_points(journey, shown(journey))
    assert [(p.card.id, p.whose) for p in points] == [
        ("t2", "Omar \u22123"),
        ("t1", "Omar \u22123"),
        ("p1", "marked as a pain point"),
    ]


def test_a_cards_details_give_the_feelings_of_the_personas_the_room_sees():
    journey = sample_map()
    journey.update(Entity.CARD, "t2", emotions={"maya": -3, "omar": -2})
    html = detail_html(journey, journey.card("t2"), CALM, 24)
    assert "Maya \u22123 (pain point)" in html and "Omar \u22122 (pain point)" in html
    journey.update(Entity.PERSONA, "omar", hidden=True)
    html = detail_html(journey, journey.card("t2"), CALM, 24)
    assert "Maya \u22123 (pain point)" in html and "Omar" not in html
    journey.update(Entity.PERSONA, "omar", hidden=False)
    journey.update_info(presentation=Presentation(hidden_persona_ids=("maya",)))
    html = detail_html(journey, journey.card("t2"), CALM, 24)
    assert "Maya" not in html and "Omar \u22122 (pain point)" in html
