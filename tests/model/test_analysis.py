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
    assert {c.id for c in analysis.pain_points(journey, "maya")} == {"t2", "p1"}


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
    summary = [(card.id, [(p.id, s) for p, s in hurt]) for card, hurt in found]
    assert summary == [
        ("t2", [("maya", -3), ("omar", -2)]),  # -3, two personas hurt
        ("t1", [("omar", -3)]),  # -3, one persona (maya's -1 is no pain)
        ("t3", [("maya", -2)]),
        ("p1", []),  # marked as a pain point, scored by no one
    ]
    only_omar = analysis.pain_points_by_persona(journey, ["omar", "nobody"])
    assert [c.id for c, _ in only_omar] == ["t1", "t2", "p1"]
    assert analysis.pain_points_by_persona(journey, []) == [(journey.card("p1"), [])]
