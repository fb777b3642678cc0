"""Synthetic journey maps of any size, for benchmarks.

    from synthetic import make_map        # scripts in bench/ (their folder is on sys.path)
    journey = make_map(5_000)             # 5,000 cards over 8 stages x 6 lanes, 2 personas

    python bench/synthetic.py 5000 big.journey [--seed 0 --stages 8 --lanes 6 --personas 2]

The same arguments always give the same map (ids, texts, flows, everything): all choices come
from one ``random.Random(seed)`` and ids are counters (``card-000123``, ``flow-000042``).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from mapper.model import (
    BUILTIN_CHANNELS,
    EMOTION_MAX,
    EMOTION_MIN,
    Card,
    CardKind,
    Confidence,
    Creator,
    CustomChannel,
    Entity,
    Evidence,
    Flow,
    JourneyMap,
    Lane,
    LaneKind,
    MapInfo,
    Metrics,
    Persona,
    Scenario,
    Stage,
)
from mapper.model.opportunities import opportunities

FLOWS_PER_CARD = 1.3

STAGE_NAMES = [
    "Awareness", "Consideration", "Decision", "Purchase", "Onboarding", "Usage", "Retention",
    "Advocacy",
]  # fmt: skip
STAGE_COLORS = ["#e8eef7", "#eef7e8", "#f7f0e8", "#f3e8f7", "#e8f7f5", "#f7e8ea"]

LANE_TEMPLATES = [
    ("Touchpoints", LaneKind.TOUCHPOINTS),
    ("Customer actions", LaneKind.ACTIONS),
    ("Frontstage", LaneKind.FRONTSTAGE),
    ("Backstage", LaneKind.BACKSTAGE),
    ("Thoughts", LaneKind.THOUGHTS),
    ("Support processes", LaneKind.SUPPORT),
    ("Pain points", LaneKind.PAIN_POINTS),
    ("Channels", LaneKind.CHANNELS),
    ("Evidence", LaneKind.EVIDENCE),
    ("Owners", LaneKind.OWNER),
]
# Card kinds and their weights: mostly touchpoints, as on real maps.
KIND_WEIGHTS = [
    (CardKind.TOUCHPOINT, 80),
    (CardKind.PAIN_POINT, 8),
    (CardKind.ACTION, 6),
    (CardKind.THOUGHT, 4),
    (CardKind.NOTE, 2),
]
PERSONA_TEMPLATES = [
    ("Maya Lindqvist", "Small-business owner", "#3465a4"),
    ("Tomás Ortega", "First-time buyer", "#c4a000"),
    ("Priya Raman", "IT procurement lead", "#4e9a06"),
    ("Jonas Weber", "Returning customer", "#a40000"),
    ("Aiko Tanaka", "Student on a budget", "#75507b"),
]
CUSTOM_CHANNEL = CustomChannel("kiosk", "In-store kiosk", False)

VERBS = [
    "search", "compare", "sign up for", "read", "book", "call about", "visit", "open",
    "chat about", "download", "install", "configure", "pay for", "upgrade", "cancel", "renew",
    "recommend", "review", "share", "return", "track", "confirm", "reset", "ask about", "watch",
    "try", "reorder", "complain about", "activate", "invite colleagues to",
]  # fmt: skip
OBJECTS = [
    "pricing page", "product demo", "order confirmation", "delivery update", "welcome email",
    "onboarding checklist", "support ticket", "loyalty programme", "invoice", "refund request",
    "mobile app", "store visit", "comparison table", "customer reviews", "trial account",
    "password reset", "shipping options", "size guide", "FAQ article", "community forum",
    "renewal reminder", "account settings", "payment details", "chat assistant", "call-back slot",
    "newsletter", "referral code", "warranty claim", "setup wizard", "café voucher",
]  # fmt: skip
QUALIFIERS = [
    "on mobile", "after work", "for the first time", "again", "with a friend", "late at night",
    "before buying", "in store", "from the ad", "on the website", "with support", "in a hurry",
]  # fmt: skip
WORDS = [
    "customer", "wants", "to", "understand", "the", "total", "cost", "before", "committing", "and",
    "looks", "for", "clear", "information", "about", "delivery", "times", "returns", "and",
    "hidden", "fees", "the", "process", "feels", "slow", "when", "forms", "ask", "for", "the",
    "same", "details", "twice", "staff", "can", "see", "the", "order", "history", "but", "the",
    "app", "does", "not", "show", "it", "consistently", "most", "people", "expect", "an", "answer",
    "within", "a", "day", "and", "give", "up", "if", "nobody", "replies", "a", "reminder", "helps",
    "but", "too", "many", "messages", "feel", "pushy", "the", "team", "measures", "satisfaction",
    "after", "each", "contact", "and", "reviews", "complaints", "every", "week", "research",
    "shows", "that", "trust", "grows", "when", "promises", "are", "kept", "and", "shrinks",
    "after", "a", "single", "bad", "experience", "the", "checkout", "works", "well", "on",
    "desktop", "yet", "the", "small", "screen", "hides", "important", "options", "naïve",
    "defaults", "cost", "money", "for", "example", "€15", "extra", "shipping",
]  # fmt: skip
SOURCES = [
    "Interview P03", "Interview P07", "Interview P12", "Survey 2024 Q3", "Support tickets",
    "App store reviews", "Web analytics", "Diary study", "Sales call notes", "NPS comments",
]  # fmt: skip
TAGS = [
    "quick-win", "mobile", "billing", "delivery", "trust", "self-service", "legal",
    "accessibility", "churn-risk", "upsell", "research-gap", "ops",
]  # fmt: skip
OWNERS = [
    "Marketing", "Sales", "Customer success", "Support", "Logistics", "Product", "Billing",
    "E-commerce", "Retail operations",
]  # fmt: skip
FLOW_LABELS = ["if unresolved", "next day", "repeat purchase", "escalation", "on mobile", "yes"]
DEMOGRAPHICS = [
    ("Age", ["24", "31", "38", "45", "52", "63"]),
    ("Location", ["Lisbon", "Leeds", "Lyon", "Graz", "Uppsala", "Bologna"]),
    ("Income", ["low", "middle", "upper middle", "high"]),
    ("Tech savvy", ["low", "medium", "high"]),
]
TOUCHPOINT_CHANNELS = list(BUILTIN_CHANNELS)


class _Text:
    """Plausible English-ish text in realistic lengths."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sentence(self, low: int = 7, high: int = 18) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def sentences(self, low: int = 1, high: int = 3) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def title(self) -> str:
        """2 to 7 words: a verb, an object and sometimes a qualifier."""
        rng = self.rng
        words = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}".split()
        if len(words) < 6 and rng.random() < 0.4:
            words += rng.choice(QUALIFIERS).split()
        words = words[:7]
        text = " ".join(words)
        return text[0].upper() + text[1:]


def _stage(i: int, rng: random.Random, text: _Text) -> Stage:
    name = STAGE_NAMES[i] if i < len(STAGE_NAMES) else f"Stage {i + 1}"
    metrics = Metrics()
    if rng.random() < 0.5:
        metrics = Metrics(
            csat=round(rng.uniform(2.5, 4.8), 1),
            conversion_rate=round(rng.uniform(0.05, 0.9), 3),
        )
    return Stage(
        id=f"stage-{i + 1:03d}",
        name=name,
        description=text.sentences(1, 2),
        color=STAGE_COLORS[i % len(STAGE_COLORS)],
        width=float(rng.choice([240, 280, 320, 360])),
        notes=text.sentence() if rng.random() < 0.3 else "",
        metrics=metrics,
    )


def _lane(i: int) -> Lane:
    name, kind = LANE_TEMPLATES[i % len(LANE_TEMPLATES)]
    if i >= len(LANE_TEMPLATES):
        name, kind = f"{name} {i // len(LANE_TEMPLATES) + 1}", LaneKind.CUSTOM
    return Lane(id=f"lane-{i + 1:03d}", name=name, kind=kind)


def _persona(i: int, rng: random.Random, text: _Text) -> Persona:
    name, role, color = PERSONA_TEMPLATES[i % len(PERSONA_TEMPLATES)]
    if i >= len(PERSONA_TEMPLATES):
        name = f"{name} ({i // len(PERSONA_TEMPLATES) + 1})"
    # A dict, as the loader builds it: the file format stores demographics as an object.
    demographics = {key: rng.choice(values) for key, values in DEMOGRAPHICS}
    return Persona(
        id=f"persona-{i + 1:03d}",
        name=name,
        role=role,
        bio=text.sentences(2, 3),
        demographics=demographics,  # type: ignore[arg-type]
        goals=tuple(text.sentence(5, 10) for _ in range(rng.randint(1, 3))),
        motivations=tuple(text.sentence(5, 10) for _ in range(rng.randint(1, 2))),
        frustrations=tuple(text.sentence(5, 10) for _ in range(rng.randint(1, 3))),
        behaviours=tuple(text.sentence(5, 10) for _ in range(rng.randint(0, 2))),
        quote=text.sentence(6, 14),
        color=color,
    )


def _metrics(rng: random.Random) -> Metrics:
    if rng.random() >= 0.3:
        return Metrics()
    values = {
        "csat": lambda: round(rng.uniform(1, 5), 1),
        "nps": lambda: float(rng.randint(-100, 100)),
        "conversion_rate": lambda: round(rng.random(), 3),
        "customer_effort": lambda: round(rng.uniform(1, 7), 1),
        "volume": lambda: float(rng.randint(10, 250_000)),
        "cost": lambda: round(rng.uniform(0.5, 120), 2),
    }
    chosen = rng.sample(list(values), rng.randint(1, 3))
    return Metrics(**{name: values[name]() for name in chosen})


def _evidence(rng: random.Random, text: _Text) -> tuple[Evidence, ...]:
    if rng.random() >= 0.35:
        return ()
    return tuple(
        Evidence(
            text=f"“{text.sentences(1, 2)}”",
            source=rng.choice(SOURCES),
            confidence=rng.choice(list(Confidence)),
        )
        for _ in range(rng.randint(1, 3))
    )


def _emotions(
    rng: random.Random, kind: CardKind, stage_mood: float, persona_ids: list[str]
) -> dict[str, int]:
    emotions: dict[str, int] = {}
    for n, pid in enumerate(persona_ids):
        if kind is CardKind.PAIN_POINT and n == 0:
            emotions[pid] = rng.choice([-3, -2, -2])
        elif rng.random() < 0.7:
            score = round(stage_mood + rng.gauss(0, 1.3) - 0.3 * n)
            emotions[pid] = max(EMOTION_MIN, min(EMOTION_MAX, score))
    return emotions


def _card(
    card_id: str,
    stage: Stage,
    lane: Lane,
    kind: CardKind,
    rng: random.Random,
    text: _Text,
    stage_mood: float,
    persona_ids: list[str],
) -> Card:
    touchpoint = kind is CardKind.TOUCHPOINT
    channel = creator = None
    if touchpoint and rng.random() < 0.92:
        channel = CUSTOM_CHANNEL.key if rng.random() < 0.02 else rng.choice(TOUCHPOINT_CHANNELS)
    if touchpoint and rng.random() < 0.7:
        creator = rng.choice(list(Creator))
    return Card(
        id=card_id,
        stage_id=stage.id,
        lane_id=lane.id,
        title=text.title(),
        kind=kind,
        description=text.sentences(1, 3),
        channel=channel,
        creator=creator,
        emotions=_emotions(rng, kind, stage_mood, persona_ids),
        moment_of_truth=rng.random() < 0.05,
        owner=rng.choice(OWNERS) if rng.random() < 0.4 else "",
        metrics=_metrics(rng),
        evidence=_evidence(rng, text),
        url=f"https://example.com/{card_id}/{rng.choice(TAGS)}" if rng.random() < 0.2 else "",
        tags=tuple(rng.sample(TAGS, rng.choice([0, 0, 1, 1, 2, 3]))),
        notes=text.sentences(1, 2) if rng.random() < 0.25 else "",
    )


def _flows(
    rng: random.Random, by_stage: list[list[str]], stage_of: dict[str, int], total: int
) -> list[Flow]:
    """About ``total`` flows: every card not in the last stage leads to one in the next
    stage; then branches (one or two stages ahead, or later in the same stage) and loops
    back to an earlier stage. Never a self-loop, never the same source -> target twice."""
    flows: list[Flow] = []
    pairs: set[tuple[str, str]] = set()
    last = len(by_stage) - 1

    def add(source: str, target: str) -> bool:
        if source == target or (source, target) in pairs or len(flows) >= total:
            return False
        pairs.add((source, target))
        label = rng.choice(FLOW_LABELS) if rng.random() < 0.15 else ""
        flows.append(Flow(f"flow-{len(flows) + 1:06d}", source, target, label))
        return True

    def nearest_filled(start: int, step: int) -> int | None:
        i = start
        while 0 <= i <= last:
            if by_stage[i]:
                return i
            i += step
        return None

    sources = [cid for stage_cards in by_stage for cid in stage_cards]
    for source in sources:  # the main path: forward to the next stage that has cards
        nxt = nearest_filled(stage_of[source] + 1, 1)
        if nxt is not None:
            add(source, rng.choice(by_stage[nxt]))
    attempts = 0
    while len(flows) < total and sources and attempts < 20 * total:
        attempts += 1
        source = rng.choice(sources)
        s = stage_of[source]
        roll = rng.random()
        if roll < 0.75:  # a branch: one or two stages ahead, or on within the stage
            ahead = nearest_filled(min(s + rng.choice([0, 1, 1, 2]), last), 1)
            if ahead is not None:
                add(source, rng.choice(by_stage[ahead]))
        elif s > 0:  # a loop back, e.g. support sending the customer to the website
            back = nearest_filled(rng.randint(max(0, s - 3), s - 1), -1)
            if back is not None:
                add(source, rng.choice(by_stage[back]))
    return flows


def make_map(
    touchpoints: int,
    stages: int = 8,
    lanes: int = 6,
    personas: int = 2,
    seed: int = 0,
    emotion_lane: bool = False,
) -> JourneyMap:
    """A realistic-looking map with ``touchpoints`` cards (mostly touchpoints; some pain
    points, actions, thoughts and notes) spread over ``stages`` x ``lanes`` cells, about
    1.3 flows per card, and roughly one card in 25 an opportunity addressing pain points.
    With ``emotion_lane``, an emotion lane (empty, drawing the personas' curves) comes
    after the first two lanes, as "doing, then feeling" maps have it; the rest of the map
    is the same as without it."""
    if touchpoints < 0 or stages < 1 or lanes < 1 or personas < 0:
        raise ValueError("need touchpoints >= 0, stages >= 1, lanes >= 1, personas >= 0")
    rng = random.Random(seed)
    text = _Text(rng)

    journey = JourneyMap(
        MapInfo(
            title=f"Synthetic journey ({touchpoints:,} touchpoints)",
            description=text.sentences(2, 3),
            author="bench/synthetic.py",
            version=f"seed {seed}",
            scenario=Scenario(
                title="Switching to a new provider",
                goal=text.sentence(),
                expectations=tuple(text.sentence(5, 10) for _ in range(3)),
            ),
            notes=text.sentences(1, 2),
            custom_channels=(CUSTOM_CHANNEL,),
        )
    )
    for i in range(personas):
        journey.add(_persona(i, rng, text))
    persona_ids = journey.personas.ids()
    if persona_ids:
        journey.update_info(active_persona_id=persona_ids[0])
    stage_list = [_stage(i, rng, text) for i in range(stages)]
    lane_list = [_lane(i) for i in range(lanes)]
    for stage in stage_list:
        journey.add(stage)
    for lane in lane_list:
        journey.add(lane)

    # Place cards first (even spread over stages, uneven over lanes), then number them in
    # document order so card-000001 is the first card on the canvas.
    lane_weights = [max(1, 6 - i) for i in range(lanes)]
    cells = sorted(
        (i * stages // touchpoints, rng.choices(range(lanes), lane_weights)[0])
        for i in range(touchpoints)
    )
    kinds, kind_weights = zip(*KIND_WEIGHTS, strict=True)
    moods = [1.5 - 3.5 * abs((i + 0.5) / stages - 0.45) + rng.uniform(-1, 1) for i in range(stages)]
    by_stage: list[list[str]] = [[] for _ in range(stages)]
    stage_of: dict[str, int] = {}
    for n, (s, l_) in enumerate(cells, start=1):
        card_id = f"card-{n:06d}"
        kind = rng.choices(kinds, kind_weights)[0]
        card = _card(card_id, stage_list[s], lane_list[l_], kind, rng, text, moods[s], persona_ids)
        journey.add(card)
        by_stage[s].append(card_id)
        stage_of[card_id] = s

    for flow in _flows(rng, by_stage, stage_of, round(FLOWS_PER_CARD * touchpoints)):
        journey.add(flow)

    first = persona_ids[0] if persona_ids else None
    pains = [
        c for c in journey.cards() if c.kind is CardKind.PAIN_POINT or (c.emotion(first) or 0) <= -2
    ]
    # some touchpoints near the pain points they address become opportunities
    pain_ids = {c.id for c in pains}
    for _ in range(touchpoints // 25 if pains else 0):
        linked = rng.sample(pains, min(len(pains), rng.randint(1, 3)))
        nearby = [
            i for i in by_stage[stage_of[linked[0].id]]
            if i not in pain_ids and journey.card(i).kind is CardKind.TOUCHPOINT
        ]  # fmt: skip
        if not nearby:
            continue
        journey.update(
            Entity.CARD,
            rng.choice(nearby),
            kind=CardKind.OPPORTUNITY,
            channel=None,
            creator=None,
            emotions={},
            title=text.title(),
            description=text.sentences(1, 2),
            impact=rng.randint(1, 5),
            effort=rng.randint(1, 5),
            owner=rng.choice(OWNERS),
            pain_point_ids=tuple(c.id for c in linked),
        )
    if emotion_lane:
        journey.insert(2, Lane(id="lane-emotion", name="Emotion", kind=LaneKind.EMOTION))
    return journey


def main(argv: list[str] | None = None) -> int:
    from mapper.fileformat import save_journey

    parser = argparse.ArgumentParser(description="Write a synthetic .journey file.")
    parser.add_argument("touchpoints", type=int, help="number of cards")
    parser.add_argument("out", type=Path, help="the .journey file to write")
    parser.add_argument("--stages", type=int, default=8)
    parser.add_argument("--lanes", type=int, default=6)
    parser.add_argument("--personas", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--emotion-lane", action="store_true", help="add an emotion lane")
    args = parser.parse_args(argv)
    journey = make_map(
        args.touchpoints, args.stages, args.lanes, args.personas, args.seed, args.emotion_lane
    )
    save_journey(journey, args.out)
    print(
        f"{args.out}: {journey.card_count()} cards, {journey.flow_count()} flows, "
        f"{len(opportunities(journey))} opportunities, {args.out.stat().st_size / 1e6:.2f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
