"""Small, fully featured maps for tests."""

from __future__ import annotations

import sys
from pathlib import Path

from mapper.model import (
    Card,
    CardKind,
    Confidence,
    Creator,
    CustomChannel,
    Evidence,
    Flow,
    JourneyMap,
    Lane,
    LaneKind,
    MapInfo,
    Metrics,
    Persona,
    Photo,
    Scenario,
    Stage,
)

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c"
    "63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082"
)


def sample_map() -> JourneyMap:
    """Three stages, four lanes, two personas, cards of several kinds (opportunities too),
    flows."""
    journey = JourneyMap(
        MapInfo(
            title="Renew a phone contract",
            description="Test map",
            author="QA",
            version="1",
            scenario=Scenario("Renewal", "Get a better deal", ("No queue", "Clear prices")),
            custom_channels=(CustomChannel("kiosk", "Kiosk", False),),
        )
    )
    journey.add(
        Persona("maya", "Maya", role="Student", demographics={"Age": "22"}, goals=("Save",),
                photo=Photo("image/png", PNG_1PX), color="#cc0000")
    )  # fmt: skip
    journey.add(Persona("omar", "Omar", color="#0000cc"))
    journey.update_info(active_persona_id="maya")
    for sid, name in (("s1", "Awareness"), ("s2", "Purchase"), ("s3", "Retention")):
        journey.add(Stage(sid, name, metrics=Metrics(nps=12.5)))
    journey.add(Lane("l-act", "Actions", LaneKind.ACTIONS))
    journey.add(Lane("l-tp", "Touchpoints", LaneKind.TOUCHPOINTS))
    journey.add(Lane("l-pain", "Pain points", LaneKind.PAIN_POINTS))
    journey.add(Lane("opportunities", "Opportunities", LaneKind.OPPORTUNITIES))
    journey.add(Card("a1", "s1", "l-act", "Sees an advert", kind=CardKind.ACTION))
    journey.add(
        Card("t1", "s1", "l-tp", "Instagram ad", channel="social", creator=Creator.PAID,
             emotions={"maya": 1, "omar": 0}, tags=("ads",),
             evidence=(Evidence("I scroll past most ads", "Interview 3", Confidence.VALIDATED),))
    )  # fmt: skip
    journey.add(
        Card("t2", "s2", "l-tp", "Online checkout", channel="website", creator=Creator.OWNED,
             emotions={"maya": -3, "omar": -1}, moment_of_truth=True,
             metrics=Metrics(conversion_rate=0.31), url="https://example.com/checkout")
    )  # fmt: skip
    journey.add(Card("t3", "s2", "l-tp", "Store visit", channel="kiosk", emotions={"maya": 2}))
    journey.add(Card("p1", "s2", "l-pain", "Hidden fees", kind=CardKind.PAIN_POINT))
    journey.add(Card("t4", "s3", "l-tp", "Support call", channel="phone"))
    journey.add(Flow("f1", "t1", "t2", "clicks"))
    journey.add(Flow("f2", "t1", "t3"))
    journey.add(Flow("f3", "t2", "t4"))
    journey.add(Flow("f4", "t4", "t2", "calls back"))
    journey.add(
        Card("o1", "s2", "opportunities", "Show all fees upfront", CardKind.OPPORTUNITY,
             owner="Pricing", impact=5, effort=2, pain_point_ids=("p1", "t2"))
    )  # fmt: skip
    journey.add(Card("o2", "s1", "opportunities", "Callback slots", CardKind.OPPORTUNITY, effort=4))
    return journey


def wide_map(more_stages: int = 30) -> JourneyMap:
    """:func:`sample_map` with ``more_stages`` empty stages after its three: wider than a
    window, so the view scrolls sideways."""
    journey = sample_map()
    for i in range(more_stages):
        journey.add(Stage(f"more-{i}", f"Stage {i}"))
    return journey


def synthetic_map(cards: int, seed: int = 0, emotion_lane: bool = False) -> JourneyMap:
    """bench/synthetic.py's realistic map of ``cards`` cards (the same seed, the same map;
    ``emotion_lane``: with an emotion lane after the first two lanes)."""
    bench = str(Path(__file__).resolve().parents[1] / "bench")
    sys.path.insert(0, bench)
    try:
        from synthetic import make_map
    finally:
        sys.path.remove(bench)
    return make_map(cards, seed=seed, emotion_lane=emotion_lane)
