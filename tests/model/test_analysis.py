from factories import sample_map
from mapper.model import Card, Entity, Flow, analysis


def test_graph_questions():
    journey = sample_map()
    journey.add(Card("lonely", "s1", "l-tp", "Billboard", channel="print"))
    assert [c.id for c in analysis.unreachable_touchpoints(journey)] == ["lonely"]
    assert analysis.loops(journey) == [["t2", "t4"]] or analysis.loops(journey) == [["t4", "t2"]]
    assert analysis.has_path_through(journey)
    journey.add(Card("dead", "s1", "l-act", "Gives up"))
    journey.add(Flow("fd", "t1", "dead"))
    assert [c.id for c in analysis.dead_ends_before_purchase(journey)] == ["dead"]


def test_channel_gaps_and_emotions():
    journey = sample_map()
    gaps = analysis.channel_gaps(journey)
    assert gaps["s1"] == ["offline"]
    assert "s2" not in gaps  # website (online) and the custom offline kiosk
    assert gaps["s3"] == ["online"]
    by_stage = {e.stage_id: e.average for e in analysis.emotion_by_stage(journey, "maya")}
    assert by_stage == {"s1": 1.0, "s2": -0.5, "s3": None}
    assert [c.id for c, _ in analysis.emotion_points(journey, "maya")] == ["t1", "t2", "t3"]
    maya = analysis.pain_points_by_persona(journey, ["maya"])
    assert {p.card.id for p in maya} == {"t2", "p1"}


def test_model_does_not_import_qt():
    import subprocess
    import sys

    code = (
        "import sys, mapper.model, mapper.fileformat, mapper.cli.main, mapper.templates;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken', 'reportlab'))];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_pain_points_by_persona_says_whose_score_hurts_worst_first():
    journey = sample_map()
    journey.update(Entity.CARD, "t2", emotions={"maya": -3, "omar": -2})  # a moment of truth
    journey.update(Entity.CARD, "t3", emotions={"maya": -2, "omar": 1})
    journey.update(Entity.CARD, "t1", emotions={"maya": -1, "omar": -3})
    found = analysis.pain_points_by_persona(journey, ["maya", "omar"])
    summary = [(p.card.id, [(who.id, s) for who, s in p.hurt]) for p in found]
    assert summary == [
        ("t2", [("maya", -3), ("omar", -2)]),  # -3, two personas hurt
        ("t1", [("omar", -3)]),  # -3, one persona (maya's -1 is no pain)
        ("t3", [("maya", -2)]),  # -2 scored ranks before...
        ("p1", []),  # ...a card only marked as a pain point (counts as -2, no one hurt)
    ]
    assert [p.worst for p in found] == [-3, -3, -2, None]
    assert [p.marked for p in found] == [False, False, False, True]
    only_omar = analysis.pain_points_by_persona(journey, ["omar", "nobody"])
    assert [p.card.id for p in only_omar] == ["t1", "t2", "p1"]
    assert analysis.pain_points_by_persona(journey, []) == [
        analysis.PainPoint(journey.card("p1"), ())
    ]


def test_pain_points_default_to_the_shown_personas_and_lanes_can_be_chosen():
    journey = sample_map()
    journey.update(Entity.CARD, "t1", emotions={"maya": 1, "omar": -3})
    both = analysis.pain_points_by_persona(journey)
    assert [(p.card.id, [w.id for w, _ in p.hurt]) for p in both] == [
        ("t2", ["maya"]),  # both -3 by one persona: the moment of truth first
        ("t1", ["omar"]),
        ("p1", []),
    ]
    journey.update(Entity.PERSONA, "omar", hidden=True)
    assert [p.name for p in analysis.shown_personas(journey)] == ["Maya"]
    shown = analysis.pain_points_by_persona(journey)
    assert [p.card.id for p in shown] == ["t2", "p1"]  # omar's pain is hidden with him
    in_lane = analysis.pain_points_by_persona(journey, lane_ids={"l-pain"})
    assert [p.card.id for p in in_lane] == ["p1"]


def test_whose_pain_in_words_with_a_real_minus():
    from mapper.layout.wording import short_names, whose_pain

    journey = sample_map()
    journey.update(Entity.CARD, "t2", emotions={"maya": -2, "omar": -3})
    names = short_names(list(journey.personas))
    words = [whose_pain(p, names) for p in analysis.pain_points_by_persona(journey)]
    assert words == ["Omar \u22123, Maya \u22122", "marked as a pain point"]


def test_compare_personas_averages_and_where_they_diverge():
    journey = sample_map()  # stages s1, s2, s3; maya: t1 +1 | t2 -3, t3 +2 | -
    journey.update(Entity.CARD, "t2", emotions={"maya": -3, "omar": 2})
    result = analysis.compare_personas(journey)
    assert [s.id for s in result.stages] == ["s1", "s2", "s3"]
    curves = {c.persona.id: c.averages for c in result.curves}
    assert curves == {"maya": (1.0, -0.5, None), "omar": (0.0, 2.0, None)}
    assert result.means == (0.5, 0.75, None)
    assert [(d.stage_index, d.spread, d.lowest.id, d.highest.id) for d in result.divergent] == [
        (1, 2.5, "maya", "omar"),
        (0, 1.0, "omar", "maya"),
    ]  # s3 is scored by no one: not ranked


def test_compare_personas_ties_go_in_map_order_and_one_persona_has_no_divergence():
    journey = sample_map()
    journey.update(Entity.CARD, "t1", emotions={"maya": 1, "omar": -1})
    journey.update(Entity.CARD, "t2", emotions={"maya": -3, "omar": -1})
    journey.update(Entity.CARD, "t3", emotions={"maya": 2})
    # s1: 1 vs -1 (2.0); s2: maya mean -0.5 vs omar -1 (0.5)
    journey.add(Card("t9", "s3", "l-tp", "Late", emotions={"maya": 3, "omar": 1}))  # 2.0
    result = analysis.compare_personas(journey)
    assert [d.stage_index for d in result.divergent] == [0, 2, 1]
    alone = analysis.compare_personas(journey, ["maya"])
    assert len(alone.curves) == 1 and alone.divergent == ()
    assert alone.means == (1.0, -0.5, 3.0)
    nobody = analysis.compare_personas(journey, [])
    assert nobody.curves == () and nobody.means == (None, None, None)


def test_compare_personas_on_a_hundred_stages():
    from mapper.model import Persona, Stage

    journey = sample_map()
    for i in range(97):
        journey.add(Stage(f"x{i}", f"Extra {i}"))
        journey.add(Card(f"c{i}", f"x{i}", "l-tp", f"C{i}", emotions={"maya": i % 7 - 3}))
    journey.add(Persona("zoe", "Zoë"))
    result = analysis.compare_personas(journey)
    assert len(result.stages) == 100 and len(result.curves) == 3
    assert result.curves[2].averages == (None,) * 100  # Zoë scored nothing
    assert result.divergent[0].spread == max(d.spread for d in result.divergent)


def test_a_cards_mark_is_pain_for_any_shown_persona_and_love_for_the_active_one():
    from mapper.model import Sentiment

    journey = sample_map()
    journey.update(Entity.CARD, "t1", emotions={"maya": 3, "omar": -2})
    shown = analysis.shown_personas(journey)
    assert analysis.card_mark(journey.card("t1"), shown, "maya") is Sentiment.PAIN
    assert analysis.card_mark(journey.card("t3"), shown, "maya") is Sentiment.LOVE  # maya +2
    assert analysis.card_mark(journey.card("t3"), shown, "omar") is Sentiment.NEUTRAL
    journey.update(Entity.PERSONA, "omar", hidden=True)
    shown = analysis.shown_personas(journey)
    assert analysis.card_mark(journey.card("t1"), shown, "maya") is Sentiment.LOVE
