"""Saving then loading gives back exactly the same map."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import sample_map
from mapper.fileformat import dumps_journey, load_journey, loads_journey, save_journey
from mapper.model import (
    BUILTIN_CHANNELS,
    BuyingPhase,
    Card,
    CardKind,
    Confidence,
    Creator,
    Entity,
    Evidence,
    Flow,
    JourneyMap,
    Lane,
    LaneKind,
    MapInfo,
    Metrics,
    Persona,
    Stage,
)

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
maybe_number = st.none() | finite


@st.composite
def journeys(draw) -> JourneyMap:
    journey = JourneyMap(MapInfo(title=draw(text), notes=draw(text)))
    personas = [f"p{i}" for i in range(draw(st.integers(0, 2)))]
    for pid in personas:
        journey.add(Persona(pid, draw(text), goals=tuple(draw(st.lists(text, max_size=2)))))
    stages = [f"s{i}" for i in range(draw(st.integers(1, 4)))]
    for sid in stages:
        journey.add(
            Stage(sid, draw(text), width=draw(st.floats(80, 2000)),
                  buying_phase=draw(st.none() | st.sampled_from(BuyingPhase)))
        )  # fmt: skip
    lanes = [f"l{i}" for i in range(draw(st.integers(1, 3)))]
    for lid in lanes:
        journey.add(Lane(lid, draw(text), draw(st.sampled_from(LaneKind))))
    card_ids = [f"c{i}" for i in range(draw(st.integers(0, 10)))]
    for cid in card_ids:
        journey.add(
            Card(
                cid, draw(st.sampled_from(stages)), draw(st.sampled_from(lanes)), draw(text),
                kind=draw(st.sampled_from(CardKind)),
                channel=draw(st.none() | st.sampled_from(sorted(BUILTIN_CHANNELS))),
                creator=draw(st.none() | st.sampled_from(Creator)),
                emotions={p: draw(st.integers(-3, 3)) for p in personas if draw(st.booleans())},
                moment_of_truth=draw(st.booleans()),
                impact=draw(st.integers(1, 5)),
                effort=draw(st.integers(1, 5)),
                metrics=Metrics(
                    csat=draw(maybe_number),
                    cost=draw(maybe_number),
                    lifetime_value=draw(maybe_number),
                ),
                evidence=tuple(Evidence(draw(text), draw(text), draw(st.sampled_from(Confidence)))
                               for _ in range(draw(st.integers(0, 2)))),
                tags=tuple(draw(st.lists(text, max_size=3))),
            ),
        )  # fmt: skip
    if len(card_ids) >= 2:
        pairs = draw(st.lists(st.tuples(st.sampled_from(card_ids), st.sampled_from(card_ids))))
        for i, (a, b) in enumerate(dict.fromkeys(p for p in pairs if p[0] != p[1])):
            journey.add(Flow(f"f{i}", a, b, draw(text)))
    for cid in card_ids:  # links to cards before and after it in the file
        others = [c for c in card_ids if c != cid]
        if others and draw(st.booleans()):
            links = tuple(draw(st.lists(st.sampled_from(others), unique=True, max_size=3)))
            journey.update(Entity.CARD, cid, pain_point_ids=links)
    return journey


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys())
def test_any_map_round_trips_losslessly(journey):
    text_out = dumps_journey(journey)
    again = loads_journey(text_out.encode("utf-8"))
    assert dumps_journey(again) == text_out
    assert list(again.cards()) == list(journey.cards())
    assert sorted(again.graph.edges) == sorted(journey.graph.edges)


def test_sample_round_trips_through_a_file(tmp_path):
    journey = sample_map()
    path = tmp_path / "m.journey"
    save_journey(journey, path)
    loaded = load_journey(path)
    assert dumps_journey(loaded) == dumps_journey(journey)
    assert loaded.personas.get("maya").photo == journey.personas.get("maya").photo
    assert loaded.card("t2").metrics.conversion_rate == 0.31


def test_output_is_deterministic_and_diff_friendly():
    text_out = dumps_journey(sample_map())
    assert text_out == dumps_journey(sample_map())
    assert text_out.startswith('{\n  "format": "mapper-journey",\n  "schema_version": 4,\n')
    assert text_out.endswith("}\n")
    data = json.loads(text_out)
    assert [c["id"] for c in data["cards"]] == ["a1", "t1", "o2", "t2", "t3", "p1", "o1", "t4"]
    assert list(data)[-5:] == ["personas", "stages", "lanes", "cards", "flows"]
    assert data["cards"][6]["pain_point_ids"] == ["p1", "t2"]
    # defaults are left out so a diff shows only what matters
    assert "moment_of_truth" not in data["cards"][0]


def test_presentation_choices_round_trip():
    from mapper.model import Presentation

    journey = sample_map()
    journey.update_info(presentation=Presentation(("l-pain",), ("omar",)))
    again = loads_journey(dumps_journey(journey).encode())
    assert again.info.presentation == Presentation(("l-pain",), ("omar",))


def test_utf8_bom_is_accepted():
    raw = dumps_journey(sample_map()).encode("utf-8")
    assert loads_journey(b"\xef\xbb\xbf" + raw).info.title == "Renew a phone contract"


def test_user_text_is_kept_verbatim():
    journey = sample_map()
    tricky = '<b>Sale</b> & <font size=80> "quoted" \\ Ωμέγα кириллица 🙂 \u200b'
    journey.update(Entity.CARD, "t1", title=tricky)
    assert loads_journey(dumps_journey(journey).encode()).card("t1").title == tricky
